"""The glossary as typed, immutable objects: what every consumer (validator, site, exports, CLI) reads.

The model follows the concept-oriented structure of ISO 704 / TBX: an entry is a Concept; each language
section holds the Terms that designate it in that language, with a definition.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Iterator

from .markers import N_
from .writing import ScriptProfile, profile


# One place for each enumeration: its values (as written in entries), its label and what it does. The labels are
# msgids, translated where they are shown (labels.py gives them by value to the templates).
class Status(str, Enum):
    DRAFT = "draft"
    APPROVED = "approved"
    DEPRECATED = "deprecated"

    @property
    def label(self) -> str:
        return {"draft": N_("Draft"), "approved": N_("Approved"), "deprecated": N_("Deprecated")}[self.value]


class Degree(str, Enum):
    """How a translation's preferred term maps to the concept defined in the source language."""

    EXACT = "exact"
    PARTIAL = "partial"
    BROADER = "broader"
    NARROWER = "narrower"
    NONE = "none"

    @property
    def is_exact(self) -> bool:
        """An exact equivalent needs no note and no caution; every other degree is explained in a note."""
        return self is Degree.EXACT

    @property
    def label(self) -> str:
        return _DEGREE_TEXT[self.value][0]

    @property
    def meaning(self) -> str:
        return _DEGREE_TEXT[self.value][1]


_DEGREE_TEXT = {
    "exact": (N_("Exact equivalent"), N_("The term designates the same concept in both languages.")),
    "partial": (N_("Partial equivalent"),
                N_("The term overlaps with the concept but also covers other meanings, or covers it only in part.")),
    "broader": (N_("Broader term"), N_("The term in this language designates a wider concept than the one defined here.")),
    "narrower": (N_("Narrower term"),
                 N_("The term in this language designates a narrower concept than the one defined here.")),
    "none": (N_("No established equivalent"),
             N_("The other language has no established term; the one given is a working translation.")),
}


class RelationKind(str, Enum):
    BROADER = "broader"
    NARROWER = "narrower"
    RELATED = "related"
    CONTRAST = "contrast"  # not to be confused with

    @property
    def inverse(self) -> RelationKind:
        """What the other entry must list back: broader and narrower are each other's inverse, the others
        their own."""
        return {RelationKind.BROADER: RelationKind.NARROWER, RelationKind.NARROWER: RelationKind.BROADER}.get(self, self)

    @property
    def label(self) -> str:
        return {"broader": N_("Broader concepts"), "narrower": N_("Narrower concepts"),
                "related": N_("Related concepts"), "contrast": N_("Not to be confused with")}[self.value]


class Fate(str, Enum):
    """What became of an id ever published (glossary/registry.yaml)."""

    ACTIVE = "active"
    RENAMED = "renamed"
    MERGED = "merged"
    WITHDRAWN = "withdrawn"

    @property
    def is_active(self) -> bool:
        return self is Fate.ACTIVE

    @property
    def redirects(self) -> bool:
        """The concept lives on under another id (`to`): its old URL redirects there."""
        return self in (Fate.RENAMED, Fate.MERGED)

    @property
    def keeps_its_versions(self) -> bool:
        """The versions published under the id stay its own, readable at its addresses (merged, withdrawn); a
        renamed id's versions go on under the new id."""
        return self in (Fate.MERGED, Fate.WITHDRAWN)

    @property
    def leaves_tombstone(self) -> bool:
        """The concept is gone: its URL keeps a page that says so, with the reason."""
        return self is Fate.WITHDRAWN

    @property
    def change(self) -> str:
        """What the changelog says of the change (%(target)s: the id it now lives on as)."""
        return {"renamed": N_("Renamed to %(target)s."), "merged": N_("Merged into %(target)s."),
                "withdrawn": N_("Withdrawn."), "active": ""}[self.value]


STATUSES = tuple(s.value for s in Status)
EQUIVALENCES = tuple(d.value for d in Degree)
RELATION_KINDS = tuple(k.value for k in RelationKind)
# How a definition relates to its sources (`definition_source.basis`): the source's own words, the source's
# definition reworded or shortened, or a definition written for the glossary from the sources named.
DEFINITION_BASES = ("quoted", "adapted", "written")
LEGACY_OWN_DEFINITION = "own"  # the first release's form for a definition that named no source
FATES = tuple(f.value for f in Fate)
RESERVED_IDS = frozenset({"index"})  # terms/index/ is the A–Z index page


@dataclass(frozen=True)
class Language:
    code: str  # key in entries, URL prefix, catalog folder
    tag: str  # BCP 47 (hreflang, xml:lang)
    locale: str  # Babel locale
    script: str  # ISO 15924 script code: which script rules and typography apply

    @property
    def profile(self) -> ScriptProfile:
        """How the language is written: required characters, typography, order, reading (writing.py)."""
        return profile(self.script)


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
    amended_by: tuple[str, ...] = ()  # bibliography ids of later texts that changed this one


@dataclass(frozen=True)
class Citation:
    """A reference from an entry to a bibliography entry, with an optional locator (article, section)."""

    id: str
    at: str = ""


@dataclass(frozen=True)
class DefinitionSource:
    """What a definition rests on: its basis (one of DEFINITION_BASES) and the sources it quotes, adapts or was
    written from. `legacy` marks the first release's forms (a bare citation, or `own` with no source), which the
    validator reports until they are rewritten."""

    basis: str
    sources: tuple[Citation, ...] = ()
    legacy: bool = False


@dataclass(frozen=True)
class Rendering:
    """How a translated text renders the term: the text in each language, which side is the original, whether
    the translation is official, and the document where it stands."""

    text: dict[str, str]
    translated_from: str
    official: bool
    source: Citation
    note: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DeprecatedTerm:
    term: str
    reason: str


