"""Ordering terms as readers of each language expect: Chinese by Hanyu Pinyin, others alphabetically."""

from __future__ import annotations

import unicodedata

from pypinyin import Style, lazy_pinyin


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def sort_key(term: str, chinese: bool) -> tuple[str, str]:
    if chinese:
        # TONE3 puts the tone digit after each syllable, so an ordinary string sort is alphabetical then by tone.
        return " ".join(lazy_pinyin(term, style=Style.TONE3, neutral_tone_with_five=True)).casefold(), term
    return _plain(term), term


def index_letter(term: str, chinese: bool) -> str:
    """The letter under which the term is listed in an A–Z index (Chinese: the pinyin initial)."""
    key = sort_key(term, chinese)[0]
    first = key[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def pinyin(term: str) -> str:
    """Hanyu Pinyin with tone marks, syllable by syllable ("ān quán"); other characters are kept as they are."""
    return " ".join(lazy_pinyin(term, style=Style.TONE))
