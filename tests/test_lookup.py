"""The term lookup index and the jieba user dictionary, as plain functions of the model (no MkDocs, no browser).
The browser suite (test_lookup_browser.py) checks that the dialog finds every term of the real glossary."""

from __future__ import annotations

import io
import json
import logging

import pytest

from factory import JA_MARK, ROOT, entry, make_glossary, make_trilingual_project
from termbase.loader import load_glossary
from termbase.publication import LOOKUP_INDEX
from termbase.lookup import KINDS, english_variants, jieba_user_dictionary, lookup_index, normalise, written_forms

LOCALES = ROOT / "locales"


def load(tmp_path, entries):
    result = load_glossary(make_glossary(tmp_path, entries), tmp_path)
    assert result.problems == []
    return result.glossary


@pytest.mark.parametrize("typed, written", [
    ("Red-Teaming", "red teaming"),
    ("redteaming", "red teaming"),
    ("ＡＩ　ｓａｆｅｔｙ", "AI safety"),  # full-width letters and ideographic space
    ("ānquán", "an quan"),
    ("ǚ", "u"),
    ("安全(safety)", "安全（safety）"),
    ("people’s", "peoples"),
    ("high-impact high-likelihood risk", "high-impact, high-likelihood risk"),
    ("STRASSE", "straße"),
])
def test_normalise_gives_one_key_to_the_ways_a_term_is_typed(typed, written):
    assert normalise(typed) == normalise(written)


@pytest.mark.parametrize("different", [("安全", "安全性"), ("safety", "security"), ("AI", "A I x")])
def test_normalise_keeps_different_terms_apart(different):
    assert normalise(different[0]) != normalise(different[1])


def test_english_variants_give_singular_plural_and_the_stem_of_a_gerund():
    assert {"red team", "red teams"} <= english_variants("red teaming")
    assert "fine-tune" in english_variants("fine-tuning")
    assert english_variants("model weights") == {"model weight"}
    assert english_variants("risk") == {"risks"}
    assert english_variants("policy") == {"policies"}
    assert "LLMs" in english_variants("LLM")


def _index(glossary, code):
    return json.loads(lookup_index(glossary, glossary.language(code), LOCALES))


def _keys_of(index, concept_id):
    number = next(i for i, c in enumerate(index["concepts"]) if c[0] == f"terms/{concept_id}/")
    return {k[0]: KINDS[k[2]] for k in index["keys"] if k[1] == number}


def test_every_written_form_in_every_language_is_in_each_index(tmp_path):
    data = entry("open-weight-model")
    data["en"].update(term="open-weight model", synonyms=["open-weights model"],
                      deprecated=[{"term": "open-source model", "reason": "Not open source."}])
    data["zh"].update(term="开放权重模型", synonyms=["权重开放模型"],
                      deprecated=[{"term": "开源模型", "reason": "并非开源。"}])
    glossary = load(tmp_path, {"open-weight-model": data})
    for code in ("en", "zh"):
        index = _index(glossary, code)
        keys = _keys_of(index, "open-weight-model")
        for language in glossary.languages:
            for form in written_forms(glossary.concepts["open-weight-model"], language):
                assert keys[normalise(form.text)] == form.kind, (code, form)
        assert keys["kaifangquanzhongmoxing"] == "reading" and keys["openweightmodels"] == "variant"
        assert index["languages"][0] == glossary.language(code).tag  # labels in the page's language first


def test_a_derived_form_never_points_to_a_concept_other_than_the_one_writing_it(tmp_path):
    teaming, team = entry("red-teaming"), entry("red-team")
    teaming["en"]["term"], team["en"]["term"] = "red teaming", "red team"
    teaming["zh"]["term"], team["zh"]["term"] = "红队测试", "红队"
    glossary = load(tmp_path, {"red-teaming": teaming, "red-team": team})
    index = _index(glossary, "en")
    assert "redteam" not in _keys_of(index, "red-teaming")  # it is the other concept's term
    assert _keys_of(index, "red-team")["redteam"] == "term"
    assert _keys_of(index, "red-teaming")["redteams"] == "variant"