@dataclass(frozen=True)
class Equivalence:
    """How a translation's preferred term maps to the concept; the note is written in several languages."""

    degree: str
    note: dict[str, str] = field(default_factory=dict)
    sources: tuple[Citation, ...] = ()  # for the facts the note states

    def note_in(self, language: str, fallback: str) -> str:
        """The note in `language`, else in `fallback` (the source language), else nothing."""
        return self.note.get(language) or self.note.get(fallback, "")


@dataclass(frozen=True)
class LanguageSection:
    term: str
    definition: str
    definition_source: DefinitionSource
    synonyms: tuple[str, ...] = ()
    deprecated: tuple[DeprecatedTerm, ...] = ()
    note: str = ""  # usage note
    disambiguated: str = ""  # how to write the term where another concept shares it, e.g. 安全（safety）
    reading: str = ""  # where the automatic reading of the term is wrong (pinyin: in Chinese, reading: in Japanese)
    equivalence: Equivalence | None = None  # only in translations
    source_fingerprint: str = ""  # only in translations: fingerprint of the source text translated
    note_sources: tuple[Citation, ...] = ()  # for the facts the note states

    @property
    def label(self) -> str:
        """The term as listed among other concepts: disambiguated where another concept shares it."""
        return self.disambiguated or self.term


@dataclass(frozen=True)
class Conception:
    """How one jurisdiction or body understands the concept, in each language, with its sources."""

    jurisdiction: str
    text: dict[str, str]
    sources: tuple[Citation, ...]


@dataclass(frozen=True)
class Change:
    """One published version of an entry: what changed, in the source language and optionally in others."""

    version: int
    date: datetime.date
    summary: dict[str, str]


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
    history: tuple[Change, ...] = ()  # oldest first; the last one is the current version
    renderings: tuple[Rendering, ...] = ()  # what translated texts render the term as

    def related(self, kind: str) -> tuple[str, ...]:
        return self.relations.get(kind, ())

    def citations(self) -> Iterator[tuple[tuple, Citation]]:
        """Every citation of the entry, with its field path, in reading order of the page."""
        for code, section in self.sections.items():
            basis = section.definition_source
            for j, cited in enumerate(basis.sources):
                yield ((code, "definition_source") if basis.legacy else (code, "definition_source", "sources", j)), cited
            for j, cited in enumerate(section.note_sources):
                yield (code, "note_sources", j), cited
            if section.equivalence:
                for j, cited in enumerate(section.equivalence.sources):
                    yield (code, "equivalence", "sources", j), cited
        for i, rendering in enumerate(self.renderings):
            yield ("renderings", i, "source"), rendering.source
        for i, conception in enumerate(self.conceptions):
            for j, cited in enumerate(conception.sources):
                yield ("conceptions", i, "sources", j), cited
        for i, cited in enumerate(self.sources):
            yield ("sources", i), cited


@dataclass(frozen=True)
class RegistryEntry:
    """An id ever published, and what became of it. `to` is the id a renamed or merged concept lives on as."""

    id: str
    fate: str
    to: str = ""
    date: str = ""
    reason: dict[str, str] = field(default_factory=dict)  # for withdrawn ids, in each language


@dataclass(frozen=True)
class Glossary:
    root: Path  # the project root: paths in messages are relative to it
    directory: Path  # the glossary folder
    title: dict[str, str]
    authors: dict[str, str]  # the group author named in citations, in each language
    version: str  # the glossary's release, named in every export
    languages: tuple[Language, ...]
    domains: dict[str, Domain]
    jurisdictions: dict[str, Jurisdiction]
    bibliography: dict[str, Source]
    concepts: dict[str, Concept]
    registry: dict[str, RegistryEntry] = field(default_factory=dict)

    def current_id(self, old_id: str) -> str | None:
        """Where an id published once lives now: itself if active, the end of its rename/merge chain, or None."""
        seen = set()
        while old_id in self.registry and old_id not in seen:
            seen.add(old_id)
            entry = self.registry[old_id]
            if Fate(entry.fate).is_active:
                return old_id
            if Fate(entry.fate).leaves_tombstone:
                return None
            old_id = entry.to
        return None

    def renamed_to(self, old_id: str) -> str:
        """The id a concept went on under after renames only: its versions are that id's versions. A merge ends
        the chain (the versions of a merged id stay its own, under its own address)."""
        seen = set()
        while old_id in self.registry and old_id not in seen and Fate(self.registry[old_id].fate) is Fate.RENAMED:
            seen.add(old_id)
            old_id = self.registry[old_id].to
        return old_id

    @property
    def source_language(self) -> Language:
        return self.languages[0]

    @property
    def translations(self) -> tuple[Language, ...]:
        """Every language but the source: each is translated from the source language, and graded against it."""
        return self.languages[1:]

    @functools.cached_property  # asked for by every export row (the model is not changed once loaded)
    def release_date(self) -> datetime.date:
        """The glossary's date: that of its most recently changed entry (the same sources always give the same date)."""
        return max((c.updated for c in self.concepts.values()), default=datetime.date(1970, 1, 1))

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    def language(self, code: str) -> Language:
        return next(lang for lang in self.languages if lang.code == code)


def fingerprint(section: LanguageSection) -> str:
    """Fingerprint of the source-language text a translation is made from: its term and definition.

    Whitespace is folded and text normalised first, so re-wrapping a paragraph does not make translations stale.
    """
    text = "\n".join(" ".join(unicodedata.normalize("NFC", part).split()) for part in (section.term, section.definition))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
