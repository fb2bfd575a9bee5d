"""The translation workflow: which translations are outdated, and marking one as reviewed.

A translation records `source_fingerprint`: the fingerprint of the source-language term and definition it was
made from (model.fingerprint). When the source changes, the fingerprints differ and the translation is
reported, and marked on the site, as outdated until a translator has updated it and runs `l10n reviewed`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from .editing import edit_yaml
from .model import Concept, Glossary, fingerprint

UP_TO_DATE, OUTDATED, UNREVIEWED = "up to date", "outdated", "never reviewed"


@dataclass(frozen=True)
class TranslationState:
    concept: Concept
    language: str
    state: str


def translation_state(glossary: Glossary, concept: Concept, language: str) -> str:
    recorded = concept.sections[language].source_fingerprint
    if not recorded:
        return UNREVIEWED
    current = fingerprint(concept.sections[glossary.source_language.code])
    return UP_TO_DATE if recorded == current else OUTDATED


def status(glossary: Glossary) -> list[TranslationState]:
    return [
        TranslationState(concept, language.code, translation_state(glossary, concept, language.code))
        for concept in glossary.concepts.values()
        for language in glossary.languages[1:]
    ]


def mark_reviewed(glossary: Glossary, concept: Concept, language: str) -> bool:
    """Record that the `language` text now matches the current source text. Returns whether the file changed."""
    # Quoted, so that a fingerprint made only of digits (or like 12e345...) is never read back as a number.
    value = DoubleQuotedScalarString(fingerprint(concept.sections[glossary.source_language.code]))

    def change(data) -> None:
        section = data[language]
        if "source_fingerprint" in section:
            section["source_fingerprint"] = value
        else:  # right after the term: a short line, where it cannot be taken for part of a paragraph
            section.insert(list(section).index("term") + 1, "source_fingerprint", value)

    return edit_yaml(concept.path, change)
