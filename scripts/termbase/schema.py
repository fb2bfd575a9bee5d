"""The JSON Schemas of the glossary's files, built from the declared languages, domains and jurisdictions.

The loader checks every file against these schemas; the same schema is published for editors (`python -m termbase
schema`), so contributors see mistakes while they type. The fields are also read in loader.py and written back in
exports/json_export.py (the JSON round-trip test keeps the two in step).
"""

from __future__ import annotations

from typing import Any

from .model import DEFINITION_BASES, EQUIVALENCES, FATES, LEGACY_OWN_DEFINITION, RELATION_KINDS, STATUSES
from .writing import Reading

# Every pattern ends in "(?!\n)$": in Python (jsonschema, fastjsonschema) a bare "$" also matches before a final
# newline, so "safety\n" would pass as an id; in editors' JavaScript the lookahead changes nothing.
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*(?!\n)$"
MAX_ID_LENGTH = 100  # well inside every file system's limit on a file name
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}(?!\n)$"
FINGERPRINT_PATTERN = r"^[0-9a-f]{12}(?!\n)$"
LANGUAGE_CODE_PATTERN = r"^[a-z]{2,3}(?!\n)$"
# A well-formed BCP 47 tag (RFC 5646 langtag, without the grandfathered forms): language[-extlang], script,
# region, variants, extensions, private use. The build writes it into xml:lang, hreflang, lang and rdf literals.
LANGUAGE_TAG_PATTERN = (r"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?"
                        r"(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*"
                        r"(-x(-[A-Za-z0-9]{1,8})+)?(?!\n)$")
# The glossary's release: numbers joined by dots, optionally with a pre-release label (0.1.0, 1.0.0-rc.1).
RELEASE_PATTERN = r"^[0-9]+(\.[0-9]+){0,3}(-[0-9A-Za-z]+(\.[0-9A-Za-z]+)*)?(?!\n)$"
MAX_VERSION = 100_000

# "x-message" is ours (JSON Schema ignores unknown keywords): the sentence a contributor reads when the value
# does not match, instead of a regular expression.
ID = {
    "type": "string",
    "pattern": ID_PATTERN,
    "maxLength": MAX_ID_LENGTH,
    "x-message": f"must be lower-case ASCII words joined by hyphens, like 'open-weight-model', at most {MAX_ID_LENGTH} "
                 "characters",
}
VERSION = {"type": "integer", "minimum": 1, "maximum": MAX_VERSION,
           "x-hint": "write a whole number such as 3, without leading zeros, quotes or a decimal point"}
TEXT = {"type": "string", "minLength": 1, "x-message": "must be non-empty text"}
TEXT_LIST = {"type": "array", "items": TEXT, "uniqueItems": True}
DATE = {"type": "string", "pattern": DATE_PATTERN, "x-message": "must be a date written YYYY-MM-DD"}


def _citation() -> dict[str, Any]:
    return {
        "description": "A bibliography id, or a mapping with the id and a locator (article, section, page).",
        "anyOf": [
            ID,
            {
                "type": "object",
                "required": ["id"],
                "properties": {"id": ID, "at": TEXT},
                "additionalProperties": False,
            },
        ],
        "x-message": "must be a bibliography id, or a mapping `{id: <bibliography id>, at: <article or section>}`",
    }


def _citations(description: str, min_items: int = 0) -> dict[str, Any]:
    return {"description": description, "type": "array", "minItems": min_items, "items": _citation()}


def _definition_source() -> dict[str, Any]:
    named = {
        "type": "object",
        "required": ["basis", "sources"],
        "properties": {
            "basis": {
                "enum": list(DEFINITION_BASES),
                "description": "quoted: the source's own words, verbatim; adapted: the source's definition reworded "
                "or shortened; written: written for the glossary from the sources named.",
            },
            # an empty list is read, so that the `definition-basis` rule can say what to write
            "sources": _citations("The sources quoted, adapted or written from; say where (`at`) and which "
                                  "version of a law or standard."),
        },
        "additionalProperties": False,
    }
    return {
        "description": "What the definition rests on: its basis and its sources.",
        # The first release's forms (`own`, a bare citation) are still read so that old entries can be loaded and
        # reported with a hint; the `definition-basis` rule asks for the form above.
        "anyOf": [named, {"const": LEGACY_OWN_DEFINITION}, _citation()],
        "x-message": "must be `{basis: quoted|adapted|written, sources: [<bibliography id or {id, at}>, ...]}`",
    }


