"""The model rendered as site pages (Markdown with HTML blocks), one language at a time.

Plain functions of the model and of the publication's address scheme (publication.SiteInfo). No MkDocs import,
though the pages are written for it: Markdown source links between pages, Material's front matter
(`search`, `tags`) and attr_list attributes. One module per kind of page, each a context builder for its template.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from .. import publication
from ..history import PublishedVersion
from ..model import Fate, Glossary
from ..publication import SiteInfo
from .browse import render_browse_pages
from .changelog import render_changelog
from .index import render_terms_index
from .registry import render_redirect, render_tombstone
from .term import render_term_page
from .versions import SHELL, VersionPage, render_version_pages, shell_markdown

__all__ = ["GeneratedPage", "VersionPage", "render_site_pages", "render_redirects", "render_term_page",
           "render_terms_index", "render_version_pages"]


@dataclass(frozen=True)
class GeneratedPage:
    markdown: str
    in_nav: bool  # listed in the site's navigation (publication.in_nav), else reached by links only


Versions = Mapping[str, tuple[PublishedVersion, ...]]  # concept id -> its published versions, oldest first


def render_site_pages(glossary: Glossary, locales_dir: Path, site: SiteInfo,
                      versions: Versions | None = None, gone: Versions | None = None) -> dict[str, GeneratedPage]:
    """Every generated page but Downloads: source file (as MkDocs sees it under docs/) -> page. `versions`
    (history.published_versions) gives the History section of each concept's page its links. The pages of the
    versions themselves are written outside MkDocs (versions.py) into the shell page included here. `gone`
    (history.SiteVersions.gone): the versions of withdrawn ids, which their tombstones list."""
    pages: dict[str, GeneratedPage] = {}
    versions = versions or {}

    def add(language, kind: str, name: str, markdown: str) -> None:
        pages[site.source_file(language, kind, name)] = GeneratedPage(markdown, publication.in_nav(kind))

    for language in glossary.languages:
        for concept in glossary.concepts.values():
            add(language, "concept", concept.id,
                render_term_page(glossary, concept, language, locales_dir, site, versions.get(concept.id, ())))
        add(language, "version", SHELL, shell_markdown())  # the version pages' shell (versions.py)
        for entry in glossary.registry.values():
            if Fate(entry.fate).leaves_tombstone:
                add(language, "concept", entry.id, render_tombstone(entry, language, locales_dir,
                                                                    (gone or {}).get(entry.id, ())))
        add(language, "index", "", render_terms_index(glossary, language, locales_dir))
        for path, markdown in render_browse_pages(glossary, language, locales_dir, site).items():
            pages[path] = GeneratedPage(markdown, publication.in_nav("browse"))
        add(language, "changelog", "", render_changelog(glossary, language, locales_dir))
    return pages


def render_redirects(glossary: Glossary, locales_dir: Path, site: SiteInfo,
                     old_versions: Mapping[str, tuple[int, ...]] | None = None,
                     with_pages: frozenset[tuple[str, int]] = frozenset()) -> dict[str, dict[str, str]]:
    """Redirect pages for renamed and merged ids: language code -> {path under that language's site root: HTML}.

    `old_versions` (an id no longer active -> the versions published under it, from git history) adds one for
    each of its versioned addresses that has no page of its own (`with_pages`: (id, version) of every version
    page): a renamed id's version N leads to version N under the id it was renamed to, a merged id's to the
    concept it was merged into; a withdrawn id's to its tombstone."""
    redirects: dict[str, dict[str, str]] = {}
    for language in glossary.languages:
        pages = redirects[language.code] = {}
        for entry in glossary.registry.values():
            if Fate(entry.fate).redirects and glossary.current_id(entry.id):
                pages[site.redirect_file(entry.id)] = render_redirect(glossary, entry, language, locales_dir, site)
            if Fate(entry.fate).is_active:
                continue
            for number in (old_versions or {}).get(entry.id, ()):
                if (entry.id, number) not in with_pages:
                    pages[site.redirect_file(entry.id, number)] = render_redirect(
                        glossary, entry, language, locales_dir, site, number, with_pages)
    return redirects
