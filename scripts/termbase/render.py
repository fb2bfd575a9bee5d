"""The model rendered as site pages (Markdown with HTML blocks), one language at a time.

Plain functions of the model: no MkDocs here, so pages can be tested alone and the generator could serve
another site engine. Contributor text is untrusted: it only ever reaches a page escaped, either as HTML
text (autoescaped by Jinja) or as Markdown text (`md` filter, which also neutralises Markdown syntax).
"""

from __future__ import annotations

import datetime
import json
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import jinja2
from pymdownx.slugs import slugify as _slugify
from markupsafe import Markup, escape

from . import citation, labels
from .collation import index_letter, pinyin, sort_key
from .i18n import N_, LocaleText
from .l10n import OUTDATED, UP_TO_DATE, translation_state
from .model import EQUIVALENCES, STATUSES, Change, Citation, Concept, Glossary, Language, RegistryEntry, Source

TEMPLATES = Path(__file__).parent / "templates"
TERMS_DIR = "terms"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def md(text: str) -> Markup:
    """Text made safe for a Markdown context: HTML-escaped, and Markdown punctuation backslash-escaped."""
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(text))))


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    env.filters["md"] = md
    env.filters["json"] = lambda value: Markup(json.dumps(value, ensure_ascii=False))
    return env


_ENV = _environment()
# The same anchors as the headings MkDocs renders (mkdocs.yml: toc slugify with case: lower).
_SLUGIFY = _slugify(case="lower")


def slugify(heading: str) -> str:
    return _SLUGIFY(heading, "-")


@dataclass(frozen=True)
class SiteInfo:
    """What pages need to know about the site they are part of."""

    base_url: str  # absolute URL of the site's root, e.g. https://example.org/glossary/ ("" if unknown)
    default_code: str  # the language served at the root; the others under /<code>/
    build_date: datetime.date  # "cited on" date of ready-made citations
    repo_url: str = ""  # the source repository (GitHub), for "edit" and "report a problem" links; none if empty

    def prefix(self, code: str) -> str:
        """The folder of a language's pages under the site root: none for the default language, "zh/" for zh."""
        return "" if code == self.default_code else f"{code}/"

    def url(self, language: Language, path: str = "") -> str:
        """Absolute URL of `path` (e.g. "terms/safety/") in `language`."""
        return f"{self.base_url.rstrip('/')}/{self.prefix(language.code)}{path}"


def page_path(name: str, language: Language, site: SiteInfo, folder: str = TERMS_DIR) -> str:
    """Source path of a generated page, in mkdocs-static-i18n's suffix layout (`terms/x.md`, `terms/x.zh.md`)."""
    suffix = "" if language.code == site.default_code else f".{language.code}"
    return f"{folder}/{name}{suffix}.md" if folder else f"{name}{suffix}.md"


@dataclass(frozen=True)
class SourceRef:
    """A source as listed at the foot of a page, with its number."""

    number: int
    source: Source


class _SourceList:
    """Numbers the sources of one entry in order of first citation."""

    def __init__(self, glossary: Glossary, concept: Concept):
        self.glossary = glossary
        self.numbers: dict[str, int] = {}
        for _, reference in concept.citations():
            if reference.id in glossary.bibliography and reference.id not in self.numbers:
                self.numbers[reference.id] = len(self.numbers) + 1

    def refs(self) -> list[SourceRef]:
        return [SourceRef(n, self.glossary.bibliography[i]) for i, n in self.numbers.items()]

    def number(self, citation: Citation) -> int:
        return self.numbers[citation.id]


def _bind(text: LocaleText) -> dict:
    """Template globals that depend on the page language."""
    return {"_": text.gettext, "gettext": text.gettext, "text": text, "labels": labels, "pinyin": pinyin}


