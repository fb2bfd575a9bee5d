"""A concept's page in one language: its terms and definitions in every language side by side, equivalence,
conceptions, relations, sources, history, and ready-made citations of the entry."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from .. import citation, labels, publication
from ..history import PublishedVersion
from ..i18n import LocaleText
from ..l10n import OUTDATED, UP_TO_DATE, translation_state
from ..model import Citation, Concept, Glossary, Language, RegistryEntry, Source
from ..publication import SiteInfo
from .environment import render
from .escaping import script_json


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

    def has(self, citation: Citation) -> bool:
        """Whether the source is listed (an earlier version may cite an id the bibliography no longer has)."""
        return citation.id in self.numbers


def _jsonld(glossary: Glossary, concept: Concept, language: Language, site: SiteInfo) -> str:
    """schema.org DefinedTerm in its DefinedTermSet, naming and defining the concept in every language.

    inLanguage is not a property of a DefinedTerm (an Intangible): the page that describes the term (a WebPage,
    mainEntityOfPage) carries the page's language, and the DefinedTermSet (a CreativeWork) the glossary's."""
    def values(pick) -> list[dict]:
        return [{"@language": lang.tag, "@value": pick(concept.sections[lang.code])} for lang in glossary.languages]

    def alternates(lang: Language) -> list[str]:
        section = concept.sections[lang.code]  # the disambiguated form too, where the term is shared
        return [name for name in dict.fromkeys((section.label, *section.synonyms)) if name != section.term]

    page = site.concept_url(concept.id, language)
    data = {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "@id": site.concept_url(concept.id, glossary.source_language),
        "termCode": concept.id,
        "name": values(lambda s: s.term),
        "alternateName": [{"@language": lang.tag, "@value": name} for lang in glossary.languages
                          for name in alternates(lang)],
        "description": values(lambda s: s.definition),
        "url": list(site.concept_urls(glossary, concept.id).values()),
        "mainEntityOfPage": {"@type": "WebPage", "@id": page, "url": page, "inLanguage": language.tag},
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "@id": site.scheme_url(glossary),
            "url": site.page_url(language, "index"),
            "name": [{"@language": lang.tag, "@value": glossary.title[lang.code]} for lang in glossary.languages],
            "inLanguage": [lang.tag for lang in glossary.languages],
        },
    }
    return script_json(data)


def _citations(glossary: Glossary, concept: Concept, language: Language, site: SiteInfo) -> list[tuple[str, list[str]]]:
    """Each style's citation of this version, split where the reader's access date goes (see citation.parts)."""
    entry = citation.CitedEntry(
        concept_id=concept.id,
        term=concept.sections[language.code].label,
        version=concept.version,
        updated=concept.updated,
        url=site.concept_url(concept.id, language),
        version_url=site.version_url(concept.id, concept.version, language),
        authors=glossary.authors[language.code],
        glossary_title=glossary.title[language.code],
        locale=language.locale,
        version_mark=language.profile.version_mark,
        current_mark=language.profile.current_mark,
        cited_on=site.build_date,
    )
    return [(name, citation.parts(style, entry)) for name, style in citation.STYLES]


@dataclass(frozen=True)
class VersionLink:
    """A published version as the History section lists it."""

    number: int
    date: object  # datetime.date
    summary: str
    link: str  # to its page ("" when its text is unknown)
    shown: bool  # the version this page shows


def _version_links(concept_id: str, versions: tuple[PublishedVersion, ...], language: Language, source: str,
                   from_path: str, shown: int) -> list[VersionLink]:
    """Links to the served URLs: version pages are written outside MkDocs (versions.py), which cannot check them."""
    return [
        VersionLink(v.number, v.date, v.summary.get(language.code) or v.summary.get(source, ""),
                    publication.link(from_path, "version", publication.version_name(concept_id, v.number), built=True)
                    if v.concept else "", v.number == shown)
        for v in versions
    ]


def page_title(glossary: Glossary, concept: Concept, language: Language) -> str:
    """The page's title: the concept's label in the page's language, then in the others."""
    others = [lang for lang in glossary.languages if lang.code != language.code]
    return " · ".join([concept.sections[language.code].label] + [concept.sections[o.code].label for o in others])


@dataclass(frozen=True)
class GoneNotice:
    """What a version page of a merged or withdrawn id says of its fate instead of naming a current version."""

    message: str
    reason: str  # why it was withdrawn ("" when merged)
    link_text: str
    link: str  # to the concept it was merged into, or to the withdrawn id's own page (its tombstone)


