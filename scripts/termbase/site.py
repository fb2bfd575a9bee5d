"""Everything the site publishes, computed from the glossary: `publish` is a plain function of the model.

`site_content` adds what a site engine needs around it: it validates first (no page at all when there is an
error), and caches the result keyed by the modification times of every file it depends on, because MkDocs calls
its hooks once per language build (mkdocs-static-i18n builds each language in turn) and `mkdocs serve` rebuilds
on every edit.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from . import TEMPLATES, characters, history, publication
from .exports.formats import FORMATS, Content, all_files
from .exports.json_export import render_concept
from .lookup import jieba_user_dictionary, lookup_index
from .model import Glossary
from .pages import GeneratedPage, VersionPage, render_redirects, render_site_pages, render_version_pages
from .pages.downloads import render_downloads_page
from .problems import ERROR, WARNING, Problem
from .publication import SiteInfo
from .repository_page import site_version_of_repository_page
from .validate import validate


@dataclass(frozen=True)
class SiteContent:
    pages: dict[str, GeneratedPage]  # generated page source path -> page
    downloads: dict[str, Content]  # files served as they are: downloads/<file>, and terms/<id>.json beside each page
    redirects: dict[str, dict[str, str]]  # language code -> {path under its site root -> redirect page HTML}
    problems: list[Problem]
    language_codes: tuple[str, ...]
    site: SiteInfo | None = None  # none when the glossary could not be loaded
    lookup: dict[str, str] = field(default_factory=dict)  # language code -> its term lookup index (JSON)
    jieba_dictionary: str = ""  # the words full-text search keeps whole (a jieba user dictionary)
    history_notice: str = ""  # why earlier versions are missing from the site ("" when git history was read whole)
    # language code -> {path under its site root -> a published version's page}: each is put into the shell page
    # (pages/versions.py) once the site engine has built it
    version_pages: dict[str, dict[str, VersionPage]] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def _guides(project_root: Path, glossary: Glossary, site: SiteInfo) -> dict[str, GeneratedPage]:
    """CONTRIBUTING.md (and CONTRIBUTING.<code>.md for the other languages) shown on the site as well."""
    pages = {}
    for language in glossary.languages:
        suffix = "" if language == glossary.source_language else f".{language.code}"
        guide = project_root / f"CONTRIBUTING{suffix}.md"
        if guide.is_file():
            text = site_version_of_repository_page(guide.read_text(encoding="utf-8"), site.repository)
            pages[site.source_file(language, "contributing")] = GeneratedPage(text, publication.in_nav("contributing"))
    return pages


@dataclass(frozen=True)
class Published:
    """What `publish` gives the site engine (see SiteContent for each part)."""

    pages: dict[str, GeneratedPage]
    downloads: dict[str, Content]
    redirects: dict[str, dict[str, str]]
    version_pages: dict[str, dict[str, VersionPage]]


def publish(glossary: Glossary, locales_dir: Path, site: SiteInfo,
            versions: history.SiteVersions | None = None) -> Published:
    """Pages, downloads (with each concept's JSON), redirects and version pages of a valid glossary; `versions`
    (from the git history: history.published_versions) gives every earlier published version its page."""
    versions = versions or history.published_versions(glossary, None)
    pages = render_site_pages(glossary, locales_dir, site, versions.of, versions.gone)
    redirects = render_redirects(glossary, locales_dir, site, versions.retired, versions.with_pages)
    contents = all_files(glossary, site)
    preview_url = site.base_url if site.is_preview else ""
    for language in glossary.languages:
        markdown = render_downloads_page(glossary, language, locales_dir, FORMATS.values(), contents, preview_url)
        pages[site.source_file(language, "downloads")] = GeneratedPage(markdown, publication.in_nav("downloads"))
    downloads: dict[str, Content] = {publication.download(name): content for name, content in contents.items()}
    downloads.update({publication.concept_data(c.id): render_concept(glossary, c, site) for c in glossary.concepts.values()})
    return Published(pages, downloads, redirects, render_version_pages(glossary, locales_dir, site, versions))


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


def site_content(project_root: Path, base_url: str, repo_url: str = "",
                 environ: Mapping[str, str] = os.environ) -> SiteContent:
    """Validate the glossary and publish it; no pages at all when there is any error."""
    glossary_dir = project_root / "glossary"
    locales_dir = project_root / "locales"
    guides = tuple(sorted(project_root.glob("CONTRIBUTING*.md")))
    key = (str(project_root), base_url, repo_url, publication.build_date(environ), history.head_commit(project_root),
           _fingerprint(glossary_dir, locales_dir, TEMPLATES), _fingerprint(*guides))
    if key not in _cache:
        _cache.clear()
        result, problems = validate(glossary_dir, project_root)
        glossary = result.glossary
        if glossary is None:
            _cache[key] = SiteContent({}, {}, {}, problems, ())
        else:
            site = SiteInfo.for_build(glossary, base_url, repo_url, environ)
            published, lookup, words, notice = Published({}, {}, {}, {}), {}, "", ""
            if not any(p.is_error for p in problems):
                try:
                    past = history.read_history(project_root)
                    notice = past.notice
                    versions = history.published_versions(glossary, past)
                    problems = [*problems, *(Problem(publication.entry_source(concept_id), 0, 0, WARNING, "history",
                                                     "version", f"version {number} in git history cannot be read as an "
                                                     "entry of today's glossary, so it has no page")
                                             for concept_id, number in versions.unreadable)]
                    published = publish(glossary, locales_dir, site, versions)
                    published.pages.update(_guides(project_root, glossary, site))
                    lookup = {lang.code: lookup_index(glossary, lang, locales_dir) for lang in glossary.languages}
                    words = jieba_user_dictionary(glossary)
                except Exception as err:  # noqa: BLE001 - a bug must stop the build with a message, not a traceback
                    problems = [*problems, Problem("glossary", 0, 0, ERROR, "build", "",
                                                   f"the site could not be generated: {type(err).__name__}: {err}",
                                                   "this is a bug in scripts/termbase: please report it with the "
                                                   "change that caused it")]
                    published, lookup, words = Published({}, {}, {}, {}), {}, ""
                problems = [*problems, *_unsafe_downloads(published.downloads)]
            _cache[key] = SiteContent(published.pages, published.downloads, published.redirects, problems,
                                      glossary.language_codes, site, lookup, words, notice, published.version_pages)
    return _cache[key]


def _unsafe_downloads(downloads: dict[str, Content]) -> list[Problem]:
    """The text exports carry no character the validator forbids (a last check: the loader refuses them already)."""
    found = []
    for name, content in downloads.items():
        # a byte-order mark may open a file made for spreadsheets (the CSV for Excel), nowhere else
        if isinstance(content, str) and (bad := characters.FORBIDDEN_IN_FILE.search(content, int(content[:1] == "\ufeff"))):
            found.append(Problem(name, 0, 0, ERROR, "forbidden-character", "",
                                 f"the export would carry {characters.describe(bad.group())}",
                                 "this is a bug in scripts/termbase: please report it"))
    return found
