"""Which characters a glossary text may hold: one list, used on the raw file and on every parsed value.

A reviewer reading a pull request cannot see these characters, and readers' tools mishandle them: controls
(XML cannot carry them), line and paragraph separators, bidirectional controls and marks (Trojan Source),
zero-width and other invisible or formatting characters (they defeat duplicate checks and hide text), tag
characters (invisible ASCII), variation selectors, fillers that look blank, lone surrogates, private-use
characters and noncharacters. Every Unicode format character (category Cf) is on the list; a test holds the
list to the Unicode database.
"""

from __future__ import annotations

import re
import unicodedata

# (what it is, ranges). Tab and line feed are not here: they are layout, checked per field by the text rules.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_CONTROLS_BUT_CR = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_KINDS: tuple[tuple[str, str], ...] = (
    ("control character", _CONTROLS),
    ("line or paragraph separator", "\u2028\u2029"),
    ("bidirectional control character", "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"),
    ("tag character", "\U000e0000-\U000e007f"),
    ("invisible character",
     "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200d\u2060-\u2064\u206a-\u206f\u2800\u3164"
     "\ufe00-\ufe0f\ufeff\uffa0\U000e0100-\U000e01ef"),
    ("formatting character",
     "\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
     "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"),
    ("lone surrogate", "\ud800-\udfff"),
    ("private-use character", "\ue000-\uf8ff\U000f0000-\U0010ffff"),
    ("noncharacter", "\ufdd0-\ufdef\ufffe\uffff" + "".join(
        f"{chr(plane * 0x10000 + 0xfffe)}{chr(plane * 0x10000 + 0xffff)}" for plane in range(1, 15))),
)
_CLASS = "".join(ranges for _, ranges in _KINDS)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class CharacterSet:
    """A regular-expression character class, searched fast: Python's matcher is slow on classes that mix astral
    ranges with others (about 0.4 µs a character), so characters of the Basic Multilingual Plane and the astral
    ones are two classes, and the second is only searched in the rare text that has astral characters."""

    def __init__(self, ranges: str):
        self.pattern = f"[{ranges}]"
        items = re.findall(r"(.)(?:-(.))?", ranges, re.S)
        bmp = "".join(f"{a}-{b}" if b else a for a, b in items if a <= "\uffff")
        astral = "".join(f"{a}-{b}" if b else a for a, b in items if a > "\uffff")
        self._bmp = re.compile(f"[{bmp}]")
        self._astral = re.compile(f"[{astral}]") if astral else None

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        found = self._bmp.search(text, pos)
        if self._astral is not None and _ASTRAL.search(text, pos):
            other = self._astral.search(text, pos)
            if other and (found is None or other.start() < found.start()):
                return other
        return found

    def match(self, text: str) -> re.Match | None:
        found = self.search(text[:1])
        return found if found and found.start() == 0 else None


FORBIDDEN = CharacterSet(_CLASS)
# A raw file may also hold carriage returns (CRLF line ends): YAML turns them into line feeds in values, so a
# carriage return in a value can only come from an escape ("\r"), and is refused there.
FORBIDDEN_IN_FILE = CharacterSet(_CLASS.replace(_CONTROLS, _CONTROLS_BUT_CR, 1))
_KIND_OF = [(re.compile(f"[{ranges}]"), kind) for kind, ranges in _KINDS]

HINT = "such characters are invisible or break readers' tools, and can hide text from reviewers: delete it"


def describe(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE (bidirectional control character)'."""
    kind = next((kind for pattern, kind in _KIND_OF if pattern.match(char)), "character")
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}{' ' + name if name else ''} ({kind})"

