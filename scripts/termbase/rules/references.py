"""References between entries and to the bibliography: they resolve, go both ways and never loop."""

from __future__ import annotations

from typing import Iterator

from ..loader import CONCEPTS_DIR
from ..model import Fate, RelationKind
from ..problems import WARNING, Problem, relative
from . import Context, suggest


def unknown_source(ctx: Context) -> Iterator[Problem]:
    """Every cited id exists in glossary/bibliography.yaml."""
    bibliography = ctx.glossary.bibliography
    for concept in ctx.glossary.concepts.values():
        for path, cited in concept.citations():
            if cited.id not in bibliography:
                hint = suggest(cited.id, bibliography) or "add the source to glossary/bibliography.yaml first"
                yield ctx.problem(concept, path, f"'{cited.id}' is not in the bibliography", hint)


_NAMED_BASIS = "definition_source: {basis: quoted|adapted|written, sources: [{id: <bibliography id>, at: <where>}]}"


def definition_basis(ctx: Context) -> Iterator[Problem]:
    """Every definition names its basis (quoted, adapted, or written for the glossary) and the sources behind it;
    a quoted or adapted definition says where its source says it."""
    for concept in ctx.glossary.concepts.values():
        for code, section in concept.sections.items():
            basis = section.definition_source
            path = (code, "definition_source")
            if basis.legacy and not basis.sources:
                yield ctx.problem(concept, path, "the definition names no source",
                                  f"name the sources it was written from: {_NAMED_BASIS}")
            elif basis.legacy:
                yield ctx.problem(concept, path, "the definition does not say whether it quotes or adapts its source",
                                  f"write {_NAMED_BASIS}")
            elif not basis.sources:
                yield ctx.problem(concept, (*path, "sources"), "the definition names no source",
                                  "list the sources it quotes, adapts or was written from: "
                                  "`- {id: <bibliography id>, at: <where>}`")
            elif basis.basis in ("quoted", "adapted"):
                for j, cited in enumerate(basis.sources):
                    if not cited.at:
                        yield ctx.problem(concept, (*path, "sources", j),
                                          f"a {basis.basis} definition must say where its source says it",
                                          "add `at:` with the article, clause or section, and the version of the text")


def renderings(ctx: Context) -> Iterator[Problem]:
    """A recorded rendering gives the original's text and at least one translation of it."""
    for concept in ctx.glossary.concepts.values():
        for i, rendering in enumerate(concept.renderings):
            if rendering.translated_from not in rendering.text:
                yield ctx.problem(concept, ("renderings", i), f"the original ({rendering.translated_from}) text is missing",
                                  f"add `{rendering.translated_from}:` with the term as the original text writes it")
            elif len(rendering.text) < 2:
                yield ctx.problem(concept, ("renderings", i), "no translated text is given",
                                  "add the rendering in the other language")


def unknown_relation(ctx: Context) -> Iterator[Problem]:
    """Every relation names an existing concept, and not the concept itself."""
    concepts = ctx.glossary.concepts
    for concept in concepts.values():
        for kind, targets in concept.relations.items():
            for i, target in enumerate(targets):
                path = ("relations", kind, i)
                if target == concept.id:
                    yield ctx.problem(concept, path, "a concept cannot be related to itself")
                elif target not in concepts and not (ctx.glossary.directory / CONCEPTS_DIR / f"{target}.yaml").is_file():
                    # (a file that exists but failed to load is reported for its own errors, not here)
                    fate = ctx.glossary.registry.get(target)
                    if fate and Fate(fate.fate).redirects and ctx.glossary.current_id(target):
                        hint = f"'{target}' was {fate.fate}: link to '{ctx.glossary.current_id(target)}' instead"
                    elif fate and Fate(fate.fate).leaves_tombstone:
                        hint = f"'{target}' was withdrawn: remove the link"
                    else:
                        hint = suggest(target, concepts) or "check the id: it is the file name under glossary/concepts/"
                    yield ctx.problem(concept, path, f"no concept has the id '{target}'", hint)


