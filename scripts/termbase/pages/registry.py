"""Pages for ids that no longer name a live concept: a tombstone for a withdrawn id, a redirect for a renamed or
merged one, so that a citation of an old URL never leads to "not found"."""

from __future__ import annotations

import datetime
from pathlib import Path

from .. import publication
from ..i18n import LocaleText
from ..model import Glossary, Language, RegistryEntry
from ..publication import SiteInfo
from .environment import ENV, render


def render_tombstone(entry: RegistryEntry, language: Language, locales_dir: Path) -> str:
    date = datetime.date.fromisoformat(entry.date) if entry.date else None
    return render("tombstone.md.j2", language, locales_dir, publication.page("concept", entry.id),
                  entry=entry, date=date)


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
    return ENV.get_template("redirect.html.j2").render(
        language=language, message=message, target_url=site.redirect_target(entry.id, target.id),
        canonical_url=site.concept_url(target.id, language), target_term=target.sections[language.code].label,
    )
