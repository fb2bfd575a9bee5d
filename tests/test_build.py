"""The built site: both languages' term pages, in the right language, from a strict build."""

from __future__ import annotations

import html
import re
from collections import Counter

import yaml

from conftest import mkdocs_build
from factory import ROOT, copy_project, text_of

CONCEPT_IDS = sorted(p.stem for p in (ROOT / "glossary" / "concepts").glob("*.yaml"))


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def entry(concept_id):
    return yaml.safe_load((ROOT / "glossary" / "concepts" / f"{concept_id}.yaml").read_text(encoding="utf-8"))


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_concept_has_a_page_in_both_languages(built_site):
    assert len(CONCEPT_IDS) >= 12
    for concept_id in CONCEPT_IDS:
        assert (built_site / "terms" / concept_id / "index.html").is_file(), concept_id
        assert (built_site / "zh" / "terms" / concept_id / "index.html").is_file(), concept_id


def test_english_safety_page_shows_term_definition_and_english_equivalence_note(built_site):
    data = entry("safety")
    page = read(built_site, "terms/safety/index.html")
    text = text_of(page)
    assert re.search(r'<html lang="en"', page)
    assert re.search(r"<h1[^>]*>safety<", page)
    assert folded(data["en"]["definition"]) in text
    assert folded(data["zh"]["definition"]) in text  # side by side
    assert folded(data["zh"]["equivalence"]["note"]["en"]) in text
    assert folded(data["zh"]["equivalence"]["note"]["zh"]) not in text
    assert "Partial equivalent" in text
    assert "Terms and definitions" in text and "Conceptions by jurisdiction" in text


def test_chinese_safety_page_is_in_chinese(built_site):
    data = entry("safety")
    page = read(built_site, "zh/terms/safety/index.html")
    text = text_of(page)
    assert re.search(r'<html lang="zh"', page)
    assert re.search(r"<h1[^>]*>安全<", page)
    assert folded(data["zh"]["definition"]) in text
    assert folded(data["zh"]["equivalence"]["note"]["zh"]) in text
    assert folded(data["zh"]["equivalence"]["note"]["en"]) not in text
    for label in ("术语与定义", "对等程度", "部分对等", "各法域和机构的理解", "参考文献", "法域"):
        assert label in text, label
    for english_label in ("Terms and definitions", "Partial equivalent", "Conceptions by jurisdiction", "Sources"):
        assert english_label not in text, english_label


def test_conceptions_table_names_jurisdictions_in_the_page_language(built_site):
    en = text_of(read(built_site, "terms/safety/index.html"))
    zh = text_of(read(built_site, "zh/terms/safety/index.html"))
    assert "United States" in en and "European Union" in en
    assert "美国" in zh and "欧盟" in zh


def test_dates_are_formatted_for_the_page_locale_by_babel(built_site):
    assert "November 22, 2026" in text_of(read(built_site, "terms/safety/index.html"))
    assert "2026年11月22日" in text_of(read(built_site, "zh/terms/safety/index.html"))


def test_sources_are_listed_with_their_urls(built_site):
    page = read(built_site, "terms/safety/index.html")
    assert 'href="https://doi.org/10.6028/NIST.AI.100-1"' in page
    assert "Artificial Intelligence Risk Management Framework (AI RMF 1.0)" in page


def test_relations_link_to_the_same_language(built_site):
    en = read(built_site, "terms/safety/index.html")
    zh = read(built_site, "zh/terms/safety/index.html")
    assert 'href="../security/"' in en
    assert 'href="../security/"' in zh  # relative to /zh/terms/safety/, so it stays in Chinese


def test_language_switcher_and_alternates_point_to_the_same_concept(built_site):
    zh = read(built_site, "zh/terms/safety/index.html")
    assert re.search(r'<a href="../../../terms/safety/" hreflang="en"', zh)
    en = read(built_site, "terms/safety/index.html")
    assert re.search(r'<a href="../../zh/terms/safety/" hreflang="zh"', en)


def test_terms_index_lists_every_concept_in_each_language(built_site):
    en = read(built_site, "terms/index.html")
    zh = read(built_site, "zh/terms/index.html")
    for concept_id in CONCEPT_IDS:
        assert f'href="{concept_id}/"' in en
        assert f'href="{concept_id}/"' in zh
    assert "按汉语拼音排序" in text_of(zh)


def test_home_pages_exist_in_both_languages(built_site):
    assert "English–Chinese glossary" in text_of(read(built_site, "index.html"))
    zh = read(built_site, "zh/index.html")
    assert '<html lang="zh"' in zh and "术语表" in text_of(zh)


def test_term_pages_are_not_committed_as_markdown():
    assert not (ROOT / "docs" / "terms").exists()


def test_broken_entry_aborts_the_build_without_output(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "glossary" / "concepts" / "safety.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: approved", "status: aproved"), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "glossary/concepts/safety.yaml:3:9: error: [schema] status:" in result.stderr
    assert "unknown-relation" not in result.stderr  # entries pointing at the broken one are not blamed for it
    assert "Traceback" not in result.stderr
    assert not (site / "index.html").exists()


def test_languages_of_mkdocs_must_match_the_glossary(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start, end = text.index("        - locale: zh"), text.index("hooks:")
    config.write_text(text[:start] + "\n" + text[end:], encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "mkdocs.yml builds the languages en but glossary/glossary.yaml declares en, zh" in result.stderr


def json_ld(page: str) -> dict:
    import json

    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.S)
    return json.loads(block)


def test_term_page_carries_json_ld_naming_the_term_in_both_languages(built_site):
    data = json_ld(read(built_site, "zh/terms/security/index.html"))
    assert data["@type"] == "DefinedTerm" and data["termCode"] == "security"
    assert {"@language": "en", "@value": "security"} in data["name"]
    assert {"@language": "zh-Hans", "@value": "安全"} in data["name"]
    assert data["inDefinedTermSet"]["@type"] == "DefinedTermSet"
    assert data["@id"] == "http://127.0.0.1:8000/terms/security/"


def test_hreflang_alternates_are_absolute_with_an_x_default(built_site):
    page = read(built_site, "zh/terms/safety/index.html")
    alternates = dict((lang, href) for href, lang in re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)"', page))
    assert alternates == {
        "en": "http://127.0.0.1:8000/terms/safety/",
        "zh": "http://127.0.0.1:8000/zh/terms/safety/",
        "x-default": "http://127.0.0.1:8000/terms/safety/",
    }
    assert '<link rel="canonical" href="http://127.0.0.1:8000/zh/terms/safety/">' in page


def test_citations_name_the_stable_url_and_the_version(built_site):
    version = entry("safety")["version"]
    en = text_of(read(built_site, "terms/safety/index.html"))
    zh = text_of(read(built_site, "zh/terms/safety/index.html"))
    assert f"Safety (Version {version}). In English–Chinese Glossary" in en  # APA
    # BibTeX's url is the version's own page; the note names the concept's stable URL
    assert f"@misc{{safety-v{version}," in en and f"url = {{http://127.0.0.1:8000/terms/safety/v{version}/}}" in en
    assert r"current version: \url{http://127.0.0.1:8000/terms/safety/}" in en
    assert f"安全（safety）: 第{version}版[EB/OL]//本词表编写组. 开源人工智能安全与安保术语英汉对照词表." in zh  # GB/T 7714
    assert (f"http://127.0.0.1:8000/zh/terms/safety/v{version}/.（现行版本：http://127.0.0.1:8000/zh/terms/safety/）"
            in zh)


def test_pages_make_no_request_to_other_hosts(built_site):
    page = read(built_site, "terms/safety/index.html")
    external = re.findall(r'<(?:link|script)[^>]+(?:href|src)="(https?://[^"]+)"', page)
    assert [url for url in external if not url.startswith("http://127.0.0.1:8000/")] == []


def test_browse_pages_cover_domains_status_jurisdictions_and_cautions(built_site):
    by_domain = read(built_site, "zh/browse/domains/index.html")
    for concept_id in CONCEPT_IDS:
        assert f'href="../../terms/{concept_id}/"' in by_domain
    assert "核心概念" in text_of(by_domain)
    status = text_of(read(built_site, "browse/status/index.html"))
    statuses = Counter(entry(concept_id)["status"] for concept_id in CONCEPT_IDS)
    assert sum(statuses.values()) == len(CONCEPT_IDS)
    for status_id, heading in (("approved", "Approved"), ("draft", "Draft"), ("deprecated", "Deprecated")):
        expected = f"{heading} ({statuses[status_id]})"
        assert (expected in status) == bool(statuses[status_id]), expected
    matrix = read(built_site, "browse/jurisdictions/index.html")
    row = re.search(r'href="../../terms/safety/#conceptions">[^<]*</a></th>(.*?)</tr>', matrix).group(1)
    assert 'id="conceptions"' in read(built_site, "terms/safety/index.html")  # where the link lands
    names = yaml.safe_load((ROOT / "glossary" / "jurisdictions.yaml").read_text(encoding="utf-8"))
    expected = {j["name"]["en"] for j in names if j["code"] in {c["jurisdiction"] for c in entry("safety")["conceptions"]}}
    assert set(re.findall(r'<span aria-label="[^"]*" title="([^"]+)">●</span>', row)) == expected
    cautions = text_of(read(built_site, "zh/browse/equivalence/index.html"))
    assert "部分对等" in cautions and "安全可控" in cautions and "无对等词" in cautions


def test_no_internal_link_is_broken(built_site):
    """Every href and src inside the site resolves to a file of the site (in both languages)."""
    from urllib.parse import unquote, urljoin, urlparse

    import lxml.html  # four times as fast as html.parser on the site's 660 pages, and the same links

    broken = []
    for page in built_site.rglob("*.html"):
        links = [value for value in lxml.html.fromstring(page.read_bytes()).xpath("//@href | //@src") if value]
        base = "http://site/" + page.relative_to(built_site).as_posix()
        for link in links:
            url = urlparse(urljoin(base, link))
            if url.netloc != "site" or url.scheme not in ("http", ""):
                continue
            target = built_site / unquote(url.path).lstrip("/")
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(built_site)} -> {link}")
    assert broken == []


def test_each_language_has_its_own_search_index(built_site):
    import json

    root = json.loads(read(built_site, "search/search_index.json"))
    chinese = json.loads(read(built_site, "zh/search/search_index.json"))
    assert not any(doc["location"].startswith("zh/") for doc in root["docs"])
    assert any(doc["location"] == "terms/safety/" and doc["title"] == "safety" for doc in root["docs"])
    assert any(doc["location"] == "terms/safety/" and doc["title"] == "安全" for doc in chinese["docs"])
    page = read(built_site, "zh/terms/safety/index.html")
    assert 'config.base = config.base.replace(/\\/?$/, "/") + "zh/";' in page


def test_chinese_index_is_in_pinyin_order_under_letter_headings(built_site):
    import unicodedata

    page = read(built_site, "zh/terms/index.html")
    letters = re.findall(r'<h2 id="([a-z])">', page)
    assert letters == sorted(letters) and len(letters) > 5
    rows = re.findall(r'<td><a href="[a-z0-9-]+/">[^<]+</a></td>\s*<td><span lang="zh-Latn-pinyin">([^<]+)</span></td>', page)
    assert len(rows) == len(CONCEPT_IDS)
    # ordered by the pinyin the index shows (an entry's own reading where it gives one), letters before tones
    plain = ["".join(ch for ch in unicodedata.normalize("NFD", p) if ch.isalpha()).replace("ü", "v") for p in rows]
    assert plain == sorted(plain)
    assert "ān quán" in rows and "wēitiáo" in rows  # fine-tuning gives its own reading of 微调


def test_quotes_in_a_definition_cannot_break_out_of_the_page_head(variant_site):
    from factory import HOSTILE_DEFINITION

    page = (variant_site / "terms" / "bias" / "index.html").read_text(encoding="utf-8")
    assert HOSTILE_DEFINITION.split('"')[0] in page  # the hostile definition is on the page...
    assert 'http-equiv="refresh"' not in page  # ...but cannot add an attribute
    assert "0;url=https://evil.example/&#34; http-equiv=&#34;refresh&#34;" in page or \
        "0;url=https://evil.example/&quot; http-equiv=&quot;refresh&quot;" in page


def test_an_entry_cannot_take_the_id_of_a_site_page(tmp_path):
    from factory import entry, make_glossary
    from termbase.validate import validate

    _, problems = validate(make_glossary(tmp_path, {"index": entry("index")}), tmp_path)
    assert any(p.rule == "id-file-name" and "'index' is reserved" in p.message for p in problems)
