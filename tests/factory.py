"""Small glossaries written into a temporary folder, for tests that need entries of their own."""

from __future__ import annotations

import contextlib
import copy
import functools
import html
import io
import os
import re
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
    if full_bibliography:
        shutil.copy(ROOT / "glossary" / "bibliography.yaml", glossary / "bibliography.yaml")
    else:
        mentioned = " ".join(e if isinstance(e, str) else yaml.safe_dump(e) for e in entries.values())
        sources = [s for s in project_bibliography()["sources"] if s["id"] in mentioned]
        dump_yaml(glossary / "bibliography.yaml", {"sources": sources})
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


@functools.lru_cache(maxsize=1)
def _parsed_bibliography(stamp: tuple) -> dict:
    return yaml.load((ROOT / "glossary" / "bibliography.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def project_bibliography() -> dict:
    """The project's bibliography, parsed once per test run (with libyaml), re-parsed if the file changes. Shared
    between callers: read it, never change it (a deep copy of it for each glossary cost 1 s per test run)."""
    stat = (ROOT / "glossary" / "bibliography.yaml").stat()
    return _parsed_bibliography((stat.st_mtime_ns, stat.st_size))


def dump_yaml(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def copy_project(destination: Path) -> Path:
    """A copy of the whole project (content, docs, catalogs, tooling) that a test may break on purpose."""
    for name in ("docs", "glossary", "locales", "scripts", "theme"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "CONTRIBUTING.md", "CONTRIBUTING.zh.md"):
        shutil.copy(ROOT / name, destination / name)
    return destination


# The variant project: one copy of the project, built once per test run (conftest.variant_site), holding every
# change that tests of the built site need beyond the real glossary.
REGISTRY_ADDITIONS = """\
- {id: ai-safety-science, fate: renamed, to: ai-safety, date: 2026-11-01}
- {id: infosec, fate: merged, to: information-security, date: 2026-11-01}
- id: safe-ai
  fate: withdrawn
  date: 2026-10-01
  reason:
    en: Too vague to define; see AI safety.
    zh: 含义过于宽泛，无法定义；参见“人工智能安全”。
"""
HOSTILE_DEFINITION = '0;url=https://evil.example/" http-equiv="refresh" x="Systematic'
NEW_ENTRY = ("model-evaluation", "--domain", "testing-evaluation", "--en", "model evaluation", "--zh", "模型评估")


def name_a_source(project: Path, concept_id: str) -> None:
    """What the contributor does first after `new`: say which source each definition is written from."""
    path = project / "glossary" / "concepts" / f"{concept_id}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("    sources: []") == 2
    path.write_text(text.replace("    sources: []", "    sources: [nist-ai-100-1-ai-rmf-1-0]"), encoding="utf-8")


def make_variant_project(destination: Path) -> Path:
    """A copy of the project whose history has a renamed, a merged and a withdrawn id; whose English security
    definition changed after translation (a stale translation); whose bias definition tries to break out of an
    HTML attribute; and with an entry made by `new` (NEW_ENTRY), a source named."""
    from termbase import cli

    project = copy_project(destination)
    glossary = project / "glossary"
    with (glossary / "registry.yaml").open("a", encoding="utf-8") as handle:
        handle.write(REGISTRY_ADDITIONS)
    security = glossary / "concepts" / "security.yaml"
    text = security.read_text(encoding="utf-8")
    security.write_text(text.replace("definition: >-\n", "definition: >-\n    Changed in English.\n", 1), encoding="utf-8")
    bias = glossary / "concepts" / "bias.yaml"
    first_word = yaml.safe_load(bias.read_text(encoding="utf-8"))["en"]["definition"].split()[0]
    bias.write_text(bias.read_text(encoding="utf-8").replace(first_word, HOSTILE_DEFINITION, 1), encoding="utf-8")
    assert cli.main(["new", *NEW_ENTRY, "--glossary", str(glossary)]) == 0
    name_a_source(project, NEW_ENTRY[0])
    return project


TRILINGUAL = ROOT / "tests" / "data" / "trilingual"
JA_MARK = "〔ja〕"  # what the test's Japanese catalog puts before every UI string


def make_trilingual_project(destination: Path) -> Path:
    """The project's code, theme and catalogs with the trilingual test glossary (tests/data/trilingual): its
    glossary/, docs/ and mkdocs.yml, and a Japanese catalog made from locales/messages.pot whose every string is
    the English one marked with JA_MARK (real translations are content; the test needs to see which catalog a
    page used, and must not break when a UI string is added)."""
    from babel.messages.pofile import read_po, write_po

    for name in ("scripts", "theme", "locales"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("glossary", "docs"):
        shutil.copytree(TRILINGUAL / name, destination / name)
    shutil.copy(TRILINGUAL / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "stylesheets", destination / "docs" / "stylesheets")
    with (ROOT / "locales" / "messages.pot").open("rb") as handle:
        catalog = read_po(handle, locale="ja")
    for message in catalog:
        if message.id:
            message.string = JA_MARK + message.id
    folder = destination / "locales" / "ja" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "messages.po").open("wb") as handle:
        write_po(handle, catalog)
    return destination


def termbase(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the command-line tool as a contributor does (`python -m termbase ...`), in `cwd`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    return subprocess.run([sys.executable, "-m", "termbase", *args], cwd=cwd, env=env, capture_output=True, text=True)


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """What termbase(*args) gives (exit status, standard output and error as text), from the command line's
    main() in this process: a new Python process costs about 0.5 s; the tests that need the real command (its
    entry point, its exit status through sys.exit) call termbase()."""
    from termbase import cli as command_line

    out, err = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="") for _ in range(2))
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = command_line.main(list(args))
        except SystemExit as exit_:  # argparse's usage errors (2) and --help (0)
            status = exit_.code
    texts = []
    for stream in (out, err):  # read as subprocess.run(text=True) reads: any line ending becomes "\n"
        stream.flush()
        texts.append(stream.buffer.getvalue().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n"))
    return subprocess.CompletedProcess(["python", "-m", "termbase", *args], status, *texts)


def write_downloads(glossary, site, folder: Path) -> Path:
    """Every download of the glossary written into `folder` under its published name, as the site writes them."""
    from termbase.exports.formats import all_files

    for name, content in all_files(glossary, site).items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def text_of(page: str) -> str:
    """A built page's visible text, roughly: tags dropped, entities decoded, whitespace folded."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))
