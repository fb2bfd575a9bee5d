"""The long CSV: one row per concept and language, for scripts and data tools (UTF-8 without BOM, RFC 4180).
Spreadsheets and translation tools want one row per concept: that is the concept table (concept_table.py).
Cells are formula-safe, as in every spreadsheet download."""

from __future__ import annotations

import csv
import io

from ..model import Glossary
from ..publication import SiteInfo
from .common import LIST_SEPARATOR, definition_basis, definition_source_text, formula_safe

COLUMNS = (
    "id", "language", "term", "synonyms", "deprecated_terms", "definition", "definition_source", "equivalence",
    "equivalence_note", "usage_note", "disambiguated", "reading", "domain", "status", "version", "updated", "url",
    "glossary_version", "glossary_date", "deprecated_reasons", "definition_basis",
)


def render(glossary: Glossary, site: SiteInfo) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    source = glossary.source_language
    for concept in glossary.concepts.values():
        concept_urls = site.concept_urls(glossary, concept.id)
        for language in glossary.languages:
            section = concept.sections[language.code]
            equivalence = section.equivalence
            row = {
                "id": concept.id,
                "language": language.tag,
                "term": section.term,
                "synonyms": LIST_SEPARATOR.join(section.synonyms),
                "deprecated_terms": LIST_SEPARATOR.join(d.term for d in section.deprecated),
                "definition": section.definition,
                "definition_source": definition_source_text(glossary, section, language.code),
                "equivalence": equivalence.degree if equivalence else "",
                "equivalence_note": equivalence.note_in(language.code, source.code) if equivalence else "",
                "usage_note": section.note,
                "disambiguated": section.disambiguated,
                "reading": language.profile.reading_of(section.term, section.reading),  # pinyin, kana; or none
                "domain": concept.domain,
                "status": concept.status,
                "version": concept.version,
                "updated": concept.updated.isoformat(),
                "url": concept_urls[language.code],
                "glossary_version": glossary.version,
                "glossary_date": glossary.release_date.isoformat(),
                "deprecated_reasons": LIST_SEPARATOR.join(d.reason for d in section.deprecated),
                "definition_basis": definition_basis(section),
            }
            writer.writerow({name: formula_safe(str(value)) for name, value in row.items()})
    return buffer.getvalue()
