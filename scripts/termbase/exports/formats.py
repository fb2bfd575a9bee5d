"""Every export format: its name, file, description for the Downloads page, and the function that writes it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..labels import N_
from ..model import Glossary
from ..publication import SiteInfo
from . import csv_export, json_export, skos, tbx


@dataclass(frozen=True)
class Format:
    name: str  # shown on the Downloads page, translated there
    file_name: str
    description: str  # what it is for, shown on the Downloads page, translated there
    render: Callable[[Glossary, SiteInfo], str]  # (glossary, site) -> file content


FORMATS: dict[str, Format] = {
    "json": Format(N_("JSON"), "glossary.json", N_(
        "The complete model: every field of every entry, the bibliography, jurisdictions and the registry."),
        json_export.render),
    "schema": Format(N_("JSON Schema of the JSON export"), "glossary.schema.json", N_(
        "JSON Schema of glossary.json, to validate it or generate code from it."), json_export.render_schema),
    "csv": Format(N_("CSV"), "glossary.csv", N_(
        "One row per concept and language: terms, definitions, equivalence, URL. Opens in spreadsheets."),
        csv_export.render),
    "tbx": Format(N_("TBX-Basic (ISO 30042)"), "glossary.tbx", N_(
        "TBX-Basic (ISO 30042) for terminology and translation tools."), tbx.render),
    "skos": Format(N_("SKOS (RDF Turtle)"), "glossary.ttl", N_(
        "SKOS concept scheme in RDF Turtle, for linked-data and thesaurus tools."), skos.render),
}
