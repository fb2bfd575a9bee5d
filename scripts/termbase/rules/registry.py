"""Stable identifiers: every id ever published stays in glossary/registry.yaml with its fate, so that no URL
anyone has cited can disappear: an active id has its file, a renamed or merged one redirects, a withdrawn one
leaves a tombstone page.
"""

from __future__ import annotations

from typing import Iterator

from ..loader import CONCEPTS_DIR, REGISTRY_FILE
from ..model import Fate
from ..problems import Problem
from . import Context, suggest


def registry(ctx: Context) -> Iterator[Problem]:
    """Every concept is registered; every registered id keeps its file or records its fate."""
    glossary = ctx.glossary
    registry_path = glossary.directory / REGISTRY_FILE
    registry_doc = ctx.documents.get(REGISTRY_FILE)
    for concept in glossary.concepts.values():
        entry = glossary.registry.get(concept.id)
        if entry is None:
            yield ctx.problem(
                concept, ("id",), f"'{concept.id}' is not in glossary/{REGISTRY_FILE}",
                f"add `- {{id: {concept.id}, fate: active}}` to glossary/{REGISTRY_FILE} (its URL is then kept for good)",
            )
        elif not Fate(entry.fate).is_active:
            yield ctx.problem(
                concept, ("id",), f"'{concept.id}' is recorded as {entry.fate} in glossary/{REGISTRY_FILE}",
                "an id whose concept was renamed, merged or withdrawn cannot be reused; choose another id",
            )
    ids = list(glossary.registry)
    for index, entry in enumerate(glossary.registry.values()):
        here = (index,)
        # the file, not the loaded concept: a file that failed to load is reported for what is wrong in it
        if Fate(entry.fate).is_active and not (glossary.directory / CONCEPTS_DIR / f"{entry.id}.yaml").is_file():
            yield ctx.file_problem(
                registry_path, registry_doc, here + ("id",), f"'{entry.id}' was published but glossary/{CONCEPTS_DIR}/{entry.id}.yaml is missing",
                "restore the file, or record what became of it: fate renamed or merged (with `to:`), or withdrawn",
            )
        if Fate(entry.fate).redirects:
            if not entry.to:
                yield ctx.file_problem(registry_path, registry_doc, here + ("fate",), f"a {entry.fate} id needs `to:` naming the id it lives on as")
            elif glossary.current_id(entry.id) is None:
                hint = suggest(entry.to, ids) or "`to:` must lead, possibly through other renames, to an active id"
                yield ctx.file_problem(registry_path, registry_doc, here + ("to",), f"'{entry.id}' {entry.fate} to '{entry.to}', which does not lead to an active concept",
                                       hint)
        elif entry.to:
            yield ctx.file_problem(registry_path, registry_doc, here + ("to",), f"`to:` only applies to renamed or merged ids, not {entry.fate}", "remove `to:`")
        if Fate(entry.fate).leaves_tombstone and not entry.reason:
            yield ctx.file_problem(registry_path, registry_doc, here + ("fate",), "a withdrawn id needs a `reason:` in each language",
                                   "the tombstone page shows it to readers")
