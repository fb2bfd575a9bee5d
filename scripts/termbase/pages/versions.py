"""Every published version of every entry as a page of its own (`terms/<id>/v<N>/`), written outside the site
engine.

The engine builds one page per language, the *shell*: a page like any other (header, navigation, search,
language switcher, styles), at the depth of a version page, whose title, description, heading and body are
placeholders. A version's page is that HTML with the placeholders replaced by the version's own title,
description, heading and body (term.md.j2 rendered as HTML) and the shell's address by the version's. So MkDocs
renders one page per language instead of one per version: through MkDocs, version pages had doubled the time of a
build (README, Performance).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from markupsafe import escape

from .. import publication
from ..history import PublishedVersion, SiteVersions
from ..i18n import LocaleText
from ..model import Concept, Glossary, RegistryEntry
from ..publication import SiteInfo
from .escaping import front_matter, one_line
from .term import page_title, render_term_page

SHELL = publication.version_name("_version-shell", 0)  # no entry can have this id: ids have no "_"
_TITLE, _DESCRIPTION, _HEADING, _BODY = "TBSHELLTITLE", "TBSHELLDESCRIPTION", "TBSHELLHEADING", "TBSHELLBODY"
_BODY_BLOCK = f"<p>{_BODY}</p>"  # how MkDocs writes the body placeholder's paragraph
_SHELL_ADDRESS = publication.page_url_path("version", SHELL)
_PLACEHOLDERS = re.compile("|".join(re.escape(p) for p in (_SHELL_ADDRESS, _TITLE, _DESCRIPTION, _HEADING)))


class ShellError(ValueError):
    """The site engine's shell page lacks a placeholder (a theme or engine change: a bug to fix here)."""


@dataclass(frozen=True)
class VersionPage:
    title: str  # text (line breaks are folded when it goes into the page's head)
    description: str  # text (likewise)
    heading: str  # text
    body: str  # HTML, contributor text already escaped


def shell_markdown() -> str:
    """The shell page's source: out of search and of search engines' results (noindex), loading the script that
    dates copied citations, like every version page."""
    head = front_matter(title=_TITLE, description=_DESCRIPTION, robots="noindex", search={"exclude": True},
                        citations=True)
    return f"{head}\n# {_HEADING} {{ #term }}\n\n{_BODY}\n"


class Shell:
    """The shell page's HTML as the site engine built it: checked once, then filled in for each version."""

    def __init__(self, html: str):
        before, found, after = html.partition(_BODY_BLOCK)
        rest = _PLACEHOLDERS.sub("", before + after)
        if not found or _BODY_BLOCK in after or _HEADING not in html or _TITLE not in html \
                or re.search(rf"tbshell|{re.escape(SHELL.split('/')[0])}", rest, re.IGNORECASE):
            raise ShellError("the version page shell built by the site engine lacks a placeholder, or names one in "
                             "a form pages/versions.py does not replace")
        self._before, self._after = before, after

    def fill(self, page: VersionPage, address: str) -> str:
        """The page of one version: `address` is its path (publication.page_url_path), which replaces the shell's
        own wherever the shell names it (canonical URL, language switcher, alternates). One pass, so that no
        value put in is searched for placeholders."""
        values = {_SHELL_ADDRESS: address, _TITLE: str(escape(one_line(page.title))),
                  _DESCRIPTION: str(escape(one_line(page.description))), _HEADING: str(escape(page.heading))}

        def fill(part: str) -> str:
            return _PLACEHOLDERS.sub(lambda match: values[match.group()], part)

        return fill(self._before) + page.body + fill(self._after)


def render_version_pages(glossary: Glossary, locales_dir: Path, site: SiteInfo,
                         versions: SiteVersions) -> dict[str, dict[str, VersionPage]]:
    """language code -> {the page's URL path under the language's root (`terms/x/v1/`): page}, for every version
    of every concept whose text is known (the current one too), and every version of a merged or withdrawn id."""
    pages: dict[str, dict[str, VersionPage]] = {}
    for language in glossary.languages:
        text = LocaleText(language, locales_dir)
        own = pages[language.code] = {}

        def add(concept: Concept, published: tuple[PublishedVersion, ...], gone: RegistryEntry | None = None):
            for version in published:
                if version.concept is None:
                    continue
                title = text.gettext("%(title)s (version %(version)s)") % {
                    "title": page_title(glossary, version.concept, language), "version": version.number}
                section = version.concept.sections[language.code]
                own[publication.page_url_path("version", publication.version_name(concept.id, version.number))] = \
                    VersionPage(title, section.definition, section.term,
                                render_term_page(glossary, concept, language, locales_dir, site, published, version, gone))

        for concept in glossary.concepts.values():
            add(concept, versions.of.get(concept.id)
                or (PublishedVersion(concept.version, concept.updated, {}, concept),))
        for old_id, published in versions.gone.items():
            add(published[-1].concept, published, glossary.registry[old_id])
    return pages


def write_version_pages(language_root: Path, pages: Mapping[str, VersionPage]) -> int:
    """Write one language's version pages into its built site (`language_root`: where its home page is), from the
    shell page the site engine built there, and remove the shell. Returns the number of pages written."""
    shell_dir = language_root / _SHELL_ADDRESS
    shell = Shell((shell_dir / "index.html").read_text(encoding="utf-8"))
    for address, page in pages.items():
        target = language_root / address / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(shell.fill(page, address), encoding="utf-8")
    (shell_dir / "index.html").unlink()
    for folder in (shell_dir, shell_dir.parent):  # terms/_version-shell/v0/ and terms/_version-shell/
        folder.rmdir()
    return len(pages)
