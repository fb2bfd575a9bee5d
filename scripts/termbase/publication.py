"""Every address and date of the published glossary, in one place.

Where the site lives and which language sits at its root; where each page, download and redirect is; the URL of a
concept; the build date of a site or an export; the repository's edit and issue links; and the rule for the public
address (SITE_URL) a build to publish must have. Pages, exports, the MkDocs adapter and the CLI ask this module and
never format a path themselves.

A page is named by its kind and, for concepts and browse views, a name: `("concept", "safety")`. Its *path* is the
language-neutral location under the site root without extension (`terms/safety`); its source file is what MkDocs
reads under docs/ (`terms/safety.zh.md`, mkdocs-static-i18n's suffix layout); its URL is a folder
(`/zh/terms/safety/`, MkDocs' directory URLs).
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import posixpath
import urllib.parse
from dataclasses import dataclass
from typing import Mapping

from .model import Concept, Glossary, Language

TERMS_DIR = "terms"
BROWSE_DIR = "browse"
DOWNLOADS_DIR = "downloads"
LOOKUP_INDEX = "search/lookup.json"  # a language's term lookup index, under its root (next to its full-text index)
CONCEPTS_SOURCE_DIR = "glossary/concepts"  # where an entry's YAML file sits in the repository

BROWSE_VIEWS = ("domains", "status", "jurisdictions", "equivalence")
CONCEPTIONS_ANCHOR = "conceptions"  # the fixed id of a term page's "Conceptions by jurisdiction" heading

_PAGES = {
    "home": lambda name: "index",
    "concept": lambda name: f"{TERMS_DIR}/{name}",
    "version": lambda name: f"{TERMS_DIR}/{name}",  # one published version of a concept: name is version_name()
    "index": lambda name: f"{TERMS_DIR}/index",  # the A–Z index (why `index` is a reserved concept id)
    "browse": lambda name: f"{BROWSE_DIR}/{name}",
    "changelog": lambda name: "changelog",
    "downloads": lambda name: DOWNLOADS_DIR,
    "contributing": lambda name: "contributing",
}


def in_nav(kind: str) -> bool:
    """Whether pages of this kind are listed in the site's navigation (mkdocs.yml `nav`). Term pages are not, and
    are reached by links: every term in the nav made a build about four times slower and each page twelve times
    larger (measured; see MAINTAINERS.md)."""
    return kind not in ("concept", "version")


def in_search(kind: str) -> bool:
    """Whether pages of this kind are in the site's search index. A superseded version would otherwise compete
    with the current text for every query on its terms."""
    return kind != "version"


def version_name(concept_id: str, version: int) -> str:
    """The page name of one published version of a concept: its page is `terms/<id>/v<N>` (`/terms/<id>/v<N>/`)."""
    return f"{concept_id}/v{version}"


def page(kind: str, name: str = "") -> str:
    """The language-neutral path of a page under the site root, without extension: `terms/safety`."""
    return _PAGES[kind](name)


def page_url_path(kind: str, name: str = "") -> str:
    """The URL of a page relative to its language's root: `terms/safety/`."""
    return _directory_url(page(kind, name))


def download(file_name: str) -> str:
    """Where a download lives under the site root (downloads are the same file for every language)."""
    return f"{DOWNLOADS_DIR}/{file_name}"


def concept_data(concept_id: str) -> str:
    """Where the concept alone, as JSON, is served: beside its page (`terms/safety.json`), one file for every language."""
    return f"{page('concept', concept_id)}.json"


# The public address. Every citation, stable URL and download carries SITE_URL: a build to publish must have the
# real one, and a local build says that its addresses are a preview's.
PREVIEW_URL = "http://127.0.0.1:8000/"  # what mkdocs.yml and `termbase export` use when SITE_URL is not set
PUBLISH_VARIABLE = "PUBLISH"  # PUBLISH=1 (the deploy workflow): a build that will be published
_RESERVED_DOMAINS = ("localhost", "example", "test", "invalid", "local")  # RFC 2606, RFC 6761, mDNS
_EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net")


