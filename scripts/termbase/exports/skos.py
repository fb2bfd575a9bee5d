"""SKOS in RDF Turtle: a ConceptScheme of Concepts with language-tagged labels and definitions, hierarchy and
associations, and notes for what SKOS has no property for (equivalence between languages, conceptions).

The preferred label is the concept's label as the glossary lists it: the disambiguated form where another concept
shares the term (安全（safety）), with the bare term as an alternative label, so no two concepts share a preferred
label. Definition sources are dct:source, by title and locator."""

from __future__ import annotations

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from ..model import Glossary
from ..publication import SiteInfo
from .common import cited_titles, definition_citations, first_date

GLOSSARY = Namespace("urn:x-glossary:")  # our own terms (the kinds of relation SKOS lacks)


def render(glossary: Glossary, site: SiteInfo) -> str:
    graph = Graph()
    graph.bind("skos", SKOS)
    graph.bind("dct", DCTERMS)
    graph.bind("owl", OWL)
    graph.bind("glossary", GLOSSARY)
    source = glossary.source_language
    scheme = URIRef(site.scheme_url(glossary))
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    for language in glossary.languages:
        graph.add((scheme, SKOS.prefLabel, Literal(glossary.title[language.code], lang=language.tag)))
        graph.add((scheme, DCTERMS.title, Literal(glossary.title[language.code], lang=language.tag)))
        graph.add((scheme, DCTERMS.creator, Literal(glossary.authors[language.code], lang=language.tag)))
    graph.add((scheme, OWL.versionInfo, Literal(glossary.version)))
    graph.add((scheme, DCTERMS.created, Literal(first_date(glossary).isoformat(), datatype=XSD.date)))
    graph.add((scheme, DCTERMS.modified, Literal(glossary.release_date.isoformat(), datatype=XSD.date)))

    def uri(concept_id: str) -> URIRef:
        return URIRef(site.concept_url(concept_id, source))

    for concept in glossary.concepts.values():
        node = uri(concept.id)
        graph.add((node, RDF.type, SKOS.Concept))
        graph.add((node, SKOS.inScheme, scheme))
        graph.add((node, SKOS.notation, Literal(concept.id)))
        graph.add((node, OWL.versionInfo, Literal(str(concept.version))))
        for page in site.version_urls(glossary, concept).values():  # this version's own pages, which stay
            graph.add((node, DCTERMS.hasVersion, URIRef(page)))
        graph.add((node, DCTERMS.modified, Literal(concept.updated.isoformat(), datatype=XSD.date)))
        for code, page in site.concept_urls(glossary, concept.id).items():
            if URIRef(page) != node:  # the pages in the other languages
                graph.add((node, RDFS.seeAlso, URIRef(page)))
        for language in glossary.languages:
            section = concept.sections[language.code]
            tag = language.tag
            graph.add((node, SKOS.prefLabel, Literal(section.label, lang=tag)))
            if section.label != section.term:
                graph.add((node, SKOS.altLabel, Literal(section.term, lang=tag)))
            for synonym in section.synonyms:
                graph.add((node, SKOS.altLabel, Literal(synonym, lang=tag)))
            for deprecated in section.deprecated:
                graph.add((node, SKOS.hiddenLabel, Literal(deprecated.term, lang=tag)))
                graph.add((node, SKOS.editorialNote, Literal(f"{deprecated.term}: {deprecated.reason}", lang=tag)))
            graph.add((node, SKOS.definition, Literal(section.definition, lang=tag)))
            for title in cited_titles(glossary, definition_citations(section)):
                graph.add((node, DCTERMS.source, Literal(title)))
            if section.note:
                graph.add((node, SKOS.scopeNote, Literal(section.note, lang=tag)))
            if section.equivalence:
                degree = section.equivalence.degree
                graph.add((node, GLOSSARY.equivalence, Literal(f"{tag}: {degree}")))
                for note_language, note in section.equivalence.note.items():
                    note_tag = glossary.language(note_language).tag
                    # the English note names the degree in words; other languages' notes stand as written
                    text = f"Equivalence of the {tag} term: {degree}. {note}" if note_language == source.code else note
                    graph.add((node, SKOS.note, Literal(text, lang=note_tag)))
        for conception in concept.conceptions:
            for code, text in conception.text.items():
                graph.add((node, SKOS.note, Literal(f"[{conception.jurisdiction}] {text}", lang=glossary.language(code).tag)))
        if not any(t in glossary.concepts for t in concept.related("broader")):
            graph.add((node, SKOS.topConceptOf, scheme))
            graph.add((scheme, SKOS.hasTopConcept, node))
        for kind, predicate in (("broader", SKOS.broader), ("narrower", SKOS.narrower), ("related", SKOS.related)):
            for target in concept.related(kind):
                if target in glossary.concepts:
                    graph.add((node, predicate, uri(target)))
        for target in concept.related("contrast"):
            if target in glossary.concepts:
                graph.add((node, GLOSSARY.notToBeConfusedWith, uri(target)))
    graph.add((GLOSSARY.notToBeConfusedWith, RDFS.subPropertyOf, RDFS.seeAlso))
    graph.add((GLOSSARY.notToBeConfusedWith, RDFS.label, Literal("not to be confused with", lang="en")))
    graph.add((GLOSSARY.equivalence, RDFS.label, Literal("degree of equivalence of a language's preferred term", lang="en")))
    return graph.serialize(format="turtle")
