"""The few rules that several exports share: how a definition's sources are named, which terms are acronyms,
formula-safe spreadsheet cells, when the glossary began. (Addresses and the release date: publication, model.)"""

from __future__ import annotations

import datetime
import re

from ..model import Citation, Glossary, LanguageSection

LIST_SEPARATOR = " | "  # within one cell or note: terms themselves may contain commas and semicolons


def first_date(glossary: Glossary) -> datetime.date:
    """The date of the oldest published version of any entry: when the glossary began."""
    dates = [h.date for c in glossary.concepts.values() for h in c.history] + [
        c.updated for c in glossary.concepts.values()]
    return min(dates, default=datetime.date(1970, 1, 1))


def definition_citations(section: LanguageSection) -> tuple[Citation, ...]:
    """The sources a definition quotes, adapts or was written from."""
    return section.definition_source.sources


def definition_basis(section: LanguageSection) -> str:
    """quoted, adapted or written ("" where an entry of the first release does not say)."""
    return section.definition_source.basis


def cited_titles(glossary: Glossary, citations: tuple[Citation, ...]) -> list[str]:
    """Each citation as its source's published title with the locator, e.g. 'Regulation (EU) 2024/1689 … Art. 3(1)'."""
    named = []
    for cited in citations:
        source = glossary.bibliography.get(cited.id)
        named.append(" ".join(part for part in ((source.title if source else cited.id), cited.at) if part))
    return named


def definition_source_text(glossary: Glossary, section: LanguageSection, language_code: str) -> str:
    """The definition's sources by title, or, for a definition of the glossary's own naming none, its title."""
    return "; ".join(cited_titles(glossary, definition_citations(section))) or glossary.title[language_code]


# An acronym is written in capitals (LLM, AGI, OSS); an abbreviation is a longer term built on one (GPAI model).
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+s?")
_HAS_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]+s?\b")


def term_type(term: str, preferred: str) -> str:
    """TBX termType of a synonym: acronym, abbreviation or "" (an ordinary synonym). The data has no field for
    it: capitals that the preferred term does not have are what marks a shortened form."""
    if _ACRONYM.fullmatch(term):
        return "acronym"
    new = set(_HAS_ACRONYM.findall(term)) - set(_HAS_ACRONYM.findall(preferred))
    if new and len(term) < len(preferred):
        return "abbreviation"
    return ""


# OWASP, CSV Injection: a cell starting with one of these is read by spreadsheets as a formula (or, for tab and
# carriage return, may become one); a leading apostrophe makes it text.
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")


def formula_safe(value: str) -> str:
    """A cell value that no spreadsheet evaluates: prefixed with ' where it would start a formula."""
    return f"'{value}" if value.startswith(_FORMULA_TRIGGERS) else value
