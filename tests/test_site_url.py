"""Addresses: a build to publish refuses a SITE_URL that is not the site's public address; a local build, and an
export without one, say that their citations and downloads point at a preview address."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from factory import ROOT, termbase
from termbase.loader import load_glossary
from termbase.publication import PREVIEW_URL, SiteInfo, address_problem
from termbase.site import publish


@pytest.mark.parametrize("url, problem", [
    ("https://glossary.github.io/ai-safety/", ""),
    ("https://203.0.113.9/", "local or private address"),  # TEST-NET-3 is not global
    ("https://8.8.8.8/glossary/", ""),
    (PREVIEW_URL, "local or private address"),
    ("http://localhost:8000/", "local or reserved name"),
    ("http://[::1]:8000/", "local or private address"),
    ("https://glossary.example/", "local or reserved name"),
    ("https://www.example.org/", "local or reserved name"),
    ("http://intranet/", "local or reserved name"),
    ("", "it is empty"),
    ("/", "not an absolute http(s) URL"),
    ("ftp://files.gnu.org/", "not an absolute http(s) URL"),
])
def test_which_addresses_can_be_published(url, problem):
    found = address_problem(url)
    assert (problem in found and bool(found)) if problem else found == ""


def _build(tmp_path, **environ):
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "PUBLISH")}
    env.update(NO_MKDOCS_2_WARNING="1", **environ)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                          cwd=ROOT, env=env, capture_output=True, text=True)


def test_a_build_to_publish_fails_without_a_real_site_url(tmp_path):
    result = _build(tmp_path, PUBLISH="1")
    assert result.returncode != 0
    assert "SITE_URL 'http://127.0.0.1:8000/' cannot be published" in result.stderr
    assert not (tmp_path / "site" / "downloads").exists()  # nothing half-built
    result = _build(tmp_path, PUBLISH="1", SITE_URL="http://localhost:8000/")
    assert result.returncode != 0 and "localhost is a local or reserved name" in result.stderr


def test_a_local_build_says_it_is_a_preview_and_a_public_one_does_not():
    glossary = load_glossary(ROOT / "glossary").glossary
    for base_url, preview in ((PREVIEW_URL, True), ("https://glossary.github.io/ai-safety/", False)):
        site = SiteInfo.for_build(glossary, base_url)
        pages = publish(glossary, ROOT / "locales", site).pages
        for language in glossary.languages:
            page = pages[site.source_file(language, "downloads")].markdown
            assert ('!!! warning' in page and base_url.replace(".", "\\.") in page) is preview, (base_url, language.code)


def test_the_build_log_says_once_that_it_is_a_preview(built_site):
    from conftest import BUILD_LOG

    if address_problem(os.environ.get("SITE_URL", PREVIEW_URL)) == "":
        pytest.skip("SITE_URL is set to a public address here: the test site is not a preview build")
    log = (built_site.parent / BUILD_LOG).read_text(encoding="utf-8")
    assert log.count("preview build: the site address") == 1
    assert "Set SITE_URL to the site's public root URL" in log


def test_export_refuses_an_empty_base_url_and_warns_about_a_preview_one(tmp_path):
    result = termbase("export", "tbx", "-o", str(tmp_path / "g.tbx"), "--base-url", "")
    assert result.returncode == 2 and "--base-url is empty" in result.stderr
    assert not (tmp_path / "g.tbx").exists()
    result = termbase("export", "tbx", "-o", str(tmp_path / "g.tbx"), "--base-url", PREVIEW_URL)
    assert result.returncode == 0 and "warning: preview build" in result.stderr
    result = termbase("export", "tbx", "-o", str(tmp_path / "g.tbx"), "--base-url", "https://glossary.github.io/x/")
    assert result.returncode == 0 and "warning" not in result.stderr