def test_index_rows_show_both_languages_the_equivalence_and_the_ui_text_of_the_page_language(tmp_path):
    safety, security = entry("safety"), entry("security")
    for data, sense in ((safety, "safety"), (security, "security")):
        data["en"]["term"] = sense
        data["zh"].update(term="安全", disambiguated=f"安全（{sense}）",
                          equivalence={"degree": "partial", "note": {"en": "Shared.", "zh": "共用。"}})
        data["relations"] = {"contrast": ["security" if sense == "safety" else "safety"]}
    glossary = load(tmp_path, {"safety": safety, "security": security})
    zh = _index(glossary, "zh")
    assert ["terms/safety/", ["安全（safety）", "safety"], ["partial", ""]] in zh["concepts"]
    assert zh["strings"]["title"] == "术语" and zh["degrees"]["partial"] == "部分对等"
    assert "%(term)s" in zh["strings"]["instead"] and "%(deprecated)s" in zh["strings"]["instead"]
    en = _index(glossary, "en")
    assert ["terms/security/", ["security", "安全（security）"], ["", "partial"]] in en["concepts"]
    assert en["strings"]["title"] == "Glossary terms"
    shared = [k for k in en["keys"] if k[0] == "安全"]
    assert sorted(en["concepts"][k[1]][0] for k in shared) == ["terms/safety/", "terms/security/"]


def test_jieba_user_dictionary_keeps_every_chinese_term_whole(tmp_path):
    import jieba

    jieba.setLogLevel(logging.WARNING)
    data = entry("ai-safety-divide")
    data["zh"].update(term="人工智能安全鸿沟", synonyms=["安全鸿沟 AI"])
    glossary = load(tmp_path, {"ai-safety-divide": data})
    dictionary = jieba_user_dictionary(glossary)
    assert dictionary.splitlines() == ["人工智能安全鸿沟", "安全鸿沟"]
    tokenizer = jieba.Tokenizer()
    assert "人工智能安全鸿沟" not in tokenizer.lcut("人工智能安全鸿沟")  # what the dictionary is for
    tokenizer.load_userdict(io.StringIO(dictionary))
    assert "人工智能安全鸿沟" in tokenizer.lcut("各国应弥合人工智能安全鸿沟。")


def _real_glossary():
    return load_glossary(ROOT / "glossary", ROOT).glossary


def test_built_site_has_each_languages_lookup_index_leading_to_its_pages(built_site):
    glossary = _real_glossary()
    for language in glossary.languages:
        root = built_site if language == glossary.source_language else built_site / language.code
        index = json.loads((root / LOOKUP_INDEX).read_text(encoding="utf-8"))
        assert index["languages"][0] == language.tag
        assert sorted(c[0] for c in index["concepts"]) == sorted(f"terms/{i}/" for i in glossary.concepts)
        for path, labels_, _ in index["concepts"]:
            page = (root / path / "index.html").read_text(encoding="utf-8")
            assert f'lang="{language.code}"' in page and labels_[0] in page


def test_full_text_index_keeps_each_chinese_term_whole_on_its_page(built_site):
    glossary = _real_glossary()
    chinese = next(lang for lang in glossary.languages if lang.profile.reading and lang.profile.reading.field == "pinyin")
    docs = json.loads((built_site / chinese.code / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text: dict[str, str] = {}  # a page's sections are documents of their own
    for doc in docs:
        page = doc["location"].split("#")[0]
        text[page] = "\u200b".join([text.get(page, ""), doc["title"], doc["text"], ""])
    broken = [c.sections[chinese.code].term for c in glossary.concepts.values()
              if f"\u200b{c.sections[chinese.code].term}\u200b" not in text[f"terms/{c.id}/"]
              and all("\u4e00" <= ch <= "\u9fff" for ch in c.sections[chinese.code].term)]
    assert broken == []


def test_a_third_language_gets_its_own_index_with_every_language_beside(tmp_path):
    project = make_trilingual_project(tmp_path / "project")
    glossary = load_glossary(project / "glossary", project).glossary
    ja = glossary.language("ja")
    index = json.loads(lookup_index(glossary, ja, project / "locales"))
    assert index["languages"] == ["ja", "en", "zh-Hans"]
    assert index["strings"]["title"] == JA_MARK + "Glossary terms"  # from the page language's catalog
    rows = {path: (labels_, degrees) for path, labels_, degrees in index["concepts"]}
    section = glossary.concepts["red-teaming"].sections
    assert rows["terms/red-teaming/"] == (
        [section["ja"].label, section["en"].label, section["zh"].label],
        [section["ja"].equivalence.degree, "", section["zh"].equivalence.degree])
    keys = _keys_of(index, "red-teaming")
    assert keys[normalise(section["ja"].term)] == "term" and keys["hongduiceshi"] == "reading"
    assert keys[normalise(ja.profile.reading_of(section["ja"].term, section["ja"].reading))] == "reading"  # kana
    japanese = index["languages"].index("ja")  # no inflections for it: its only derived forms are readings
    assert {KINDS[k[2]] for k in index["keys"] if k[3] == japanese} <= {"term", "disambiguated", "synonym", "deprecated",
                                                                        "reading"}
