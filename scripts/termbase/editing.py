"""Changing a glossary file in place, for the commands that write (refresh a fingerprint, register an id).

The file goes through a round-trip YAML parser, so comments, key order, quoting and folded paragraphs stay as
the contributor wrote them and only the changed value differs. The new text is written to a temporary file in
the same folder and renamed over the old one: an interrupted run leaves either the old file or the new one,
never half of each.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any, Callable

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from .model import Concept, Glossary, fingerprint

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
        binary = isinstance(text, bytes)  # bytes (an XLSX file) as they are; text as UTF-8
        with (os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8", newline="\n")) as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def mark_reviewed(glossary: Glossary, concept: Concept, language: str) -> bool:
    """Record that the `language` text now matches the current source text. Returns whether the file changed."""
    # Quoted, so that a fingerprint made only of digits (or like 12e345...) is never read back as a number.
    value = DoubleQuotedScalarString(fingerprint(concept.sections[glossary.source_language.code]))

    def change(data) -> None:
        section = data[language]
        if "source_fingerprint" in section:
            section["source_fingerprint"] = value
        else:  # right after the term: a short line, where it cannot be taken for part of a paragraph
            section.insert(list(section).index("term") + 1, "source_fingerprint", value)

    return edit_yaml(concept.path, change)