def address_problem(url: str) -> str:
    """Why `url` cannot be the public address of the site ("" if it can)."""
    if not url.strip():
        return "it is empty, so every link in the downloads would be relative"
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "it is not an absolute http(s) URL"
    host = parts.hostname.lower()
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if host.rsplit(".", 1)[-1] in _RESERVED_DOMAINS or host.endswith(_EXAMPLE_DOMAINS) or "." not in host:
            return f"{host} is a local or reserved name, not a public address"
        return ""
    if not address.is_global:
        return f"{host} is a local or private address (a preview)"
    return ""


def preview_notice(url: str) -> str:
    """What a build or export says when its addresses are not the public ones ("" when they are)."""
    problem = address_problem(url)
    if not problem:
        return ""
    return (f"preview build: the site address {url!r} is not a public one ({problem}); every citation, stable URL "
            f"and download points at it. Set SITE_URL to the site's public root URL (e.g. "
            f"SITE_URL=https://<owner>.github.io/<repository>/) for a build to publish.")


def _directory_url(path: str) -> str:
    """The URL (relative to a language root) at which MkDocs serves the page at `path`: `terms/x/`; `index` is ``."""
    if path == "index":
        return ""
    return (path[: -len("index")] if path.endswith("/index") else f"{path}/")


def link(from_path: str, kind: str, name: str = "", anchor: str = "", built: bool = False) -> str:
    """A relative link from the page at `from_path` to a page (or, with kind "download", a file).

    By default a Markdown source link (`../terms/x.md`), which MkDocs resolves per language and checks in a strict
    build. `built=True` gives the served URL instead (`../../terms/x/`), for links inside raw HTML, which MkDocs
    leaves as written.
    """
    fragment = f"#{anchor}" if anchor else ""
    if kind == "download":
        target = download(name)
        if built:
            base = _directory_url(from_path) or "."
            return posixpath.relpath(target, base) + fragment
        return posixpath.relpath(target, posixpath.dirname(from_path) or ".") + fragment
    target = page(kind, name)
    if not built:
        return posixpath.relpath(f"{target}.md", posixpath.dirname(from_path) or ".") + fragment
    relative = posixpath.relpath(_directory_url(target) or ".", _directory_url(from_path) or ".")
    return ("./" if relative == "." else f"{relative}/") + fragment


def build_date(environ: Mapping[str, str] = os.environ) -> datetime.date:
    """The date a site or an export is built on, shown as the "cited on" date of ready-made citations.

    SOURCE_DATE_EPOCH (reproducible-builds.org) pins it, so that the same sources give the same output.
    """
    epoch = environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date()
    return datetime.date.today()


@dataclass(frozen=True)
class Repository:
    """The forge the glossary's sources live on (GitHub's URL grammar), for "edit" and "report a problem" links."""

    url: str
    branch: str = "main"
    issue_form: str = "entry-error.yml"  # .github/ISSUE_TEMPLATE/: the form that reports an error in an entry

    def file_url(self, path: str) -> str:
        return f"{self.url.rstrip('/')}/blob/{self.branch}/{path}"

    def edit_url(self, path: str) -> str:
        return f"{self.url.rstrip('/')}/edit/{self.branch}/{path}"

    def report_url(self, concept: Concept) -> str:
        """A new issue in the entry-error form, its fields filled in (GitHub prefills a form field from the query
        parameter named by the field's id)."""
        query = urllib.parse.urlencode({
            "template": self.issue_form,
            "title": f"[{concept.id}] ",
            "entry": concept.id,
            "version": f"version {concept.version}, {concept.updated.isoformat()}",
        })
        return f"{self.url.rstrip('/')}/issues/new?{query}"


def entry_source(concept_id: str) -> str:
    """The repository path of an entry's file."""
    return f"{CONCEPTS_SOURCE_DIR}/{concept_id}.yaml"