def _jsonld(glossary: Glossary, concept: Concept, site: SiteInfo) -> str:
    """schema.org DefinedTerm in its DefinedTermSet, naming and defining the concept in every language."""
    def values(pick) -> list[dict]:
        return [{"@language": lang.tag, "@value": pick(concept.sections[lang.code])} for lang in glossary.languages]

    source = glossary.source_language
    data = {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "@id": site.url(source, f"{TERMS_DIR}/{concept.id}/"),
        "termCode": concept.id,
        "name": values(lambda s: s.term),
        "alternateName": [{"@language": lang.tag, "@value": synonym}
                          for lang in glossary.languages for synonym in concept.sections[lang.code].synonyms],
        "description": values(lambda s: s.definition),
        "url": [site.url(lang, f"{TERMS_DIR}/{concept.id}/") for lang in glossary.languages],
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "@id": site.url(source, f"{TERMS_DIR}/"),
            "name": [{"@language": lang.tag, "@value": glossary.title[lang.code]} for lang in glossary.languages],
        },
    }
    # inside <script>, "</" would end the element early: JSON allows escaping the slash
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _citations(glossary: Glossary, concept: Concept, language: Language, site: SiteInfo) -> list[tuple[str, str]]:
    entry = citation.CitedEntry(
        concept_id=concept.id,
        term=concept.sections[language.code].label,
        version=concept.version,
        updated=concept.updated,
        url=site.url(language, f"{TERMS_DIR}/{concept.id}/"),
        authors=glossary.authors[language.code],
        glossary_title=glossary.title[language.code],
        locale=language.locale,
        cited_on=site.build_date,
    )
    return [(name, style(entry)) for name, style in citation.STYLES]


def _report_url(concept: Concept, language: Language, site: SiteInfo) -> str:
    """A new issue in the repository, pre-filled with the entry it is about."""
    if not site.repo_url:
        return ""
    page = site.url(language, f"{TERMS_DIR}/{concept.id}/")
    body = (f"Entry: {concept.id} (version {concept.version})\nPage: {page}\n"
            f"Source file: glossary/concepts/{concept.id}.yaml\n\nWhat is wrong, and what should it say?\n")
    query = urllib.parse.urlencode({"title": f"[{concept.id}] ", "labels": "entry", "body": body})
    return f"{site.repo_url.rstrip('/')}/issues/new?{query}"


def render_term_page(glossary: Glossary, concept: Concept, language: Language, locales_dir: Path, site: SiteInfo) -> str:
    text = LocaleText(language, locales_dir)
    others = [lang for lang in glossary.languages if lang.code != language.code]
    section = concept.sections[language.code]
    title = " · ".join([section.label] + [concept.sections[o.code].label for o in others])
    context = {
        **_bind(text),
        "glossary": glossary,
        "concept": concept,
        "language": language,
        "section": section,
        "ordered_languages": [language, *others],
        "others": others,
        "source_language": glossary.source_language,
        "translations": glossary.languages[1:],
        "states": {lang.code: translation_state(glossary, concept, lang.code) for lang in glossary.languages[1:]},
        "UP_TO_DATE": UP_TO_DATE,
        "OUTDATED": OUTDATED,
        "domain_name": glossary.domains[concept.domain].names[language.code],
        "jurisdiction_names": {code: j.names[language.code] for code, j in glossary.jurisdictions.items()},
        "sources": _SourceList(glossary, concept),
        "bibliography": glossary.bibliography,
        "languages_by_code": {lang.code: lang for lang in glossary.languages},
        "title": title,
        "description": section.definition,
        "jsonld": _jsonld(glossary, concept, site),
        "stable_url": site.url(language, f"{TERMS_DIR}/{concept.id}/"),
        "citations": _citations(glossary, concept, language, site),
        "site": site,
        "report_url": _report_url(concept, language, site),
        "related": {
            kind: [glossary.concepts[t] for t in concept.related(kind) if t in glossary.concepts]
            for kind in labels.RELATION
        },
    }
    return _ENV.get_template("term.md.j2").render(context)


def render_terms_index(glossary: Glossary, language: Language, locales_dir: Path) -> str:
    text = LocaleText(language, locales_dir)
    code = language.code
    chinese = language.is_chinese
    concepts = sorted(glossary.concepts.values(),
                      key=lambda c: sort_key(c.sections[code].term, chinese, c.sections[code].pinyin))
    groups: dict[str, list[Concept]] = {}
    for concept in concepts:
        section = concept.sections[code]
        groups.setdefault(index_letter(section.term, chinese, section.pinyin), []).append(concept)
    context = {
        **_bind(text),
        "glossary": glossary,
        "language": language,
        "others": [lang for lang in glossary.languages if lang.code != code],
        "groups": groups,
        "domain_names": {d.id: d.names[code] for d in glossary.domains.values()},
    }
    return _ENV.get_template("terms_index.md.j2").render(context)


