"""Property-based: random text (controls, invisible characters, markup, Markdown, YAML and Jinja syntax, escapes)
in any text field. Either the validator refuses it, or the site is generated and neither its pages (turned into
HTML as MkDocs does) nor its exports carry live markup or a forbidden character. And the renderer alone, given
the same text in every field without any validation, still produces inert pages."""

from __future__ import annotations

import copy
import dataclasses
import datetime
import json
import re

import lxml.etree
import rdflib
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from factory import ROOT, entry, make_glossary, with_fingerprint
from live_markup import live_markup, to_html, version_pages_html
from termbase import characters, fields
from termbase.loader import load_glossary
from termbase.pages import render_site_pages
from termbase.publication import SiteInfo
from termbase.site import site_content

SITE = SiteInfo("https://glossary.example/", "en", datetime.date(2026, 11, 23))
LOCALES = ROOT / "locales"
# Budgets: each example validates and (when valid) generates a whole small site, about a second; the CI runs the
# same number of examples on every pull request, so that over time far more inputs are tried.
PROPERTY = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))

FRAGMENTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "*x*{ onclick=alert(1) }", "{: onmouseover=x }",
    "[a](javascript:alert(1))", "![i](x.png)", "<javascript:alert(1)>", "&#60;", "&#60", "&lt", "\x7f", "\x00",
    "\x1b", "\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\u2028", "\x85", "\U000e0041", "\ufffe", "\r",
    "\n", "\n\n# heading\n\n", "    code", "---", "...", "| a | b |", "`", "_", "**", "~~", "\\", "\"", "'",
    "]]>", "<!--", "-->", "{{ 7*7 }}", "{% raw %}", "%(x)s", "{}", "安全", "，", "é", "e\u0301", "\u00a0", "\u3000",
    "ѕаfety", "http://x.example/", "javascript:", "data:", "  ", "\t", ": ", "- ", "# ", "? ", "!!str", "&a", "*a",
]
hostile_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(st.characters(exclude_categories=("Cs",)), max_size=4),
              st.sampled_from(["safety", "risk ", "model", " of ", "数据", "模型", "安全", "。", "."])),
    min_size=1, max_size=5,
).map("".join)

# Text the validator lets through but that means something to Markdown, HTML, YAML or Jinja: the cases where the
# renderer's escaping alone stands between the contributor and the reader.
plausible_text = st.lists(
    st.sampled_from(["safety", "risk", "模型", "安全", "*x*", "_y_", "**b**", "{: .c }", "{ onclick=alert(1) }", "#",
                     "|", '"q"', "'a'", "a < b", "R&D", "~z~", "\\", "`c`", "[1]", "(x)", "!", "+", "- x", "=",
                     "1.", "> q", "{{ 7*7 }}", "{%", "---", "...", "%s", "&", "<", ">", "C++", "e.g."]),
    min_size=1, max_size=6,
).map(" ".join)
any_text = st.one_of(hostile_text, plausible_text)

BASE = with_fingerprint(entry(
    "rt-probe",
    version=2,
    en={"term": "probe term", "synonyms": ["probe alias"], "deprecated": [{"term": "old probe", "reason": "Vague."}],
        "definition": "A probe definition.",
        "definition_source": {"basis": "adapted", "sources": [{"id": "nist-ai-100-1-ai-rmf-1-0", "at": "§1"}]},
        "note": "A note.", "note_sources": [{"id": "nist-ai-100-1-ai-rmf-1-0", "at": "§4"}],
        "disambiguated": "probe term (testing)"},
    zh={"term": "探针术语", "synonyms": ["探针别名"], "definition": "用于测试的探针定义。",
        "definition_source": {"basis": "written", "sources": ["nist-ai-100-1-ai-rmf-1-0"]}, "note": "说明。",
        "equivalence": {"degree": "partial", "note": {"en": "Differs.", "zh": "有差异。"},
                        "sources": [{"id": "nist-ai-100-1-ai-rmf-1-0", "at": "§5"}]}},
    renderings=[{"zh": "探针", "en": "probe", "translated_from": "zh", "official": False,
                 "source": {"id": "nist-ai-100-1-ai-rmf-1-0", "at": "§6"}, "note": {"en": "Once.", "zh": "一次。"}}],
    conceptions=[{"jurisdiction": "CN", "en": "A view.", "zh": "一种理解。",
                  "sources": [{"id": "nist-ai-100-1-ai-rmf-1-0", "at": "§2"}]}],
    sources=[{"id": "nist-ai-100-1-ai-rmf-1-0", "at": "§3"}],
    history=[{"version": 1, "date": "2026-01-10", "summary": {"en": "First.", "zh": "首次发布。"}},
             {"version": 2, "date": "2026-11-22", "summary": {"en": "Revised."}}],
))


def _concrete(path: tuple, node, done: tuple = ()):
    """Every way a table path stands in BASE (LANG: each language, ITEM: each item) that leads to a text."""
    if not path:
        if isinstance(node, str):
            yield done
        return
    key, rest = path[0], path[1:]
    if key == fields.ITEM and isinstance(node, list):
        for index, item in enumerate(node):
            yield from _concrete(rest, item, done + (index,))
    elif key == fields.LANG and isinstance(node, dict):
        for code in ("en", "zh"):
            if code in node:
                yield from _concrete(rest, node[code], done + (code,))
    elif isinstance(node, dict) and key in node:
        yield from _concrete(rest, node[key], done + (key,))


ENTRY_FIELDS = sorted({p for f in fields.FIELDS if f.file == fields.ENTRY for p in _concrete(f.path, BASE)}, key=str)


