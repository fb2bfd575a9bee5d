"""Reading one YAML file written by a contributor, treating it as untrusted input.

The file is parsed by libyaml (fast) into a node tree, which we turn into plain Python data ourselves so that
we can (a) remember the line of every value, for precise messages, and (b) refuse what YAML allows but a
glossary entry never needs: duplicate keys, anchors and aliases (which also defeats "billion laughs" bombs),
merge keys, explicit tags, byte-order marks, and the characters `characters.py` forbids (in the raw file, and in
every double-quoted value and key, since YAML escapes such as "\u202E" or "\x7F" bring them in past a raw check;
no other scalar can hold a character the file does not).

Nothing here may crash on hostile input: libyaml builds its node tree recursively in C, so nesting depth is
bounded *before* composing (a deep file would otherwise kill the process with a segfault, not an exception),
and files are opened without following symbolic links and refused unless they are regular files.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is far faster; pure Python is the fallback where it was not compiled in
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from . import characters

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32  # an entry nests five levels deep at most; far deeper is an error, or an attack on the recursion
# Every collection in YAML starts at one of these indicators, so their count bounds the nesting depth. Files
# with fewer (every real entry has a few hundred at most) cannot nest deeply enough to exhaust libyaml's C stack
# (measured: it survives 20,000 levels and dies near 25,000), and skip the event scan that measures the depth.
_INDICATORS = "[{-:?"
_SCAN_DEPTH_ABOVE = 2_000
# YAML 1.1 reads 010 as 8, 0x10 as 16, 1_000 as 1000 and 1:30 as 90: only plain decimal integers are numbers.
_DECIMAL = re.compile(r"(?:0|[1-9][0-9]*)")

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_TEXT_TAGS = frozenset({"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"})  # values kept as text
_SCALAR_CONSTRUCTOR = yaml.constructor.SafeConstructor()

FieldPath = tuple  # a path into the data: keys and list indexes, e.g. ("zh", "synonyms", 0)


class SourceError(Exception):
    """The file cannot be read as a glossary document. Carries where and why."""

    def __init__(self, message: str, line: int = 0, column: int = 0, hint: str = "", rule: str = "yaml-syntax",
                 field: tuple = ()):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint
        self.rule = rule
        self.field = field  # the path of the value at fault, where there is one


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


_FILE_TYPES = ((stat.S_ISDIR, "a folder"), (stat.S_ISLNK, "a symbolic link"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
               (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def file_type_problem(path: Path) -> str:
    """'' for a regular file; else what it is ("a symbolic link", "a folder", ...), without following links."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as err:
        return "missing" if err.errno == errno.ENOENT else f"unreadable ({err.strerror})"
    if stat.S_ISREG(mode):
        return ""
    return next((name for test, name in _FILE_TYPES if test(mode)), "not a regular file")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes of a regular file, never through a symbolic link, never blocking on a FIFO."""
    kind = file_type_problem(path)
    if kind:
        raise SourceError(f"this is {kind}, not a file", hint="glossary files must be ordinary files inside "
                          "glossary/: replace it with the file itself", rule="file-type")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise SourceError(f"cannot read the file: {err.strerror}", rule="file-unreadable") from None
    with os.fdopen(fd, "rb") as file:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced between the two looks
                raise SourceError("this is not a regular file", rule="file-type")
            return file.read(max_bytes + 1)
        except OSError as err:
            raise SourceError(f"cannot read the file: {err.strerror}", rule="file-unreadable") from None


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The file's text, after the checks that come before any parsing."""
    raw = _read_bytes(path, max_bytes)
    if len(raw) > max_bytes:
        raise SourceError(
            f"the file is over the limit of {max_bytes:,} bytes",
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
    bad = characters.FORBIDDEN_IN_FILE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise SourceError(f"{characters.describe(bad.group())} is not allowed", line, column, hint=characters.HINT,
                          rule="forbidden-character")
    return text


def read_yaml(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Parse one file into a Document, or raise SourceError saying where and why."""
    return parse_yaml(read_text(path, max_bytes))


def _check_depth(text: str) -> None:
    """Refuse a document nested more than MAX_DEPTH deep, reading its events (libyaml's parser keeps its own
    stack, so this cannot overflow) before anything recursive sees it."""
    if sum(text.count(indicator) for indicator in _INDICATORS) <= _SCAN_DEPTH_ABOVE:
        return
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise SourceError(f"values nest more than {MAX_DEPTH} levels deep", mark.line + 1, mark.column + 1,
                                  hint="an entry needs a few levels at most", rule="yaml-syntax")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _check_anchors_and_tags(text: str) -> None:
    """Refuse anchors (&name), which an entry never needs: aliases to them are refused while the tree is built, and
    an anchor alone would be a loose end; and explicit tags (!!float "…"), which would make a quoted text skip the
    checks of its kind. Only texts with an ampersand or an exclamation mark are scanned (R&D in prose is fine)."""
    if "&" not in text and "!" not in text:
        return
    for event in yaml.parse(text, Loader=_Loader):
        if not isinstance(event, yaml.NodeEvent) or isinstance(event, yaml.AliasEvent):
            continue
        mark = event.start_mark
        if event.anchor:
            raise SourceError(f"YAML anchors (&{event.anchor}) are not allowed", mark.line + 1, mark.column + 1,
                              hint="remove the anchor: write each value out in full", rule="yaml-alias")
        implicit = event.implicit if isinstance(event, yaml.ScalarEvent) else (event.implicit,)
        if event.tag is not None and not any(implicit):
            written = event.tag.replace("tag:yaml.org,2002:", "!!", 1)
            raise SourceError(f"the tag {written} is not allowed", mark.line + 1, mark.column + 1,
                              hint="remove the tag (and quote the value if it is text)", rule="yaml-tag")


def parse_yaml(text: str) -> Document:
    try:
        _check_depth(text)
        _check_anchors_and_tags(text)
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
    """The data of a composed document, with each value's position. No node is visited twice: a node is shared
    only through an alias, and an alias needs an anchor, which _check_anchors_and_tags has refused (and explicit
    tags, so a node's tag is the one YAML resolved from how the value is written)."""

    def __init__(self, positions: dict[FieldPath, tuple[int, int]]):
        self.positions = positions

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        if len(path) > MAX_DEPTH:
            raise _refuse(node, f"values nest more than {MAX_DEPTH} levels deep", "an entry needs a few levels at most",
                          "yaml-syntax")
        if node.tag in _TEXT_TAGS and isinstance(node, yaml.ScalarNode):  # most values: first, and inline
            # dates stay text ("2026-11-22"); the schema checks their form
            return self._text(node, node.value, path) if node.style == '"' else node.value
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
        if node.tag == "tag:yaml.org,2002:float" or (node.tag == "tag:yaml.org,2002:int"
                                                     and not _DECIMAL.fullmatch(node.value)):
            return node.value  # 1.0, 010, 0x10, 1:30, .nan: text, which the schema then refuses as a number
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
            # the text as written: `no:` stays "no", not False
            key = self._text(key_node, key_node.value, path) if key_node.style == '"' else key_node.value
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


    @staticmethod
    def _text(node: yaml.Node, value: str, path: FieldPath) -> str:
        """A double-quoted scalar's text, checked: only there can an escape (such as "\u202E") put a character the
        file does not hold; every other scalar's characters are the file's, which read_text has checked."""
        bad = characters.FORBIDDEN.search(value)
        if bad:
            line, column = _pos(node)
            raise SourceError(f"{characters.describe(bad.group())} is not allowed", line, column,
                              hint=characters.HINT + " (it may be written as an escape such as \\u202E)",
                              rule="forbidden-character", field=path)
        return value


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _refuse(node: yaml.Node, message: str, hint: str, rule: str) -> SourceError:
    line, column = _pos(node)
    return SourceError(message, line, column, hint=hint, rule=rule)