def _language_section(language: str, source: str, reading: Reading | None) -> dict[str, Any]:
    is_source = language == source
    properties: dict[str, Any] = {
        "term": {**TEXT, "description": "The preferred term in this language."},
        "synonyms": {**TEXT_LIST, "description": "Admitted terms: other terms in use for the same concept."},
        "deprecated": {
            "description": "Terms to avoid, each with the reason.",
            "type": "array",
            "items": {
                "type": "object",
                "required": ["term", "reason"],
                "properties": {"term": TEXT, "reason": TEXT},
                "additionalProperties": False,
            },
        },
        "definition": {**TEXT, "description": "The definition, as one paragraph of plain text."},
        "definition_source": _definition_source(),
        "note": {**TEXT, "description": "A usage note for writers and translators."},
        "note_sources": _citations("The sources of the facts the note states."),
        "disambiguated": {
            **TEXT,
            "description": "How to write the term where another concept has the same term, e.g. 安全（safety）.",
        },
    }
    if reading:
        properties[reading.field] = {**TEXT, "description": reading.description}
    required = ["term", "definition", "definition_source"]
    if not is_source:
        properties["equivalence"] = {
            "description": f"How the preferred term in this language maps to the concept defined in '{source}'.",
            "type": "object",
            "required": ["degree"],
            "properties": {
                "degree": {"enum": list(EQUIVALENCES)},
                "note": {
                    "description": "What differs and how to write it unambiguously, in both languages.",
                    "type": "object",
                    "properties": {source: TEXT, language: TEXT},
                    "additionalProperties": False,
                },
                "sources": _citations("The sources of the facts the note states."),
            },
            "additionalProperties": False,
        }
        properties["source_fingerprint"] = {
            "description": "Fingerprint of the source-language text this translation was made from.",
            "type": "string",
            "pattern": FINGERPRINT_PATTERN,
            "x-message": "must be the quoted 12-character fingerprint written by `python -m termbase l10n reviewed`",
        }
        required.append("equivalence")
    return {
        "type": "object",
        "required": required,
        "properties": properties,
        "additionalProperties": False,
    }


