"""One failing example per validator rule, asserting the rule id, file, line and field."""

from __future__ import annotations

import pytest
import yaml

from factory import entry, make_glossary
from termbase.validate import validate


def check(tmp_path, entries, registry=None, full_bibliography=False):
    _, problems = validate(make_glossary(tmp_path, entries, registry, full_bibliography), tmp_path)
    return problems


def of_rule(problems, rule):
    return [p for p in problems if p.rule == rule]


def homonym_pair(**changes):
    safety = entry("safety", relations={"contrast": ["security"]})
    security = entry("security", relations={"contrast": ["safety"]})
    for data, rendering in ((safety, "安全（safety）"), (security, "安全（security）")):
        note = {"en": "n", "zh": "注。"}
        data["zh"].update(term="安全", disambiguated=rendering, equivalence={"degree": "partial", "note": note})
    for key, value in changes.items():
        concept_id, field = key.split("__")
        target = safety if concept_id == "safety" else security
        if value is None:
            target["zh"].pop(field, None) if field != "relations" else target.pop("relations")
        else:
            target["zh"][field] = value
    return {"safety": safety, "security": security}


def test_a_correct_homonym_pair_passes(tmp_path):
    assert of_rule(check(tmp_path, homonym_pair()), "homonym") == []


def test_homonym_cannot_claim_exact_equivalence(tmp_path):
    problems = of_rule(check(tmp_path, homonym_pair(security__equivalence={"degree": "exact"})), "homonym")
    (problem,) = problems
    assert problem.path == "glossary/concepts/security.yaml"
    assert problem.field == "zh.equivalence.degree"
    assert "shares its zh term '安全' with safety" in problem.message


def test_homonyms_must_contrast_each_other(tmp_path):
    problems = of_rule(check(tmp_path, homonym_pair(safety__relations=None)), "homonym")
    assert [(p.path, p.field) for p in problems] == [("glossary/concepts/safety.yaml", "relations")]


def test_homonyms_each_need_their_own_disambiguated_form(tmp_path):
    missing = of_rule(check(tmp_path / "a", homonym_pair(safety__disambiguated=None)), "homonym")
    assert [p.field for p in missing] == ["zh.term"]
    same = of_rule(check(tmp_path / "b", homonym_pair(safety__disambiguated="安全（security）")), "homonym")
    assert {p.path for p in same} == {"glossary/concepts/safety.yaml", "glossary/concepts/security.yaml"}


def test_changed_english_definition_makes_the_translation_stale(tmp_path):
    data = entry("safety")
    data["zh"]["source_fingerprint"] = "000000000000"
    (problem,) = of_rule(check(tmp_path, {"safety": data}), "stale-translation")
    assert problem.severity == "warning"
    assert problem.field == "zh.source_fingerprint"
    assert "l10n reviewed safety --language zh" in problem.hint


def test_translation_without_fingerprint_is_reported_as_never_reviewed(tmp_path):
    text = "\n".join([
        "id: safety", "status: draft", "domain: core-concepts", "version: 1", "updated: 2026-11-22",
        "en: {term: safety, definition: Definition., definition_source: own}",
        "zh: {term: 安全, definition: 定义。, definition_source: own, equivalence: {degree: exact}}", "",
    ])
    (problem,) = of_rule(check(tmp_path, {"safety": text}), "stale-translation")
    assert problem.line == 7 and "records no source fingerprint" in problem.message


def test_unregistered_concept_and_vanished_id_are_errors(tmp_path):
    registry = [{"id": "gone", "fate": "active"}]
    problems = of_rule(check(tmp_path, {"safety": entry("safety")}, registry), "registry")
    by_path = {p.path: p for p in problems}
    assert "'safety' is not in glossary/registry.yaml" in by_path["glossary/concepts/safety.yaml"].message
    vanished = by_path["glossary/registry.yaml"]
    assert vanished.line == 1 and "glossary/concepts/gone.yaml is missing" in vanished.message


def test_renamed_id_must_lead_to_an_active_concept(tmp_path):
    registry = [
        {"id": "safety", "fate": "active"},
        {"id": "old-safety", "fate": "renamed", "to": "safety"},
        {"id": "older", "fate": "renamed", "to": "old-safety"},
        {"id": "broken", "fate": "merged", "to": "nowhere"},
        {"id": "dropped", "fate": "withdrawn"},
    ]
    problems = of_rule(check(tmp_path, {"safety": entry("safety")}, registry), "registry")
    assert [(p.line, p.field) for p in problems] == [(11, "[3].to"), (13, "[4].fate")]
    assert "does not lead to an active concept" in problems[0].message
    assert "needs a `reason:`" in problems[1].message


def test_a_withdrawn_id_cannot_be_reused(tmp_path):
    registry = [{"id": "safety", "fate": "withdrawn", "reason": {"en": "Merged away.", "zh": "已合并。"}}]
    (problem,) = of_rule(check(tmp_path, {"safety": entry("safety")}, registry), "registry")
    assert "recorded as withdrawn" in problem.message


