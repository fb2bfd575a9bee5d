"""What contributors rely on: the editor schema, the workflows, pre-commit, licences and citation metadata."""

from __future__ import annotations

import json
import re
import yaml
from jsonschema import Draft202012Validator

from factory import ROOT, cli, entry
from termbase.loader import load_glossary


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.M))


def test_committed_editor_schema_is_the_one_the_validator_uses():
    result = cli("schema")
    assert result.returncode == 0, result.stderr
    generated = result.stdout
    committed = (ROOT / "glossary" / "entry.schema.json").read_text(encoding="utf-8")
    assert committed == generated, "run `make schema` and commit glossary/entry.schema.json"


def test_editor_schema_accepts_every_entry_and_rejects_bad_ones():
    schema = json.loads((ROOT / "glossary" / "entry.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    for path in sorted((ROOT / "glossary" / "concepts").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["updated"] = str(data["updated"])
        for change in data.get("history", []):
            change["date"] = str(change["date"])
        assert list(validator.iter_errors(data)) == [], path.name
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../entry.schema.json\n")
    bad = [entry("x", status="aproved"), entry("x", domain="nowhere"), {**entry("x"), "defintion": "typo"}]
    wrong_type = entry("x")
    wrong_type["zh"]["synonyms"] = "安全性"
    missing = entry("x")
    del missing["zh"]["equivalence"]
    for data in [*bad, wrong_type, missing]:
        assert not validator.is_valid(data), data


def test_workflows_are_valid_and_call_only_existing_make_targets():
    targets = make_targets()
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert {p.name for p in workflows} == {"pull-request.yml", "deploy.yml"}
    for path in workflows:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert workflow["jobs"], path.name
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    assert re.match(r"^actions/[a-z-]+@v\d+$", step["uses"]), step["uses"]
                for command in re.findall(r"\bmake\b([^\n&|;]*)", step.get("run", "")):
                    called = [w for w in command.split() if "=" not in w]
                    assert called and set(called) <= targets, (path.name, command)


def test_pre_commit_runs_the_validator_through_make():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    local = next(repo for repo in config["repos"] if repo["repo"] == "local")
    entries = {hook["id"]: hook["entry"] for hook in local["hooks"]}
    assert entries["glossary-validate"] == "make validate"
    for command in entries.values():
        assert command.split()[1] in make_targets()


def test_citation_file_names_the_glossarys_release():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert citation["version"] == load_glossary(ROOT / "glossary").glossary.version
    assert citation["license"] == "CC-BY-4.0"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_contributing_guide_is_on_the_site_in_both_languages(built_site):
    en = (built_site / "contributing" / "index.html").read_text(encoding="utf-8")
    zh = (built_site / "zh" / "contributing" / "index.html").read_text(encoding="utf-8")
    assert "make new" in en and '<html lang="en"' in en
    assert '<html lang="zh"' in zh and "参与" in zh
    assert 'href="../terms/safety/"' in en  # a link to an entry file becomes a link to its page


def test_repository_links_are_rewritten_for_the_site():
    from termbase.publication import Repository
    from termbase.repository_page import site_version_of_repository_page as convert

    text = ("See [the method](docs/methodology.md#sources), [safety](glossary/concepts/safety.yaml), "
            "[中文](CONTRIBUTING.zh.md), [licence](LICENSE) and [site](https://x.org).")
    assert convert(text) == ("See [the method](methodology.md#sources), [safety](terms/safety.md), [中文](contributing.md), "
                             "licence and [site](https://x.org).")
    assert "[licence](https://github.com/o/r/blob/main/LICENSE)" in convert(text, Repository("https://github.com/o/r"))
