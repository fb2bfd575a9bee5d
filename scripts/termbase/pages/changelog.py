"""Every recorded change to the glossary, newest first: new versions of entries and changes of ids."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from .. import publication
from ..i18n import LocaleText
from ..model import Change, Concept, Fate, Glossary, Language
from .environment import render


@dataclass(frozen=True)
class Event:
    date: datetime.date
    summary: str
    concept: Concept | None = None  # a new version of this concept...
    version: int = 0
    registry_id: str = ""  # ...or a change of this id (renamed, merged, withdrawn)

    @property
    def order(self) -> tuple:
        return self.date, self.concept.id if self.concept else self.registry_id


def _events(glossary: Glossary, language: Language, text: LocaleText) -> list[Event]:
    source = glossary.source_language.code
    events = []
    for concept in glossary.concepts.values():
        for change in concept.history or (Change(concept.version, concept.updated, {}),):
            summary = change.summary.get(language.code) or change.summary.get(source) or text.gettext("First published.")
            events.append(Event(change.date, summary, concept=concept, version=change.version))
    for entry in glossary.registry.values():
        fate = Fate(entry.fate)
        if not fate.is_active and entry.date:
            summary = text.gettext(fate.change) % {"target": entry.to}
            if fate.leaves_tombstone and entry.reason:
                summary += " " + entry.reason.get(language.code, "")
            events.append(Event(datetime.date.fromisoformat(entry.date), summary, registry_id=entry.id))
    return sorted(events, key=lambda e: e.order, reverse=True)


def render_changelog(glossary: Glossary, language: Language, locales_dir: Path) -> str:
    return render("changelog.md.j2", language, locales_dir, publication.page("changelog"), glossary=glossary,
                  events=_events(glossary, language, LocaleText(language, locales_dir)))
