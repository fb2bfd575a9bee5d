"""Pages for ids that no longer name a live concept: a tombstone for a withdrawn id, a redirect for a renamed or
merged one, so that a citation of an old URL never leads to "not found"."""

from __future__ import annotations

import datetime
from pathlib import Path

from .. import publication
from ..history import PublishedVersion
from ..i18n import LocaleText
from ..model import Glossary, Language, RegistryEntry
from ..publication import SiteInfo
from .environment import ENV, render


def render_tombstone(entry: RegistryEntry, language: Language, locales_dir: Path,
                     versions: tuple[PublishedVersion, ...] = ()) -> str:
    """The withdrawn id's page: when and why, and a link to each version published under it (still readable)."""
    date = datetime.date.fromisoformat(entry.date) if entry.date else None
    path = publication.page("concept", entry.id)
    links = [(v, publication.link(path, "version", publication.version_name(entry.id, v.number), built=True))
             for v in versions]
    return render("tombstone.md.j2", language, locales_dir, path, entry=entry, date=date, versions=links)


def render_redirect(glossary: Glossary, entry: RegistryEntry, language: Language, locales_dir: Path,
                    site: SiteInfo, version: int = 0, with_pages: frozenset[tuple[str, int]] = frozenset()) -> str:
    """A page at an old id's URL (or at one of its versions' URLs) that sends the reader (and search engines) to
    where the concept lives now: a renamed concept's version N is version N under the id it was renamed to
    (`with_pages`: the versions that have pages; the id may since have been merged, its versions staying its
    own), else the concept's page; a merged one's versions lead to the concept it was merged into; a withdrawn
    one's to its tombstone."""
    text = LocaleText(language, locales_dir)
    target_id = glossary.current_id(entry.id)
    if target_id is None:  # withdrawn: the tombstone stands at the old id's own address
        return ENV.get_template("redirect.html.j2").render(
            language=language, message=text.gettext("This entry was withdrawn. Its page says why:"),
            target_url=publication.link(publication.page("version", publication.version_name(entry.id, version)),
                                        "concept", entry.id, built=True),
            canonical_url=site.concept_url(entry.id, language), target_term=entry.id)
    target = glossary.concepts[target_id]
    message = (
        text.gettext("This entry was renamed. Its page is now:")
        if entry.fate == "renamed"
        else text.gettext("This entry was merged into another. Its content is now at:")
    )
    home = glossary.renamed_to(entry.id)  # where a renamed id's versions went on
    to_version = bool(version) and entry.fate == "renamed" and (home, version) in with_pages
    return ENV.get_template("redirect.html.j2").render(
        language=language, message=message,
        target_url=site.redirect_target(entry.id, home if to_version else target.id, version, to_version),
        canonical_url=site.version_url(home, version, language) if to_version
        else site.concept_url(target.id, language),
        target_term=target.sections[language.code].label,
    )
