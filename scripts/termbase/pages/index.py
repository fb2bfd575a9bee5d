"""The A–Z index of concepts in one language, ordered as readers of that language expect."""

from __future__ import annotations

from pathlib import Path

from .. import publication
from ..collation import index_letter, sort_key
from ..model import Concept, Glossary, Language
from .environment import render


def by_term(glossary: Glossary, language: Language) -> list[Concept]:
    """The concepts in the order of their preferred terms in `language`."""
    code = language.code
    return sorted(glossary.concepts.values(),
                  key=lambda c: sort_key(c.sections[code].term, language.is_chinese, c.sections[code].pinyin))


def render_terms_index(glossary: Glossary, language: Language, locales_dir: Path) -> str:
    code = language.code
    groups: dict[str, list[Concept]] = {}
    for concept in by_term(glossary, language):
        section = concept.sections[code]
        groups.setdefault(index_letter(section.term, language.is_chinese, section.pinyin), []).append(concept)
    return render(
        "terms_index.md.j2", language, locales_dir, publication.page("index"),
        glossary=glossary,
        others=[lang for lang in glossary.languages if lang.code != code],
        groups=groups,
        domain_names={d.id: d.names[code] for d in glossary.domains.values()},
    )
