"""The model rendered as site pages (Markdown with HTML blocks), one language at a time.

Plain functions of the model and of the publication's address scheme (publication.SiteInfo). No MkDocs import,
though the pages are written for it: Markdown source links between pages, Material's front matter
(`search`, `tags`) and attr_list attributes. One module per kind of page, each a context builder for its template.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import publication
from ..model import Fate, Glossary
from ..publication import SiteInfo
from .browse import render_browse_pages
from .changelog import render_changelog
from .index import render_terms_index
from .registry import render_redirect, render_tombstone
from .term import render_term_page

__all__ = ["GeneratedPage", "render_site_pages", "render_redirects", "render_term_page", "render_terms_index"]


@dataclass(frozen=True)
class GeneratedPage:
    markdown: str
    in_nav: bool  # listed in the site's navigation (publication.in_nav), else reached by links only


def render_site_pages(glossary: Glossary, locales_dir: Path, site: SiteInfo) -> dict[str, GeneratedPage]:
    """Every generated page but Downloads: source file (as MkDocs sees it under docs/) -> page."""
    pages: dict[str, GeneratedPage] = {}

    def add(language, kind: str, name: str, markdown: str) -> None:
        pages[site.source_file(language, kind, name)] = GeneratedPage(markdown, publication.in_nav(kind))

    for language in glossary.languages:
        for concept in glossary.concepts.values():
            add(language, "concept", concept.id, render_term_page(glossary, concept, language, locales_dir, site))
        for entry in glossary.registry.values():
            if Fate(entry.fate).leaves_tombstone:
                add(language, "concept", entry.id, render_tombstone(entry, language, locales_dir))
        add(language, "index", "", render_terms_index(glossary, language, locales_dir))
        for path, markdown in render_browse_pages(glossary, language, locales_dir, site).items():
            pages[path] = GeneratedPage(markdown, publication.in_nav("browse"))
        add(language, "changelog", "", render_changelog(glossary, language, locales_dir))
    return pages


def render_redirects(glossary: Glossary, locales_dir: Path, site: SiteInfo) -> dict[str, dict[str, str]]:
    """Redirect pages for renamed and merged ids: language code -> {path under that language's site root: HTML}."""
    return {
        language.code: {
            site.redirect_file(entry.id): render_redirect(glossary, entry, language, locales_dir, site)
            for entry in glossary.registry.values()
            if Fate(entry.fate).redirects and glossary.current_id(entry.id)
        }
        for language in glossary.languages
    }
