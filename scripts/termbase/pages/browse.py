"""The ways into the glossary other than A–Z: by domain, by status, conceptions compared, non-exact equivalents."""

from __future__ import annotations

from pathlib import Path

from .. import publication
from ..model import STATUSES, Degree, Glossary, Language
from ..publication import SiteInfo
from .environment import render
from .index import by_term


def _views(glossary: Glossary, language: Language) -> dict[str, tuple[str, dict]]:
    """Each browse view: name -> (template, what it lists)."""
    code = language.code
    source = glossary.source_language
    concepts = by_term(glossary, language)
    by_domain = [(domain, [c for c in concepts if c.domain == domain.id]) for domain in glossary.domains.values()]
    by_status = [(status, [c for c in concepts if c.status == status]) for status in STATUSES]
    cautions = []
    for degree in Degree:
        if degree.is_exact:
            continue
        rows = [(concept, target, concept.sections[target.code].equivalence.note_in(code, source.code))
                for concept in concepts for target in glossary.translations
                if concept.sections[target.code].equivalence.degree == degree]
        if rows:
            cautions.append((degree.value, rows))
    return {
        "domains": ("browse_domains.md.j2", {"groups": [(d, listed) for d, listed in by_domain if listed]}),
        "status": ("browse_status.md.j2", {"groups": [(s, listed) for s, listed in by_status if listed]}),
        "jurisdictions": ("browse_jurisdictions.md.j2", {
            "jurisdictions": [(j.code, j.names[code]) for j in glossary.jurisdictions.values()],
            "concepts": [c for c in concepts if c.conceptions],
            "anchor": publication.CONCEPTIONS_ANCHOR}),
        "equivalence": ("browse_equivalence.md.j2", {"groups": cautions}),
    }


def render_browse_pages(glossary: Glossary, language: Language, locales_dir: Path, site: SiteInfo) -> dict[str, str]:
    """Source file -> Markdown, for every browse view in `language`."""
    common = {"glossary": glossary, "source": glossary.source_language,
              "others": [lang for lang in glossary.languages if lang.code != language.code]}
    return {
        site.source_file(language, "browse", name):
            render(template, language, locales_dir, publication.page("browse", name), **common, **extra)
        for name, (template, extra) in _views(glossary, language).items()
    }
