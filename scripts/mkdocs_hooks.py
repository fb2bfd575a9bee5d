"""MkDocs hooks: a thin adapter between MkDocs and termbase. No glossary logic and no decision lives here: what
the pages are, where they go, whether they are in the nav and the build date all come from termbase.

- on_config: validate the glossary; any error aborts the build with the validator's own messages, so a broken
  entry never yields a half-built site. Also checks that mkdocs.yml builds exactly the glossary's languages,
  hands the search plugin the glossary's Chinese terms as a jieba user dictionary, and tells the theme where the
  term lookup index is.
- on_files: declare one placeholder file per generated page and download (before mkdocs-static-i18n sorts files
  by language).
- on_nav: fill the placeholders with the rendered Markdown and exports, once i18n has rebuilt its file list.
- on_post_build: once every language is built, write the redirect pages of renamed and merged ids (plain HTML,
  outside search and sitemap), each language's term lookup index and the pages of the entries' published versions
  (into the shell page MkDocs built: termbase/pages/versions.py), and split the merged search index into one
  index per language.
See MAINTAINERS.md for why generation works this way with mkdocs-static-i18n.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

sys.path.insert(0, str(Path(__file__).resolve().parent))

from termbase.publication import LOOKUP_INDEX, PUBLISH_VARIABLE, address_problem, preview_notice  # noqa: E402
from termbase.pages.versions import ShellError, write_version_pages  # noqa: E402
from termbase.site import SiteContent, site_content  # noqa: E402

log = logging.getLogger("mkdocs.hooks.glossary")
_preview_said: set[str] = set()  # preview addresses already reported by this process


def _i18n_languages(config) -> tuple[tuple[str, ...], str]:
    """The languages mkdocs.yml builds, and the one it puts at the site root."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("mkdocs.yml: the i18n plugin (mkdocs-static-i18n) is not configured")
    languages = plugin.config.languages
    default = next((lang.locale for lang in languages if lang.default), languages[0].locale)
    return tuple(lang.locale for lang in languages), default


def _content(config) -> SiteContent:
    return site_content(Path(config.config_file_path).resolve().parent, config.site_url or "", config.repo_url or "")


@event_priority(100)  # before i18n's on_config, so a broken glossary stops the build before any output
def on_config(config):
    content = _content(config)
    # Errors stop the build. Warnings (an outdated translation) do not: the page shows them to readers, and
    # `make validate` (strict in CI) is where they fail.
    for problem in content.problems:
        (log.error if problem.is_error else log.info)(problem.format())
    if content.errors:
        raise PluginError(
            f"the glossary has {len(content.errors)} error(s), listed above; "
            "run `make validate` to see them and fix them before building"
        )
    # Addresses: a build to publish (PUBLISH=1, the deploy workflow) needs the real SITE_URL; a local one says
    # that its citations and downloads point at a preview address.
    if problem := address_problem(config.site_url or ""):
        if os.environ.get(PUBLISH_VARIABLE) == "1":
            raise PluginError(f"SITE_URL {config.site_url!r} cannot be published: {problem}. Set SITE_URL to the "
                              "site's public root URL (the deploy workflow takes it from GitHub Pages).")
        if config.site_url not in _preview_said:  # once, not once per language build
            _preview_said.add(config.site_url)
            log.info(preview_notice(config.site_url or ""))
    # Earlier versions come from git history: a site published without them would break every citation of one.
    if content.history_notice:
        if os.environ.get(PUBLISH_VARIABLE) == "1":
            raise PluginError(f"earlier versions of the entries cannot be published: {content.history_notice}")
        log.info(f"earlier versions: {content.history_notice}")
    locales, default = _i18n_languages(config)
    if sorted(locales) != sorted(content.language_codes):
        raise PluginError(
            f"mkdocs.yml builds the languages {', '.join(locales)} but glossary/glossary.yaml declares "
            f"{', '.join(content.language_codes)}: list the same languages under plugins.i18n.languages"
        )
    if content.site and default != content.site.default_code:
        raise PluginError(
            f"mkdocs.yml puts '{default}' at the site root, but the glossary's source language (the first in "
            f"glossary/glossary.yaml) is '{content.site.default_code}': mark that one `default: true` under "
            "plugins.i18n.languages"
        )
    _configure_search(config, content)
    return config


def _configure_search(config, content: SiteContent) -> None:
    """theme/main.html loads the term lookup from LOOKUP_INDEX; Material's search plugin (whose on_config runs
    after this one) loads the user dictionary from a file, named by its content so that builds never share one
    that differs."""
    config.extra["term_lookup"] = LOOKUP_INDEX
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or not content.jieba_dictionary:
        return
    digest = hashlib.sha256(content.jieba_dictionary.encode("utf-8")).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"glossary-jieba-user-dictionary-{digest}.txt"
    if not path.is_file():
        path.write_text(content.jieba_dictionary, encoding="utf-8")
    search.config.jieba_dict_user = str(path)


@event_priority(50)  # before mkdocs-static-i18n (-100), which rebuilds the file list by language
def on_files(files, config):
    content = _content(config)
    in_nav = {path: page.in_nav for path, page in content.pages.items()}
    for src_uri in [*content.pages, *content.downloads]:
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(
                f"docs/{src_uri} exists, but that page is generated from glossary/ at build time: delete it"
            )
        files.append(
            File(
                src_uri,
                config.docs_dir,
                config.site_dir,
                config.use_directory_urls,
                inclusion=InclusionLevel.INCLUDED if in_nav.get(src_uri) else InclusionLevel.NOT_IN_NAV,
            )
        )
    return files


def on_nav(nav, config, files):
    content = _content(config)
    generated = {**{path: page.markdown for path, page in content.pages.items()}, **content.downloads}
    for file in files:
        if file.src_uri in generated:
            value = generated[file.src_uri]
            if isinstance(value, bytes):  # the XLSX download
                file.content_bytes = value
            else:
                file.content_string = value
    return nav


@event_priority(-200)  # after mkdocs-static-i18n (-100), which builds the other languages and merges the search index
def on_post_build(config):
    i18n = config.plugins["i18n"]
    if i18n.building:
        return  # a nested build of one language: the top-level build finishes the site once all are built
    site = Path(config.site_dir)
    content = _content(config)
    info = content.site
    for language in content.language_codes:
        files = {**content.redirects.get(language, {}), LOOKUP_INDEX: content.lookup.get(language)}
        for path, text in files.items():
            if text is not None:
                target = site / info.prefix(language) / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        try:
            write_version_pages(site / info.prefix(language), content.version_pages.get(language, {}))
        except (OSError, ShellError) as err:
            raise PluginError(f"the pages of the entries' versions could not be written: {err}") from err
    _split_search_index(site, [info.prefix(code) for code in content.language_codes])


def _split_search_index(site: Path, prefixes: list[str]) -> None:
    """One search index per language, under the language's root, so that a reader searches the pages of their
    own language (mkdocs-static-i18n merges them into one: #271); theme/main.html points each page's search
    there. Written as plain UTF-8 rather than \\u-escaped: well under half the download for Chinese."""
    path = site / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    scoped: dict[str, list] = {"": []}
    for doc in index["docs"]:
        prefix = next((p for p in prefixes if p and doc["location"].startswith(p)), "")
        scoped.setdefault(prefix, []).append({**doc, "location": doc["location"][len(prefix):]})
    for prefix, docs in scoped.items():
        target = site / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({**index, "docs": docs}, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
