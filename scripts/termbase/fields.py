"""The text fields of every glossary file, in one table: where each one stands and what kind of text it holds.

The text rules (markup, text-form, script, typography) read every file through this table, so a field added
to the entry format is checked as soon as it is listed here; a test compares the table with the schemas, so a
free-text field cannot be added to them and forgotten here (strings the schemas hold to a pattern or a list of
values, such as ids, dates and codes, need no entry). Every string of every file, listed or not, has already
passed the character check when it was read (yamlsource.py).

A path is a tuple of keys from the top of the file, where ITEM stands for any item of a list and LANG for the
key of any declared language. The language of a text is the last LANG in its path (None if there is none, and
for locators).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .writing import PROFILES

ITEM = "[]"
LANG = "<lang>"

# Kinds of text, from the strictest. Which rules apply to which kind is decided by the rules (rules/text.py).
TERM = "term"  # a designation: one line, in the language's script (terms, synonyms, unambiguous forms)
DEFINITION = "definition"  # one paragraph, in the language's script
PROSE = "prose"  # notes, reasons, summaries, conceptions: may quote the other language
LOCATOR = "locator"  # where in a source (`at:`): article, section, page
READING = "reading"  # a reading of the term (pinyin, kana), checked against the term by the reading rule
NAME = "name"  # names of the glossary, its authors, domains and jurisdictions
REFERENCE = "reference"  # what the bibliography shows of a document: title, publisher, date

# The files, by name, as the loader keeps their documents.
ENTRY = "entry"
REGISTRY = "registry.yaml"
BIBLIOGRAPHY = "bibliography.yaml"
DOMAINS = "domains.yaml"
JURISDICTIONS = "jurisdictions.yaml"
SETTINGS = "glossary.yaml"


@dataclass(frozen=True)
class Field:
    file: str
    path: tuple[str, ...]
    kind: str


def _citations(file: str, *prefix: str) -> list[Field]:
    """A citation is a bibliography id, or {id, at}: its locator is text."""
    return [Field(file, (*prefix, "at"), LOCATOR)]


def _cited_list(file: str, *prefix: str) -> list[Field]:
    return _citations(file, *prefix, ITEM)


FIELDS: tuple[Field, ...] = (
    # glossary/concepts/<id>.yaml: one section per language, then what belongs to the concept as a whole
    Field(ENTRY, (LANG, "term"), TERM),
    Field(ENTRY, (LANG, "synonyms", ITEM), TERM),
    Field(ENTRY, (LANG, "deprecated", ITEM, "term"), TERM),
    Field(ENTRY, (LANG, "deprecated", ITEM, "reason"), PROSE),
    Field(ENTRY, (LANG, "disambiguated"), TERM),
    # the reading of the term where the automatic one is wrong: its key is the script's (pinyin, reading)
    *(Field(ENTRY, (LANG, key), READING) for key in sorted({p.reading.field for p in PROFILES.values() if p.reading})),
    Field(ENTRY, (LANG, "definition"), DEFINITION),
    *_citations(ENTRY, LANG, "definition_source"),  # the transitional bare citation {id, at}
    *_cited_list(ENTRY, LANG, "definition_source", "sources"),
    Field(ENTRY, (LANG, "note"), PROSE),
    *_cited_list(ENTRY, LANG, "note_sources"),
    Field(ENTRY, (LANG, "equivalence", "note", LANG), PROSE),
    *_cited_list(ENTRY, LANG, "equivalence", "sources"),
    Field(ENTRY, ("conceptions", ITEM, LANG), PROSE),
    *_cited_list(ENTRY, "conceptions", ITEM, "sources"),
    Field(ENTRY, ("renderings", ITEM, LANG), TERM),
    Field(ENTRY, ("renderings", ITEM, "note", LANG), PROSE),
    *_citations(ENTRY, "renderings", ITEM, "source"),
    *_cited_list(ENTRY, "sources"),
    Field(ENTRY, ("history", ITEM, "summary", LANG), PROSE),
    # glossary/registry.yaml
    Field(REGISTRY, (ITEM, "reason", LANG), PROSE),
    # glossary/bibliography.yaml (research notes beside each reference are not shown on the site: data)
    Field(BIBLIOGRAPHY, ("sources", ITEM, "title"), REFERENCE),
    Field(BIBLIOGRAPHY, ("sources", ITEM, "title_en"), REFERENCE),
    Field(BIBLIOGRAPHY, ("sources", ITEM, "publisher"), REFERENCE),
    Field(BIBLIOGRAPHY, ("sources", ITEM, "date"), REFERENCE),
    Field(BIBLIOGRAPHY, ("sources", ITEM, "type"), REFERENCE),
    # glossary/domains.yaml, jurisdictions.yaml, glossary.yaml
    Field(DOMAINS, (ITEM, "name", LANG), NAME),
    Field(JURISDICTIONS, (ITEM, "name", LANG), NAME),
    Field(SETTINGS, ("title", LANG), NAME),
    Field(SETTINGS, ("authors", LANG), NAME),
)

@dataclass(frozen=True)
class Text:
    """One text of a file: where it stands (keys and list indexes), its language (None if it has none), its kind."""

    path: tuple
    language: str | None
    kind: str
    value: str


def _tree(file: str) -> dict:
    """The table's paths for one file as a tree of keys, so that a walk visits only the fields listed."""
    root: dict = {}
    for item in FIELDS:
        if item.file == file:
            node = root
            for key in item.path:
                node = node.setdefault(key, {})
            node[None] = item.kind
    return root


_TREES = {file: _tree(file) for file in (ENTRY, REGISTRY, BIBLIOGRAPHY, DOMAINS, JURISDICTIONS, SETTINGS)}


def texts(file: str, data: Any, languages: frozenset[str] | set[str] | tuple[str, ...]) -> list[Text]:
    """Every text of the table in a file's parsed data (whatever its shape: values of the wrong type are skipped,
    the schema reports them)."""
    found: list[Text] = []
    _collect(_TREES[file], data, (), None, frozenset(languages), found)
    return found


def _collect(node: dict, data: Any, path: tuple, language: str | None, languages: frozenset[str],
             found: list[Text]) -> None:
    # Appends to one list rather than yielding: nested generators pass every text up through each level, and a
    # glossary of 10,000 entries has 160,000 texts (measured: 3x faster).
    if isinstance(data, str):
        if None in node:  # a locator is in no language, even inside a language's section
            found.append(Text(path, None if node[None] == LOCATOR else language, node[None], data))
    elif isinstance(data, list):
        if ITEM in node:
            item_node = node[ITEM]
            for index, item in enumerate(data):
                _collect(item_node, item, path + (index,), language, languages, found)
    elif isinstance(data, dict):
        by_language = node.get(LANG)
        for key, value in data.items():
            if key in node:
                _collect(node[key], value, path + (key,), language, languages, found)
            if by_language is not None and key in languages:
                _collect(by_language, value, path + (key,), key, languages, found)
