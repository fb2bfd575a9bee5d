"""Reading one YAML file written by a contributor, treating it as untrusted input.

The file is parsed by libyaml (fast) into a node tree, which we turn into plain Python data ourselves so that
we can (a) remember the line of every value, for precise messages, and (b) refuse what YAML allows but a
glossary entry never needs: duplicate keys, anchors and aliases (which also defeats "billion laughs" bombs),
merge keys, custom tags, byte-order marks, invisible control and bidirectional-override characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is far faster; pure Python is the fallback where it was not compiled in
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32  # an entry nests five levels deep at most; far deeper is an error, or an attack on the recursion

# Characters that have no business in a glossary entry and can hide text from reviewers:
# C0/C1 controls other than tab and newline, and the bidirectional overrides and isolates (Trojan Source).
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_SCALAR_CONSTRUCTOR = yaml.constructor.SafeConstructor()

FieldPath = tuple  # a path into the data: keys and list indexes, e.g. ("zh", "synonyms", 0)


class SourceError(Exception):
    """The file cannot be read as a glossary document. Carries where and why."""

    def __init__(self, message: str, line: int = 0, column: int = 0, hint: str = "", rule: str = "yaml-syntax"):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint
        self.rule = rule


@dataclass
class Document:
    """The data of one file and the (line, column) of every value and list item in it."""

    data: Any
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: FieldPath) -> tuple[int, int]:
        """Position of `path`, or of its closest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The file's text, after the checks that come before any parsing."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise SourceError(f"cannot read the file: {err.strerror}", rule="file-unreadable") from None
    if len(raw) > max_bytes:
        raise SourceError(
            f"the file is {len(raw):,} bytes, over the limit of {max_bytes:,}",
            hint="a glossary file should be far smaller; check that nothing was pasted in by mistake",
            rule="file-too-large",
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raise SourceError(
            "the file starts with a byte-order mark", 1, 1, hint="save it as UTF-8 without BOM", rule="encoding"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise SourceError(
            f"byte 0x{raw[err.start]:02x} is not valid UTF-8", line, column, hint="save the file as UTF-8", rule="encoding"
        ) from None
    bad = _FORBIDDEN_CHARS.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise SourceError(
            f"invisible character U+{ord(bad.group()):04X} is not allowed",
            line,
            column,
            hint="control and bidirectional-override characters can hide text from reviewers; delete it",
            rule="forbidden-character",
        )
    return text


def read_yaml(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Parse one file into a Document, or raise SourceError saying where and why."""
    return parse_yaml(read_text(path, max_bytes))


def parse_yaml(text: str) -> Document:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except RecursionError:
        raise SourceError("the YAML nests too deeply to read", hint="an entry needs a few levels at most",
                          rule="yaml-syntax") from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = err.problem or err.context or "invalid YAML"
        raise SourceError(f"YAML syntax error: {problem}", line, column, hint="check indentation and quoting") from None
    except yaml.YAMLError as err:
        raise SourceError(f"YAML syntax error: {err}") from None
    if node is None:
        raise SourceError("the file is empty", 1, 1, rule="yaml-syntax")
    doc = Document(data=None)
    doc.data = _Builder(doc.positions).build(node, ())
    return doc


class _Builder:
    def __init__(self, positions: dict[FieldPath, tuple[int, int]]):
        self.positions = positions
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        if len(path) > MAX_DEPTH:
            raise _refuse(node, f"values nest more than {MAX_DEPTH} levels deep", "an entry needs a few levels at most",
                          "yaml-syntax")
        if id(node) in self.seen:
            raise _refuse(node, "YAML aliases (*name) are not allowed", "write the value out in full", "yaml-alias")
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise _refuse(node, f"the tag {node.tag} is not allowed", "remove the tag", "yaml-tag")
            result = []
            for index, item in enumerate(node.value):
                self.positions[path + (index,)] = _pos(item)
                result.append(self.build(item, path + (index,)))
            return result
        if node.tag not in _PLAIN_TAGS:
            raise _refuse(node, f"the tag {node.tag} is not allowed", "remove the tag or quote the value", "yaml-tag")
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # dates stay text ("2026-11-22"); the schema checks their form
        # Call the constructor directly: construct_object() would cache every node for the process's life.
        return _SCALAR_CONSTRUCTOR.yaml_constructors[node.tag](_SCALAR_CONSTRUCTOR, node)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict:
        if node.tag != "tag:yaml.org,2002:map":
            raise _refuse(node, f"the tag {node.tag} is not allowed", "remove the tag", "yaml-tag")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _refuse(key_node, "YAML merge keys (<<) are not allowed", "write the fields out in full", "yaml-alias")
            if not isinstance(key_node, yaml.ScalarNode):
                raise _refuse(key_node, "a key must be plain text", "use a simple name as the key", "yaml-syntax")
            key = key_node.value  # the text as written: `no:` stays "no", not False
            if key in result:
                first = self.positions.get(path + (key,), (0, 0))[0]
                raise _refuse(
                    key_node,
                    f"duplicate key '{key}' (first defined on line {first})",
                    "keep one of them; YAML would silently keep only the last",
                    "duplicate-key",
                )
            # A scalar value is pointed at where it stands; a nested mapping or list, at its key.
            self.positions[path + (key,)] = _pos(value_node if isinstance(value_node, yaml.ScalarNode) else key_node)
            result[key] = self.build(value_node, path + (key,))
        return result


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _refuse(node: yaml.Node, message: str, hint: str, rule: str) -> SourceError:
    line, column = _pos(node)
    return SourceError(message, line, column, hint=hint, rule=rule)