@pytest.mark.parametrize(
    "definition, fragment",
    [
        ("Safe <script>alert(1)</script>.", "raw HTML"),
        ("See <a href='x'>this</a>.", "raw HTML"),
        ("Click javascript:alert(1) now.", "script and data URLs"),
        ("An image data:text/html;base64,xx here.", "script and data URLs"),
        ("See [the law](https://example.org).", "Markdown links"),
        ("An ![image](x.png) here.", "Markdown links"),
        ("Fish &amp; chips.", "HTML entities"),
    ],
)
def test_markup_in_text_is_rejected(tmp_path, definition, fragment):
    data = entry("safety")
    data["en"]["definition"] = definition
    (problem,) = of_rule(check(tmp_path, {"safety": data}), "markup")
    assert problem.field == "en.definition" and fragment in problem.message


def test_text_must_be_nfc_and_singly_spaced(tmp_path):
    data = entry("safety")
    data["en"]["definition"] = "Cafe\u0301 safety."
    data["en"]["note"] = "Two  spaces."
    problems = of_rule(check(tmp_path, {"safety": data}), "text-form")
    assert {(p.field, p.message.split(" ")[-1]) for p in problems} == {("en.definition", "form"), ("en.note", "break")}


def test_scripts_of_each_language(tmp_path):
    data = entry("safety")
    data["en"]["definition"] = "Safety, 安全."
    data["zh"]["definition"] = "Safety."
    problems = of_rule(check(tmp_path, {"safety": data}), "script")
    assert {p.field for p in problems} == {"en.definition", "zh.definition"}


def test_english_notes_may_quote_chinese_terms(tmp_path):
    data = entry("safety")
    data["en"]["note"] = "Chinese writes 安全 for both."
    assert of_rule(check(tmp_path, {"safety": data}), "script") == []


@pytest.mark.parametrize(
    "definition, message",
    [
        ("安全,即无风险。", "half-width ','"),
        ("安全(safety)。", "half-width '('"),
        ("无不可接受的风险.", "half-width '.'"),
        ("安全 性。", "space between Chinese characters"),
    ],
)
def test_chinese_typography(tmp_path, definition, message):
    data = entry("safety")
    data["zh"]["definition"] = definition
    (problem,) = of_rule(check(tmp_path, {"safety": data}), "typography")
    assert problem.field == "zh.definition" and message in problem.message


def test_mixed_chinese_and_latin_with_numbers_is_fine(tmp_path):
    data = entry("safety")
    data["zh"]["definition"] = "依据 GB/T 20438.1-2017 与 ISO/IEC 27000:2018，安全（safety）指无不可接受的风险。"
    assert of_rule(check(tmp_path, {"safety": data}), "typography") == []


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\x07", "\x00"])
def test_invisible_and_bidi_characters_are_rejected_with_their_line(tmp_path, char):
    text = f"id: safety\nstatus: approved\nen:\n  term: safe{char}ty\n"
    (problem,) = of_rule(check(tmp_path, {"safety": text}), "forbidden-character")
    assert problem.line == 4 and f"U+{ord(char):04X}" in problem.message


def test_oversized_file_is_rejected_before_parsing(tmp_path):
    text = "id: safety\n" + "# padding\n" * 30000
    (problem,) = of_rule(check(tmp_path, {"safety": text}), "file-too-large")
    assert "over the limit" in problem.message


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i-1}'] * 9)}]" for i in range(1, 9)]
    (problem,) = of_rule(check(tmp_path, {"safety": "\n".join(lines) + "\n"}), "yaml-alias")
    assert problem.line == 1  # the anchor that the first alias reuses


def test_an_anchor_without_alias_is_refused_but_an_ampersand_in_prose_is_not(tmp_path):
    data = yaml.safe_dump(entry("safety"), allow_unicode=True, sort_keys=False)
    anchored = data.replace("status: approved", "status: &s approved")
    (problem,) = of_rule(check(tmp_path / "a", {"safety": anchored}), "yaml-alias")
    assert problem.line == anchored.splitlines().index("status: &s approved") + 1
    assert problem.message == "YAML anchors (&s) are not allowed"
    prose = entry("safety")
    prose["en"]["note"] = "Used in R&D and by AT&T."
    assert of_rule(check(tmp_path / "b", {"safety": prose}), "yaml-alias") == []


def test_given_pinyin_must_be_a_reading_of_the_term(tmp_path):
    good, bad = entry("safety"), entry("security")
    good["zh"].update(term="重要安全", pinyin="zhòngyào ānquán")
    bad["zh"].update(term="安全", pinyin="ānquán xìng")
    problems = of_rule(check(tmp_path, {"safety": good, "security": bad}), "reading")
    assert [(p.path, p.field) for p in problems] == [("glossary/concepts/security.yaml", "zh.pinyin")]
    assert "the usual reading is 'ān quán'" in problems[0].hint


