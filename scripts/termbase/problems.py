"""Problems found in the glossary: one record per finding, with where and what to do."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

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
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        field = f"{self.field}: " if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}: {self.severity}: [{self.rule}] {field}{self.message}{hint}"

    def format_github(self) -> str:
        # GitHub Actions workflow command; the message must be a single line with % and newlines escaped.
        def esc(text: str) -> str:
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        def esc_property(text: str) -> str:  # property values also end at ',' and ':'
            return esc(text).replace(":", "%3A").replace(",", "%2C")

        props = f"file={esc_property(self.path)}"
        if self.line:
            props += f",line={self.line},col={self.column or 1}"
        props += f",title={esc_property(self.rule)}"
        field = f"{self.field}: " if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"::{self.severity} {props}::{esc(field + self.message + hint)}"


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
