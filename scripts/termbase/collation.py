"""Ordering terms as readers of each language expect: Chinese by Hanyu Pinyin, others alphabetically."""

from __future__ import annotations

import unicodedata

from pypinyin import Style, lazy_pinyin


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def sort_key(language_code: str, term: str) -> tuple[str, str]:
    if language_code == "zh":
        # TONE3 puts the tone digit after each syllable, so an ordinary string sort is alphabetical then by tone.
        return " ".join(lazy_pinyin(term, style=Style.TONE3, neutral_tone_with_five=True)).casefold(), term
    return _plain(term), term


def index_letter(language_code: str, term: str) -> str:
    """The letter under which the term is listed in an A–Z index (Chinese: the pinyin initial)."""
    key = sort_key(language_code, term)[0]
    first = key[:1].upper()
    return first if "A" <= first <= "Z" else "#"
