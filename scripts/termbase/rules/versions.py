"""Version discipline: a citation names a version, so a published entry's substance never changes under the same
version number. Compared with the entry as the base branch has it (history.base_ref), when git can tell."""

from __future__ import annotations

from typing import Iterator

from ..model import Concept
from ..problems import Problem
from . import Context


def _folded(text: str) -> str:
    return " ".join(text.split())  # re-wrapping a paragraph is not a change


def substance(concept: Concept) -> dict[str, object]:
    """What a citation of the entry relies on, by field: its terms, definitions, equivalence and conceptions."""
    parts: dict[str, object] = {}
    for code, section in concept.sections.items():
        parts[f"{code}.term"] = (section.term, section.synonyms, tuple(d.term for d in section.deprecated),
                                 section.disambiguated)
        parts[f"{code}.definition"] = _folded(section.definition)
        if section.equivalence:
            parts[f"{code}.equivalence"] = (section.equivalence.degree,
                                            sorted((k, _folded(v)) for k, v in section.equivalence.note.items()))
    parts["conceptions"] = tuple((c.jurisdiction, sorted((k, _folded(v)) for k, v in c.text.items()))
                                 for c in concept.conceptions)
    return parts


def version_bump(ctx: Context) -> Iterator[Problem]:
    """A published entry whose terms, definitions, equivalence or conceptions changed since the base branch has a
    new version; a version number never goes down."""
    for concept in ctx.glossary.concepts.values():
        before = ctx.base.get(concept.id)
        if before is None:
            continue  # new since the base, unchanged, or no git history to compare with
        following = before.version + 1
        if concept.version < before.version:
            yield ctx.problem(concept, ("version",),
                              f"version {concept.version} is lower than version {before.version} on {ctx.base_name}: "
                              "a version number never goes down",
                              f"set `version` to {before.version} if nothing substantive changed, else to {following}")
            continue
        if concept.version > before.version:
            continue
        now, then = substance(concept), substance(before)
        changed = [name for name in dict.fromkeys([*then, *now]) if now.get(name) != then.get(name)]
        if changed:
            summary = ", ".join(f"{code}: …" for code in ctx.glossary.language_codes)
            yield ctx.problem(concept, ("version",),
                              f"{', '.join(changed)} changed since {ctx.base_name}, but the version is still "
                              f"{concept.version}: readers who cited version {concept.version} would find other text "
                              "under it",
                              f"set `version: {following}` and `updated:` to the date of the change, and add "
                              f"`{{version: {following}, date: <that date>, summary: {{{summary}}}}}` at the end of "
                              "`history` saying what changed")
