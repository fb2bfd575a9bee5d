"""The validator: every check over a loaded glossary, in one run.

The rules are data, listed once here with their ids: LOAD_RULES are checked while files are read (loader,
yamlsource, schemacheck: a file that fails one does not enter the model), RULES over the loaded model. The runner
stamps each rule's id on its problems. `python -m termbase rules` and the README's table cover both lists.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
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
    check: Callable[[Context], Iterable[Problem]] | None  # None: checked while loading
    summary: str = ""  # what a load-time rule checks (a cross-entry rule says it in its docstring)

    @property
    def stage(self) -> str:
        return "load" if self.check is None else "glossary"

    @property
    def description(self) -> str:
        if self.check is None:
            return self.summary
        return " ".join((self.check.__doc__ or "").strip().split("\n\n")[0].split())  # its first paragraph


LOAD_RULES: tuple[Rule, ...] = (
    Rule("file-missing", None, "A file the glossary needs (glossary.yaml, registry.yaml, ...) exists."),
    Rule("file-unreadable", None, "The file can be read (permissions)."),
    Rule("file-type", None, "Every glossary file is an ordinary file inside glossary/: no symbolic link (never "
                            "followed), folder, pipe or device where a file belongs."),
    Rule("file-too-large", None, "An entry is at most 256 KB, a settings file at most its own limit, and "
                                 "glossary/concepts/ holds at most 20,000 files."),
    Rule("file-name", None, "Files in concepts/ are named <id>.yaml."),
    Rule("encoding", None, "UTF-8 without a byte-order mark."),
    Rule("forbidden-character", None, "No control, bidirectional, invisible, formatting, tag, private-use or "
                                      "noncharacter, in the file or in any value or key (characters.py)."),
    Rule("yaml-syntax", None, "The file is YAML (and not empty)."),
    Rule("duplicate-key", None, "No key is given twice in one mapping."),
    Rule("yaml-alias", None, "No anchors, aliases or merge keys: every value written out."),
    Rule("yaml-tag", None, "No YAML tags."),
    Rule("schema", None, "Required fields, types, allowed values, no unknown fields, real dates; title and authors "
                         "in every declared language; locales Babel knows."),
    Rule("id-file-name", None, "An entry's id equals its file name and is not reserved for a page of the site."),
    Rule("duplicate-id", None, "No id (of a domain, jurisdiction, source or registry line) is listed twice."),
    Rule("build", None, "The site and its downloads are generated (a failure here is a bug, reported in one line)."),
)


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
    Rule("bounds", registry.bounds),
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
        if stem in glossary.concepts and (before := history.concept_at(text, glossary.concepts[stem], glossary)):
            concepts[stem] = before
    return (name if commit.startswith(name) else f"{name} ({commit[:7]})"), concepts


def run_rules(result: LoadResult, compare_with_base: bool = True, published: frozenset[str] = frozenset(),
              published_at: str = "") -> list[Problem]:
    if result.glossary is None:
        return sort_problems(result.problems)
    base_name, base = _base(result) if compare_with_base else ("", {})
    ctx = Context(result.glossary, result.documents, complete=result.files_read == len(result.glossary.concepts),
                  base=base, base_name=base_name, published=published, published_at=published_at)
    found = list(result.problems)
    for rule in RULES:
        found.extend(rule.check(replace(ctx, rule=rule.id)))
    return sort_problems(found)


ALL_RULES: tuple[Rule, ...] = LOAD_RULES + RULES


def validate(glossary_dir: Path, project_root: Path | None = None, published: frozenset[str] = frozenset(),
             published_at: str = "") -> tuple[LoadResult, list[Problem]]:
    """Load and check a glossary: the model (possibly partial) and every problem, sorted by file and line.
    `published`: the ids of the registry at an earlier commit `published_at`, none of which may disappear."""
    result = load_glossary(glossary_dir, project_root)
    return result, run_rules(result, published=published, published_at=published_at)
