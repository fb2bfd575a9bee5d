"""The concept table: one row per concept, a group of columns per language, as CSV and as XLSX.

The shape the spreadsheet imports of terminology tools expect (Trados MultiTerm via MultiTerm Convert, memoQ,
Phrase, Crowdin): each language's term in a column named by its language tag (`en`, `zh-Hans`), and that
language's other fields in columns named `<tag> <field>`, to be mapped in the import dialog (README, Downloads).
Lists within a cell are separated by " | "; deprecated terms and their reasons stand in the same order.
Every cell is formula-safe: CSV cells that a spreadsheet would evaluate start with an apostrophe, XLSX cells are
typed as text.
"""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_STRING
from openpyxl.styles import Font

from ..model import Concept, Glossary, Language
from ..publication import SiteInfo
from .common import LIST_SEPARATOR, definition_basis, definition_source_text, formula_safe

CONCEPT_COLUMNS = ("id", "domain", "status", "version", "updated")
# After the term column (named by the language tag): "<tag> <field>" for each of these, in this order.
LANGUAGE_FIELDS = ("synonyms", "deprecated", "deprecated reason", "disambiguated", "definition", "definition basis",
                   "definition source", "note", "url")
TRANSLATION_FIELDS = ("equivalence", "equivalence note")  # languages other than the source language
TRAILING_COLUMNS = ("glossary version", "glossary date")


def columns(glossary: Glossary) -> list[str]:
    names = list(CONCEPT_COLUMNS)
    for language in glossary.languages:
        reading = language.profile.reading  # pinyin for Chinese, reading (kana) for Japanese, none for Latin
        fields = LANGUAGE_FIELDS + ((reading.field,) if reading else ())
        fields += TRANSLATION_FIELDS if language != glossary.source_language else ()
        names += [language.tag, *(f"{language.tag} {field}" for field in fields)]
    return names + list(TRAILING_COLUMNS)


def _language_cells(glossary: Glossary, concept: Concept, language: Language, url: str) -> dict[str, str]:
    section = concept.sections[language.code]
    source = glossary.source_language
    tag = language.tag
    cells = {
        tag: section.term,
        f"{tag} synonyms": LIST_SEPARATOR.join(section.synonyms),
        f"{tag} deprecated": LIST_SEPARATOR.join(d.term for d in section.deprecated),
        f"{tag} deprecated reason": LIST_SEPARATOR.join(d.reason for d in section.deprecated),
        f"{tag} disambiguated": section.disambiguated,
        f"{tag} definition": section.definition,
        f"{tag} definition basis": definition_basis(section),
        f"{tag} definition source": definition_source_text(glossary, section, language.code),
        f"{tag} note": section.note,
        f"{tag} url": url,
    }
    if language.profile.reading:
        cells[f"{tag} {language.profile.reading.field}"] = language.profile.reading_of(section.term, section.reading)
    if language != source and section.equivalence:
        cells[f"{tag} equivalence"] = section.equivalence.degree
        # in every language the note is written in: the source language's first
        notes = [section.equivalence.note.get(code, "") for code in (source.code, language.code)]
        cells[f"{tag} equivalence note"] = LIST_SEPARATOR.join(n for n in dict.fromkeys(notes) if n)
    return cells


def rows(glossary: Glossary, site: SiteInfo) -> list[dict[str, str]]:
    names = columns(glossary)
    date = glossary.release_date.isoformat()
    table = []
    for concept in glossary.concepts.values():
        row = dict.fromkeys(names, "")
        row.update({"id": concept.id, "domain": glossary.domains[concept.domain].names[glossary.source_language.code],
                    "status": concept.status, "version": str(concept.version), "updated": concept.updated.isoformat(),
                    "glossary version": glossary.version, "glossary date": date})
        pages = site.concept_urls(glossary, concept.id)
        for language in glossary.languages:
            row.update(_language_cells(glossary, concept, language, pages[language.code]))
        table.append(row)
    return table


def render_csv(glossary: Glossary, site: SiteInfo) -> str:
    """UTF-8 with a byte-order mark (Excel and LibreOffice then read the Chinese right), every cell quoted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    names = columns(glossary)
    writer.writerow(names)
    for row in rows(glossary, site):
        writer.writerow([formula_safe(row[name]) for name in names])
    return "\ufeff" + buffer.getvalue()


def render_xlsx(glossary: Glossary, site: SiteInfo) -> bytes:
    """One sheet, its header bold and frozen. Written in openpyxl's write-only mode (about 4x faster at 1,000
    concepts); every cell is typed as text, since openpyxl would take a value starting with = for a formula."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("concepts")
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = 28
    bold = Font(bold=True)

    def text(value: str, font: Font | None = None) -> WriteOnlyCell:
        # control characters cannot be stored in XLSX at all (the loader lets none through; this is a guard)
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = TYPE_STRING
        if font:
            cell.font = font
        return cell

    names = columns(glossary)
    sheet.append([text(name, bold) for name in names])
    for row in rows(glossary, site):
        sheet.append([text(row[name]) if row[name] else None for name in names])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
