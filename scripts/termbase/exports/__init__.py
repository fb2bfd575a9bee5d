"""Machine-readable downloads of the whole glossary, each a plain function of the model and of the site's
base URL (every concept carries its stable URL): JSON (with a JSON Schema), CSV (long, and one row per concept),
XLSX, TBX-Basic (v3, and 2008 per language pair), an OmegaT glossary per language pair, and SKOS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..i18n import N_
from ..model import Glossary, Language
from ..render import SiteInfo
from . import concept_table, csv_export, json_export, omegat, skos, tbx

Content = str | bytes  # text is written as UTF-8


@dataclass(frozen=True)
class Format:
    name: str  # shown on the Downloads page, translated there
    file_name: str  # for a format per language pair, with {pair}: "en-zh-Hans"
    media_type: str
    render: Callable[..., Content]  # (glossary, site) -> content; per language pair (glossary, site, target)
    description: str  # what it is for, shown on the Downloads page (translated there)
    per_pair: bool = False

    def pair_file_name(self, glossary: Glossary, target: Language) -> str:
        return self.file_name.format(pair=f"{glossary.source_language.tag}-{target.tag}")

    def files(self, glossary: Glossary, site: SiteInfo) -> dict[str, Content]:
        """File name -> content: one file, or one per translation language."""
        if not self.per_pair:
            return {self.file_name: self.render(glossary, site)}
        return {self.pair_file_name(glossary, target): self.render(glossary, site, target)
                for target in glossary.languages[1:]}


FORMATS: dict[str, Format] = {
    "json": Format(N_("JSON"), "glossary.json", "application/json", json_export.render,
                   N_("The complete model: every field of every entry, the bibliography, jurisdictions and the registry.")),
    "schema": Format(N_("JSON Schema of the JSON export"), "glossary.schema.json", "application/schema+json",
                     json_export.render_schema, N_("JSON Schema of glossary.json, to validate it or generate code from it.")),
    "xlsx": Format(N_("Spreadsheet (XLSX), one row per concept"), "glossary-concepts.xlsx",
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", concept_table.render_xlsx,
                   N_("Each language's terms, synonyms, deprecated terms with reasons, definition and source, notes, "
                      "equivalence and URL side by side: for Excel, LibreOffice and the spreadsheet imports of "
                      "MultiTerm, memoQ, Phrase and Crowdin.")),
    "concepts-csv": Format(N_("CSV, one row per concept"), "glossary-concepts.csv", "text/csv",
                           concept_table.render_csv, N_("The same table as the XLSX file, as CSV (UTF-8).")),
    "csv": Format(N_("CSV, one row per concept and language"), "glossary.csv", "text/csv", csv_export.render,
                  N_("The long table, for scripts and data tools: one row per concept and language.")),
    "tbx": Format(N_("TBX-Basic (ISO 30042:2019)"), "glossary.tbx", "application/x-tbx+xml", tbx.render,
                  N_("TBX v3, every language in one file, for terminology tools that read ISO 30042:2019.")),
    "tbx2008": Format(N_("TBX-Basic 2008 (martif)"), "glossary-tbx2008-{pair}.tbx", "application/x-tbx+xml",
                      tbx.render_2008,
                      N_("For OmegaT, Weblate, translate-toolkit and most CAT tools: one file per language pair; "
                         "deprecated terms are named in notes, never offered as translations."), per_pair=True),
    "omegat": Format(N_("OmegaT glossary"), "glossary-omegat-{pair}.utf8", "text/tab-separated-values",
                     omegat.render, N_("Put it in the glossary folder of an OmegaT project: source term, preferred "
                                       "translation, and a comment with synonyms, terms to avoid and the definition."),
                     per_pair=True),
    "skos": Format(N_("SKOS (RDF Turtle)"), "glossary.ttl", "text/turtle", skos.render,
                   N_("SKOS concept scheme in RDF Turtle, for linked-data and thesaurus tools.")),
}


def all_files(glossary: Glossary, site: SiteInfo) -> dict[str, Content]:
    """Every download: file name -> content."""
    return {name: content for export in FORMATS.values() for name, content in export.files(glossary, site).items()}
