"""TBX, the concept-oriented exchange format of terminology tools, in two editions of the TBX-Basic dialect:

- ISO 30042:2019 (TBX v3, DCA style): every language in one file, valid against the official TBX-Basic schemas.
- TBX 2008 (ISO 30042:2008, `<martif>`), one file per language pair: what translate-toolkit (and so Weblate),
  OmegaT and many CAT tools read. Those tools offer every term of a language as a translation and ignore its
  status, so a deprecated term is not a term there: it is named, with the reason, in a note of its language.

Each concept is an entry with its subject field, the stable URL of each language's page, cross-references and a
note on the equivalence (TBX-Basic has no data category for it); each language a section with the definition and
its sources, and one term section per term with its administrative status and, for acronyms and abbreviations,
its term type. The disambiguated form (安全（safety）), what to write where the concept must be told apart from a
homonym, is a term of its own (termType variant) with a note saying so.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..model import Concept, Glossary, Language
from ..publication import SiteInfo
from .common import LIST_SEPARATOR, definition_source_text, term_type

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
          "deprecated": "deprecatedTerm-admn-sts"}
# Where the official schemas are published (the lines the official TBX-Basic example starts with).
_SCHEMA_LINES = (
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng" '
    'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch" '
    'type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
)


@dataclass(frozen=True)
class Dialect:
    namespace: str | None
    names: dict[str, str]  # the v3 element name -> this edition's
    deprecated_as_terms: bool  # False: deprecated terms go into a note (the readers would offer them)


V3 = Dialect("urn:iso:std:iso:30042:ed-2", {}, deprecated_as_terms=True)
V2008 = Dialect(None, {"tbx": "martif", "tbxHeader": "martifHeader", "conceptEntry": "termEntry",
                       "langSec": "langSet", "termSec": "tig"}, deprecated_as_terms=False)


class _Writer:
    def __init__(self, dialect: Dialect):
        self.dialect = dialect

    def el(self, parent, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
        name = self.dialect.names.get(tag, tag)
        qualified = f"{{{self.dialect.namespace}}}{name}" if self.dialect.namespace else name
        if parent is None:
            nsmap = {None: self.dialect.namespace} if self.dialect.namespace else None
            element = etree.Element(qualified, attributes, nsmap=nsmap)
        else:
            element = etree.SubElement(parent, qualified, attributes)
        if text is not None:
            element.text = text
        return element


def entry_id(concept_id: str) -> str:
    return f"c-{concept_id}"  # xsd:ID may not start with a digit


def _term(w: _Writer, lang_sec, term: str, status: str, kind: str = "", note: str = "") -> None:
    term_sec = w.el(lang_sec, "termSec")
    w.el(term_sec, "term", term)
    w.el(term_sec, "termNote", STATUS[status], type="administrativeStatus")
    if kind:
        w.el(term_sec, "termNote", kind, type="termType")
    if note:
        w.el(term_sec, "note", note)


def _entry(w: _Writer, body, glossary: Glossary, concept: Concept, languages: tuple[Language, ...], site: SiteInfo):
    source = glossary.source_language
    entry = w.el(body, "conceptEntry", id=entry_id(concept.id))
    transaction = w.el(entry, "transacGrp")
    w.el(transaction, "transac", "modification", type="transactionType")
    w.el(transaction, "date", concept.updated.isoformat())
    w.el(entry, "descrip", glossary.domains[concept.domain].names[source.code], type="subjectField")
    pages = site.concept_urls(glossary, concept.id)
    w.el(entry, "xref", f"{concept.id}, version {concept.version}", type="externalCrossReference",
         target=pages[source.code])
    w.el(entry, "xref", f"{concept.id}, version {concept.version} (this version's own page)",
         type="externalCrossReference", target=site.version_url(concept.id, concept.version, source))
    for kind, targets in concept.relations.items():
        for target in targets:
            if target in glossary.concepts:
                w.el(entry, "ref", f"{kind}: {glossary.concepts[target].sections[source.code].label}",
                     type="crossReference", target=entry_id(target))
    for language in languages[1:]:
        equivalence = concept.sections[language.code].equivalence
        if equivalence:
            note = equivalence.note.get(source.code, "")
            w.el(entry, "note", f"Equivalence of the {language.tag} term: {equivalence.degree}. {note}".strip())
    for language in languages:
        section = concept.sections[language.code]
        lang_sec = w.el(entry, "langSec", **{XML_LANG: language.tag})
        group = w.el(lang_sec, "descripGrp")
        w.el(group, "descrip", section.definition, type="definition")
        w.el(group, "admin", definition_source_text(glossary, section, language.code), type="source")
        if language != source:  # the page in this language (the entry's xref is the source language's)
            w.el(lang_sec, "xref", f"{concept.id} ({language.tag})", type="externalCrossReference",
                 target=pages[language.code])
        if section.equivalence and section.equivalence.note.get(language.code):
            # the note in this language's own words (the concept-level note above is in the source language)
            w.el(lang_sec, "note", section.equivalence.note[language.code])
        if section.deprecated and not w.dialect.deprecated_as_terms:
            w.el(lang_sec, "note", "Deprecated, do not use: " + LIST_SEPARATOR.join(
                f"{d.term} ({d.reason})" for d in section.deprecated))
        _term(w, lang_sec, section.term, "preferred", term_type(section.term, section.term), section.note)
        for synonym in section.synonyms:
            _term(w, lang_sec, synonym, "admitted", term_type(synonym, section.term))
        if section.disambiguated and section.disambiguated != section.term:
            _term(w, lang_sec, section.disambiguated, "admitted", "variant",
                  f"Write {section.disambiguated} where {section.term} must be told apart from another concept "
                  f"that {section.term} also designates.")
        if w.dialect.deprecated_as_terms:
            for deprecated in section.deprecated:
                _term(w, lang_sec, deprecated.term, "deprecated", term_type(deprecated.term, section.term),
                      deprecated.reason)


def _document(dialect: Dialect, glossary: Glossary, languages: tuple[Language, ...], site: SiteInfo) -> str:
    w = _Writer(dialect)
    source = glossary.source_language
    attributes = {"type": "TBX-Basic", "style": "dca"} if dialect is V3 else {"type": "TBX-Basic"}
    root = w.el(None, "tbx", **attributes, **{XML_LANG: source.tag})
    header = w.el(root, "tbxHeader")
    file_desc = w.el(header, "fileDesc")
    if dialect is V2008:
        w.el(w.el(file_desc, "titleStmt"), "title", glossary.title[source.code])
    publication = w.el(file_desc, "publicationStmt")
    w.el(publication, "p", f"{glossary.title[source.code]}, version {glossary.version} ({glossary.release_date.isoformat()}).")
    w.el(publication, "p", site.base_url)
    w.el(w.el(file_desc, "sourceDesc"), "p", f"Exported from the glossary's sources by {glossary.authors[source.code]}.")
    if dialect is V2008:
        w.el(w.el(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = w.el(w.el(root, "text"), "body")
    for concept in glossary.concepts.values():
        _entry(w, body, glossary, concept, languages, site)
    xml = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + (_SCHEMA_LINES if dialect is V3 else "") + xml


def render(glossary: Glossary, site: SiteInfo) -> str:
    """TBX-Basic v3 (ISO 30042:2019), every language."""
    return _document(V3, glossary, glossary.languages, site)


def render_2008(glossary: Glossary, site: SiteInfo, target: Language) -> str:
    """TBX-Basic 2008 (`<martif>`) for the source language and `target`."""
    return _document(V2008, glossary, (glossary.source_language, target), site)
