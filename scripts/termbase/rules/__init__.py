"""Rules of the validator. Each rule is a small function that takes a Context and yields Problems. The rules and
their ids are listed once, in validate.py (RULES); the runner hands each rule a Context that stamps the rule's id on
every problem it reports, so a rule never names its own id.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..model import Concept, Glossary
from ..problems import ERROR, Problem, relative
from ..schemacheck import field_name
from ..yamlsource import Document


@dataclass(frozen=True)
class Context:
    glossary: Glossary
    documents: dict[str, Document]
    complete: bool = True  # every concept file loaded; rules about what is *not* cited wait until then
    rule: str = ""  # the id of the rule being run, stamped on its problems (validate.run_rules sets it)
    published: frozenset[str] = frozenset()  # ids in the registry at an earlier commit (published.py)
    published_at: str = ""  # that commit, as given
    base: dict[str, Concept] = field(default_factory=dict)  # changed entries as the base branch has them
    base_name: str = ""  # that branch, for messages

    def problem(self, concept: Concept, path: tuple, message: str, hint: str = "", severity: str = ERROR) -> Problem:
        """A problem in a concept's file, at the field `path` (a tuple of keys and indexes)."""
        return self.file_problem(concept.path, self.documents.get(concept.id), path, message, hint, severity)

    def file_problem(
        self, file: Path, doc: Document | None, path: tuple, message: str, hint: str = "", severity: str = ERROR
    ) -> Problem:
        line, column = doc.where(path) if doc else (0, 0)
        return self.at(relative(file, self.glossary.root), line, column, field_name(path), message, hint, severity)

    def at(self, path: str, line: int, column: int, field: str, message: str, hint: str = "",
           severity: str = ERROR) -> Problem:
        """A problem at a place given by hand (a file that is not YAML, such as a catalog)."""
        return Problem(path, line, column, severity, self.rule, field, message, hint)


def suggest(name: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(options), n=1)
    return f"did you mean '{close[0]}'?" if close else ""
