"""The A–Z index of concepts in one language, ordered as readers of that language expect."""

from __future__ import annotations

from pathlib import Path

from .. import publication
from ..model import Concept, Glossary, Language
from .environment import render


def by_term(glossary: Glossary, language: Language) -> list[Concept]:
    """The concepts in the order of their preferred terms in `language`."""
    code, writing = language.code, language.profile
    return sorted(glossary.concepts.values(),
                  key=lambda c: writing.sort_key(c.sections[code].term, c.sections[code].reading))


def render_terms_index(glossary: Glossary, language: Language, locales_dir: Path) -> str:
    code = language.code
    groups: dict[str, list[Concept]] = {}
    for concept in by_term(glossary, language):
        section = concept.sections[code]
        groups.setdefault(language.profile.index_heading(section.term, section.reading), []).append(concept)
    return render(
        "terms_index.md.j2", language, locales_dir, publication.page("index"),
        glossary=glossary,
        others=[lang for lang in glossary.languages if lang.code != code],
        groups=groups,
        reading=language.profile.reading,
        domain_names={d.id: d.names[code] for d in glossary.domains.values()},
    )
