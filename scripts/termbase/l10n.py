"""The translation workflow's state: which translations are outdated (marking one reviewed is editing.mark_reviewed).

A translation records `source_fingerprint`: the fingerprint of the source-language term and definition it was
made from (model.fingerprint). When the source changes, the fingerprints differ and the translation is
reported, and marked on the site, as outdated until a translator has updated it and runs `l10n reviewed`.
"""

from __future__ import annotations

from dataclasses import dataclass

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
        for language in glossary.translations
    ]