@dataclass(frozen=True)
class SiteInfo:
    """The published glossary's address scheme: base URL, root language, build date and repository."""

    base_url: str  # absolute URL of the site's root, e.g. https://example.org/glossary/ ("" if unknown)
    default_code: str  # the language served at the root; the others under /<code>/
    build_date: datetime.date  # "cited on" date of ready-made citations
    repository: Repository | None = None  # none: no edit or report links

    @classmethod
    def for_build(cls, glossary: Glossary, base_url: str, repo_url: str = "",
                  environ: Mapping[str, str] = os.environ) -> SiteInfo:
        """The site as the build and the CLI publish it: the source language at the root, dated by build_date()."""
        return cls(base_url or "", glossary.source_language.code, build_date(environ),
                   Repository(repo_url.rstrip("/")) if repo_url else None)

    def prefix(self, code: str) -> str:
        """The folder of a language's pages under the site root: none for the default language, "zh/" for zh."""
        return "" if code == self.default_code else f"{code}/"

    def url(self, language: Language, path: str = "") -> str:
        """Absolute URL of `path` (a URL relative to a language root, e.g. "terms/safety/") in `language`."""
        return f"{self.base_url.rstrip('/')}/{self.prefix(language.code)}{path}"

    def page_url(self, language: Language, kind: str, name: str = "") -> str:
        return self.url(language, _directory_url(page(kind, name)))

    def concept_url(self, concept_id: str, language: Language) -> str:
        """The stable URL of a concept's page in a language."""
        return self.page_url(language, "concept", concept_id)

    def concept_urls(self, glossary: Glossary, concept_id: str) -> dict[str, str]:
        """The stable URL of the concept's page in each language."""
        return {lang.code: self.concept_url(concept_id, lang) for lang in glossary.languages}

    def version_url(self, concept_id: str, version: int, language: Language) -> str:
        """The permanent URL of one published version of a concept, in a language: what a citation of it names."""
        return self.page_url(language, "version", version_name(concept_id, version))

    def version_urls(self, glossary: Glossary, concept: Concept) -> dict[str, str]:
        """The permanent URL of the concept's current version in each language."""
        return {lang.code: self.version_url(concept.id, concept.version, lang) for lang in glossary.languages}

    def concept_data_url(self, concept_id: str) -> str:
        """The concept alone as JSON (the same file for every language)."""
        return f"{self.base_url.rstrip('/')}/{concept_data(concept_id)}"

    @property
    def is_preview(self) -> bool:
        """Whether the base URL is not a public address (a local build)."""
        return bool(address_problem(self.base_url))

    def scheme_url(self, glossary: Glossary) -> str:
        """The glossary as a whole (the A–Z index in the source language): the SKOS scheme, the DefinedTermSet."""
        return self.page_url(glossary.source_language, "index")

    def source_file(self, language: Language, kind: str, name: str = "") -> str:
        """The file MkDocs reads for a generated page, in mkdocs-static-i18n's suffix layout (`terms/x.zh.md`)."""
        suffix = "" if language.code == self.default_code else f".{language.code}"
        return f"{page(kind, name)}{suffix}.md"

    @staticmethod
    def redirect_file(old_id: str, version: int = 0) -> str:
        """Where the redirect page of a renamed or merged id (or of one of its versions) is written, under its
        language's root."""
        kind, name = ("version", version_name(old_id, version)) if version else ("concept", old_id)
        return f"{_directory_url(page(kind, name))}index.html"

    @staticmethod
    def redirect_target(old_id: str, new_id: str, version: int = 0, to_version: bool = True) -> str:
        """The redirect's target, relative (so that it works wherever the site is served, also without a base
        URL); the page's canonical link is the absolute concept_url. An old version's address leads to the same
        version under the new id (`to_version`), or else to the concept's page (a merged id's versions)."""
        start = page("version", version_name(old_id, version)) if version else page("concept", old_id)
        if version and to_version:
            return link(start, "version", version_name(new_id, version), built=True)
        return link(start, "concept", new_id, built=True)
