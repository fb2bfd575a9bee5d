"""Property-based tests: whatever a contributor's file holds, the loader and validator end in a model or in
reported problems, never in an uncaught exception; and a valid entry reads back as it was written."""

from __future__ import annotations

import copy
import functools

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factory import entry, make_glossary, with_fingerprint
from termbase.validate import validate

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


def check_file(tmp_path, content: bytes) -> list:
    glossary = make_glossary(tmp_path)
    (glossary / "concepts" / "x.yaml").write_bytes(content)
    result, problems = validate(glossary, tmp_path)
    assert result.glossary is not None
    return problems


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_are_reported_not_raised(tmp_path_factory, content):
    problems = check_file(tmp_path_factory.mktemp("bytes"), content)
    assert all(p.path == "glossary/concepts/x.yaml" for p in problems)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("ab: -[]{}&*!|>'\"#\n\t安。") + ["\u202e"]), max_size=120))
def test_yaml_like_text_is_reported_not_raised(tmp_path_factory, text):
    problems = check_file(tmp_path_factory.mktemp("text"), text.encode("utf-8"))
    assert problems, "an entry made of noise can never be valid"


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, prefix + (index,))


VALID = with_fingerprint(entry("x", relations={"related": []}, conceptions=[
    {"jurisdiction": "CN", "en": "Chinese view.", "zh": "中国的理解。",
     "sources": [{"id": "eu-ai-act-2024-1689", "at": "Art. 3"}]}
]))
PATHS = [p for p in _paths(VALID) if p]


def mutated(path: tuple, replacement) -> dict:
    """The valid entry with the value at `path` replaced (or deleted)."""
    data = copy.deepcopy(VALID)
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    if replacement == "delete":
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    return data


@SETTINGS
@given(st.sampled_from(PATHS), st.one_of(st.just("delete"), json_values))
def test_mutated_entries_are_reported_not_raised(tmp_path_factory, path, replacement):
    content = yaml.safe_dump(mutated(path, replacement), allow_unicode=True).encode("utf-8")
    check_file(tmp_path_factory.mktemp("mutated"), content)


english = st.text(alphabet=st.sampled_from(list("abcdefghij ,.-")), min_size=1, max_size=40).map(
    lambda s: f"x {' '.join(s.split())}".strip()  # a term has a letter (text-form)
)
chinese = st.text(alphabet=st.sampled_from(list("安全保障数据网络可信控风险定义")), min_size=1, max_size=20)


@SETTINGS
@given(english, english, chinese, chinese, st.lists(chinese, max_size=3, unique=True), st.integers(1, 99))
def test_a_valid_entry_reads_back_unchanged(tmp_path_factory, term, definition, zh_term, zh_definition, synonyms, version):
    data = entry("x", version=version)
    if version > 1:  # from version 2 on, the entry says what changed, in every language
        data["history"] = [{"version": version, "date": "2026-11-22", "summary": {"en": "Changed.", "zh": "有修改。"}}]
    data["en"].update(term=term, definition=definition)
    synonyms = [s for s in synonyms if s != zh_term]  # a synonym repeating the term is an error (repeated-term)
    data["zh"].update(term=zh_term, definition=zh_definition + "。", synonyms=synonyms)
    root = tmp_path_factory.mktemp("roundtrip")
    result, problems = validate(make_glossary(root, {"x": data}), root)
    assert [p for p in problems if p.is_error] == []
    concept = result.glossary.concepts["x"]
    assert (concept.sections["en"].term, concept.sections["en"].definition) == (term, definition)
    zh = concept.sections["zh"]
    assert (zh.term, zh.definition, list(zh.synonyms)) == (zh_term, zh_definition + "。", synonyms)
    assert concept.version == version and concept.updated.isoformat() == "2026-11-22"


@functools.cache
def _entry_validators():
    """The real glossary's entry schema, compiled once by each of the two validators."""
    import fastjsonschema
    from jsonschema import Draft202012Validator

    from factory import ROOT
    from termbase.loader import load_glossary
    from termbase.schema import glossary_entry_schema

    schema = glossary_entry_schema(load_glossary(ROOT / "glossary").glossary)
    return fastjsonschema.compile(schema), Draft202012Validator(schema)


@SETTINGS
@given(st.sampled_from(PATHS), st.one_of(st.just("delete"), json_values))
def test_fast_and_explaining_schema_validators_agree(path, replacement):
    """The compiled validator decides which files are explained by jsonschema: they must never disagree."""
    import fastjsonschema

    fast, explaining = _entry_validators()
    data = mutated(path, replacement)
    try:
        fast(data)
        fast_valid = True
    except fastjsonschema.JsonSchemaException:
        fast_valid = False
    assert fast_valid == explaining.is_valid(data)
