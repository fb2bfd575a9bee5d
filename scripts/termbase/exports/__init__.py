"""Machine-readable downloads of the whole glossary, each a plain function of the model and of the site's
base URL (every concept carries its stable URL): JSON (with a JSON Schema), CSV, TBX-Basic and SKOS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..i18n import N_
from ..model import Glossary
from ..render import SiteInfo
from . import csv_export, json_export, skos, tbx


@dataclass(frozen=True)
class Format:
    name: str  # shown on the Downloads page, translated there
    file_name: str
    media_type: str
    render: Callable[[Glossary, SiteInfo], str]  # (glossary, site) -> file content


FORMATS: dict[str, Format] = {
    "json": Format(N_("JSON"), "glossary.json", "application/json", json_export.render),
    "schema": Format(N_("JSON Schema of the JSON export"), "glossary.schema.json", "application/schema+json",
                     json_export.render_schema),
    "csv": Format(N_("CSV"), "glossary.csv", "text/csv", csv_export.render),
    "tbx": Format(N_("TBX-Basic (ISO 30042)"), "glossary.tbx", "application/x-tbx+xml", tbx.render),
    "skos": Format(N_("SKOS (RDF Turtle)"), "glossary.ttl", "text/turtle", skos.render),
}
