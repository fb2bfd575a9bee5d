"""The translation workflow: outdated translations are found, and marking one reviewed changes only its line."""

from __future__ import annotations

from factory import ROOT, cli, entry, make_glossary
from termbase.loader import load_glossary
from termbase.validate import validate

ENTRY_WITH_COMMENTS = """\
# A hand-written comment that must survive.
id: safety
status: approved
domain: core-concepts
version: 1
updated: 2026-11-22
en:
  term: safety
  definition: >-
    A long definition that the contributor wrapped
    over two lines.
  definition_source: own  # the glossary's own wording
zh:
  term: 安全
  source_fingerprint: "000000000000"
  definition: 定义。
  definition_source: own
  equivalence: {degree: exact}
relations:
  related: []
sources:
  - nist-ai-100-1-ai-rmf-1-0
"""


def test_status_lists_outdated_translations_and_exits_1(tmp_path):
    glossary = make_glossary(tmp_path, {"safety": ENTRY_WITH_COMMENTS, "security": entry("security")})
    result = cli("l10n", "status", "--glossary", str(glossary), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.split() == ["safety", "zh", "outdated"]
    assert "1 of 2 translations need review" in result.stderr


def test_reviewed_refreshes_only_the_fingerprint_line(tmp_path):
    glossary = make_glossary(tmp_path, {"safety": ENTRY_WITH_COMMENTS})
    path = glossary / "concepts" / "safety.yaml"
    result = cli("l10n", "reviewed", "safety", "--glossary", str(glossary), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "safety: zh marked as reviewed"
    before, after = ENTRY_WITH_COMMENTS.splitlines(), path.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after) and len(changed) == 1
    assert changed[0][1].startswith("  source_fingerprint: ") and changed[0][1] != changed[0][0]
    _, problems = validate(glossary, tmp_path)
    assert [p for p in problems if p.rule == "stale-translation"] == []
    assert not list((glossary / "concepts").glob(".*.tmp")), "temporary file left behind"


def test_reviewed_adds_a_missing_fingerprint_after_the_term(tmp_path):
    text = ENTRY_WITH_COMMENTS.replace('  source_fingerprint: "000000000000"\n', '')
    glossary = make_glossary(tmp_path, {"safety": text})
    assert cli("l10n", "reviewed", "safety", "--glossary", str(glossary), cwd=tmp_path).returncode == 0
    lines = (glossary / "concepts" / "safety.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[lines.index("  term: 安全") + 1].startswith("  source_fingerprint: ")
    assert lines[0] == "# A hand-written comment that must survive."
    assert "  definition_source: own  # the glossary's own wording" in lines


def test_reviewed_refuses_unknown_ids_and_languages(tmp_path):
    glossary = make_glossary(tmp_path, {"safety": entry("safety")})
    unknown = cli("l10n", "reviewed", "safty", "--glossary", str(glossary), cwd=tmp_path)
    assert unknown.returncode == 2 and "no concept has the id safty" in unknown.stderr
    language = cli("l10n", "reviewed", "safety", "--language", "en", "--glossary", str(glossary), cwd=tmp_path)
    assert language.returncode == 2 and "not a translation language" in language.stderr


def test_real_glossary_translations_are_all_up_to_date():
    result = cli("l10n", "status", cwd=ROOT)
    assert result.returncode == 0, result.stdout
    assert load_glossary(ROOT / "glossary").glossary is not None


def test_reviewed_keeps_a_four_space_layout_and_leaves_a_current_file_alone(tmp_path):  # red team X15
    four = "\n".join(("  " + line if line.startswith("  ") else line) for line in ENTRY_WITH_COMMENTS.splitlines()) + "\n"
    glossary = make_glossary(tmp_path, {"safety": four})
    path = glossary / "concepts" / "safety.yaml"
    assert cli("l10n", "reviewed", "safety", "--glossary", str(glossary), cwd=tmp_path).returncode == 0
    before, after = four.splitlines(), path.read_text(encoding="utf-8").splitlines()
    assert [(a, b) for a, b in zip(before, after) if a != b] == [
        ('    source_fingerprint: "000000000000"', after[before.index('    source_fingerprint: "000000000000"')])]
    assert len(before) == len(after)
    reviewed = path.read_text(encoding="utf-8")
    stamp = path.stat().st_mtime_ns
    result = cli("l10n", "reviewed", "safety", "--glossary", str(glossary), cwd=tmp_path)
    assert result.returncode == 0 and path.read_text(encoding="utf-8") == reviewed and path.stat().st_mtime_ns == stamp
    assert "already" in result.stdout, result.stdout


def test_reviewed_on_a_crlf_file_changes_only_the_fingerprint_line(tmp_path):
    glossary = make_glossary(tmp_path, {"safety": ENTRY_WITH_COMMENTS})
    path = glossary / "concepts" / "safety.yaml"
    before = ENTRY_WITH_COMMENTS.replace("\n", "\r\n").encode()
    path.write_bytes(before)
    result = cli("l10n", "reviewed", "safety", "--language", "zh", "--glossary", str(glossary), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    old, new = before.split(b"\r\n"), path.read_bytes().split(b"\r\n")
    assert len(old) == len(new)
    assert [i for i, (a, b) in enumerate(zip(old, new)) if a != b] == [old.index(b'  source_fingerprint: "000000000000"')]
