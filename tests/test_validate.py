"""The loader and validator: a valid glossary loads; each kind of mistake is reported with file, line and field."""

from __future__ import annotations

import pytest

from factory import ROOT, cli, entry, make_glossary, termbase
from termbase.validate import validate


def problems_of(tmp_path, entries, registry=None, full_bibliography=False):
    glossary = make_glossary(tmp_path, entries, registry, full_bibliography)
    result, problems = validate(glossary, tmp_path)
    return result, problems


def only(problems, rule):
    found = [p for p in problems if p.rule == rule]
    assert found, f"no [{rule}] problem among: {[p.format() for p in problems]}"
    return found


def test_valid_glossary_loads_into_the_model(tmp_path):
    safety = entry("safety", relations={"contrast": ["security"]})
    security = entry("security", relations={"contrast": ["safety"]})
    security["zh"]["term"] = "安保"
    result, problems = problems_of(tmp_path, {"safety": safety, "security": security})
    assert problems == []
    concept = result.glossary.concepts["security"]
    assert concept.sections["zh"].term == "安保"
    assert concept.sections["zh"].equivalence.degree == "exact"
    assert concept.related("contrast") == ("safety",)
    assert concept.updated.isoformat() == "2026-11-22"
    assert result.glossary.language_codes == ("en", "zh")


def test_missing_required_field_names_file_line_and_field(tmp_path):
    text = """\
id: safety
status: approved
domain: core-concepts
version: 1
updated: 2026-11-22
en:
  term: safety
  definition_source: own
zh:
  term: 安全
  definition: 定义。
  definition_source: own
  equivalence: {degree: exact}
"""
    _, problems = problems_of(tmp_path, {"safety": text})
    (problem,) = only(problems, "schema")
    assert problem.path == "glossary/concepts/safety.yaml"
    assert problem.field == "en.definition"
    assert problem.line == 6  # the `en:` mapping that lacks it
    assert "required field is missing" in problem.message
    assert "add `definition:`" in problem.hint


def test_unknown_field_is_an_error_with_a_suggestion(tmp_path):
    data = entry("safety")
    data["en"]["defintion"] = data["en"].pop("definition")
    _, problems = problems_of(tmp_path, {"safety": data})
    messages = {(p.field, p.message, p.hint) for p in only(problems, "schema")}
    assert ("en.defintion", "unknown field", "did you mean 'definition'?") in messages


def test_wrong_type_says_what_was_expected(tmp_path):
    data = entry("safety")
    data["zh"]["synonyms"] = "安全性"
    _, problems = problems_of(tmp_path, {"safety": data})
    (problem,) = only(problems, "schema")
    assert problem.field == "zh.synonyms"
    assert "must be a list" in problem.message and "安全性" in problem.message


def test_enum_value_typo_is_reported_with_the_allowed_values(tmp_path):
    _, problems = problems_of(tmp_path, {"safety": entry("safety", status="aproved")})
    (problem,) = only(problems, "schema")
    assert problem.field == "status"
    assert problem.line == 2
    assert "draft, approved, deprecated" in problem.message
    assert problem.hint == "did you mean 'approved'?"


def test_equivalence_degree_must_be_one_of_the_five(tmp_path):
    data = entry("safety")
    data["zh"]["equivalence"] = {"degree": "similar"}
    _, problems = problems_of(tmp_path, {"safety": data})
    (problem,) = only(problems, "schema")
    assert problem.field == "zh.equivalence.degree"
    assert "exact, partial, broader, narrower, none" in problem.message


def test_unknown_domain_and_jurisdiction_are_rejected(tmp_path):
    conception = {"jurisdiction": "FR", "en": "x", "zh": "某。", "sources": ["eu-ai-act-2024-1689"]}
    data = entry("safety", domain="core", conceptions=[conception])
    _, problems = problems_of(tmp_path, {"safety": data})
    fields = {p.field for p in only(problems, "schema")}
    assert fields == {"domain", "conceptions[0].jurisdiction"}


def test_id_must_equal_the_file_name(tmp_path):
    _, problems = problems_of(tmp_path, {"safety": entry("safety-2")})
    (problem,) = only(problems, "id-file-name")
    assert problem.field == "id" and problem.line == 1
    assert "rename the file to safety-2.yaml" in problem.hint


def test_id_must_be_kebab_case(tmp_path):
    _, problems = problems_of(tmp_path, {"Safety": entry("Safety")}, registry=[])
    assert any(p.field == "id" and "lower-case ASCII words joined by hyphens" in p.message for p in problems)


def test_impossible_date_is_reported(tmp_path):
    _, problems = problems_of(tmp_path, {"safety": entry("safety", updated="2026-02-30")})
    (problem,) = only(problems, "schema")
    assert problem.field == "updated" and "not a real date" in problem.message