def entry_schema(
    languages: list[str], domains: list[str], jurisdictions: list[str], readings: dict[str, Reading] | None = None
) -> dict[str, Any]:
    """The schema of one concept file. `readings`: language code -> the reading of its script, for the languages
    whose script has one (an entry may correct it in the field `Reading.field`: pinyin, reading)."""
    readings = readings or {}
    source = languages[0]
    properties: dict[str, Any] = {
        "id": {**ID, "description": "Stable identifier: the file name and the URL. Never change it."},
        "status": {"enum": list(STATUSES)},
        "domain": {"enum": domains},
        "version": {**VERSION, "description": "Bumped on every substantive change."},
        "updated": {**DATE, "description": "Date of the last substantive change."},
    }
    for language in languages:
        properties[language] = _language_section(language, source, readings.get(language))
    properties["conceptions"] = {
        "description": "How jurisdictions and bodies understand the concept, where they differ.",
        "type": "array",
        "items": {
            "type": "object",
            "required": ["jurisdiction", *languages, "sources"],
            "properties": {
                "jurisdiction": {"enum": jurisdictions},
                **{language: TEXT for language in languages},
                "sources": {"type": "array", "minItems": 1, "items": _citation()},
            },
            "additionalProperties": False,
        },
    }
    properties["relations"] = {
        "type": "object",
        "properties": {kind: {"type": "array", "items": ID, "uniqueItems": True} for kind in RELATION_KINDS},
        "additionalProperties": False,
    }
    properties["sources"] = {
        "description": "The documents the entry as a whole rests on.",
        "type": "array",
        "items": _citation(),
    }
    properties["renderings"] = {
        "description": "What translated texts actually render the term as (official translations first of all).",
        "type": "array",
        "items": {
            "type": "object",
            "required": ["translated_from", "official", "source"],
            "properties": {
                **{language: TEXT for language in languages},
                "translated_from": {"enum": languages, "description": "The language of the original text."},
                "official": {"type": "boolean", "description": "true for an official translation."},
                "source": _citation(),
                "note": {
                    "type": "object",
                    "properties": {language: TEXT for language in languages},
                    "additionalProperties": False,
                },
            },
            "additionalProperties": False,
        },
    }
    properties["history"] = {
        "description": "Each published version, oldest first, ending with the current one: what changed and when.",
        "type": "array",
        "items": {
            "type": "object",
            "required": ["version", "date", "summary"],
            "properties": {
                "version": VERSION,
                "date": DATE,
                "summary": {
                    "type": "object",
                    "required": [source],
                    "properties": {language: TEXT for language in languages},
                    "additionalProperties": False,
                },
            },
            "additionalProperties": False,
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Glossary concept entry",
        "type": "object",
        "required": ["id", "status", "domain", "version", "updated", *languages],
        "properties": properties,
        "additionalProperties": False,
    }


def glossary_entry_schema(glossary) -> dict[str, Any]:
    """The entry schema of a loaded glossary (model.Glossary)."""
    return entry_schema(list(glossary.language_codes), list(glossary.domains), list(glossary.jurisdictions),
                        reading_fields(glossary.languages))


def reading_fields(languages) -> dict[str, Reading]:
    """Language code -> the reading of its terms (and the entry field that corrects it), where there is one."""
    return {lang.code: lang.profile.reading for lang in languages if lang.profile.reading}


def glossary_languages_schema(languages: list[str]) -> dict[str, Any]:
    """glossary.yaml once its languages are known: the title and the authors are given in each of them."""
    return {
        "type": "object",
        "properties": {
            "title": {**_names(languages), "description": "The glossary's title, in every declared language."},
            "authors": {**_names(languages), "description": "The group author named in citations, in every "
                                                            "declared language."},
        },
    }


def _names(languages: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": languages,
        "properties": {language: TEXT for language in languages},
        "additionalProperties": False,
    }


GLOSSARY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["title", "authors", "version", "languages"],
    "properties": {
        "version": {"type": "string", "pattern": RELEASE_PATTERN, "description": "The glossary's release, named in every export.",
                    "x-message": "must be a release number such as '0.1.0' (numbers joined by dots)"},
        # Which languages title and authors must cover is only known once `languages` is read: the loader checks.
        "title": {"type": "object", "additionalProperties": TEXT},
        "authors": {"type": "object", "additionalProperties": TEXT},
        "languages": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["code", "tag", "locale", "script"],
                "properties": {
                    "code": {
                        "type": "string",
                        "pattern": LANGUAGE_CODE_PATTERN,
                        "x-message": "must be a two- or three-letter ISO 639 code such as 'zh'",
                    },
                    "tag": {"type": "string", "pattern": LANGUAGE_TAG_PATTERN,
                            "x-message": "must be a BCP 47 language tag such as 'en' or 'zh-Hans'"},
                    "locale": {"type": "string", "pattern": r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*(?!\n)$",
                               "x-message": "must be a CLDR locale such as 'en' or 'zh_Hans_CN'"},
                    "script": {
                        "type": "string",
                        "pattern": r"^[A-Z][a-z]{3}(?!\n)$",
                        "x-message": "must be an ISO 15924 script code such as 'Latn' or 'Hans'",
                    },
                },
                "additionalProperties": False,
            },
        },
    },
    "additionalProperties": False,
}


def domains_schema(languages: list[str]) -> dict[str, Any]:
    return {
        "type": "array",
        "minItems": 1,
        "items": {
            "type": "object",
            "required": ["id", "name"],
            "properties": {"id": ID, "name": _names(languages)},
            "additionalProperties": False,
        },
    }


def jurisdictions_schema(languages: list[str]) -> dict[str, Any]:
    return {
        "type": "array",
        "minItems": 1,
        "items": {
            "type": "object",
            "required": ["code", "name"],
            "properties": {
                "code": {"type": "string", "pattern": r"^[A-Z]{2,5}(?!\n)$", "x-message": "must be 2-5 capital letters"},
                "name": _names(languages),
            },
            "additionalProperties": False,
        },
    }


# The bibliography keeps the vetted research notes (key_usage, confidence, ...) beside each reference;
# only the fields the site shows are constrained.
BIBLIOGRAPHY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["sources"],
    "properties": {
        "sources": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "title", "publisher", "date"],
                "properties": {
                    "id": ID,
                    "title": TEXT,
                    "title_en": TEXT,
                    "publisher": TEXT,
                    "date": TEXT,
                    "url": {
                        "type": "string",
                        "pattern": r"^https?://\S+$",
                        "x-message": "must be an http(s) address",
                    },
                    "type": TEXT,
                    "amended_by": {"type": "array", "items": ID, "uniqueItems": True,
                                   "description": "Bibliography ids of later texts that changed this one."},
                },
            },
        }
    },
}


def registry_schema(languages: list[str]) -> dict[str, Any]:
    return {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["id", "fate"],
            "properties": {
                "id": ID,
                "fate": {"enum": list(FATES)},
                "to": {**ID, "description": "For renamed and merged ids: the id the concept lives on as."},
                "date": DATE,
                "reason": {**_names(languages), "description": "Why a withdrawn concept was withdrawn, in each language."},
            },
            "additionalProperties": False,
        },
    }
