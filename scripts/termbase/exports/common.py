"""What every export says about the glossary as a whole, and each concept's stable URLs."""

from __future__ import annotations

import datetime

from ..model import Concept, Glossary
from ..render import TERMS_DIR, SiteInfo


def release_date(glossary: Glossary) -> datetime.date:
    """The glossary's date: that of its most recently changed entry (the same sources always give the same date)."""
    return max((c.updated for c in glossary.concepts.values()), default=datetime.date(1970, 1, 1))


def urls(glossary: Glossary, concept: Concept, site: SiteInfo) -> dict[str, str]:
    """The stable URL of the concept's page in each language."""
    return {lang.code: site.url(lang, f"{TERMS_DIR}/{concept.id}/") for lang in glossary.languages}
