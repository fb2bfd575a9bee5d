"""The validator: every check over a loaded glossary, in one run. The list of rules is data (RULES); the docs
and `python -m termbase rules` are made from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from . import history
from .loader import LoadResult, load_glossary
from .model import Concept
from .problems import Problem, sort_problems
from .rules import Context
from .rules import languages, references, registry, text, versions


@dataclass(frozen=True)
class Rule:
    id: str
    check: Callable[[Context], Iterable[Problem]]

    @property
    def description(self) -> str:
        return (self.check.__doc__ or "").strip()


RULES: tuple[Rule, ...] = (
    Rule("unknown-source", references.unknown_source),
    Rule("unused-source", references.unused_source),
    Rule("definition-basis", references.definition_basis),
    Rule("renderings", references.renderings),
    Rule("unknown-relation", references.unknown_relation),
    Rule("relation-symmetry", references.relation_symmetry),
    Rule("relation-cycle", references.relation_cycle),
    Rule("history", references.history),
    Rule("version-bump", versions.version_bump),
    Rule("equivalence-note", languages.equivalence_note),
    Rule("homonym", languages.homonyms),
    Rule("repeated-term", languages.repeated_term),
    Rule("stale-translation", languages.stale_translation),
    Rule("placeholder", languages.placeholder),
    Rule("catalog", languages.catalogs),
    Rule("registry", registry.registry),
    Rule("markup", text.markup),
    Rule("text-form", text.whitespace_and_normalisation),
    Rule("script", text.script),
    Rule("typography", text.typography),
    Rule("reading", text.reading),
)


def _base(result: LoadResult) -> tuple[str, dict[str, Concept]]:
    """The entries changed since the base branch, as it has them (none without git)."""
    glossary = result.glossary
    name, commit = history.base_ref(glossary.root)
    if not commit:
        return "", {}
    concepts = {}
    for stem, text in history.base_texts(glossary.root, commit).items():
        if stem in glossary.concepts and (before := history.concept_at(text, glossary.concepts[stem], glossary.languages)):
            concepts[stem] = before
    return (name if commit.startswith(name) else f"{name} ({commit[:7]})"), concepts


def run_rules(result: LoadResult, compare_with_base: bool = True) -> list[Problem]:
    if result.glossary is None:
        return sort_problems(result.problems)
    base_name, base = _base(result) if compare_with_base else ("", {})
    ctx = Context(result.glossary, result.documents, complete=result.files_read == len(result.glossary.concepts),
                  base=base, base_name=base_name)
    found = list(result.problems)
    for rule in RULES:
        found.extend(rule.check(ctx))
    return sort_problems(found)


def validate(glossary_dir: Path, project_root: Path | None = None) -> tuple[LoadResult, list[Problem]]:
    """Load and check a glossary: the model (possibly partial) and every problem, sorted by file and line."""
    result = load_glossary(glossary_dir, project_root)
    return result, run_rules(result)
