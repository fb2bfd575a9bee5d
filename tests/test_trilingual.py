"""A third language is configuration and content only: the trilingual test glossary (English, Chinese, Japanese;
tests/data/trilingual) loads, validates, builds and exports in every language, with the project's code unchanged.

What it adds to the project is what a real new language would add: glossary/glossary.yaml (the language, title
and authors), mkdocs.yml (the i18n language and its nav), a catalog (locales/ja), and content (the entries' ja
sections, names of domains and jurisdictions, a home page)."""

from __future__ import annotations

import csv
import datetime
import html as html_module
import io
import json
import re

import pytest
from jsonschema import Draft202012Validator
from lxml import etree
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from factory import JA_MARK, termbase
from termbase.exports.formats import FORMATS, all_files
from termbase.exports.json_export import from_data, to_data
from termbase.publication import SiteInfo
from termbase.validate import validate
from termbase.writing import kana

LANGUAGES = ("en", "zh", "ja")
PREFIX = {"en": "", "zh": "zh/", "ja": "ja/"}
TAG = {"en": "en", "zh": "zh-Hans", "ja": "ja"}
TERMS = {  # each concept's preferred term in each language
    "safety": {"en": "safety", "zh": "安全", "ja": "安全"},
    "red-teaming": {"en": "red teaming", "zh": "红队测试", "ja": "レッドチーミング"},
    "adversarial-attack": {"en": "adversarial attack", "zh": "对抗攻击", "ja": "敵対的攻撃"},
}
# The A–Z index of each language: headings in order, and under them the terms in order.
INDEX = {
    "en": [("A", ["adversarial attack"]), ("R", ["red teaming"]), ("S", ["safety"])],
    "zh": [("A", ["安全（safety）"]), ("D", ["对抗攻击"]), ("H", ["红队测试"])],  # ān quán, duì kàng, hóng duì
    "ja": [("あ", ["安全"]), ("た", ["敵対的攻撃"]), ("ら", ["レッドチーミング"])],  # あんぜん, てきたい, れっど
}
READING = {"zh": ("zh-Latn-pinyin", "duì kàng gōng jī"), "ja": ("ja-Hira", "てきたいてきこうげき")}
SITE = SiteInfo("https://tri.example/", "en", datetime.date(2026, 12, 1))


@pytest.fixture(scope="module")
def project(trilingual_project):
    return trilingual_project  # conftest's: its site is built in the background once per test run


@pytest.fixture(scope="module")
def site(trilingual_site):
    return trilingual_site


@pytest.fixture(scope="module")
def glossary(project):
    result, problems = validate(project / "glossary", project)
    assert [p.format() for p in problems] == []  # clean, warnings included
    return result.glossary


