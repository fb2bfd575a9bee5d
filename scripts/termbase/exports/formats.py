"""Every export format: its name, file, description for the Downloads page, and the function that writes it.
A format made per language pair (TBX 2008, OmegaT) gives one file per translation language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..markers import N_
from ..model import Glossary, Language
from ..publication import SiteInfo
from . import concept_table, csv_export, json_export, omegat, skos, tbx

Content = str | bytes  # text is written as UTF-8; bytes (XLSX) as they are


@dataclass(frozen=True)
class Format:
    name: str  # shown on the Downloads page, translated there
    file_name: str  # for a format per language pair, with {pair}: "en-zh-Hans"
    description: str  # what it is for, shown on the Downloads page, translated there
    render: Callable[..., Content]  # (glossary, site) -> content; per language pair (glossary, site, target)
    per_pair: bool = False

    def pair_file_name(self, glossary: Glossary, target: Language) -> str:
        return self.file_name.format(pair=f"{glossary.source_language.tag}-{target.tag}")

    def file_names(self, glossary: Glossary) -> list[tuple[Language | None, str]]:
        """(target language or None, file name) of each file of this format."""
        if not self.per_pair:
            return [(None, self.file_name)]
        return [(target, self.pair_file_name(glossary, target)) for target in glossary.translations]

    def files(self, glossary: Glossary, site: SiteInfo) -> dict[str, Content]:
        """File name -> content: one file, or one per translation language."""
        return {name: self.render(glossary, site, target) if target else self.render(glossary, site)
                for target, name in self.file_names(glossary)}


FORMATS: dict[str, Format] = {
    "json": Format(N_("JSON"), "glossary.json", N_(
        "The complete model: every field of every entry, the bibliography, jurisdictions and the registry."),
        json_export.render),
    "schema": Format(N_("JSON Schema of the JSON export"), "glossary.schema.json", N_(
        "JSON Schema of glossary.json, to validate it or generate code from it."), json_export.render_schema),
    "xlsx": Format(N_("Spreadsheet (XLSX), one row per concept"), "glossary-concepts.xlsx", N_(
        "Each language's terms, synonyms, deprecated terms with reasons, definition and source, notes, equivalence "
        "and URL side by side: for Excel, LibreOffice and the spreadsheet imports of MultiTerm, memoQ, Phrase and "
        "Crowdin."), concept_table.render_xlsx),
    "concepts-csv": Format(N_("CSV, one row per concept"), "glossary-concepts.csv", N_(
        "The same table as the XLSX file, as CSV (UTF-8)."), concept_table.render_csv),
    "csv": Format(N_("CSV, one row per concept and language"), "glossary.csv", N_(
        "The long table, for scripts and data tools: one row per concept and language."), csv_export.render),
    "tbx": Format(N_("TBX-Basic (ISO 30042:2019)"), "glossary.tbx", N_(
        "TBX v3, every language in one file, for terminology tools that read ISO 30042:2019."), tbx.render),
    "tbx2008": Format(N_("TBX-Basic 2008 (martif)"), "glossary-tbx2008-{pair}.tbx", N_(
        "For OmegaT, Weblate, translate-toolkit and most CAT tools: one file per language pair; deprecated terms "
        "are named in notes, never offered as translations."), tbx.render_2008, per_pair=True),
    "omegat": Format(N_("OmegaT glossary"), "glossary-omegat-{pair}.utf8", N_(
        "Put it in the glossary folder of an OmegaT project: source term, preferred translation, and a comment with "
        "synonyms, terms to avoid and the definition."), omegat.render, per_pair=True),
    "skos": Format(N_("SKOS (RDF Turtle)"), "glossary.ttl", N_(
        "SKOS concept scheme in RDF Turtle, for linked-data and thesaurus tools."), skos.render),
}


def all_files(glossary: Glossary, site: SiteInfo) -> dict[str, Content]:
    """Every download: file name -> content."""
    return {name: content for export in FORMATS.values() for name, content in export.files(glossary, site).items()}
