"""What the site needs from the glossary, computed once per change of the sources.

MkDocs calls its hooks once per language build (mkdocs-static-i18n builds each language in turn), and
`mkdocs serve` rebuilds on every edit: the result is cached and keyed by the modification times of every
file it depends on, so unchanged sources are never parsed twice.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import characters
from .exports import FORMATS
from .problems import ERROR, Problem
from .render import (
    TEMPLATES,
    SiteInfo,
    page_path,
    render_downloads_page,
    render_redirects,
    render_site_pages,
    site_version_of_repository_page,
)
from .validate import validate


DOWNLOADS_DIR = "downloads"


@dataclass(frozen=True)
class SiteContent:
    pages: dict[str, str]  # generated page source path -> Markdown
    downloads: dict[str, str]  # downloads/<file> -> export content
    redirects: dict[str, dict[str, str]]  # language code -> {path under its site root -> redirect page HTML}
    problems: list[Problem]
    language_codes: tuple[str, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def _fingerprint(*places: Path) -> tuple:
    """Name, type, time and size of every file in these folders (or of these files). Links are not followed (the
    loader reports them), so a link loop or a link out of the repository costs nothing here."""
    stamps = []
    for place in places:
        paths = [place] if not place.is_dir() or place.is_symlink() else sorted(
            Path(folder) / name for folder, folders, files in os.walk(place) for name in folders + files)
        for path in paths:
            try:
                stat = path.lstat()
            except OSError:
                continue
            stamps.append((str(path), stat.st_mode, stat.st_mtime_ns, stat.st_size))
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
        downloads: dict[str, str] = {}
        codes: tuple[str, ...] = ()
        if glossary is not None:
            codes = glossary.language_codes
            if not any(p.is_error for p in problems) and site.default_code in codes:
                try:
                    pages, redirects, downloads = _generate(glossary, project_root, locales_dir, site)
                except Exception as err:  # noqa: BLE001 - a bug must stop the build with a message, not a traceback
                    problems = [*problems, Problem("glossary", 0, 0, ERROR, "build", "",
                                                   f"the site could not be generated: {type(err).__name__}: {err}",
                                                   "this is a bug in scripts/termbase: please report it with the "
                                                   "change that caused it")]
                    pages, redirects, downloads = {}, {}, {}
                problems = [*problems, *_unsafe_downloads(downloads)]
        _cache[key] = SiteContent(pages, downloads, redirects, problems, codes)
    return _cache[key]


def _generate(glossary, project_root: Path, locales_dir: Path, site: SiteInfo):
    pages = render_site_pages(glossary, locales_dir, site)
    redirects = render_redirects(glossary, locales_dir, site)
    downloads = {f"{DOWNLOADS_DIR}/{f.file_name}": f.render(glossary, site) for f in FORMATS.values()}
    for language in glossary.languages:
        path = page_path(DOWNLOADS_DIR, language, site, folder="")
        pages[path] = render_downloads_page(glossary, language, locales_dir, downloads)
        # CONTRIBUTING.md (and CONTRIBUTING.<code>.md) shown on the site as well
        suffix = "" if language == glossary.source_language else f".{language.code}"
        guide = project_root / f"CONTRIBUTING{suffix}.md"
        if guide.is_file():
            text = site_version_of_repository_page(guide.read_text(encoding="utf-8"), site.repo_url)
            pages[page_path("contributing", language, site, folder="")] = text
    return pages, redirects, downloads


def _unsafe_downloads(downloads: dict[str, str]) -> list[Problem]:
    """The exports carry no character the validator forbids (a last check: the loader refuses them already)."""
    found = []
    for name, content in downloads.items():
        if bad := characters.FORBIDDEN_IN_FILE.search(content):
            found.append(Problem(name, 0, 0, ERROR, "forbidden-character", "",
                                 f"the export would carry {characters.describe(bad.group())}",
                                 "this is a bug in scripts/termbase: please report it"))
    return found