def relation_symmetry(ctx: Context) -> Iterator[Problem]:
    """`related` and `contrast` go both ways; `broader` on one side is `narrower` on the other."""
    concepts = ctx.glossary.concepts
    for concept in concepts.values():
        for kind, targets in concept.relations.items():
            inverse = RelationKind(kind).inverse.value
            for i, target in enumerate(targets):
                other = concepts.get(target)
                if other is None or other is concept or concept.id in other.related(inverse):
                    continue
                yield ctx.problem(
                    concept,
                    ("relations", kind, i),
                    f"'{concept.id}' lists '{target}' as {kind}, but '{target}' does not list '{concept.id}' as {inverse}",
                    f"add '{concept.id}' under relations.{inverse} in {relative(other.path, ctx.glossary.root)}",
                )


def relation_cycle(ctx: Context) -> Iterator[Problem]:
    """`broader` never leads back to where it started."""
    concepts = ctx.glossary.concepts
    reported: set[frozenset[str]] = set()
    for start in concepts.values():
        # depth-first walk up the broader chain, remembering the route to report the whole cycle
        stack = [(start.id, (start.id,))]
        while stack:
            current, route = stack.pop()
            for parent in concepts[current].related("broader") if current in concepts else ():
                if parent == start.id:
                    cycle = frozenset(route)
                    if cycle not in reported:
                        reported.add(cycle)
                        yield ctx.problem(
                            start,
                            ("relations", "broader"),
                            "broader concepts form a cycle: " + " → ".join(route + (start.id,)),
                            "a concept cannot be broader than itself; remove one of these links",
                        )
                elif parent not in route and parent in concepts:
                    stack.append((parent, route + (parent,)))


def unused_source(ctx: Context) -> Iterator[Problem]:
    """(warning) Every bibliography entry is cited by some concept; an uncited one is dead weight or a forgotten citation."""
    if not ctx.complete:
        return  # a file that failed to load may cite the source
    cited = {c.id for concept in ctx.glossary.concepts.values() for _, c in concept.citations()}
    path = ctx.glossary.directory / "bibliography.yaml"
    doc = ctx.documents.get("bibliography.yaml")
    for index, source_id in enumerate(ctx.glossary.bibliography):
        if source_id not in cited:
            yield ctx.file_problem(path, doc, ("sources", index, "id"), f"'{source_id}' is cited by no concept",
                                   "cite it where it supports a definition or conception, or remove it", WARNING)


def history(ctx: Context) -> Iterator[Problem]:
    """An entry's history lists its versions in order, ending with the current version and date; from version 2
    on it is required, and the current version's summary is written in every language."""
    codes = ctx.glossary.language_codes
    for concept in ctx.glossary.concepts.values():
        changes = concept.history
        for i in range(1, len(changes)):
            if changes[i].version <= changes[i - 1].version or changes[i].date < changes[i - 1].date:
                yield ctx.problem(concept, ("history", i),
                                  f"version {changes[i].version} ({changes[i].date}) does not come after version "
                                  f"{changes[i - 1].version} ({changes[i - 1].date})",
                                  "list versions oldest first; a version number never repeats or goes down")
        if not changes and concept.version > 1:
            yield ctx.problem(concept, ("version",),
                              f"version {concept.version} has no `history`: readers of the page cannot tell what "
                              "changed", f"add `history:` with an item for each version, ending with "
                              f"`{{version: {concept.version}, date: {concept.updated}, summary: {{...}}}}`")
        if changes and (changes[-1].version, changes[-1].date) != (concept.version, concept.updated):
            yield ctx.problem(concept, ("history", len(changes) - 1), f"the last change is version {changes[-1].version} of {changes[-1].date}, but the entry "
                              f"is version {concept.version} of {concept.updated}",
                              "add a history item for the current version, or correct `version` and `updated`")
        elif changes and (missing := [code for code in codes if not changes[-1].summary.get(code, "").strip()]):
            yield ctx.problem(concept, ("history", len(changes) - 1, "summary"),
                              f"the summary of version {concept.version} is missing in {', '.join(missing)}",
                              "say what changed in every language: the page of each language shows its own")
