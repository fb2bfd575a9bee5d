"""CSV: one row per concept and language, for spreadsheets and translation tools (UTF-8, RFC 4180)."""

from __future__ import annotations

import csv
import io

from ..model import Glossary
from ..publication import SiteInfo

COLUMNS = (
    "id", "language", "term", "synonyms", "deprecated_terms", "definition", "definition_source", "equivalence",
    "equivalence_note", "usage_note", "disambiguated", "reading", "domain", "status", "version", "updated", "url",
    "glossary_version", "glossary_date",
)
LIST_SEPARATOR = " | "  # within a cell: terms themselves may contain commas and semicolons


def render(glossary: Glossary, site: SiteInfo) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    source = glossary.source_language.code
    for concept in glossary.concepts.values():
        concept_urls = site.concept_urls(glossary, concept.id)
        for language in glossary.languages:
            section = concept.sections[language.code]
            equivalence = section.equivalence
            basis = section.definition_source
            writer.writerow({
                "id": concept.id,
                "language": language.tag,
                "term": section.term,
                "synonyms": LIST_SEPARATOR.join(section.synonyms),
                "deprecated_terms": LIST_SEPARATOR.join(d.term for d in section.deprecated),
                "definition": section.definition,
                "definition_source": "; ".join(
                    [basis.basis] * bool(basis.basis) + [f"{c.id} {c.at}".strip() for c in basis.sources]),
                "equivalence": equivalence.degree if equivalence else "",
                "equivalence_note": equivalence.note_in(language.code, source) if equivalence else "",
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
            })
    return buffer.getvalue()
