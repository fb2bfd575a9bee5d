"""UI text, dates and language names for a page's language, through Babel.

UI strings live in gettext catalogs under locales/<code>/LC_MESSAGES/messages.po. They are compiled by Babel in
memory when loaded (fuzzy entries left out), so the site can never show a stale compiled catalog.
"""

from __future__ import annotations

import datetime
import functools
import gettext
import io
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from .model import Language

DOMAIN = "messages"


def catalog_path(locales_dir: Path, code: str) -> Path:
    return locales_dir / code / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.lru_cache(maxsize=32)
def _compiled(po_path: Path, mtime_ns: int, locale: str) -> Translations:
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=locale, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


def translations(locales_dir: Path, language: Language) -> gettext.NullTranslations:
    """The translations for `language`; the source strings themselves where no catalog exists."""
    po_path = catalog_path(locales_dir, language.code)
    if not po_path.is_file():
        return gettext.NullTranslations()
    return _compiled(po_path, po_path.stat().st_mtime_ns, language.locale)


class LocaleText:
    """Everything language-dependent a page needs: gettext, dates and language names."""

    def __init__(self, language: Language, locales_dir: Path):
        self.language = language
        self.locale = Locale.parse(language.locale)
        self.translations = translations(locales_dir, language)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def date(self, value: datetime.date) -> str:
        return format_date(value, format="long", locale=self.locale)

    @staticmethod
    def join(items: list[str] | tuple[str, ...], language: Language) -> str:
        """Alternatives written as `language` writes them ("a, b, or c"; "a、b或c")."""
        return format_list(list(items), style="or", locale=language.locale)

    def language_name(self, language: Language) -> str:
        return Locale.parse(language.locale).get_language_name(self.locale) or language.code
