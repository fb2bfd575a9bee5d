"""The text of entries: untrusted input that must be plain, in the right script, and typeset as each language
expects.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from ..collation import pinyin as pinyin_of
from ..collation import pinyin_matches
from ..model import Concept
from ..problems import Problem
from . import Context

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN = re.compile(f"[{HAN}]")

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
# ASCII punctuation touching a Chinese character: Chinese text takes full-width punctuation.
_HALF_WIDTH = re.compile(f"(?:[{HAN}][,;:!?()]|[,;:!?(][{HAN}]|[{HAN}]\\.(?![0-9A-Za-z]))")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）", ".": "。"}
_SPACE_BETWEEN_HAN = re.compile(f"[{HAN}] +[{HAN}]")


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
                    yield ctx.problem(concept, path, "markup", f"{message}: '{found.group()}'", hint)


def whitespace_and_normalisation(ctx: Context) -> Iterator[Problem]:
    """Text is Unicode NFC, with no leading, trailing or doubled spaces."""
    for concept in ctx.glossary.concepts.values():
        for path, _, _, text in texts(concept):
            if unicodedata.normalize("NFC", text) != text:
                yield ctx.problem(concept, path, "text-form", "the text is not in Unicode NFC form",
                                  "retype the accented or composed characters, or normalise the file to NFC")
            if text != text.strip():
                yield ctx.problem(concept, path, "text-form", "the text starts or ends with white space", "remove it")
            elif "  " in text or "\n" in text.strip():
                yield ctx.problem(concept, path, "text-form", "the text has doubled spaces or a line break",
                                  "use single spaces; write a paragraph as folded text (>-)")


def script(ctx: Context) -> Iterator[Problem]:
    """Chinese terms and definitions are written in Han characters; English ones contain none."""
    han_languages = {lang.code for lang in ctx.glossary.languages if lang.uses_han}
    for concept in ctx.glossary.concepts.values():
        for path, code, kind, text in texts(concept):
            if kind == "prose" or code is None:
                continue  # notes may quote terms of the other language
            has_han = bool(_HAN.search(text))
            if code in han_languages and not has_han:
                yield ctx.problem(concept, path, "script", "Chinese text without any Chinese character",
                                  "write the Chinese term or definition here")
            elif code not in han_languages and has_han:
                yield ctx.problem(concept, path, "script", f"Chinese characters in the '{code}' text",
                                  f"move them to the zh section, or to a note if the {code} text must quote them")


def chinese_typography(ctx: Context) -> Iterator[Problem]:
    """Chinese text uses full-width punctuation and no space between Chinese characters."""
    chinese = {lang.code for lang in ctx.glossary.languages if lang.is_chinese}
    for concept in ctx.glossary.concepts.values():
        for path, code, _, text in texts(concept):
            if code not in chinese:
                continue
            half = _HALF_WIDTH.search(text)
            if half:
                mark = next(ch for ch in half.group() if ch in _FULL_WIDTH)
                yield ctx.problem(concept, path, "typography", f"half-width '{mark}' in Chinese text: '{half.group()}'",
                                  f"use the full-width '{_FULL_WIDTH[mark]}'")
            gap = _SPACE_BETWEEN_HAN.search(text)
            if gap:
                yield ctx.problem(concept, path, "typography", f"space between Chinese characters: '{gap.group()}'",
                                  "remove it; if the paragraph is wrapped in the YAML, keep it on one line instead")


def pinyin(ctx: Context) -> Iterator[Problem]:
    """Pinyin, where an entry gives it, is a reading of the term."""
    for concept in ctx.glossary.concepts.values():
        for code, section in concept.sections.items():
            if section.pinyin and not pinyin_matches(section.term, section.pinyin):
                yield ctx.problem(concept, (code, "pinyin"), "pinyin",
                                  f"'{section.pinyin}' is not a reading of '{section.term}'",
                                  f"the usual reading is '{pinyin_of(section.term)}'; write tone marks (ā á ǎ à)")
