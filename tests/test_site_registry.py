"""The variant project (factory.make_variant_project: a history with a renamed, a merged and a withdrawn id, a
stale translation) and an untranslated UI string: what readers and the validator see."""

from __future__ import annotations

import pytest

from conftest import mkdocs_build
from factory import copy_project
from termbase.validate import validate



@pytest.fixture
def project(variant_project):
    return variant_project


@pytest.fixture
def site(variant_site):
    return variant_site


def test_renamed_id_redirects_to_its_new_page_in_each_language(site):
    for prefix in ("", "zh/"):
        page = (site / prefix / "terms" / "ai-safety-science" / "index.html").read_text(encoding="utf-8")
        assert '<meta http-equiv="refresh" content="0; url=../ai-safety/">' in page
        assert f'<link rel="canonical" href="http://127.0.0.1:8000/{prefix}terms/ai-safety/">' in page
    assert "本条目已更名" in (site / "zh/terms/ai-safety-science/index.html").read_text(encoding="utf-8")


def test_merged_id_redirects_to_the_concept_it_was_merged_into(site):
    page = (site / "terms" / "infosec" / "index.html").read_text(encoding="utf-8")
    assert "url=../information-security/" in page and "merged into another" in page


def test_withdrawn_id_leaves_a_tombstone_page_with_the_reason(site):
    en = (site / "terms" / "safe-ai" / "index.html").read_text(encoding="utf-8")
    zh = (site / "zh" / "terms" / "safe-ai" / "index.html").read_text(encoding="utf-8")
    assert "Too vague to define; see AI safety." in en and "October 1, 2026" in en
    assert "含义过于宽泛" in zh and "已撤销的条目" in zh and "2026年10月1日" in zh


def test_outdated_translation_is_marked_on_both_language_pages(site):
    en = (site / "terms" / "security" / "index.html").read_text(encoding="utf-8")
    zh = (site / "zh" / "terms" / "security" / "index.html").read_text(encoding="utf-8")
    assert "The Chinese text of this entry may be outdated" in en
    assert "本条目的中文文本可能已过时" in zh
    safety = (site / "terms" / "safety" / "index.html").read_text(encoding="utf-8")
    assert "may be outdated" not in safety  # an unchanged entry


def test_validator_warns_about_the_outdated_translation(project):
    _, problems = validate(project / "glossary", project)
    stale = [p for p in problems if p.rule == "stale-translation"]
    # the two entries of the variant project whose English definition changed after translation
    assert [(p.path, p.severity) for p in stale] == [("glossary/concepts/bias.yaml", "warning"),
                                                    ("glossary/concepts/security.yaml", "warning")]


def test_untranslated_ui_string_is_an_error_with_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    catalog = project / "locales" / "zh" / "LC_MESSAGES" / "messages.po"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace('msgstr "许用术语："', 'msgstr ""'), encoding="utf-8")
    _, problems = validate(project / "glossary", project)
    (problem,) = [p for p in problems if p.rule == "catalog"]
    assert problem.path == "locales/zh/LC_MESSAGES/messages.po"
    lines = text.splitlines()
    assert problem.line == lines.index('msgid "Admitted terms:"') + 1
    assert "'Admitted terms:' is untranslated" in problem.message
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "[catalog]" in result.stderr


def test_a_reader_following_an_old_url_lands_on_the_renamed_concept(site, browser):
    from conftest import serve

    with serve(site) as url:
        page = browser.new_page()
        page.goto(f"{url}/zh/terms/ai-safety-science/")
        page.wait_for_url(f"{url}/zh/terms/ai-safety/")
        assert page.locator("html").get_attribute("lang") == "zh"
        page.close()


def test_a_broken_catalog_is_reported_not_raised(tmp_path):
    project = copy_project(tmp_path / "project")
    catalog = project / "locales" / "zh" / "LC_MESSAGES" / "messages.po"
    catalog.write_bytes(catalog.read_bytes().replace("许用术语".encode(), b"\xff\xfe"))
    _, problems = validate(project / "glossary", project)
    (problem,) = [p for p in problems if p.rule == "catalog"]
    assert "not valid UTF-8" in problem.message
    catalog.write_text('msgid "a"\nmsgstr "b\n\nnot a keyword\n', encoding="utf-8")
    _, problems = validate(project / "glossary", project)
    (problem,) = [p for p in problems if p.rule == "catalog"]
    assert "cannot be read" in problem.message and problem.line > 0
