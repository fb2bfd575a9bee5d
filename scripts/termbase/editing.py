"""Changing a glossary file in place, for the commands that write (refresh a fingerprint, register an id).

A one-line value (a fingerprint) is changed on its line alone, every other byte as it was (`set_line`); other
edits, and files laid out otherwise, go through a round-trip YAML parser, so comments, key order, quoting and
folded paragraphs stay as the contributor wrote them and only the changed value differs. The new text is
written to a temporary file in the same folder and renamed over the old one: an interrupted run leaves either
the old file or the new one, never half of each.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Callable

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from .model import Concept, Glossary, fingerprint
from .yamlsource import SourceError, parse_yaml

# The two layouts of lists our files use: nested lists indented under their key, or lists at the top level.
_LAYOUTS = ({"mapping": 2, "sequence": 4, "offset": 2}, {"mapping": 2, "sequence": 2, "offset": 0})


def _yaml(layout: dict[str, int]) -> YAML:
    yaml = YAML()  # round-trip mode
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a paragraph
    yaml.indent(**layout)
    return yaml


def _dump(yaml: YAML, data: Any) -> str:
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def edit_yaml(path: Path, change: Callable[[Any], None]) -> bool:
    """Apply `change` to the file's data in place; write only if the text changed. Returns whether it did."""
    text = path.read_text(encoding="utf-8")
    # Use the layout that reproduces the file as it is, so that unchanged lines stay byte-for-byte the same.
    yaml = next((y for y in map(_yaml, _LAYOUTS) if _dump(y, y.load(text)) == text), _yaml(_LAYOUTS[0]))
    data = yaml.load(text)
    change(data)
    new_text = _dump(yaml, data)
    if new_text == text:
        return False
    write_atomically(path, new_text)
    return True


def write_atomically(path: Path, text: str | bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        binary = isinstance(text, bytes)  # bytes (an XLSX file) as they are; text as UTF-8, line ends as given
        with (os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8", newline="")) as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def set_line(text: str, section: str, key: str, value: str, after: str) -> str | None:
    """The text with `key: "value"` set in the top-level mapping `section` by changing that line alone (or adding
    it after the `after` field), every other byte as it was; None if the file is not laid out simply enough to
    be sure (the caller then edits it through the round-trip parser), or if the result would not read back as the
    same data with that one value set."""
    lines = text.splitlines(keepends=True)
    head = next((i for i, line in enumerate(lines) if re.fullmatch(rf"{re.escape(section)}:[ \t]*(?:#.*)?\s*", line)),
                None)
    if head is None:
        return None
    body = []
    for index in range(head + 1, len(lines)):
        if lines[index][:1] not in (" ", "\t", "\r", "\n", "#"):
            break
        body.append(index)
    indent = next((re.match(r"[ ]*", lines[i]).group() for i in body if lines[i].strip() and
                   not lines[i].lstrip().startswith("#")), "")
    if not indent:
        return None
    field_line = re.compile(rf"({indent}{re.escape(key)}:[ \t]*)(\"[0-9a-f]*\"|'[0-9a-f]*'|[0-9a-f]+)(?=[ \t]*(?:#.*)?\r?\n?$)")
    new = f'"{value}"'
    for index in body:
        if match := field_line.match(lines[index]):
            lines[index] = match.group(1) + new + lines[index][match.end():]
            break
    else:
        at = next((i for i in body if re.match(rf"{indent}{re.escape(after)}:", lines[i])), None)
        if at is None:
            return None
        end = at + 1  # past the field's continuation lines (a folded value), if any
        while end in body and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip(" ")) > len(indent)):
            end += 1
        ending = "\r\n" if lines[at].endswith("\r\n") else "\n"
        if not lines[end - 1].endswith(("\n", "\r")):
            lines[end - 1] += ending
        lines.insert(end, f"{indent}{key}: {new}{ending}")
    result = "".join(lines)
    try:
        before, after_data = parse_yaml(text).data, parse_yaml(result).data
    except SourceError:
        return None
    if not isinstance(before.get(section), dict):
        return None
    before[section][key] = value
    return result if _same(before, after_data) else None


def _same(a: Any, b: Any) -> bool:
    """Equal data, mappings compared without regard to key order (an added key may stand anywhere)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return a == b


def mark_reviewed(glossary: Glossary, concept: Concept, language: str) -> bool:
    """Record that the `language` text now matches the current source text. Returns whether the file changed.
    Only the fingerprint's line changes (or one line is added after the term); a file laid out otherwise goes
    through the round-trip parser."""
    # Quoted, so that a fingerprint made only of digits (or like 12e345...) is never read back as a number.
    value = DoubleQuotedScalarString(fingerprint(concept.sections[glossary.source_language.code]))
    with concept.path.open(encoding="utf-8", newline="") as stream:  # line ends as they are (CRLF stays CRLF)
        text = stream.read()
    edited = set_line(text, language, "source_fingerprint", str(value), after="term")
    if edited is not None:
        if edited == text:
            return False
        write_atomically(concept.path, edited)
        return True

    def change(data) -> None:
        section = data[language]
        if "source_fingerprint" in section:
            section["source_fingerprint"] = value
        else:  # right after the term: a short line, where it cannot be taken for part of a paragraph
            section.insert(list(section).index("term") + 1, "source_fingerprint", value)

    return edit_yaml(concept.path, change)