def render_tombstone(entry: RegistryEntry, language: Language, locales_dir: Path) -> str:
    text = LocaleText(language, locales_dir)
    date = datetime.date.fromisoformat(entry.date) if entry.date else None
    return _ENV.get_template("tombstone.md.j2").render({**_bind(text), "entry": entry, "language": language, "date": date})


def render_redirect(glossary: Glossary, entry: RegistryEntry, language: Language, locales_dir: Path,
                    site: SiteInfo) -> str:
    """A page at an old id's URL that sends the reader (and search engines) to where the concept lives now."""
    text = LocaleText(language, locales_dir)
    target = glossary.concepts[glossary.current_id(entry.id)]
    message = (
        text.gettext("This entry was renamed. Its page is now:")
        if entry.fate == "renamed"
        else text.gettext("This entry was merged into another. Its content is now at:")
    )
    return _ENV.get_template("redirect.html.j2").render(
        language=language, message=message, target_url=f"../{target.id}/",
        canonical_url=site.url(language, f"{TERMS_DIR}/{target.id}/"), target_term=target.sections[language.code].label,
    )


DOWNLOAD_DESCRIPTIONS = {
    "glossary.json": N_("The complete model: every field of every entry, the bibliography, jurisdictions and the registry."),
    "glossary.schema.json": N_("JSON Schema of glossary.json, to validate it or generate code from it."),
    "glossary.csv": N_("One row per concept and language: terms, definitions, equivalence, URL. Opens in spreadsheets."),
    "glossary.tbx": N_("TBX-Basic (ISO 30042) for terminology and translation tools."),
    "glossary.ttl": N_("SKOS concept scheme in RDF Turtle, for linked-data and thesaurus tools."),
}


def _size(text: str) -> str:
    size = len(text.encode("utf-8"))
    return f"{size / 1024:.0f} KB" if size < 2**20 else f"{size / 2**20:.1f} MB"


def render_downloads_page(glossary: Glossary, language: Language, locales_dir: Path, downloads: dict[str, str]) -> str:
    from .exports import FORMATS  # imported here: the exports use SiteInfo from this module
    from .exports.common import release_date

    text = LocaleText(language, locales_dir)
    release = release_date(glossary)
    return _ENV.get_template("downloads.md.j2").render(
        **_bind(text), glossary=glossary, release=release, formats=list(FORMATS.values()),
        sizes={name.rsplit("/", 1)[-1]: _size(content) for name, content in downloads.items()},
        descriptions=DOWNLOAD_DESCRIPTIONS,
    )


BROWSE_DIR = "browse"


def render_browse_pages(glossary: Glossary, language: Language, locales_dir: Path, site: SiteInfo) -> dict[str, str]:
    """The ways into the glossary other than A–Z: by domain, by status, conceptions compared, non-exact equivalents."""
    text = LocaleText(language, locales_dir)
    code = language.code
    source = glossary.source_language
    by_term = sorted(glossary.concepts.values(),
                     key=lambda c: sort_key(c.sections[code].term, language.is_chinese, c.sections[code].pinyin))
    common = {**_bind(text), "glossary": glossary, "language": language, "source": source,
              "others": [lang for lang in glossary.languages if lang.code != code]}
    jurisdictions = [(j.code, j.names[code]) for j in glossary.jurisdictions.values()]
    cautions = []
    for degree in EQUIVALENCES:
        rows = [
            (concept, target, concept.sections[target.code].equivalence.note_in(code, source.code))
            for concept in by_term
            for target in glossary.languages[1:]
            if concept.sections[target.code].equivalence.degree == degree
        ]
        if rows and degree != "exact":
            cautions.append((degree, rows))
    views = {
        "domains": ("browse_domains.md.j2", {"groups": [
            (domain, [c for c in by_term if c.domain == domain.id]) for domain in glossary.domains.values()
            if any(c.domain == domain.id for c in by_term)]}),
        "status": ("browse_status.md.j2", {"groups": [
            (status, [c for c in by_term if c.status == status]) for status in STATUSES
            if any(c.status == status for c in by_term)]}),
        "jurisdictions": ("browse_jurisdictions.md.j2", {
            "jurisdictions": jurisdictions, "concepts": [c for c in by_term if c.conceptions],
            "anchor": slugify(text.gettext("Conceptions by jurisdiction"))}),
        "equivalence": ("browse_equivalence.md.j2", {"groups": cautions}),
    }
    return {page_path(name, language, site, folder=BROWSE_DIR): _ENV.get_template(template).render({**common, **extra})
            for name, (template, extra) in views.items()}


