"""Small glossaries written into a temporary folder, for tests that need entries of their own."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from termbase.model import LanguageSection, fingerprint

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = ("glossary.yaml", "domains.yaml", "jurisdictions.yaml")


def entry(concept_id: str, **overrides) -> dict:
    """A complete, valid entry; keyword arguments replace top-level fields."""
    data = {
        "id": concept_id,
        "status": "approved",
        "domain": "core-concepts",
        "version": 1,
        "updated": "2026-11-22",
        "en": {
            "term": concept_id.replace("-", " "),
            "definition": f"Definition of {concept_id}.",
            "definition_source": {"basis": "written", "sources": ["nist-ai-100-1-ai-rmf-1-0"]},
        },
        "zh": {
            "term": "测试术语",
            "definition": "测试定义。",
            "definition_source": {"basis": "written", "sources": ["nist-ai-100-1-ai-rmf-1-0"]},
            "equivalence": {"degree": "exact"},
        },
        "sources": ["nist-ai-100-1-ai-rmf-1-0"],
    }
    data.update(copy.deepcopy(overrides))
    return data


def with_fingerprint(data: dict) -> dict:
    """The entry with its translation marked as made from the current English text (unless it says otherwise)."""
    data = copy.deepcopy(data)
    en, zh = data.get("en"), data.get("zh")
    if isinstance(en, dict) and isinstance(zh, dict) and "term" in en and "definition" in en:
        zh.setdefault("source_fingerprint", fingerprint(LanguageSection(en["term"], en["definition"], None)))
    return data


def make_glossary(
    root: Path,
    entries: dict[str, dict | str] | None = None,
    registry: list[dict] | None = None,
    full_bibliography: bool = False,
) -> Path:
    """A glossary folder under `root` with the project's settings and the given entries (dicts or raw YAML).

    The registry lists every entry as active unless given; dict entries get an up-to-date source fingerprint.
    The bibliography holds the project's sources that the entries mention (all of them if full_bibliography),
    so that tests of other rules do not meet "unused source" warnings.
    """
    glossary = root / "glossary"
    (glossary / "concepts").mkdir(parents=True, exist_ok=True)
    for name in SETTINGS:
        shutil.copy(ROOT / "glossary" / name, glossary / name)
    entries = entries or {}
    bibliography = yaml.safe_load((ROOT / "glossary" / "bibliography.yaml").read_text(encoding="utf-8"))
    if not full_bibliography:
        mentioned = " ".join(e if isinstance(e, str) else yaml.safe_dump(e) for e in entries.values())
        bibliography = {"sources": [s for s in bibliography["sources"] if s["id"] in mentioned]}
    dump_yaml(glossary / "bibliography.yaml", bibliography)
    if registry is None:
        registry = [{"id": concept_id, "fate": "active"} for concept_id in entries]
    dump_yaml(glossary / "registry.yaml", registry)
    for concept_id, content in entries.items():
        path = glossary / "concepts" / f"{concept_id}.yaml"
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            dump_yaml(path, with_fingerprint(content))
    return glossary


def dump_yaml(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def copy_project(destination: Path) -> Path:
    """A copy of the whole project (content, docs, catalogs, tooling) that a test may break on purpose."""
    for name in ("docs", "glossary", "locales", "scripts", "theme"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "CONTRIBUTING.md", "CONTRIBUTING.zh.md"):
        shutil.copy(ROOT / name, destination / name)
    return destination


def termbase(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the command-line tool as a contributor does (`python -m termbase ...`), in `cwd`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    return subprocess.run([sys.executable, "-m", "termbase", *args], cwd=cwd, env=env, capture_output=True, text=True)
