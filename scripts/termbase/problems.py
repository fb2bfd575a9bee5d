"""Problems found in the glossary: one record per finding, with where and what to do."""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from .characters import FORBIDDEN

_INVISIBLE = re.compile(f"{FORBIDDEN.pattern}|[\t\n\r]")

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding. `path` is relative to the project root; `line` and `column` are 1-based (0 = unknown)."""

    path: str
    line: int
    column: int
    severity: str
    rule: str
    field: str
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self) -> str:
        where = visible(self.path)
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        field = f"{visible(self.field)}: " if self.field else ""
        hint = f" ({visible(self.hint)})" if self.hint else ""
        return f"{where}: {self.severity}: [{self.rule}] {field}{visible(self.message)}{hint}"

    def format_github(self) -> str:
        # GitHub Actions workflow command; the message must be a single line with % and newlines escaped.
        def esc(text: str) -> str:
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        def esc_property(text: str) -> str:  # property values also end at ',' and ':'
            return esc(text).replace(":", "%3A").replace(",", "%2C")

        props = f"file={esc_property(visible(self.path))}"
        if self.line:
            props += f",line={self.line},col={self.column or 1}"
        props += f",title={esc_property(self.rule)}"
        field = f"{self.field}: " if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"::{self.severity} {props}::{esc(visible(field + self.message + hint))}"


def visible(text: str) -> str:
    """The text on one line, with line breaks, tabs and forbidden characters (a value quoted in a message, a file
    name) written as escapes: a message is one line, and cannot move a terminal's cursor or hide its own text."""
    return _INVISIBLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def relative(path: Path, root: Path) -> str:
    """The path as shown to a contributor: relative to the project root. Links are not followed (a glossary file
    that is a link is reported as one, and where it points, possibly outside the repository, is never shown)."""
    path, root = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:  # the root was given through a link, or the other way round
            return path.parent.resolve().joinpath(path.name).relative_to(root.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):
            return path.name


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.rule, p.field, p.message))


def to_json(problems: list[Problem]) -> str:
    return json.dumps([asdict(p) for p in problems], ensure_ascii=False, indent=2)