def test_pinyin_is_only_for_chinese_sections(tmp_path):
    data = entry("safety")
    data["en"]["pinyin"] = "sāfēitī"
    problems = of_rule(check(tmp_path, {"safety": data}), "schema")
    assert [(p.field, p.message) for p in problems] == [("en.pinyin", "unknown field")]


def test_uncited_bibliography_entry_is_a_warning_on_its_line(tmp_path):
    problems = of_rule(check(tmp_path, {"safety": entry("safety")}, full_bibliography=True), "unused-source")
    assert problems and all(p.severity == "warning" and p.path == "glossary/bibliography.yaml" for p in problems)
    uncited = next(p for p in problems if "'eu-ai-act-2024-1689'" in p.message)
    text = (tmp_path / "glossary" / "bibliography.yaml").read_text(encoding="utf-8").splitlines()
    assert text[uncited.line - 1].strip() == "- id: eu-ai-act-2024-1689"
    assert not any("'nist-ai-100-1-ai-rmf-1-0'" in p.message for p in problems)  # cited by the entry


def test_a_synonym_repeating_the_preferred_term_is_rejected(tmp_path):
    data = entry("safety")
    data["zh"].update(term="安全", synonyms=["安全性", "安全"])
    (problem,) = of_rule(check(tmp_path, {"safety": data}), "repeated-term")
    assert problem.field == "zh.synonyms[1]" and "already listed as the term" in problem.message


def test_history_must_end_with_the_current_version_and_run_in_order(tmp_path):
    good = entry("safety", version=2, updated="2026-11-22", history=[
        {"version": 1, "date": "2026-01-10", "summary": {"en": "First published."}},
        {"version": 2, "date": "2026-11-22", "summary": {"en": "Definition narrowed.", "zh": "收窄定义。"}},
    ])
    stale = entry("security", version=3, updated="2026-11-22", history=[
        {"version": 2, "date": "2026-03-01", "summary": {"en": "b"}},
        {"version": 1, "date": "2026-02-01", "summary": {"en": "a"}},
    ])
    problems = of_rule(check(tmp_path, {"safety": good, "security": stale}), "history")
    assert [(p.path, p.field) for p in problems] == [
        ("glossary/concepts/security.yaml", "history[1]"), ("glossary/concepts/security.yaml", "history[1]")]
    assert "does not come after" in problems[0].message or "does not come after" in problems[1].message


def test_absurdly_deep_nesting_is_reported_not_raised(tmp_path):
    deep_list = "id: " + "[" * 20000 + "]" * 20000 + "\n"
    deep_map = "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 600))  # within the size limit
    problems = check(tmp_path, {"x": deep_list, "y": deep_map})
    assert {(p.path.rsplit("/", 1)[-1], p.rule) for p in problems} >= {("x.yaml", "yaml-syntax"), ("y.yaml", "yaml-syntax")}


@pytest.mark.parametrize("definition", ["Risk is low when a < b.", "As noted [1] (see below).", "Cost: 3 < 5 & 7 > 2."])
def test_ordinary_text_is_not_mistaken_for_markup(tmp_path, definition):
    data = entry("safety")
    data["en"]["definition"] = definition
    assert of_rule(check(tmp_path, {"safety": data}), "markup") == []


def test_files_that_are_not_entries_are_reported(tmp_path):
    glossary = make_glossary(tmp_path, {"safety": entry("safety")})
    (glossary / "concepts" / "security.YAML").write_text("id: security\n", encoding="utf-8")
    (glossary / "concepts" / "notes.txt").write_text("draft\n", encoding="utf-8")
    (glossary / "concepts" / "nested").mkdir()
    (glossary / "concepts" / ".gitkeep").write_text("", encoding="utf-8")
    _, problems = validate(glossary, tmp_path)
    named = {p.path.rsplit("/", 1)[-1]: p.hint for p in problems if p.rule == "file-name"}
    assert named == {"security.YAML": "rename it to security.yaml",
                     "notes.txt": "only entries (<id>.yaml) belong here: move it elsewhere"}
    (folder,) = [p for p in problems if p.rule == "file-type"]
    assert folder.path == "glossary/concepts/nested" and "this is a folder" in folder.message


def test_a_link_to_a_renamed_id_says_where_the_concept_lives_now(tmp_path):
    registry = [{"id": "safety", "fate": "active"}, {"id": "security", "fate": "active"},
                {"id": "old-security", "fate": "renamed", "to": "security"}]
    entries = {"safety": entry("safety", relations={"related": ["old-security"]}), "security": entry("security")}
    (problem,) = of_rule(check(tmp_path, entries, registry), "unknown-relation")
    assert problem.hint == "'old-security' was renamed: link to 'security' instead"
