"""Checking a Document against a JSON Schema and saying, in plain words, what is wrong and where.

Two validators, for speed: fastjsonschema compiles the schema to Python code and answers "valid?" about ten
times faster than jsonschema, which is what almost every file is; only a file it rejects goes through
jsonschema, whose detailed errors are turned into messages.
"""

from __future__ import annotations

import difflib
import functools
import json
from pathlib import Path
from typing import Any, Callable, Iterator

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .problems import ERROR, Problem
from .yamlsource import Document

_TYPE_NAMES = {
    "object": "a mapping (key: value lines)",
    "array": "a list (lines starting with '- ')",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


def field_name(path: tuple) -> str:
    """("conceptions", 0, "sources") -> "conceptions[0].sources"."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"the text '{value}'" if len(str(value)) < 40 else "text"


class SchemaChecker:
    def __init__(self, schema: dict[str, Any]):
        Draft202012Validator.check_schema(schema)
        self.validator = Draft202012Validator(schema)
        self.is_valid = fastjsonschema.compile(schema)

    def problems(self, doc: Document, file: Path, rel: Callable[[Path], str]) -> list[Problem]:
        """Problems of `doc` (read from `file`); `rel` gives the path as shown in messages."""
        try:
            self.is_valid(doc.data)
            return []
        except fastjsonschema.JsonSchemaException:
            pass
        path = rel(file)
        found: list[Problem] = []
        for error in self.validator.iter_errors(doc.data):
            found.extend(self._explain(error, doc, path))
        return found

    def _explain(self, error: ValidationError, doc: Document, path: str) -> Iterator[Problem]:
        where = tuple(error.absolute_path)
        kind = error.validator
        schema = error.schema if isinstance(error.schema, dict) else {}

        def problem(message: str, hint: str = "", at: tuple = where, field: tuple = where) -> Problem:
            line, column = doc.where(at)
            return Problem(path, line, column, ERROR, "schema", field_name(field), message, hint)

        if kind == "required":
            properties = schema.get("properties", {})
            for name in error.validator_value:
                if isinstance(error.instance, dict) and name not in error.instance:
                    description = properties.get(name, {}).get("description", "")
                    yield problem("required field is missing", f"add `{name}:`. {description}".strip(), field=where + (name,))
        elif kind == "additionalProperties":
            allowed = list(schema.get("properties", {}))
            for name in error.instance:
                if name in allowed:
                    continue
                close = difflib.get_close_matches(str(name), allowed, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"allowed here: {', '.join(allowed)}"
                yield problem("unknown field", hint, at=where + (name,), field=where + (name,))
        elif kind == "type":
            expected = error.validator_value
            names = " or ".join(_TYPE_NAMES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
            yield problem(f"must be {names}, found {describe(error.instance)}", schema.get("x-hint", ""))
        elif kind in ("enum", "const"):
            options = error.validator_value if kind == "enum" else [error.validator_value]
            close = difflib.get_close_matches(str(error.instance), [str(o) for o in options], n=1)
            hint = f"did you mean '{close[0]}'?" if close else ""
            yield problem(f"{describe(error.instance)} is not one of: {', '.join(map(str, options))}", hint)
        elif kind in ("pattern", "anyOf", "oneOf", "minLength", "maxLength"):
            # Our schemas attach the sentence to read; for unions, point at the most specific failure.
            message = schema.get("x-message")
            if message is None and error.context:
                deepest = max(error.context, key=lambda e: len(e.absolute_path))
                yield from self._explain(deepest, doc, path)
                return
            yield problem(f"{message or 'is not valid'}, found {describe(error.instance)}")
        elif kind == "minItems":
            yield problem(f"must list at least {error.validator_value} item(s)")
        elif kind == "uniqueItems":
            yield problem("lists the same item twice", "remove the repeated item")
        elif kind == "minimum":
            yield problem(f"must be at least {error.validator_value}, found {describe(error.instance)}")
        elif kind == "maximum":
            yield problem(f"must be at most {error.validator_value:,}, found {describe(error.instance)}")
        elif kind == "maxItems":
            yield problem(f"must list at most {error.validator_value} item(s)")
        else:  # pragma: no cover - a keyword our schemas do not use
            yield problem(error.message)


def checker_for(schema: dict[str, Any]) -> SchemaChecker:
    """The checker of a schema, compiled once per process: checking and compiling a schema costs about 100 times
    more than checking a file against it, and every load (each test, each `serve` rebuild) uses the same schemas."""
    return _compiled(json.dumps(schema, sort_keys=True))


@functools.lru_cache(maxsize=64)
def _compiled(schema_json: str) -> SchemaChecker:
    return SchemaChecker(json.loads(schema_json))
