"""TBX-Basic (ISO 30042:2019, DCA style): the concept-oriented exchange format of terminology tools.

Each concept is a conceptEntry with its subject field, stable URL, cross-references and a note on the
equivalence (TBX-Basic has no data category for it); each language a langSec with the definition and its
source, and one termSec per term with its administrative status (preferred, admitted, deprecated).
"""

from __future__ import annotations

from lxml import etree

from ..model import Glossary
from ..publication import SiteInfo

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
          "deprecated": "deprecatedTerm-admn-sts"}


def _el(parent, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{NS}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def entry_id(concept_id: str) -> str:
    return f"c-{concept_id}"  # xsd:ID may not start with a digit


def _term_sec(lang_sec, term: str, status: str, note: str = "") -> None:
    term_sec = _el(lang_sec, "termSec")
    _el(term_sec, "term", term)
    _el(term_sec, "termNote", STATUS[status], type="administrativeStatus")
    if note:
        _el(term_sec, "note", note)


def render(glossary: Glossary, site: SiteInfo) -> str:
    source = glossary.source_language
    root = etree.Element(f"{{{NS}}}tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: source.tag}, nsmap={None: NS})
    file_desc = _el(_el(root, "tbxHeader"), "fileDesc")
    publication = _el(file_desc, "publicationStmt")
    _el(publication, "p", f"{glossary.title[source.code]}, version {glossary.version} ({glossary.release_date.isoformat()}).")
    _el(publication, "p", site.base_url or "")
    _el(_el(file_desc, "sourceDesc"), "p", f"Exported from the glossary's sources by {glossary.authors[source.code]}.")
    body = _el(_el(root, "text"), "body")
    for concept in glossary.concepts.values():
        entry = _el(body, "conceptEntry", id=entry_id(concept.id))
        transaction = _el(entry, "transacGrp")
        _el(transaction, "transac", "modification", type="transactionType")
        _el(transaction, "date", concept.updated.isoformat())
        _el(entry, "descrip", glossary.domains[concept.domain].names[source.code], type="subjectField")
        _el(entry, "xref", f"{concept.id}, version {concept.version}", type="externalCrossReference",
            target=site.concept_url(concept.id, source))
        for kind, targets in concept.relations.items():
            for target in targets:
                if target in glossary.concepts:
                    _el(entry, "ref", f"{kind}: {glossary.concepts[target].sections[source.code].term}",
                        type="crossReference", target=entry_id(target))
        for language in glossary.translations:
            equivalence = concept.sections[language.code].equivalence
            if equivalence:
                note = equivalence.note.get(source.code, "")
                _el(entry, "note", f"Equivalence of the {language.tag} term: {equivalence.degree}. {note}".strip())
        for language in glossary.languages:
            section = concept.sections[language.code]
            lang_sec = _el(entry, "langSec", **{XML_LANG: language.tag})
            group = _el(lang_sec, "descripGrp")
            _el(group, "descrip", section.definition, type="definition")
            cited = [c for c in section.definition_source.sources if c.id in glossary.bibliography]
            if cited:
                text = "; ".join(f"{glossary.bibliography[c.id].title} {c.at}".strip() for c in cited)
                _el(group, "admin", text, type="source")
            else:
                _el(group, "admin", glossary.title[language.code], type="source")
            if section.equivalence and section.equivalence.note.get(language.code):
                # the note in this language's own words (the concept-level note above is in the source language)
                _el(lang_sec, "note", section.equivalence.note[language.code])
            _term_sec(lang_sec, section.term, "preferred", section.note)
            for synonym in section.synonyms:
                _term_sec(lang_sec, synonym, "admitted")
            for deprecated in section.deprecated:
                _term_sec(lang_sec, deprecated.term, "deprecated", deprecated.reason)
    xml = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml
