"""Page rendering as a plain function of the model: no MkDocs involved."""

from __future__ import annotations

import markdown

from factory import ROOT, entry, make_glossary
from termbase.writing import profile
import datetime

from termbase.pages import render_term_page, render_terms_index
from termbase.pages.environment import md
from termbase.publication import SiteInfo
from termbase.loader import load_glossary

LOCALES = ROOT / "locales"
SITE = SiteInfo("https://glossary.example/", "en", datetime.date(2026, 11, 23))


def load(tmp_path, entries):
    """The model straight from the loader: rendering must be safe even for text the validator would refuse."""
    result = load_glossary(make_glossary(tmp_path, entries), tmp_path)
    assert result.problems == []
    return result.glossary


def to_html(page: str) -> str:
    body = page.split("---", 2)[2]  # drop the front matter, as MkDocs does
    return markdown.markdown(body, extensions=["tables", "md_in_html"])


def test_contributor_text_is_escaped_on_the_page(tmp_path):
    data = entry("safety")
    data["en"]["definition"] = 'Safe <script>alert(1)</script> and <img src=x onerror="alert(2)">.'
    data["en"]["term"] = "safety *[x](javascript:alert(3))*"
    glossary = load(tmp_path, {"safety": data})
    page = to_html(render_term_page(glossary, glossary.concepts["safety"], glossary.languages[0], LOCALES, SITE))
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page


def test_markdown_escape_neutralises_links_and_emphasis():
    html = markdown.markdown(str(md("*bold* [x](javascript:alert(1)) <b>")))
    assert "<em>" not in html and "<a" not in html and "<b>" not in html


def test_chinese_page_uses_chinese_labels_and_the_chinese_note(tmp_path):
    data = entry("safety")
    data["zh"]["equivalence"] = {"degree": "partial", "note": {"en": "English note.", "zh": "中文说明。"}}
    glossary = load(tmp_path, {"safety": data})
    zh = glossary.language("zh")
    page = render_term_page(glossary, glossary.concepts["safety"], zh, LOCALES, SITE)
    assert "部分对等" in page and "中文说明。" in page and "English note." not in page
    assert "## 术语与定义" in page


def test_pinyin_order_for_chinese_and_alphabetical_for_english():
    terms = ["安全", "鲁棒性", "数据安全", "开源", "对齐"]
    assert sorted(terms, key=profile("Hans").sort_key) == ["安全", "对齐", "开源", "鲁棒性", "数据安全"]
    assert sorted(["safety", "AI security", "Alignment"], key=profile("Latn").sort_key) == [
        "AI security",
        "Alignment",
        "safety",
    ]


def test_chinese_index_groups_terms_under_pinyin_initials(tmp_path):
    a, b = entry("alpha"), entry("beta")
    a["zh"]["term"], b["zh"]["term"] = "数据安全", "安全"
    glossary = load(tmp_path, {"alpha": a, "beta": b})
    page = render_terms_index(glossary, glossary.language("zh"), LOCALES)
    assert page.index("## A") < page.index("安全") < page.index("## S") < page.index("数据安全")