def page(site, code: str, path: str) -> str:
    return (site / PREFIX[code] / path / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    return html_module.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def test_the_glossary_declares_three_languages_and_validates_clean(glossary):
    assert [(lang.code, lang.script) for lang in glossary.languages] == [("en", "Latn"), ("zh", "Hans"), ("ja", "Jpan")]
    assert {code: c.sections["ja"].term for code, c in glossary.concepts.items()} == \
        {code: terms["ja"] for code, terms in TERMS.items()}


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_language_has_its_term_pages_with_the_other_two_beside(site, code):
    for concept_id, terms in TERMS.items():
        html = page(site, code, f"terms/{concept_id}")
        assert f'<html lang="{code}"' in html
        assert re.search(rf"<h1[^>]*>{re.escape(terms[code])}", html), concept_id
        for other in LANGUAGES:
            assert f'<section class="tb-side" lang="{TAG[other]}">' in html
            assert f"<dfn>{terms[other]}</dfn>" in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_language_switcher_leads_to_the_same_concept_in_every_language(site, code):
    html = page(site, code, "terms/safety")
    for other in LANGUAGES:
        link = re.search(rf'<a href="([^"]+)" hreflang="{other}" class="md-select__link">', html).group(1)
        target = (site / PREFIX[code] / "terms" / "safety" / link / "index.html").resolve()
        assert target == (site / PREFIX[other] / "terms" / "safety" / "index.html").resolve()
        assert f'href="https://' not in link


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_a_to_z_index_is_in_each_languages_order_and_headings(site, code):
    html = page(site, code, "terms")
    headings = re.findall(r'<h2 id="[^"]*">([^<]+)<', html)
    assert headings == [heading for heading, _ in INDEX[code]]
    listed = re.findall(r'<td><a href="[a-z-]+/">([^<]+)</a></td>', html)
    assert listed == [term for _, terms in INDEX[code] for term in terms]


def test_the_index_names_the_language_of_each_equivalence(site):
    row = re.search(r"<tr>\s*<td><a href=\"safety/\">.*?</tr>", page(site, "en", "terms"), re.S).group()
    assert "Chinese: Partial equivalent; Japanese: Exact equivalent" in text_of(row)


@pytest.mark.parametrize("code", ["zh", "ja"])
def test_terms_show_their_reading_in_its_own_language_tag(site, code):
    tag, reading = READING[code]
    for shown_on in LANGUAGES:
        html = page(site, shown_on, "terms/adversarial-attack")
        assert f'<span class="tb-reading" lang="{tag}">{reading}</span>' in html
    assert f'<span lang="{tag}">{reading}</span>' in page(site, code, "terms")  # the index's reading column


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_ui_text_comes_from_the_pages_own_catalog(site, code):
    index = text_of(page(site, code, "terms"))
    expected = {"en": "Terms A–Z", "zh": "术语索引", "ja": JA_MARK + "Terms A–Z"}[code]
    assert expected in index
    assert (JA_MARK in index) == (code == "ja")


@pytest.mark.parametrize("code", LANGUAGES)
def test_ready_made_citations_use_the_languages_title_authors_and_version_mark(site, code, glossary):
    html = text_of(page(site, code, "terms/adversarial-attack"))
    version = {"en": "version 2", "zh": "第2版", "ja": "第2版"}[code]
    title, authors = glossary.title[code], glossary.authors[code]
    assert f"{authors}. {TERMS['adversarial-attack'][code]}: {version}[EB/OL]//{authors}. {title}." in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_renamed_id_redirects_in_every_language(site, code):
    html = (site / PREFIX[code] / "terms" / "attack-adversarial" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../adversarial-attack/">' in html
    assert f'<html lang="{TAG[code]}">' in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_language_has_its_own_search_index(site, code):
    index = json.loads((site / PREFIX[code] / "search" / "search_index.json").read_text(encoding="utf-8"))
    tags = {tag for doc in index["docs"] for tag in doc.get("tags", [])}
    assert tags == {terms[code] for terms in TERMS.values()}  # a page's own terms, in its own language only


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_term_typed_in_the_search_box_finds_its_concept_first_in_the_lookup_and_the_full_text_search(
        site, browser, code):
    """On each language's home page, each concept's term in that language, typed in the search box: the term lookup
    (theme/assets/javascripts/lookup.js) lists the concept first, and Material's full-text search (for Japanese,
    lunr.ja with TinySegmenter) lists its page first, among that language's pages only."""
    from conftest import serve
    from test_browser import _results

    with serve(site) as url:
        context = browser.new_context()
        page = context.new_page()
        root = f"{url}/{PREFIX[code]}"
        page.goto(root)
        for concept_id, terms in TERMS.items():
            lookup = _lookup(page, terms[code])
            assert lookup and lookup[0] == f"{root}terms/{concept_id}/", (terms[code], lookup)
            links = _results(page, terms[code])
            assert links[0] == f"{root}terms/{concept_id}/", (terms[code], links)
            assert all(link.startswith(root) for link in links), links  # its own language's pages only
            if code == "ja":  # the reading in hiragana, as a reader types it before converting it
                reading = kana(terms["ja"])
                assert _lookup(page, reading)[0] == f"{root}terms/{concept_id}/", (reading, concept_id)
        context.close()


def _lookup(page, query: str) -> list[str]:
    """The term lookup's options (their links) for a query put in the search box: its script lists them on the
    input event, or as soon as its index has loaded (it loads it when the box first has the focus)."""
    page.locator(".md-search__input").fill(query)
    page.wait_for_function("document.querySelector('.tb-lookup__title')?.textContent !== ''", timeout=15000)
    return page.eval_on_selector_all("#tb-lookup-list [role=option]", "options => options.map(o => o.href)")


# Exports: every format, loaded in the reader it is meant for, carries all three languages.


@pytest.fixture(scope="module")
def exported(glossary):
    return all_files(glossary, SITE)


def _readable(name: str, content) -> str:
    """The text of an export as its reader gets it (an XLSX workbook's cells through openpyxl)."""
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content), read_only=True).active
        return "\n".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None)
    return content


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_export_format_covers_the_third_language(glossary, exported, name):
    export = FORMATS[name]
    files = export.file_names(glossary)
    if export.per_pair:  # one file per translation language: en-zh-Hans and en-ja
        assert [target.code for target, _ in files] == ["zh", "ja"]
    for target, file_name in files:
        text = _readable(file_name, exported[file_name])
        codes = ("en", target.code) if target else LANGUAGES
        for concept_id, terms in TERMS.items():
            if name == "schema":
                continue  # the schema names the languages, not the terms
            for code in codes:
                assert terms[code] in text, (file_name, concept_id, code)
        if name == "schema":
            assert all(f'"{code}"' in text for code in LANGUAGES)  # a language section per declared language


