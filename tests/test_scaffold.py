"""`new`: a scaffolded entry validates, is registered without disturbing the registry, and builds into pages."""

from __future__ import annotations

import difflib

from factory import NEW_ENTRY, cli, copy_project, name_a_source
from termbase.validate import validate


def new(project, *args):
    return cli("new", *args, "--glossary", str(project / "glossary"), cwd=project)


def test_new_entry_validates_and_is_registered(tmp_path):
    project = copy_project(tmp_path / "project")
    registry_before = (project / "glossary" / "registry.yaml").read_text(encoding="utf-8")
    result = new(project, *NEW_ENTRY)
    assert result.returncode == 0, result.stderr
    assert "created glossary/concepts/model-evaluation.yaml" in result.stdout

    registry_after = (project / "glossary" / "registry.yaml").read_text(encoding="utf-8")
    changed = [line for line in difflib.ndiff(registry_before.splitlines(), registry_after.splitlines())
               if line[:2] in ("+ ", "- ")]
    assert changed == ["+ - {id: model-evaluation, fate: active}"]  # one line added, nothing else disturbed

    _, problems = validate(project / "glossary", project)
    errors = [p for p in problems if p.is_error]
    assert [(p.rule, p.field) for p in errors] == [("definition-basis", "en.definition_source.sources"),
                                                  ("definition-basis", "zh.definition_source.sources")]
    name_a_source(project, "model-evaluation")
    _, problems = validate(project / "glossary", project)
    assert [p.format() for p in problems if p.is_error] == []
    text = (project / "glossary" / "concepts" / "model-evaluation.yaml").read_text(encoding="utf-8")
    assert "status: draft" in text and "✎" in text


def test_a_new_entry_builds_in_both_languages(variant_site):
    """The variant project holds NEW_ENTRY, made the same way (factory.make_variant_project)."""
    assert "model evaluation" in (variant_site / "terms" / "model-evaluation" / "index.html").read_text(encoding="utf-8")
    assert "模型评估" in (variant_site / "zh" / "terms" / "model-evaluation" / "index.html").read_text(encoding="utf-8")


def test_new_refuses_taken_ids_bad_ids_unknown_domains_and_missing_terms(tmp_path):
    project = copy_project(tmp_path / "project")
    cases = [
        (("safety", "--domain", "core-concepts", "--en", "x", "--zh", "安"), "already registered (active)"),
        (("Model_Eval", "--domain", "core-concepts", "--en", "x", "--zh", "安"), "not a valid id"),
        (("model-eval", "--domain", "core", "--en", "x", "--zh", "安"), "no domain 'core'"),
        (("model-eval", "--domain", "core-concepts", "--en", "x"), "missing: zh"),
    ]
    for args, message in cases:
        result = new(project, *args)
        assert result.returncode == 2 and message in result.stderr, (args, result.stderr)
    assert not (project / "glossary" / "concepts" / "model-eval.yaml").exists()


def test_a_scaffolded_entry_cannot_pass_strict_validation_until_defined(tmp_path):
    project = copy_project(tmp_path / "project")
    assert new(project, "model-evaluation", "--domain", "testing-evaluation", "--en", "model evaluation",
               "--zh", "模型评估").returncode == 0
    name_a_source(project, "model-evaluation")
    lenient = cli("validate", "--glossary", str(project / "glossary"), cwd=project)
    strict = cli("validate", "--strict", "--glossary", str(project / "glossary"), cwd=project)
    assert lenient.returncode == 0 and strict.returncode == 1
    assert strict.stdout.count("warning: [placeholder]") == 2  # English and Chinese
