"""Stable identifiers: every id ever published stays in glossary/registry.yaml with its fate, so that no URL
anyone has cited can disappear: an active id has its file, a renamed or merged one redirects, a withdrawn one
leaves a tombstone page.
"""

from __future__ import annotations

from typing import Iterator

from ..loader import CONCEPTS_DIR, MAX_CONCEPT_FILES, REGISTRY_FILE
from ..model import RESERVED_IDS, Fate
from ..problems import Problem
from . import Context, suggest

# Each withdrawn id leaves a tombstone page in every language, each renamed or merged one a redirect page: the
# bounds keep the site's size and build time in proportion (measured: 20,000 withdrawn ids made a 966 MB site).
MAX_IDS = {"active": MAX_CONCEPT_FILES, "renamed": 5_000, "merged": 5_000, "withdrawn": 2_000}
MAX_PAGES = 60_000  # generated pages in all languages: concept pages and tombstones


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
    for old_id in sorted(ctx.published - set(ids)):
        yield ctx.file_problem(
            registry_path, registry_doc, (),
            f"'{old_id}' was published (it is in the registry at {ctx.published_at}) but is no longer listed",
            "restore its line: an id is never removed; to retire it, record its fate (renamed or merged with `to:`, "
            "or withdrawn with a date and a reason)",
        )
    for index, entry in enumerate(glossary.registry.values()):
        here = (index,)
        if entry.id in RESERVED_IDS:
            yield ctx.file_problem(registry_path, registry_doc, here + ("id",), f"the id '{entry.id}' is reserved",
                                   f"the site uses terms/{entry.id}/ for its own page: no concept can have this id")
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
                active = [i for i, e in glossary.registry.items() if Fate(e.fate).is_active and i not in (entry.id, entry.to)]
                hint = suggest(entry.to, active) or "`to:` must lead, possibly through other renames, to an active id"
                yield ctx.file_problem(registry_path, registry_doc, here + ("to",), f"'{entry.id}' {entry.fate} to '{entry.to}', which does not lead to an active concept",
                                       hint)
        elif entry.to:
            yield ctx.file_problem(registry_path, registry_doc, here + ("to",), f"`to:` only applies to renamed or merged ids, not {entry.fate}", "remove `to:`")
        if Fate(entry.fate).leaves_tombstone and not entry.reason:
            yield ctx.file_problem(registry_path, registry_doc, here + ("fate",), "a withdrawn id needs a `reason:` in each language",
                                   "the tombstone page shows it to readers")


def bounds(ctx: Context) -> Iterator[Problem]:
    """The registry holds a bounded number of ids of each fate, and the site a bounded number of pages."""
    glossary = ctx.glossary
    registry_path = glossary.directory / REGISTRY_FILE
    registry_doc = ctx.documents.get(REGISTRY_FILE)
    counts = {fate: 0 for fate in MAX_IDS}
    for entry in glossary.registry.values():
        counts[entry.fate] = counts.get(entry.fate, 0) + 1
    for fate, count in counts.items():
        if count > MAX_IDS.get(fate, MAX_CONCEPT_FILES):
            yield ctx.file_problem(registry_path, registry_doc, (), f"{count:,} {fate} ids, over the limit of {MAX_IDS[fate]:,}",
                                   "the glossary is not built for more; ask the maintainers before raising the limit")
    pages = (len(glossary.concepts) + counts["withdrawn"]) * len(glossary.languages)
    if pages > MAX_PAGES:
        yield ctx.file_problem(registry_path, registry_doc, (),
                               f"the site would have {pages:,} generated pages, over the limit of {MAX_PAGES:,}",
                               "the glossary is not built for more; ask the maintainers before raising the limit")
