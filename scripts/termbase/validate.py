"""Rules that look across entries, once every file has loaded. Each rule is a small function that takes the
glossary and yields problems; RULES lists them with their ids, which the docs and the CLI show.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .loader import LoadResult, load_glossary
from .model import Citation, Concept, Glossary
from .problems import ERROR, Problem, relative, sort_problems
from .schemacheck import field_name
from .yamlsource import Document


@dataclass(frozen=True)
class Context:
    glossary: Glossary
    documents: dict[str, Document]

    def problem(self, concept: Concept, path: tuple, rule: str, message: str, hint: str = "", severity: str = ERROR) -> Problem:
        doc = self.documents.get(concept.id)
        line, column = doc.where(path) if doc else (0, 0)
        return Problem(relative(concept.path, self.glossary.root), line, column, severity, rule, field_name(path), message, hint)


def _suggest(name: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(options), n=1)
    return f"did you mean '{close[0]}'?" if close else ""


def _citations(concept: Concept) -> Iterator[tuple[tuple, Citation]]:
    for code, section in concept.sections.items():
        if section.definition_source:
            yield (code, "definition_source"), section.definition_source
    for i, conception in enumerate(concept.conceptions):
        for j, cited in enumerate(conception.sources):
            yield ("conceptions", i, "sources", j), cited
    for i, cited in enumerate(concept.sources):
        yield ("sources", i), cited


def unknown_source(ctx: Context) -> Iterator[Problem]:
    """Every cited id exists in glossary/bibliography.yaml."""
    bibliography = ctx.glossary.bibliography
    for concept in ctx.glossary.concepts.values():
        for path, cited in _citations(concept):
            if cited.id not in bibliography:
                hint = _suggest(cited.id, bibliography) or "add the source to glossary/bibliography.yaml first"
                yield ctx.problem(concept, path, "unknown-source", f"'{cited.id}' is not in the bibliography", hint)


def unknown_relation(ctx: Context) -> Iterator[Problem]:
    """Every relation names an existing concept, and not the concept itself."""
    concepts = ctx.glossary.concepts
    for concept in concepts.values():
        for kind, targets in concept.relations.items():
            for i, target in enumerate(targets):
                path = ("relations", kind, i)
                if target == concept.id:
                    yield ctx.problem(concept, path, "unknown-relation", "a concept cannot be related to itself")
                elif target not in concepts:
                    hint = _suggest(target, concepts) or "check the id: it is the file name under glossary/concepts/"
                    yield ctx.problem(concept, path, "unknown-relation", f"no concept has the id '{target}'", hint)


def equivalence_note(ctx: Context) -> Iterator[Problem]:
    """A translation that is not an exact equivalent explains why, in the source language and in its own."""
    source = ctx.glossary.source_language.code
    for concept in ctx.glossary.concepts.values():
        for code, section in concept.sections.items():
            if section.equivalence is None or section.equivalence.degree == "exact":
                continue
            for note_language in (source, code):
                if not section.equivalence.note.get(note_language):
                    yield ctx.problem(
                        concept,
                        (code, "equivalence", "note", note_language),
                        "equivalence-note",
                        f"equivalence '{section.equivalence.degree}' needs a note in '{note_language}'",
                        f"add `note: {{{source}: ..., {code}: ...}}` saying what differs and how to write it unambiguously",
                    )


_INVERSE = {"related": "related", "contrast": "contrast", "broader": "narrower", "narrower": "broader"}


def relation_symmetry(ctx: Context) -> Iterator[Problem]:
    """`related` and `contrast` go both ways; `broader` on one side is `narrower` on the other."""
    concepts = ctx.glossary.concepts
    for concept in concepts.values():
        for kind, targets in concept.relations.items():
            inverse = _INVERSE[kind]
            for i, target in enumerate(targets):
                other = concepts.get(target)
                if other is None or other is concept or concept.id in other.related(inverse):
                    continue
                yield ctx.problem(
                    concept,
                    ("relations", kind, i),
                    "relation-symmetry",
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
                            "relation-cycle",
                            "broader concepts form a cycle: " + " → ".join(route + (start.id,)),
                            "a concept cannot be broader than itself; remove one of these links",
                        )
                elif parent not in route and parent in concepts:
                    stack.append((parent, route + (parent,)))


@dataclass(frozen=True)
class Rule:
    id: str
    check: Callable[[Context], Iterable[Problem]]

    @property
    def description(self) -> str:
        return (self.check.__doc__ or "").strip()


RULES: tuple[Rule, ...] = (
    Rule("unknown-source", unknown_source),
    Rule("unknown-relation", unknown_relation),
    Rule("equivalence-note", equivalence_note),
    Rule("relation-symmetry", relation_symmetry),
    Rule("relation-cycle", relation_cycle),
)


def run_rules(result: LoadResult) -> list[Problem]:
    if result.glossary is None:
        return sort_problems(result.problems)
    ctx = Context(result.glossary, result.documents)
    found = list(result.problems)
    for rule in RULES:
        found.extend(rule.check(ctx))
    return sort_problems(found)


def validate(glossary_dir: Path, project_root: Path | None = None) -> tuple[LoadResult, list[Problem]]:
    """Load and check a glossary: the model (possibly partial) and every problem, sorted by file and line."""
    result = load_glossary(glossary_dir, project_root)
    return result, run_rules(result)