def render_changelog(glossary: Glossary, language: Language, locales_dir: Path) -> str:
    text = LocaleText(language, locales_dir)
    source = glossary.source_language.code
    events = []
    for concept in glossary.concepts.values():
        changes = concept.history or (Change(concept.version, concept.updated, {}),)
        for change in changes:
            summary = change.summary.get(language.code) or change.summary.get(source) or text.gettext("First published.")
            events.append((change.date, concept, change.version, summary))
    fates = {"renamed": N_("Renamed to %(target)s."), "merged": N_("Merged into %(target)s."),
             "withdrawn": N_("Withdrawn.")}
    for entry in glossary.registry.values():
        if entry.fate != "active" and entry.date:
            summary = text.gettext(fates[entry.fate]) % {"target": entry.to}
            if entry.fate == "withdrawn" and entry.reason:
                summary += " " + entry.reason.get(language.code, "")
            events.append((datetime.date.fromisoformat(entry.date), None, entry.id, summary))
    events.sort(key=lambda e: (e[0], e[1].id if e[1] else str(e[2])), reverse=True)
    return _ENV.get_template("changelog.md.j2").render({**_bind(text), "glossary": glossary, "language": language,
                                                        "events": events})


_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")


def site_version_of_repository_page(markdown: str, repo_url: str = "") -> str:
    """A page written for the repository (CONTRIBUTING.md) with its links made to work on the site: docs/ pages
    and entries become site links, other files of the repository point to it on the forge, or lose their link
    (keeping the text) when no repository URL is configured."""
    def relink(match: re.Match) -> str:
        text, target = match.groups()
        if re.match(r"^(https?:|mailto:|#)", target):
            return match.group(0)
        path, _, anchor = target.partition("#")
        anchor = f"#{anchor}" if anchor else ""
        if page := re.fullmatch(r"docs/(.+?)(?:\.[a-z]{2,3})?\.md", path):
            return f"[{text}]({page.group(1)}.md{anchor})"
        if entry := re.fullmatch(r"glossary/concepts/([a-z0-9-]+)\.yaml", path):
            return f"[{text}]({TERMS_DIR}/{entry.group(1)}.md)"
        if re.fullmatch(r"CONTRIBUTING(?:\.[a-z]{2,3})?\.md", path):
            return f"[{text}](contributing.md{anchor})"
        return f"[{text}]({repo_url.rstrip('/')}/blob/main/{target})" if repo_url else text

    return _LINK.sub(relink, markdown)


def render_site_pages(glossary: Glossary, locales_dir: Path, site: SiteInfo) -> dict[str, str]:
    """Every generated page: source path (as MkDocs sees it under docs/) -> Markdown."""
    pages: dict[str, str] = {}
    for language in glossary.languages:
        for concept in glossary.concepts.values():
            pages[page_path(concept.id, language, site)] = render_term_page(glossary, concept, language, locales_dir, site)
        for entry in glossary.registry.values():
            if entry.fate == "withdrawn":
                pages[page_path(entry.id, language, site)] = render_tombstone(entry, language, locales_dir)
        pages[page_path("index", language, site)] = render_terms_index(glossary, language, locales_dir)
        pages.update(render_browse_pages(glossary, language, locales_dir, site))
        pages[page_path("changelog", language, site, folder="")] = render_changelog(glossary, language, locales_dir)
    return pages


def render_redirects(glossary: Glossary, locales_dir: Path, site: SiteInfo) -> dict[str, dict[str, str]]:
    """Redirect pages for renamed and merged ids: language code -> {path under that language's site root: HTML}."""
    return {
        language.code: {
            f"{TERMS_DIR}/{entry.id}/index.html": render_redirect(glossary, entry, language, locales_dir, site)
            for entry in glossary.registry.values()
            if entry.fate in ("renamed", "merged") and glossary.current_id(entry.id)
        }
        for language in glossary.languages
    }
