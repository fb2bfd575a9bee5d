"""The glossary as typed, immutable objects: what every consumer (validator, site, exports, CLI) reads.

The model follows the concept-oriented structure of ISO 704 / TBX: an entry is a Concept; each language
section holds the Terms that designate it in that language, with a definition.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

# One place for the enumerations. Their human-readable names live in labels.py (translated through gettext).
STATUSES = ("draft", "approved", "deprecated")
EQUIVALENCES = ("exact", "partial", "broader", "narrower", "none")
RELATION_KINDS = ("broader", "narrower", "related", "contrast")
OWN_DEFINITION = "own"  # definition_source value for a definition written by the glossary itself


@dataclass(frozen=True)
class Language:
    code: str  # key in entries, URL prefix, catalog folder
    tag: str  # BCP 47 (hreflang, xml:lang)
    locale: str  # Babel locale


@dataclass(frozen=True)
class Domain:
    id: str
    names: dict[str, str]


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    names: dict[str, str]


@dataclass(frozen=True)
class Source:
    """A bibliography entry."""

    id: str
    title: str
    publisher: str
    date: str
    title_en: str = ""
    url: str = ""
    type: str = ""


@dataclass(frozen=True)
class Citation:
    """A reference from an entry to a bibliography entry, with an optional locator (article, section)."""

    id: str
    at: str = ""


@dataclass(frozen=True)
class DeprecatedTerm:
    term: str
    reason: str


@dataclass(frozen=True)
class Equivalence:
    """How a translation's preferred term maps to the concept; the note is written in several languages."""

    degree: str
    note: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LanguageSection:
    term: str
    definition: str
    definition_source: Citation | None  # None means the glossary's own definition
    synonyms: tuple[str, ...] = ()
    deprecated: tuple[DeprecatedTerm, ...] = ()
    note: str = ""  # usage note
    equivalence: Equivalence | None = None  # only in translations
    source_fingerprint: str = ""  # only in translations: fingerprint of the source text translated


@dataclass(frozen=True)
class Conception:
    """How one jurisdiction or body understands the concept, in each language, with its sources."""

    jurisdiction: str
    text: dict[str, str]
    sources: tuple[Citation, ...]


@dataclass(frozen=True)
class Concept:
    id: str
    path: Path
    status: str
    domain: str
    version: int
    updated: datetime.date
    sections: dict[str, LanguageSection]
    conceptions: tuple[Conception, ...] = ()
    relations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sources: tuple[Citation, ...] = ()

    def related(self, kind: str) -> tuple[str, ...]:
        return self.relations.get(kind, ())


@dataclass(frozen=True)
class Glossary:
    root: Path
    title: dict[str, str]
    languages: tuple[Language, ...]
    domains: dict[str, Domain]
    jurisdictions: dict[str, Jurisdiction]
    bibliography: dict[str, Source]
    concepts: dict[str, Concept]

    @property
    def source_language(self) -> Language:
        return self.languages[0]

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    def language(self, code: str) -> Language:
        return next(lang for lang in self.languages if lang.code == code)