def test_json_export_carries_every_language_and_reads_back_unchanged(exported):
    data = json.loads(exported["glossary.json"])
    assert [lang["code"] for lang in data["glossary"]["languages"]] == list(LANGUAGES)
    attack = next(c for c in data["concepts"] if c["id"] == "adversarial-attack")
    assert {code: attack[code]["term"] for code in LANGUAGES} == TERMS["adversarial-attack"]
    assert attack["urls"]["ja"] == "https://tri.example/ja/terms/adversarial-attack/"
    assert to_data(from_data(data), SITE) == data
    assert list(Draft202012Validator(json.loads(exported["glossary.schema.json"])).iter_errors(data)) == []


def test_csv_export_has_a_row_per_concept_and_language_with_its_reading(exported):
    rows = list(csv.DictReader(io.StringIO(exported["glossary.csv"], newline="")))
    assert sorted((r["id"], r["language"]) for r in rows) == sorted(
        (concept_id, TAG[code]) for concept_id in TERMS for code in LANGUAGES)
    reading = {r["language"]: r["reading"] for r in rows if r["id"] == "adversarial-attack"}
    assert reading == {"en": "", "zh-Hans": READING["zh"][1], "ja": READING["ja"][1]}


def test_tbx_export_has_a_language_section_per_language(exported):
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    root = etree.fromstring(exported["glossary.tbx"].encode("utf-8"))
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for entry in root.iterfind(".//t:conceptEntry", ns):
        sections = {sec.get(xml_lang): sec.findtext(".//t:term", namespaces=ns) for sec in entry.iterfind("t:langSec", ns)}
        concept_id = entry.get("id")[2:]
        assert sections == {TAG[code]: TERMS[concept_id][code] for code in LANGUAGES}


def test_tbx_export_is_valid_against_the_official_schemas(exported, tmp_path):
    from test_exports import _tbx_basic
    from schematron import validate as schematron

    path = tmp_path / "glossary.tbx"
    path.write_text(exported["glossary.tbx"], encoding="utf-8")
    schema = etree.RelaxNG(etree.parse(str(_tbx_basic("TBXcoreStructV03.rng"))))
    assert schema.validate(etree.parse(str(path))), schema.error_log
    assert schematron(path, _tbx_basic("TBX-Basic_DCA.sch")) == []


def test_skos_export_labels_every_concept_in_every_language(exported):
    graph = Graph().parse(data=exported["glossary.ttl"], format="turtle")
    for concept_id, terms in TERMS.items():
        node = URIRef(f"https://tri.example/terms/{concept_id}/")
        labels = set(graph.objects(node, SKOS.prefLabel))
        shown = {**terms, "zh": "安全（safety）"} if concept_id == "safety" else terms  # the disambiguated form
        assert labels == {Literal(shown[code], lang=TAG[code]) for code in LANGUAGES}


def test_new_scaffolds_an_entry_in_three_languages(project, tmp_path):
    import shutil

    copy = tmp_path / "project"
    shutil.copytree(project, copy)
    glossary = copy / "glossary"
    result = termbase("new", "model-evaluation", "--domain", "testing-evaluation", "--en", "model evaluation",
                      "--zh", "模型评估", "--ja", "モデル評価", "--glossary", str(glossary), cwd=copy)
    assert result.returncode == 0, result.stderr
    text = (glossary / "concepts" / "model-evaluation.yaml").read_text(encoding="utf-8")
    assert "定義は未記入です。" in text and "定义待撰写。" in text and "Definition to be written." in text
    _, problems = validate(glossary, copy)
    # what is left to do is to define it and name its sources: no script error for the Japanese term
    assert {(p.rule, p.field) for p in problems} == {
        ("placeholder", f"{code}.definition") for code in LANGUAGES} | {
        ("definition-basis", f"{code}.definition_source.sources") for code in LANGUAGES}
    missing = termbase("new", "model-eval", "--domain", "testing-evaluation", "--en", "x", "--zh", "安",
                       "--glossary", str(glossary), cwd=copy)
    assert missing.returncode == 2 and "missing: ja" in missing.stderr