def test_version_must_be_a_positive_whole_number(tmp_path):
    _, problems = problems_of(tmp_path, {"safety": entry("safety", version=0)})
    assert [p.field for p in only(problems, "schema")] == ["version"]


def test_relation_to_a_missing_concept_is_reported_with_a_suggestion(tmp_path):
    data = entry("safety", relations={"contrast": ["securty"]})
    _, problems = problems_of(tmp_path, {"safety": data, "security": entry("security")})
    (problem,) = only(problems, "unknown-relation")
    assert problem.field == "relations.contrast[0]"
    assert problem.hint == "did you mean 'security'?"


def test_citation_of_a_source_missing_from_the_bibliography(tmp_path):
    data = entry("safety", sources=["nist-ai-100-1", {"id": "eu-ai-act-2024-1689", "at": "Art. 3(2)"}])
    _, problems = problems_of(tmp_path, {"safety": data}, full_bibliography=True)
    (problem,) = only(problems, "unknown-source")
    assert problem.field == "sources[0]"
    assert "'nist-ai-100-1' is not in the bibliography" in problem.message
    assert problem.hint == "did you mean 'nist-ai-100-1-ai-rmf-1-0'?"


def test_non_exact_equivalence_needs_a_note_in_both_languages(tmp_path):
    data = entry("safety")
    data["zh"]["equivalence"] = {"degree": "partial", "note": {"en": "Covers security too."}}
    _, problems = problems_of(tmp_path, {"safety": data})
    (problem,) = only(problems, "equivalence-note")
    assert problem.field == "zh.equivalence.note.zh"


def test_one_sided_contrast_is_reported_on_the_side_that_has_it(tmp_path):
    entries = {"safety": entry("safety", relations={"contrast": ["security"]}), "security": entry("security")}
    _, problems = problems_of(tmp_path, entries)
    (problem,) = only(problems, "relation-symmetry")
    assert problem.path == "glossary/concepts/safety.yaml"
    assert "add 'safety' under relations.contrast in glossary/concepts/security.yaml" == problem.hint


def test_broader_cycle_is_reported_with_its_route(tmp_path):
    entries = {
        "a": entry("a", relations={"broader": ["b"], "narrower": ["b"]}),
        "b": entry("b", relations={"broader": ["a"], "narrower": ["a"]}),
    }
    _, problems = problems_of(tmp_path, entries)
    (problem,) = only(problems, "relation-cycle")
    assert "a → b → a" in problem.message


@pytest.mark.parametrize(
    "text, rule, line",
    [
        ("id: safety\nid: safety\n", "duplicate-key", 2),
        ("id: &x safety\nstatus: *x\n", "yaml-alias", 1),
        ("id: safety\n  status: [\n", "yaml-syntax", 2),
        ("id: !!python/object:os.system safety\n", "yaml-tag", 1),
        ("", "yaml-syntax", 1),
    ],
)
def test_malformed_yaml_is_reported_not_raised(tmp_path, text, rule, line):
    _, problems = problems_of(tmp_path, {"safety": text})
    (problem,) = only(problems, rule)
    assert problem.path == "glossary/concepts/safety.yaml"
    assert problem.line == line


def test_non_utf8_and_bom_files_are_rejected(tmp_path):
    glossary = make_glossary(tmp_path)
    (glossary / "concepts" / "a.yaml").write_bytes(b"id: a\nen:\n  term: caf\xe9\n")
    (glossary / "concepts" / "b.yaml").write_bytes(b"\xef\xbb\xbfid: b\n")
    _, problems = validate(glossary, tmp_path)
    by_file = {p.path.rsplit("/", 1)[-1]: p for p in problems}
    assert by_file["a.yaml"].rule == "encoding" and by_file["a.yaml"].line == 3
    assert "0xe9 is not valid UTF-8" in by_file["a.yaml"].message
    assert by_file["b.yaml"].rule == "encoding" and "byte-order mark" in by_file["b.yaml"].message


def test_every_problem_is_reported_in_one_run(tmp_path):
    bad_a = entry("a", status="final")
    bad_b = entry("b", relations={"related": ["nowhere"]})
    _, problems = problems_of(tmp_path, {"a": bad_a, "b": bad_b})
    assert {p.path.rsplit("/", 1)[-1] for p in problems} == {"a.yaml", "b.yaml"}


run_cli = cli  # in this process; the first and third tests run the real command (`python -m termbase`)


