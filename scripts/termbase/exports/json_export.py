"""JSON: the whole model, each concept in the same shape as its YAML entry (plus its URLs), so that the entry
schema describes it and reading it back gives the same model (from_data)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Sequence

from ..loader import CONCEPTS_DIR, concept_from_data
from ..model import (
    LEGACY_OWN_DEFINITION, RELATION_KINDS, Citation, Concept, DefinitionSource, Domain, Glossary, Jurisdiction,
    Language, LanguageSection, RegistryEntry, Source,
)
from ..publication import SiteInfo
from ..schema import glossary_entry_schema

FORMAT_VERSION = 1


def _citation(cited: Citation) -> str | dict:
    return {"id": cited.id, "at": cited.at} if cited.at else cited.id


def _definition_source(basis: DefinitionSource) -> str | dict:
    if basis.legacy:  # written back as it was read, so that reading the export back gives the same model
        return _citation(basis.sources[0]) if basis.sources else LEGACY_OWN_DEFINITION
    return {"basis": basis.basis, "sources": [_citation(s) for s in basis.sources]}


def _section(section: LanguageSection, language: Language) -> dict[str, Any]:
    data: dict[str, Any] = {"term": section.term}
    if section.synonyms:
        data["synonyms"] = list(section.synonyms)
    if section.deprecated:
        data["deprecated"] = [{"term": d.term, "reason": d.reason} for d in section.deprecated]
    data["definition"] = section.definition
    data["definition_source"] = _definition_source(section.definition_source)
    for name in ("note", "disambiguated"):
        if getattr(section, name):
            data[name] = getattr(section, name)
    if section.reading and language.profile.reading:
        data[language.profile.reading.field] = section.reading
    if section.source_fingerprint:
        data["source_fingerprint"] = section.source_fingerprint
    if section.note_sources:
        data["note_sources"] = [_citation(s) for s in section.note_sources]
    if section.equivalence:
        data["equivalence"] = {"degree": section.equivalence.degree}
        if section.equivalence.note:
            data["equivalence"]["note"] = dict(section.equivalence.note)
        if section.equivalence.sources:
            data["equivalence"]["sources"] = [_citation(s) for s in section.equivalence.sources]
    return data


def concept_data(concept: Concept, languages: Sequence[Language]) -> dict[str, Any]:
    """The entry as data, as a contributor would write it (without comments or layout)."""
    data: dict[str, Any] = {
        "id": concept.id, "status": concept.status, "domain": concept.domain, "version": concept.version,
        "updated": concept.updated.isoformat(),
    }
    for language in languages:
        data[language.code] = _section(concept.sections[language.code], language)
    if concept.conceptions:
        data["conceptions"] = [
            {"jurisdiction": c.jurisdiction, **{lang.code: c.text[lang.code] for lang in languages},
             "sources": [_citation(s) for s in c.sources]}
            for c in concept.conceptions
        ]
    relations = {kind: list(concept.related(kind)) for kind in RELATION_KINDS if concept.related(kind)}
    if relations:
        data["relations"] = relations
    if concept.sources:
        data["sources"] = [_citation(s) for s in concept.sources]
    if concept.renderings:
        data["renderings"] = [
            {**r.text, "translated_from": r.translated_from, "official": r.official, "source": _citation(r.source),
             **({"note": dict(r.note)} if r.note else {})}
            for r in concept.renderings
        ]
    if concept.history:
        data["history"] = [{"version": h.version, "date": h.date.isoformat(), "summary": dict(h.summary)}
                           for h in concept.history]
    return data


FORMAT = {"name": "open-source-ai-safety-glossary", "version": FORMAT_VERSION}


def _about(glossary: Glossary, site: SiteInfo) -> dict[str, Any]:
    return {
        "title": glossary.title,
        "authors": glossary.authors,
        "version": glossary.version,
        "date": glossary.release_date.isoformat(),
        "url": site.base_url,
        "languages": [vars(language) for language in glossary.languages],
    }


def to_data(glossary: Glossary, site: SiteInfo) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "glossary": _about(glossary, site),
        "domains": [{"id": d.id, "name": d.names} for d in glossary.domains.values()],
        "jurisdictions": [{"code": j.code, "name": j.names} for j in glossary.jurisdictions.values()],
        "bibliography": [{k: v for k, v in vars(s).items() if v} for s in glossary.bibliography.values()],
        "registry": [{k: v for k, v in vars(e).items() if v} for e in glossary.registry.values()],
        "concepts": [_with_urls(glossary, c, site) for c in glossary.concepts.values()],
    }


_URL_FIELDS = ("urls", "version_urls")  # added to each concept's entry: its stable pages, and its current version's


def _with_urls(glossary: Glossary, concept: Concept, site: SiteInfo) -> dict[str, Any]:
    """The concept's entry with the stable URL of its page in each language, and the permanent URL of the page of
    its current version (what a citation of this version names; `version` says which it is)."""
    return {**concept_data(concept, glossary.languages), "urls": site.concept_urls(glossary, concept.id),
            "version_urls": site.version_urls(glossary, concept)}


def render(glossary: Glossary, site: SiteInfo) -> str:
    return json.dumps(to_data(glossary, site), ensure_ascii=False, indent=1) + "\n"


def _cited_ids(concept: Concept) -> list[str]:
    return list(dict.fromkeys(cited.id for _, cited in concept.citations()))


def concept_document(glossary: Glossary, concept: Concept, site: SiteInfo) -> dict[str, Any]:
    """One concept alone (served beside its page as /terms/<id>.json): the concept as in glossary.json, the
    glossary it belongs to, and the bibliography entries it cites, so that it can be read without the rest."""
    return {
        "format": FORMAT,
        "glossary": _about(glossary, site),
        "concept": _with_urls(glossary, concept, site),
        "bibliography": [{k: v for k, v in vars(glossary.bibliography[i]).items() if v}
                         for i in _cited_ids(concept) if i in glossary.bibliography],
    }


def render_concept(glossary: Glossary, concept: Concept, site: SiteInfo) -> str:
    return json.dumps(concept_document(glossary, concept, site), ensure_ascii=False, indent=1) + "\n"


def from_data(data: dict[str, Any], root: Path = Path(".")) -> Glossary:
    """The model of a JSON export (the inverse of to_data)."""
    meta = data["glossary"]
    languages = tuple(Language(**item) for item in meta["languages"])
    directory = root / "glossary"
    concepts = {}
    for item in data["concepts"]:
        entry = {k: v for k, v in item.items() if k not in _URL_FIELDS}
        concepts[entry["id"]] = concept_from_data(entry, directory / CONCEPTS_DIR / f"{entry['id']}.yaml", languages)
    return Glossary(
        root=root,
        directory=directory,
        title=meta["title"],
        authors=meta["authors"],
        version=meta["version"],
        languages=languages,
        domains={d["id"]: Domain(d["id"], d["name"]) for d in data["domains"]},
        jurisdictions={j["code"]: Jurisdiction(j["code"], j["name"]) for j in data["jurisdictions"]},
        bibliography={s["id"]: Source(**s) for s in data["bibliography"]},
        concepts=concepts,
        registry={e["id"]: RegistryEntry(**e) for e in data["registry"]},
    )


def schema(glossary: Glossary) -> dict[str, Any]:
    """JSON Schema of the JSON export: its concepts are entries (the entry schema) with their URLs."""
    codes = list(glossary.language_codes)
    entry = glossary_entry_schema(glossary)
    entry.pop("$schema")
    for name in _URL_FIELDS:
        entry["properties"][name] = {
            "type": "object", "required": codes, "additionalProperties": False,
            "properties": {code: {"type": "string", "format": "uri"} for code in codes},
        }
    entry["required"] = [*entry["required"], *_URL_FIELDS]
    names = {"type": "object", "additionalProperties": {"type": "string"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Open-source AI safety and security glossary: JSON export",
        "type": "object",
        "required": ["format", "glossary", "domains", "jurisdictions", "bibliography", "registry", "concepts"],
        "properties": {
            "format": {"type": "object", "properties": {"name": {"const": "open-source-ai-safety-glossary"},
                                                         "version": {"const": FORMAT_VERSION}}},
            "glossary": {
                "type": "object",
                "required": ["title", "authors", "version", "date", "url", "languages"],
                "properties": {"title": names, "authors": names, "version": {"type": "string"},
                               "date": {"type": "string", "format": "date"}, "url": {"type": "string"},
                               "languages": {"type": "array"}},
            },
            "domains": {"type": "array"},
            "jurisdictions": {"type": "array"},
            "bibliography": {"type": "array", "items": {"type": "object", "required": ["id", "title"]}},
            "registry": {"type": "array"},
            "concepts": {"type": "array", "items": entry},
        },
    }


def render_schema(glossary: Glossary, site: SiteInfo) -> str:
    return json.dumps(schema(glossary), ensure_ascii=False, indent=1) + "\n"
