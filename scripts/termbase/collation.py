"""Ordering terms as readers of each language expect: Chinese by Hanyu Pinyin, others alphabetically."""

from __future__ import annotations

import unicodedata

from pypinyin import Style, lazy_pinyin
from pypinyin import pinyin as _readings


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_TONE_MARKS = {"āáǎà": "a", "ēéěè": "e", "īíǐì": "i", "ōóǒò": "o", "ūúǔù": "u", "ǖǘǚǜ": "ü"}
_TONED = {mark: (base, str(tone + 1)) for marks, base in _TONE_MARKS.items() for tone, mark in enumerate(marks)}


def _pinyin_key(written: str) -> str:
    """Ordering key of tone-marked pinyin ("ānquán"): the letters first, then the tones, as dictionaries order."""
    letters, tones = [], []
    for ch in unicodedata.normalize("NFC", written.casefold()):
        base, tone = _TONED.get(ch, (ch, ""))
        if base.isalpha():
            letters.append(base)
        tones.append(tone)
    return "".join(letters).replace("ü", "v") + " " + "".join(tones)


def sort_key(term: str, chinese: bool, pinyin_override: str = "") -> tuple[str, str]:
    """Key for ordering terms: Chinese by pinyin (the entry's own where it gives one), others alphabetically."""
    if chinese:
        return _pinyin_key(pinyin_override or pinyin(term)), term
    return _plain(term), term


def index_letter(term: str, chinese: bool, pinyin_override: str = "") -> str:
    """The letter under which the term is listed in an A–Z index (Chinese: the pinyin initial)."""
    key = sort_key(term, chinese, pinyin_override)[0]
    first = key[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def pinyin(term: str) -> str:
    """Hanyu Pinyin with tone marks, syllable by syllable ("ān quán"); other characters are kept as they are."""
    return " ".join(lazy_pinyin(term, style=Style.TONE))


def pinyin_matches(term: str, written: str) -> bool:
    """Whether `written` (tone-marked pinyin, syllables joined or spaced: "ānquán", "ān quán") is a possible
    reading of the term, character by character. Non-Chinese parts of the term must appear as they are."""
    target = unicodedata.normalize("NFC", written).replace(" ", "").replace("-", "").replace("'", "").casefold()
    options = [
        {r.casefold() for r in _readings(ch, style=Style.TONE, heteronym=True)[0]} if "\u3400" <= ch <= "\u9fff"
        else {ch.casefold()}
        for ch in term
        if not ch.isspace()
    ]

    def match(position: int, index: int) -> bool:
        if index == len(options):
            return position == len(target)
        return any(target.startswith(r, position) and match(position + len(r), index + 1) for r in options[index])

    return match(0, 0)
