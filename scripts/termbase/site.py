"""What the site needs from the glossary, computed once per change of the sources.

MkDocs calls its hooks once per language build (mkdocs-static-i18n builds each language in turn), and
`mkdocs serve` rebuilds on every edit: the result is cached and keyed by the modification times of every
file it depends on, so unchanged sources are never parsed twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .exports import Content, all_files
from .exports.json_export import render_concept
from .problems import Problem
from .render import (
    TEMPLATES,
    concept_data_file,
    SiteInfo,
    page_path,
    render_downloads_page,
    render_redirects,
    render_site_pages,
    site_version_of_repository_page,
)
from .site_url import address_problem
from .validate import validate


DOWNLOADS_DIR = "downloads"


@dataclass(frozen=True)
class SiteContent:
    pages: dict[str, str]  # generated page source path -> Markdown
    downloads: dict[str, Content]  # downloads/<file> -> export content
    concept_files: dict[str, str]  # terms/<id>.json -> the concept alone, beside its page
    redirects: dict[str, dict[str, str]]  # language code -> {path under its site root -> redirect page HTML}
    problems: list[Problem]
    language_codes: tuple[str, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def _fingerprint(*places: Path) -> tuple:
    """Name, time and size of every file in these folders (or of these files)."""
    stamps = []
    for place in places:
        for path in [place] if place.is_file() else sorted(place.rglob("*")):
            if path.is_file():
                stat = path.stat()
                stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


_cache: dict[tuple, SiteContent] = {}


def site_content(project_root: Path, site: SiteInfo) -> SiteContent:
    """Validate the glossary and render its pages; no pages at all when there is any error."""
    glossary_dir = project_root / "glossary"
    locales_dir = project_root / "locales"
    guides = tuple(sorted(project_root.glob("CONTRIBUTING*.md")))
    key = (str(project_root), site, _fingerprint(glossary_dir, locales_dir, TEMPLATES), _fingerprint(*guides))
    if key not in _cache:
        _cache.clear()
        result, problems = validate(glossary_dir, project_root)
        glossary = result.glossary
        pages: dict[str, str] = {}
        redirects: dict[str, dict[str, str]] = {}
        downloads: dict[str, Content] = {}
        concept_files: dict[str, str] = {}
        codes: tuple[str, ...] = ()
        if glossary is not None:
            codes = glossary.language_codes
            if not any(p.is_error for p in problems):
                if site.default_code in codes:
                    pages = render_site_pages(glossary, locales_dir, site)
                    redirects = render_redirects(glossary, locales_dir, site)
                    downloads = {f"{DOWNLOADS_DIR}/{name}": content for name, content in all_files(glossary, site).items()}
                    concept_files = {concept_data_file(c.id): render_concept(glossary, c, site)
                                     for c in glossary.concepts.values()}
                    for language in glossary.languages:
                        path = page_path(DOWNLOADS_DIR, language, site, folder="")
                        pages[path] = render_downloads_page(glossary, language, locales_dir, downloads,
                                                            preview_url=site.base_url if address_problem(site.base_url) else "")
                        # CONTRIBUTING.md (and CONTRIBUTING.<code>.md) shown on the site as well
                        suffix = "" if language == glossary.source_language else f".{language.code}"
                        guide = project_root / f"CONTRIBUTING{suffix}.md"
                        if guide.is_file():
                            text = site_version_of_repository_page(guide.read_text(encoding="utf-8"), site.repo_url)
                            pages[page_path("contributing", language, site, folder="")] = text
        _cache[key] = SiteContent(pages, downloads, concept_files, redirects, problems, codes)
    return _cache[key]
