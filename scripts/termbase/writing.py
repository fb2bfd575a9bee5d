"""How each writing system is checked, ordered and read: one profile per ISO 15924 script code.

A language declares its script in glossary/glossary.yaml (`script: Hans`); everything that depends on how the
language is written asks the script's profile: the characters its terms and definitions must contain, its
typography checks, the order and headings of its A–Z index, the reading shown beside a term (pinyin for Chinese,
kana for Japanese), the placeholder a new entry gets, and how a citation names an entry's version.

The reading libraries are imported when first used, so that a glossary (or an export) that has no Chinese or no
Japanese never loads them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterator

from .markers import N_

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK unified ideographs, extension A, compatibility ideographs
KANA = "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"  # hiragana, katakana, ー
CJK = HAN + KANA  # characters that only East Asian scripts use (a Latin text must contain none)
_CJK = re.compile(f"[{CJK}]")

# ---------------------------------------------------------------------------------------------------- Latin


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _latin_heading(key: str) -> str:
    first = key[:1].upper()
    return first if "A" <= first <= "Z" else "#"


# ---------------------------------------------------------------------------------------------------- Chinese


@functools.cache
def _pypinyin():
    import pypinyin

    return pypinyin


@functools.lru_cache(maxsize=65536)  # pages, lookup and exports ask again for the same terms (15,000 calls at 1,000)
def pinyin(term: str) -> str:
    """Hanyu Pinyin with tone marks, syllable by syllable ("ān quán"); other characters are kept as they are."""
    lib = _pypinyin()
    return " ".join(lib.lazy_pinyin(term, style=lib.Style.TONE))


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


def pinyin_matches(term: str, written: str) -> bool:
    """Whether `written` (tone-marked pinyin, syllables joined or spaced: "ānquán", "ān quán") is a possible
    reading of the term, character by character. Non-Chinese parts of the term must appear as they are."""
    lib = _pypinyin()
    target = unicodedata.normalize("NFC", written).replace(" ", "").replace("-", "").replace("'", "").casefold()
    han = re.compile(f"[{HAN}]")
    options = [
        {r.casefold() for r in lib.pinyin(ch, style=lib.Style.TONE, heteronym=True)[0]} if han.match(ch)
        else {ch.casefold()}
        for ch in term
        if not ch.isspace()
    ]

    def match(position: int, index: int) -> bool:
        if index == len(options):
            return position == len(target)
        return any(target.startswith(r, position) and match(position + len(r), index + 1) for r in options[index])

    return match(0, 0)


# ---------------------------------------------------------------------------------------------------- Japanese


@functools.cache
def _kakasi():
    import pykakasi  # only for a glossary with a Japanese language

    return pykakasi.kakasi()


def kana(term: str) -> str:
    """The reading of a Japanese term in hiragana (人工知能 → じんこうちのう); katakana become hiragana, other
    characters (Latin letters, digits) are kept as they are. pykakasi reads kanji with its dictionary: a term
    whose reading it gets wrong gives its own (`reading:` in the entry)."""
    return "".join(part["hira"] for part in _kakasi().convert(term))


_SMALL_KANA = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
_GOJUON = ("あいうえお", "かきくけこ", "さしすせそ", "たちつてと", "なにぬねの", "はひふへほ", "まみむめも", "や.ゆ.よ",
           "らりるれろ", "わゐ.ゑを")  # the rows (行) of the kana table; "." where a row has no kana
_VOWELS = {kana: "あいうえお"[i] for row in _GOJUON for i, kana in enumerate(row) if kana != "."}


def _hiragana(text: str) -> str:
    return "".join(chr(ord(ch) - 0x60) if "\u30a1" <= ch <= "\u30f6" else ch for ch in text)


def _kana_primary(reading: str) -> str:
    """The primary ordering key of a reading (JIS X 4061, simplified): hiragana, without voicing marks, small kana
    as large, and the prolonged sound mark ー as the vowel it lengthens."""
    plain = unicodedata.normalize("NFD", _hiragana(reading))
    plain = "".join(ch for ch in plain if ch not in "\u3099\u309a").translate(_SMALL_KANA)
    out: list[str] = []
    for ch in plain:
        out.append(_VOWELS.get(out[-1], "ー") if ch == "ー" and out else ch)
    return "".join(out)


def _kana_heading(key: str) -> str:
    """A Japanese index is headed by rows of the kana table (あ, か, さ, …): hiragana is in table order in Unicode,
    so a kana belongs to the last row that starts at or before it (ん to わ)."""
    first = key[:1]
    if "\u3041" <= first <= "\u3096":
        return [row[0] for row in _GOJUON if row[0] <= first][-1]
    return _latin_heading(key)


def kana_matches(term: str, written: str) -> bool:
    """Whether `written` can be a reading of the term: kana only (and the term's own non-kanji characters)."""
    allowed = set(f"{KANA} ") | {ch for ch in term if not re.match(f"[{HAN}]", ch)}
    kana_class = re.compile(f"[{KANA}]")
    return bool(written.strip()) and all(kana_class.match(ch) or ch in allowed for ch in written)


# ---------------------------------------------------------------------------------------------------- typography


def _east_asian_typography(characters: str, full_width: dict[str, str], name: str) -> Callable[[str], Iterator[tuple[str, str]]]:
    """Full-width punctuation next to the script's characters, and no space between two of them."""
    half_width = re.compile(f"(?:[{characters}][,;:!?()]|[,;:!?(][{characters}]|[{characters}]\\.(?![0-9A-Za-z]))")
    space_between = re.compile(f"[{characters}] +[{characters}]")

    def check(text: str) -> Iterator[tuple[str, str]]:
        half = half_width.search(text)
        if half:
            mark = next(ch for ch in half.group() if ch in full_width)
            yield f"half-width '{mark}' in {name} text: '{half.group()}'", f"use the full-width '{full_width[mark]}'"
        gap = space_between.search(text)
        if gap:
            yield (f"space between {name} characters: '{gap.group()}'",
                   "remove it; if the paragraph is wrapped in the YAML, keep it on one line instead")

    return check


def _no_typography(text: str) -> Iterator[tuple[str, str]]:
    return iter(())


# ---------------------------------------------------------------------------------------------------- profiles


@dataclass(frozen=True)
class Reading:
    """A reading of terms shown beside them (and used to order them), with the entry field that corrects it."""

    field: str  # the key of an entry's language section that gives the reading where the automatic one is wrong
    tag: str  # BCP 47 tag of the reading, for lang=""
    label: str  # column heading of the A–Z index (a msgid, translated there)
    of: Callable[[str], str]  # the automatic reading of a term
    matches: Callable[[str, str], bool]  # whether a written reading is possible for the term
    how: str  # how to write it, for the message when it is not
    description: str  # of the entry field, in the entry schema


@dataclass(frozen=True)
class ScriptProfile:
    code: str  # ISO 15924
    name: str  # the writing system, as messages name it: "Chinese"
    characters: str = ""  # a regex class body: every term and definition has one of them; "" for none required
    typography: Callable[[str], Iterator[tuple[str, str]]] = _no_typography  # (message, hint) per problem
    reading: Reading | None = None
    placeholder: str = "Definition to be written."  # what `new` writes where the definition goes
    version_mark: str = "version {version}"  # how a GB/T 7714 citation names the entry's version
    current_mark: str = " (current version: {url})"  # how a citation of a version adds the concept's stable URL
    ordering_note: str = ""  # said above the A–Z index (a msgid); "" when the order needs no explanation
    _key: Callable[[str], str] = field(default=_plain, repr=False)  # ordering key of a reading (or of the term)
    _heading: Callable[[str], str] = field(default=_latin_heading, repr=False)

    def has_characters(self, text: str) -> bool:
        return not self.characters or bool(re.search(f"[{self.characters}]", text))

    def reading_of(self, term: str, written: str = "") -> str:
        """The term's reading: the entry's own (`written`) where it gives one, else the automatic one."""
        if self.reading is None:
            return ""
        return written or self.reading.of(term)

    def sort_key(self, term: str, written_reading: str = "") -> tuple[str, str, str]:
        """Key for ordering terms as readers of this script expect: by reading where there is one."""
        reading = self.reading_of(term, written_reading) if self.reading else term
        return self._key(reading), reading, term

    def index_heading(self, term: str, written_reading: str = "") -> str:
        """The heading under which the term is listed in an A–Z index."""
        return self._heading(self.sort_key(term, written_reading)[0])


_PINYIN = Reading("pinyin", "zh-Latn-pinyin", N_("Pinyin"), pinyin, pinyin_matches,
                  "write Hanyu Pinyin with tone marks (ā á ǎ à)",
                  "Hanyu Pinyin of the term with tone marks (ānquán), where the automatic reading is wrong.")
_CHINESE = dict(
    name="Chinese", characters=HAN, reading=_PINYIN, placeholder="定义待撰写。", version_mark="第{version}版",
    current_mark="（现行版本：{url}）",
    typography=_east_asian_typography(HAN, {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）",
                                           ".": "。"}, "Chinese"),
    ordering_note=N_("Chinese terms are ordered by their Hanyu Pinyin."), _key=_pinyin_key,
)
PROFILES: dict[str, ScriptProfile] = {
    "Latn": ScriptProfile("Latn", "Latin"),
    "Hans": ScriptProfile("Hans", **_CHINESE),
    "Hant": ScriptProfile("Hant", **{**_CHINESE, "current_mark": "（現行版本：{url}）"}),
    "Jpan": ScriptProfile(
        "Jpan", "Japanese", characters=CJK, placeholder="定義は未記入です。", version_mark="第{version}版",
        current_mark="（最新版：{url}）",
        reading=Reading("reading", "ja-Hira", N_("Reading"), kana, kana_matches, "write it in hiragana",
                        "The reading of the term in hiragana (じんこうちのう), where the automatic reading is wrong."),
        typography=_east_asian_typography(CJK, {",": "、", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（",
                                               ")": "）", ".": "。"}, "Japanese"),
        ordering_note=N_("Japanese terms are ordered by their reading in kana (gojūon order)."),
        _key=_kana_primary, _heading=_kana_heading,
    ),
}


def profile(script: str) -> ScriptProfile:
    """The profile of an ISO 15924 script code; a script without its own profile is treated as Latin-like
    (no required characters, alphabetical order)."""
    return PROFILES.get(script) or ScriptProfile(script, script)


def has_cjk(text: str) -> bool:
    """Whether the text has any character that only East Asian scripts use (Han or kana)."""
    return bool(_CJK.search(text))