def _gone_notice(glossary: Glossary, entry: RegistryEntry, language: Language, locales_dir: Path,
                 path: str) -> GoneNotice:
    text = LocaleText(language, locales_dir)
    _ = text.gettext
    date = text.date(datetime.date.fromisoformat(entry.date)) if entry.date else ""
    target_id = glossary.current_id(entry.id)
    if target_id is not None:  # merged
        target = glossary.concepts[target_id].sections[language.code].label
        message = (_("This entry was merged into %(target)s on %(date)s.") if date
                   else _("This entry was merged into %(target)s.")) % {"target": target, "date": date}
        return GoneNotice(message, "", _("Read the entry it was merged into"),
                          publication.link(path, "concept", target_id, built=True))
    message = (_("This entry was withdrawn on %(date)s.") if date else _("This entry was withdrawn.")) % {"date": date}
    reason = entry.reason.get(language.code) or entry.reason.get(glossary.source_language.code, "")
    return GoneNotice(message, reason, _("The withdrawn entry's page"),
                      publication.link(path, "concept", entry.id, built=True))


def render_term_page(glossary: Glossary, concept: Concept, language: Language, locales_dir: Path, site: SiteInfo,
                     versions: tuple[PublishedVersion, ...] = (), shown: PublishedVersion | None = None,
                     gone: RegistryEntry | None = None) -> str:
    """The concept's page (Markdown for MkDocs); with `shown`, the body of that published version's page instead,
    as HTML (its own text, a banner naming the current version, its own citations): pages/versions.py makes it a
    page. `gone`: the registry entry of the merged or withdrawn id the version was published under, which the
    banner names instead of a current version."""
    versions = versions or (PublishedVersion(concept.version, concept.updated, {}, concept),)
    current = versions[-1]
    if shown is not None:
        path = publication.page("version", publication.version_name(concept.id, shown.number))
        concept = shown.concept
    else:
        path = publication.page("concept", concept.id)
    others = [lang for lang in glossary.languages if lang.code != language.code]
    section = concept.sections[language.code]
    title = page_title(glossary, concept, language)
    repository = site.repository if shown is None else None
    source = glossary.source_language.code
    return render(
        "term.md.j2", language, locales_dir, path,
        glossary=glossary,
        concept=concept,
        section=section,
        ordered_languages=[language, *others],
        others=others,
        source_language=glossary.source_language,
        translations=glossary.translations,
        states={lang.code: translation_state(glossary, concept, lang.code) for lang in glossary.translations},
        UP_TO_DATE=UP_TO_DATE,
        OUTDATED=OUTDATED,
        domain_name=glossary.domains[concept.domain].names[language.code] if concept.domain in glossary.domains
        else concept.domain,
        jurisdiction_names={code: j.names[language.code] for code, j in glossary.jurisdictions.items()},
        sources=_SourceList(glossary, concept),
        bibliography=glossary.bibliography,
        languages_by_code={lang.code: lang for lang in glossary.languages},
        title=title,
        description=section.definition,
        jsonld=_jsonld(glossary, concept, language, site) if shown is None else "",
        data_url=site.concept_data_url(concept.id) if shown is None else "",
        stable_url=site.concept_url(concept.id, language),
        version_url=site.version_url(concept.id, concept.version, language),
        versions=_version_links(concept.id, versions, language, source, path, shown.number if shown else 0),
        shown=shown,
        as_html=shown is not None,
        current=current,
        current_summary=current.summary.get(language.code) or current.summary.get(source, ""),
        current_link=publication.link(path, "concept", concept.id, built=True),  # inside raw HTML
        gone=_gone_notice(glossary, gone, language, locales_dir, path) if gone else None,
        citations=_citations(glossary, concept, language, site),
        site_date=site.build_date.isoformat(),
        conceptions_anchor=publication.CONCEPTIONS_ANCHOR,
        edit_url=repository.edit_url(publication.entry_source(concept.id)) if repository else "",
        report_url=repository.report_url(concept) if repository else "",
        related={
            kind: [glossary.concepts[t] for t in dict.fromkeys(glossary.current_id(t) or t for t in concept.related(kind))
                   if t in glossary.concepts and t != concept.id]
            for kind in labels.RELATION
        },
    )
