"""The text of every glossary file: untrusted input that must be plain, in the right script, and typeset as each
language expects. Every rule here reads the texts through the one table of text fields (fields.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .. import fields
from ..problems import Problem
from ..writing import has_cjk
from ..yamlsource import Document
from . import Context

_MARKUP = {
    "html": (r"<[A-Za-z!/?]", "raw HTML is not allowed", "write plain text; pages format it themselves"),
    "url": (r"(?i:\b(?:javascript|vbscript|data)\s*:)", "script and data URLs are not allowed", "remove the link"),
    "link": (r"!?\[[^\]]*\]\(", "Markdown links and images are not allowed in entry text",
             "cite documents through `sources` and link concepts through `relations`"),
    # numeric references need no ';' in HTML, nor do a few named ones (&lt &amp ...)
    "entity": (r"&#[0-9]+|&#[xX][0-9A-Fa-f]+|&[A-Za-z][A-Za-z0-9]*;|&(?:lt|gt|amp|quot|apos|nbsp)(?![A-Za-z0-9])",
               "HTML entities are not allowed", "write the character itself"),
}
# One pass over each text finds any of them (this runs on every text of every entry); texts without any of the
# characters that markup needs are passed over with a much cheaper scan.
_MARKUP_ANY = re.compile("|".join(f"(?P<{name}>{pattern})" for name, (pattern, _, _) in _MARKUP.items()))
_MARKUP_CHARACTERS = re.compile(r"[<&\[:]")
# Spaces other than U+0020 (no-break, thin, ...): they look alike and defeat comparisons. The ideographic space
# U+3000 is not among them: GB/T standard titles use it between title parts (《信息安全技术　术语》).
_UNUSUAL_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f]")
_VISIBLE = re.compile(r"[^\W_]")
_WORD = re.compile(r"[^\W\d_]+")
# Scripts with letters that look like Latin ones (homoglyphs). In a Latin-script term a whole Cyrillic, Armenian
# or Cherokee word is flagged too; Greek letters are not, as they stand alone as symbols (ε-differential privacy).
_LOOK_ALIKE_SCRIPTS = {"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC"}
_CONFUSABLE = re.compile("[\u0400-\u052f\u0531-\u058f\u13a0-\u13ff\u2c80-\u2cff]")


@dataclass(frozen=True)
class _Found:
    """A text of the table (fields.py) in one file."""

    file: Path
    doc: Document
    text: fields.Text


_SETTINGS_FILES = (fields.REGISTRY, fields.BIBLIOGRAPHY, fields.DOMAINS, fields.JURISDICTIONS, fields.SETTINGS)
_last: tuple[tuple, list[_Found]] | None = None  # the texts of the glossary being checked, found once


def texts(ctx: Context) -> list[_Found]:
    """Every text of every file of the glossary: its entries and its glossary-wide files."""
    global _last
    if _last is None or _last[0][0] is not ctx.glossary or _last[0][1] is not ctx.documents:
        codes = ctx.glossary.language_codes
        found = [_Found(concept.path, doc, text)
                 for concept in ctx.glossary.concepts.values() if (doc := ctx.documents.get(concept.id))
                 for text in fields.texts(fields.ENTRY, doc.data, codes)]
        for name in _SETTINGS_FILES:
            if doc := ctx.documents.get(name):
                found.extend(_Found(ctx.glossary.directory / name, doc, text) for text in fields.texts(name, doc.data, codes))
        _last = ((ctx.glossary, ctx.documents), found)
    return _last[1]


def _problem(ctx: Context, found: _Found, message: str, hint: str) -> Problem:
    return ctx.file_problem(found.file, found.doc, found.text.path, message, hint)


def markup(ctx: Context) -> Iterator[Problem]:
    """Text is plain: no HTML tags or entities, no script or data URLs, no Markdown links (in every file)."""
    for found in texts(ctx):
        value = found.text.value
        if not _MARKUP_CHARACTERS.search(value):
            continue
        reported = set()  # one problem per kind of markup and text: the first occurrence
        for match in _MARKUP_ANY.finditer(value):
            if match.lastgroup not in reported:
                reported.add(match.lastgroup)
                _, message, hint = _MARKUP[match.lastgroup]
                yield _problem(ctx, found, f"{message}: '{match.group()}'", hint)


def whitespace_and_normalisation(ctx: Context) -> Iterator[Problem]:
    """Text is Unicode NFC, on one line, with single ordinary spaces and no leading or trailing ones; a term has
    at least one letter or digit."""
    for found in texts(ctx):
        value = found.text.value
        if unicodedata.normalize("NFC", value) != value:
            yield _problem(ctx, found, "the text is not in Unicode NFC form",
                           "retype the accented or composed characters, or normalise the file to NFC")
        if value != value.strip():
            yield _problem(ctx, found, "the text starts or ends with white space", "remove it")
        elif "  " in value or "\n" in value or "\t" in value:
            yield _problem(ctx, found, "the text has doubled spaces, a tab or a line break",
                           "use single spaces; write a paragraph as folded text (>-)")
        if unusual := _UNUSUAL_SPACE.search(value):
            yield _problem(ctx, found,
                           f"U+{ord(unusual.group()):04X} {unicodedata.name(unusual.group(), '')} is not an ordinary space",
                           "type an ordinary space")
        if found.text.kind == fields.TERM and not _VISIBLE.search(value):
            yield _problem(ctx, found, "the term has no letter or digit", "write the term itself")


def script(ctx: Context) -> Iterator[Problem]:
    """Terms and definitions are written in their language's script (Chinese ones with Chinese characters, Japanese
    ones with kana or kanji); those of a Latin-script language contain no Chinese or Japanese characters; no word
    of a term mixes scripts (a Cyrillic 'а' among Latin letters looks the same and defeats every comparison)."""
    languages = {lang.code: lang for lang in ctx.glossary.languages}
    for found in texts(ctx):
        code, kind, value = found.text.language, found.text.kind, found.text.value
        if kind not in (fields.TERM, fields.DEFINITION) or code not in languages:
            continue  # notes may quote terms of the other language
        language = languages[code]
        writing = language.profile
        if writing.characters and not writing.has_characters(value):
            yield _problem(ctx, found, f"{writing.name} text without any {writing.name} character",
                           f"write the {writing.name} term or definition here")
        elif not writing.characters and has_cjk(value):
            others = [lang.code for lang in ctx.glossary.languages if lang.profile.characters]
            yield _problem(ctx, found, f"Chinese or Japanese characters in the '{code}' text",
                           f"move them to the {' or '.join(others) or 'right'} section, or to a note if the "
                           f"{code} text must quote them")
        if kind == fields.TERM and not value.isascii():
            if mixed := _mixed_script_word(value):
                yield _problem(ctx, found, f"the word '{mixed}' mixes letters of different scripts",
                               "retype it in one script (a Cyrillic or Greek letter can look like a Latin one)")
            elif language.script == "Latn" and (foreign := _CONFUSABLE.search(value)):
                yield _problem(ctx, found,
                               f"'{foreign.group()}' is a {_script_of(foreign.group()).title()} letter in a Latin-script term",
                               "retype it in Latin letters")


def typography(ctx: Context) -> Iterator[Problem]:
    """Text follows its script's typography (Chinese and Japanese: full-width punctuation, no space between
    characters), in every file."""
    languages = {lang.code: lang for lang in ctx.glossary.languages}
    for found in texts(ctx):
        if found.text.language in languages:
            for message, hint in languages[found.text.language].profile.typography(found.text.value):
                yield _problem(ctx, found, message, hint)


def _script_of(letter: str) -> str:
    return unicodedata.name(letter, "").split(" ")[0]


def _mixed_script_word(text: str) -> str:
    """The first word (run of letters) whose letters come from more than one of the look-alike scripts."""
    for word in _WORD.findall(text):
        if len({_script_of(ch) for ch in word if ch.isalpha()} & _LOOK_ALIKE_SCRIPTS) > 1:
            return word
    return ""


def reading(ctx: Context) -> Iterator[Problem]:
    """A reading an entry gives for its term (pinyin, kana) is a possible reading of it."""
    languages = {lang.code: lang for lang in ctx.glossary.languages}
    for concept in ctx.glossary.concepts.values():
        for code, section in concept.sections.items():
            spec = languages[code].profile.reading if code in languages else None
            if spec and section.reading and not spec.matches(section.term, section.reading):
                yield ctx.problem(concept, (code, spec.field), f"'{section.reading}' is not a reading of '{section.term}'",
                                  f"the usual reading is '{spec.of(section.term)}'; {spec.how}")
