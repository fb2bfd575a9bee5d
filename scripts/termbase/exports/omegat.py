"""OmegaT glossary, one file per language pair: tab-separated UTF-8 (extension .utf8, which OmegaT reads as
UTF-8 whatever the system's encoding), one line per source-language term: source term, target term, comment.

Only the preferred target term is offered as the translation: OmegaT inserts the target column as it is. The
comment gives what a translator must know before using it: the sense-specific form where the target term is
shared with another concept, the admitted synonyms, the terms not to use and why, the degree of equivalence,
the definition and the page. Deprecated source terms get no line (they may name another concept). Lines that
start with # are comments in OmegaT's format; the first one names the columns.
"""

from __future__ import annotations

from ..model import Glossary, Language
from ..publication import SiteInfo
from .common import LIST_SEPARATOR


def _cell(text: str) -> str:
    """One column of one line: tabs and line breaks would start a new column or entry."""
    return " ".join(text.split())


def render(glossary: Glossary, site: SiteInfo, target: Language) -> str:
    source = glossary.source_language
    lines = [f"# {glossary.title[source.code]} {glossary.version}: {source.tag} term\t{target.tag} term\tcomment"]
    for concept in glossary.concepts.values():
        theirs = concept.sections[target.code]
        ours = concept.sections[source.code]
        comment = []
        if theirs.disambiguated and theirs.disambiguated != theirs.term:
            comment.append(f"where the sense must be told apart: {theirs.disambiguated}")
        if theirs.synonyms:
            comment.append(f"also admitted: {LIST_SEPARATOR.join(theirs.synonyms)}")
        if theirs.deprecated:
            comment.append("do not use: " + LIST_SEPARATOR.join(f"{d.term} ({d.reason})" for d in theirs.deprecated))
        if theirs.equivalence:
            note = theirs.equivalence.note_in(source.code, target.code)
            comment.append(f"equivalence: {theirs.equivalence.degree}" + (f", {note}" if note else ""))
        comment.append(f"{ours.label}: {ours.definition}")
        comment.append(site.concept_urls(glossary, concept.id)[target.code])
        for term in (ours.term, *ours.synonyms):
            lines.append("\t".join(_cell(part) for part in (term, theirs.term, " — ".join(comment))))
    return "\n".join(lines) + "\n"
