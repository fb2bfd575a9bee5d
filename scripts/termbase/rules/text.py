"""The text of entries: untrusted input that must be plain, in the right script, and typeset as each language
expects.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from ..model import Concept
from ..problems import Problem
from ..writing import has_cjk
from . import Context

_MARKUP = {
    "html": (r"<[A-Za-z!/?]", "raw HTML is not allowed", "write plain text; pages format it themselves"),
    "url": (r"(?i:\b(?:javascript|vbscript|data)\s*:)", "script and data URLs are not allowed", "remove the link"),
    "link": (r"!?\[[^\]]*\]\(", "Markdown links and images are not allowed in entry text",
             "cite documents through `sources` and link concepts through `relations`"),
    "entity": (r"&#?[A-Za-z0-9]+;", "HTML entities are not allowed", "write the character itself"),
}
# One pass over each text finds any of them (this runs on every text of every entry); texts without any of the
# characters that markup needs are passed over with a much cheaper scan.
_MARKUP_ANY = re.compile("|".join(f"(?P<{name}>{pattern})" for name, (pattern, _, _) in _MARKUP.items()))
_MARKUP_CHARACTERS = re.compile(r"[<&\[:]")
def texts(concept: Concept) -> Iterator[tuple[tuple, str | None, str, str]]:
    """Every text of an entry: (field path, language or None, kind, text). Kind is term, definition or prose."""
    for code, section in concept.sections.items():
        yield (code, "term"), code, "term", section.term
        for i, synonym in enumerate(section.synonyms):
            yield (code, "synonyms", i), code, "term", synonym
        for i, deprecated in enumerate(section.deprecated):
            yield (code, "deprecated", i, "term"), code, "term", deprecated.term
            yield (code, "deprecated", i, "reason"), code, "prose", deprecated.reason
        yield (code, "definition"), code, "definition", section.definition
        if section.note:
            yield (code, "note"), code, "prose", section.note
        if section.disambiguated:
            yield (code, "disambiguated"), code, "term", section.disambiguated
        basis = section.definition_source
        for j, cited in enumerate(basis.sources):
            if cited.at:
                where = (code, "definition_source", "at") if basis.legacy else (code, "definition_source", "sources", j, "at")
                yield where, None, "prose", cited.at
        for j, cited in enumerate(section.note_sources):
            if cited.at:
                yield (code, "note_sources", j, "at"), None, "prose", cited.at
        if section.equivalence:
            for note_language, note in section.equivalence.note.items():
                yield (code, "equivalence", "note", note_language), note_language, "prose", note
            for j, cited in enumerate(section.equivalence.sources):
                if cited.at:
                    yield (code, "equivalence", "sources", j, "at"), None, "prose", cited.at
    for i, rendering in enumerate(concept.renderings):
        for code, text in rendering.text.items():
            yield ("renderings", i, code), code, "term", text
        for code, note in rendering.note.items():
            yield ("renderings", i, "note", code), code, "prose", note
        if rendering.source.at:
            yield ("renderings", i, "source", "at"), None, "prose", rendering.source.at
    for i, conception in enumerate(concept.conceptions):
        for code, text in conception.text.items():
            yield ("conceptions", i, code), code, "prose", text
        for j, cited in enumerate(conception.sources):
            if cited.at:
                yield ("conceptions", i, "sources", j, "at"), None, "prose", cited.at
    for i, cited in enumerate(concept.sources):
        if cited.at:
            yield ("sources", i, "at"), None, "prose", cited.at


def markup(ctx: Context) -> Iterator[Problem]:
    """Entry text is plain: no HTML tags or entities, no script or data URLs, no Markdown links."""
    for concept in ctx.glossary.concepts.values():
        for path, _, _, text in texts(concept):
            if not _MARKUP_CHARACTERS.search(text):
                continue
            reported = set()  # one problem per kind of markup and text: the first occurrence
            for found in _MARKUP_ANY.finditer(text):
                if found.lastgroup not in reported:
                    reported.add(found.lastgroup)
                    _, message, hint = _MARKUP[found.lastgroup]
                    yield ctx.problem(concept, path, f"{message}: '{found.group()}'", hint)


def whitespace_and_normalisation(ctx: Context) -> Iterator[Problem]:
    """Text is Unicode NFC, with no leading, trailing or doubled spaces."""
    for concept in ctx.glossary.concepts.values():
        for path, _, _, text in texts(concept):
            if unicodedata.normalize("NFC", text) != text:
                yield ctx.problem(concept, path, "the text is not in Unicode NFC form",
                                  "retype the accented or composed characters, or normalise the file to NFC")
            if text != text.strip():
                yield ctx.problem(concept, path, "the text starts or ends with white space", "remove it")
            elif "  " in text or "\n" in text.strip():
                yield ctx.problem(concept, path, "the text has doubled spaces or a line break",
                                  "use single spaces; write a paragraph as folded text (>-)")


def script(ctx: Context) -> Iterator[Problem]:
    """Terms and definitions are written in their language's script (Chinese ones with Chinese characters, Japanese
    ones with kana or kanji); those of a Latin-script language contain no Chinese or Japanese characters."""
    languages = {lang.code: lang for lang in ctx.glossary.languages}
    for concept in ctx.glossary.concepts.values():
        for path, code, kind, text in texts(concept):
            if kind == "prose" or code not in languages:
                continue  # notes may quote terms of the other language
            language = languages[code]
            writing = language.profile
            if writing.characters and not writing.has_characters(text):
                yield ctx.problem(concept, path, f"{writing.name} text without any {writing.name} character",
                                  f"write the {writing.name} term or definition here")
            elif not writing.characters and has_cjk(text):
                others = [lang.code for lang in ctx.glossary.languages if lang.profile.characters]
                yield ctx.problem(concept, path, f"Chinese or Japanese characters in the '{code}' text",
                                  f"move them to the {' or '.join(others) or 'right'} section, or to a note if the "
                                  f"{code} text must quote them")


def typography(ctx: Context) -> Iterator[Problem]:
    """Text follows its script's typography (Chinese and Japanese: full-width punctuation, no space between
    characters)."""
    languages = {lang.code: lang for lang in ctx.glossary.languages}
    for concept in ctx.glossary.concepts.values():
        for path, code, _, text in texts(concept):
            if code in languages:
                for message, hint in languages[code].profile.typography(text):
                    yield ctx.problem(concept, path, message, hint)


def reading(ctx: Context) -> Iterator[Problem]:
    """A reading an entry gives for its term (pinyin, kana) is a possible reading of it."""
    languages = {lang.code: lang for lang in ctx.glossary.languages}
    for concept in ctx.glossary.concepts.values():
        for code, section in concept.sections.items():
            spec = languages[code].profile.reading if code in languages else None
            if spec and section.reading and not spec.matches(section.term, section.reading):
                yield ctx.problem(concept, (code, spec.field), f"'{section.reading}' is not a reading of '{section.term}'",
                                  f"the usual reading is '{spec.of(section.term)}'; {spec.how}")
