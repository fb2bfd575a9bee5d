"""A concept's page in one language: its terms and definitions in every language side by side, equivalence,
conceptions, relations, sources, history, and ready-made citations of the entry."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .. import citation, labels, publication
from ..l10n import OUTDATED, UP_TO_DATE, translation_state
from ..model import Citation, Concept, Glossary, Language, Source
from ..publication import SiteInfo
from .environment import render


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
    # inside <script>, "</" would end the element early: JSON allows escaping the slash
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _citations(glossary: Glossary, concept: Concept, language: Language, site: SiteInfo) -> list[tuple[str, str]]:
    entry = citation.CitedEntry(
        concept_id=concept.id,
        term=concept.sections[language.code].label,
        version=concept.version,
        updated=concept.updated,
        url=site.concept_url(concept.id, language),
        authors=glossary.authors[language.code],
        glossary_title=glossary.title[language.code],
        locale=language.locale,
        version_mark=language.profile.version_mark,
        cited_on=site.build_date,
    )
    return [(name, style(entry)) for name, style in citation.STYLES]


def render_term_page(glossary: Glossary, concept: Concept, language: Language, locales_dir: Path, site: SiteInfo) -> str:
    others = [lang for lang in glossary.languages if lang.code != language.code]
    section = concept.sections[language.code]
    title = " · ".join([section.label] + [concept.sections[o.code].label for o in others])
    repository = site.repository
    return render(
        "term.md.j2", language, locales_dir, publication.page("concept", concept.id),
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
        domain_name=glossary.domains[concept.domain].names[language.code],
        jurisdiction_names={code: j.names[language.code] for code, j in glossary.jurisdictions.items()},
        sources=_SourceList(glossary, concept),
        bibliography=glossary.bibliography,
        languages_by_code={lang.code: lang for lang in glossary.languages},
        title=title,
        description=section.definition,
        jsonld=_jsonld(glossary, concept, language, site),
        data_url=site.concept_data_url(concept.id),
        stable_url=site.concept_url(concept.id, language),
        citations=_citations(glossary, concept, language, site),
        conceptions_anchor=publication.CONCEPTIONS_ANCHOR,
        edit_url=repository.edit_url(publication.entry_source(concept.id)) if repository else "",
        report_url=repository.report_url(concept) if repository else "",
        related={
            kind: [glossary.concepts[t] for t in concept.related(kind) if t in glossary.concepts]
            for kind in labels.RELATION
        },
    )
