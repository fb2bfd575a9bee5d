"""The publication's addresses: one module decides every URL, link, file location and date, and what it decides
is what the pages and the exports use."""

from __future__ import annotations

import datetime
import urllib.parse

import yaml

from factory import ROOT, entry, make_glossary
from termbase import publication
from termbase.loader import load_glossary
from termbase.pages import render_term_page
from termbase.publication import Repository, SiteInfo


def glossary_of(tmp_path, **entries):
    result = load_glossary(make_glossary(tmp_path, entries or {"safety": entry("safety")}), tmp_path)
    assert result.problems == []
    return result.glossary


def test_links_between_pages_are_relative_markdown_sources_or_served_urls():
    assert publication.link("browse/domains", "concept", "safety") == "../terms/safety.md"
    assert publication.link("terms/security", "concept", "safety") == "safety.md"
    assert publication.link("terms/index", "concept", "safety") == "safety.md"
    assert publication.link("changelog", "concept", "safety") == "terms/safety.md"
    assert publication.link("terms/x", "index") == "index.md"
    assert publication.link("downloads", "download", "glossary.tbx") == "downloads/glossary.tbx"
    assert publication.link("contributing", "contributing", anchor="ids") == "contributing.md#ids"
    # served URLs (directory URLs), for links inside raw HTML
    assert publication.link("browse/jurisdictions", "concept", "safety", "conceptions", built=True) == \
        "../../terms/safety/#conceptions"
    assert publication.link("terms/old-id", "concept", "new-id", built=True) == "../new-id/"
    assert publication.link("terms/index", "concept", "safety", built=True) == "safety/"


def test_urls_and_source_files_follow_the_root_language(tmp_path):
    glossary = glossary_of(tmp_path)
    en, zh = glossary.languages
    site = SiteInfo.for_build(glossary, "https://example.org/glossary", environ={})
    assert site.default_code == "en"  # the source language is served at the root
    assert site.concept_url("safety", en) == "https://example.org/glossary/terms/safety/"
    assert site.concept_url("safety", zh) == "https://example.org/glossary/zh/terms/safety/"
    assert site.concept_urls(glossary, "safety") == {"en": site.concept_url("safety", en),
                                                    "zh": site.concept_url("safety", zh)}
    assert site.scheme_url(glossary) == "https://example.org/glossary/terms/"
    assert site.page_url(zh, "browse", "status") == "https://example.org/glossary/zh/browse/status/"
    assert site.source_file(en, "concept", "safety") == "terms/safety.md"
    assert site.source_file(zh, "concept", "safety") == "terms/safety.zh.md"
    assert site.source_file(zh, "changelog") == "changelog.zh.md"
    assert site.redirect_file("old-id") == "terms/old-id/index.html"


def test_the_build_date_is_pinned_by_source_date_epoch():
    assert publication.build_date({"SOURCE_DATE_EPOCH": "1764547200"}) == datetime.date(2025, 12, 1)
    assert publication.build_date({}) == datetime.date.today()
    assert publication.build_date({"SOURCE_DATE_EPOCH": "soon"}) == datetime.date.today()


def test_the_report_link_opens_the_entry_error_form_with_its_fields_filled(tmp_path):
    glossary = glossary_of(tmp_path)
    concept = glossary.concepts["safety"]
    repository = Repository("https://github.com/o/r/")
    url = urllib.parse.urlsplit(repository.report_url(concept))
    assert (url.netloc, url.path) == ("github.com", "/o/r/issues/new")
    query = dict(urllib.parse.parse_qsl(url.query))
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / query["template"]).read_text(encoding="utf-8"))
    field_ids = {item["id"] for item in form["body"] if "id" in item}
    prefilled = set(query) - {"template", "title"}
    assert prefilled and prefilled <= field_ids  # every prefilled value lands in a field of the form
    assert query["entry"] == "safety" and query["version"] == "version 1, 2026-11-22"
    assert repository.edit_url("glossary/concepts/safety.yaml") == \
        "https://github.com/o/r/edit/main/glossary/concepts/safety.yaml"
    assert Repository("https://github.com/o/r", branch="trunk").file_url("LICENSE") == \
        "https://github.com/o/r/blob/trunk/LICENSE"


def test_a_term_page_links_to_edit_and_report_only_with_a_repository(tmp_path):
    glossary = glossary_of(tmp_path)
    concept, en = glossary.concepts["safety"], glossary.languages[0]
    with_repo = SiteInfo.for_build(glossary, "https://example.org/", "https://github.com/o/r", environ={})
    page = render_term_page(glossary, concept, en, ROOT / "locales", with_repo)
    assert 'href="https://github.com/o/r/edit/main/glossary/concepts/safety.yaml"' in page
    assert "https://github.com/o/r/issues/new?template=entry-error.yml" in page
    without = render_term_page(glossary, concept, en, ROOT / "locales", SiteInfo.for_build(glossary, "", environ={}))
    assert "github.com" not in without and "Edit this entry" not in without