def _replaced(path: tuple, text: str) -> dict:
    data = copy.deepcopy(BASE)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = text
    return data


def test_every_text_field_of_the_table_is_exercised():
    assert len(ENTRY_FIELDS) >= 16
    assert {("en", "term"), ("zh", "equivalence", "note", "zh"), ("history", 1, "summary", "en"),
            ("conceptions", 0, "sources", 0, "at"), ("en", "definition_source", "sources", 0, "at"),
            ("en", "note_sources", 0, "at"), ("zh", "equivalence", "sources", 0, "at"), ("renderings", 0, "zh"),
            ("renderings", 0, "note", "en"), ("renderings", 0, "source", "at")} <= set(ENTRY_FIELDS)


@PROPERTY
@given(path=st.sampled_from(ENTRY_FIELDS), text=any_text)
def test_random_text_in_any_field_is_refused_or_published_inert(tmp_path_factory, path, text):
    root = tmp_path_factory.mktemp("prop")
    # every non-ASCII character written as an escape, as a hostile contributor would to pass a raw check
    content = yaml.safe_dump(_replaced(path, text), allow_unicode=False, sort_keys=False)
    make_glossary(root, {"rt-probe": content}, full_bibliography=True)
    for name in ("locales", "docs"):
        (root / name).symlink_to(ROOT / name)
    content = site_content(root, SITE.base_url)
    if content.errors:
        assert all(p.path.startswith("glossary/") and p.rule for p in content.errors)
        event("refused")
        return
    event("published")
    assert content.pages, "a valid glossary is always generated"
    for page_path in ("terms/rt-probe.md", "terms/rt-probe.zh.md", "terms/index.md", "changelog.md"):
        html, meta = to_html(content.pages[page_path].markdown)
        assert live_markup(html) == [], (page_path, text)
        assert isinstance(meta["title"], str) and "<" not in meta["title"]
    for name, export in content.downloads.items():
        if isinstance(export, bytes):  # the spreadsheet (XLSX): its cells are the CSV's
            continue
        assert not characters.FORBIDDEN_IN_FILE.search(export.lstrip("\ufeff")), name
    json.loads(content.downloads["downloads/glossary.json"])
    lxml.etree.fromstring(content.downloads["downloads/glossary.tbx"].encode("utf-8"))
    rdflib.Graph().parse(data=content.downloads["downloads/glossary.ttl"], format="turtle")


_SHOWN = st.fixed_dictionaries({"term": any_text, "definition": any_text, "note": any_text, "other": any_text,
                                "url": any_text})


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts=_SHOWN)
def test_the_renderer_alone_makes_any_text_inert(tmp_path_factory, texts):
    """No validation at all: hostile text in every field the pages show, and still nothing live."""
    root = tmp_path_factory.mktemp("render")
    glossary = load_glossary(make_glossary(root, {"rt-probe": BASE}, full_bibliography=True), root).glossary
    concept = glossary.concepts["rt-probe"]
    sections = {}
    def located(cited):
        return tuple(dataclasses.replace(c, at=texts["other"]) for c in cited)

    for code, section in concept.sections.items():
        equivalence = section.equivalence and dataclasses.replace(
            section.equivalence, note={k: texts["note"] for k in section.equivalence.note},
            sources=located(section.equivalence.sources))
        sections[code] = dataclasses.replace(
            section, term=texts["term"], definition=texts["definition"], note=texts["note"],
            disambiguated=texts["other"], synonyms=(texts["other"],), note_sources=located(section.note_sources),
            deprecated=tuple(dataclasses.replace(d, term=texts["other"], reason=texts["note"]) for d in section.deprecated),
            definition_source=dataclasses.replace(section.definition_source,
                                                  sources=located(section.definition_source.sources)),
            equivalence=equivalence)
    concept = dataclasses.replace(
        concept, sections=sections,
        renderings=tuple(dataclasses.replace(r, text={k: texts["term"] for k in r.text}, note={k: texts["note"] for k in r.note},
                                             source=dataclasses.replace(r.source, at=texts["other"]))
                         for r in concept.renderings),
        conceptions=tuple(dataclasses.replace(c, text={k: texts["note"] for k in c.text}) for c in concept.conceptions),
        history=tuple(dataclasses.replace(h, summary={k: texts["note"] for k in h.summary}) for h in concept.history))
    names = lambda item: dataclasses.replace(item, names={k: texts["other"] for k in item.names})  # noqa: E731
    bibliography = {key: dataclasses.replace(source, title=texts["other"], publisher=texts["note"], url=texts["url"])
                    for key, source in glossary.bibliography.items()}
    glossary = dataclasses.replace(
        glossary, concepts={"rt-probe": concept}, bibliography=bibliography, version=texts["other"],
        title={k: texts["term"] for k in glossary.title}, authors={k: texts["other"] for k in glossary.authors},
        domains={k: names(d) for k, d in glossary.domains.items()},
        jurisdictions={k: names(j) for k, j in glossary.jurisdictions.items()})
    for page_path, page in render_site_pages(glossary, LOCALES, SITE).items():
        html, meta = to_html(page.markdown)
        assert live_markup(html) == [], (page_path, texts)
        assert isinstance(meta["title"], str) and not re.search(r"[<\n]", meta["title"]), page_path
    for address, (html, head) in version_pages_html(glossary, LOCALES, SITE).items():
        assert live_markup(html) == [], (address, texts)
        assert head["title"].endswith(" - site"), address  # nothing broke out of <title>