def test_cli_prints_path_line_column_and_exits_1_on_errors(tmp_path):
    glossary = make_glossary(tmp_path, {"safety": entry("safety", status="aproved")})
    result = termbase("validate", "--glossary", str(glossary), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith(
        "glossary/concepts/safety.yaml:2:9: error: [schema] status: the text 'aproved' is not one of: draft, approved, deprecated"
    )
    assert "Traceback" not in result.stderr


def test_cli_github_format_annotates_the_line(tmp_path):
    glossary = make_glossary(tmp_path, {"safety": entry("safety", status="aproved")})
    result = run_cli("validate", "--format", "github", "--glossary", str(glossary), cwd=tmp_path)
    assert result.stdout.startswith("::error file=glossary/concepts/safety.yaml,line=2,col=9,title=schema::status: ")


def test_cli_exits_2_on_usage_errors(tmp_path):
    assert termbase("validate", "--nonsense").returncode == 2
    result = termbase("validate", "--glossary", str(tmp_path))
    assert result.returncode == 2 and "is not a glossary folder" in result.stderr


def test_the_real_glossary_is_clean_under_strict():
    result = run_cli("validate", "--strict")
    assert result.returncode == 0, result.stdout
    assert " 0 error(s), 0 warning(s)" in result.stderr


def test_schema_command_prints_the_entry_schema_with_the_declared_languages():
    import json

    result = run_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert {"en", "zh"} <= set(schema["required"])
    assert schema["properties"]["zh"]["properties"]["equivalence"]["properties"]["degree"]["enum"] == [
        "exact", "partial", "broader", "narrower", "none"
    ]
    assert "additionalProperties" in schema and schema["additionalProperties"] is False


def test_cli_json_format_is_machine_readable(tmp_path):
    import json

    glossary = make_glossary(tmp_path, {"safety": entry("safety", status="aproved")})
    result = run_cli("validate", "--format", "json", "--glossary", str(glossary), cwd=tmp_path)
    assert result.returncode == 1
    (problem,) = json.loads(result.stdout)
    assert problem == {
        "path": "glossary/concepts/safety.yaml", "line": 2, "column": 9, "severity": "error", "rule": "schema",
        "field": "status", "message": "the text 'aproved' is not one of: draft, approved, deprecated",
        "hint": "did you mean 'approved'?",
    }


def test_warnings_fail_only_under_strict(tmp_path):
    data = entry("safety")
    data["zh"]["source_fingerprint"] = "0123456789ab"
    glossary = make_glossary(tmp_path, {"safety": data})
    assert run_cli("validate", "--glossary", str(glossary), cwd=tmp_path).returncode == 0
    strict = run_cli("validate", "--strict", "--glossary", str(glossary), cwd=tmp_path)
    assert strict.returncode == 1 and "warning: [stale-translation]" in strict.stdout


def test_readme_documents_every_rule_and_only_those():
    import re

    from termbase.validate import ALL_RULES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## The validator's rules", 1)[1].split("\n## ", 1)[0]
    documented = {rule for row in table.splitlines() if row.startswith("| `")
                  for rule in re.findall(r"`([a-z-]+)`", row.split(" | ")[0])}
    assert documented == {rule.id for rule in ALL_RULES}


def test_every_rule_id_the_loader_reports_is_declared():
    """The load-time checks name their ids where they report (rule=..., or a Problem's rule); each is declared in
    validate.LOAD_RULES, so that `termbase rules` and the README cover it."""
    import re

    from termbase.validate import LOAD_RULES

    declared = {rule.id for rule in LOAD_RULES}
    used = set()
    for name in ("loader.py", "yamlsource.py", "schemacheck.py"):
        source = (ROOT / "scripts" / "termbase" / name).read_text(encoding="utf-8")
        used |= set(re.findall(r'rule="([a-z-]+)"', source))
        used |= set(re.findall(r'ERROR,\s*"([a-z-]+)"', source))
        used |= set(re.findall(r'_refuse\(.*,\s*"([a-z-]+)"\)$', source, re.M))  # its last argument
    assert used and used <= declared, used - declared
    assert {"schema", "duplicate-id", "file-missing", "yaml-alias", "yaml-tag"} <= used  # the search sees them


def test_unknown_babel_locale_is_reported_not_raised(tmp_path):
    glossary = make_glossary(tmp_path, {"safety": entry("safety")})
    settings = glossary / "glossary.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("locale: zh_Hans_CN", "locale: xx_YY"),
                        encoding="utf-8")
    result, problems = validate(glossary, tmp_path)
    assert result.glossary is None
    (problem,) = problems
    assert problem.field == "languages[1].locale" and "'xx_YY' is not a locale Babel knows" in problem.message


def test_an_impossible_date_is_reported_with_the_schema_errors_in_one_run(tmp_path):
    data = entry("safety", updated="2026-13-01", status="final")
    _, problems = problems_of(tmp_path, {"safety": data})
    assert {(p.field, p.rule) for p in problems} == {("updated", "schema"), ("status", "schema")}
