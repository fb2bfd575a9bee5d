"""Finding a term as the reader types: the lookup index, and the words full-text search must keep whole.

At build time, one index per page language holds every concept (its URL in that language, its label in every
language, the equivalence degree) and every form a reader may type to reach it: the preferred term, the
disambiguated form, synonyms (abbreviations among them), deprecated terms, and derived forms (English singular
and plural, gerund and stem; the reading of terms where the script has one: pinyin, kana). Every language's forms are in every index, so a term
typed in one language finds the concept on the other language's pages. The search dialog's script
(theme/assets/javascripts/lookup.js) normalises the query as `normalise` does and ranks exact, then prefix,
then substring matches.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import labels
from .i18n import LocaleText
from .markers import N_
from .model import EQUIVALENCES, Concept, Glossary, Language
from .writing import HAN
from .publication import page_url_path

# Kinds of form, in the order they rank among matches of the same class. The script knows the numbers: a kind
# from DERIVED on up is a derived form, which ranks after every form written in an entry.
KINDS = ("term", "disambiguated", "synonym", "deprecated", "variant", "reading")
DERIVED = KINDS.index("variant")

# UI strings of the lookup, shown by the script in the page's language.
STRINGS = {
    "title": N_("Glossary terms"),
    "found": N_("%(count)s glossary terms"),
    "found_one": N_("1 glossary term"),
    "none": N_("No glossary term matches"),
    "instead": N_("%(deprecated)s: use %(term)s instead"),
}

_LATIN_MARKS = re.compile("[\u0300-\u036f]")


def normalise(text: str) -> str:
    """The key a form is found by: Unicode NFKC (full-width letters become half-width), case-folded, Latin
    diacritics and tone marks dropped ("ānquán" is "anquan"), and no spaces, hyphens, apostrophes or other
    punctuation ("Red-Teaming", "red teaming" and "redteaming" are one key; so are 安全（safety） and 安全(safety)).
    lookup.js does the same to every query."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _LATIN_MARKS.sub("", unicodedata.normalize("NFD", text))
    text = "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] not in "PZ")
    return unicodedata.normalize("NFC", text)


_VOWELS = "aeiou"


def english_variants(form: str) -> set[str]:
    """Other inflections of a term's last word a reader may type: singular or plural, and for a gerund its stem
    ("red teaming": "red team", "red teams"; "fine-tuning": "fine-tune"). Simple rules: they only ever add keys
    to the concept they come from, and never one that another concept has written in its entry."""
    head, _, word = form.rpartition(" ")
    head = f"{head} " if head else ""
    lower = word.lower()
    words: set[str] = set()
    if len(lower) > 5 and lower.endswith("ing"):
        stem = word[:-3]
        if stem[-1] == stem[-2] and stem[-1].lower() not in _VOWELS:
            stems = {stem[:-1]}  # "running": "run"
        elif stem[-1].lower() not in _VOWELS and stem[-2].lower() in _VOWELS and stem[-3].lower() not in _VOWELS:
            stems = {stem, stem + "e"}  # "fine-tuning": "fine-tune"; "opening": "open"
        else:
            stems = {stem}  # "red teaming": "red team"
        words |= stems | {w + "s" for w in stems}
    elif lower.endswith("ies") and len(lower) > 4:
        words.add(word[:-3] + "y")
    elif lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
        words.add(word[:-1])
        if lower.endswith("as"):
            words.add(word + "es")  # "bias": "biases" (and a harmless "bia")
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        words.add(word + "es")
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
        words.add(word[:-1] + "ies")
    else:
        words.add(word + "s")
    return {head + w for w in words if w}


# Derived forms by language: English inflections; the others have none (a reading is added wherever the script
# has one: writing.Reading).
_INFLECTIONS = {"en": english_variants}


@dataclass(frozen=True)
class Form:
    """Something a reader may type to reach a concept."""

    text: str  # as shown (a pinyin reading with its tone marks)
    language: str  # the language it is written in
    kind: str  # one of KINDS

    @property
    def key(self) -> str:
        return normalise(self.text)


def written_forms(concept: Concept, language: Language) -> list[Form]:
    """The forms an entry writes for a concept in one language: preferred term, disambiguated form, synonyms,
    deprecated terms."""
    section = concept.sections[language.code]
    code = language.code
    forms = [Form(section.term, code, "term")]
    if section.disambiguated:
        forms.append(Form(section.disambiguated, code, "disambiguated"))
    forms += [Form(s, code, "synonym") for s in section.synonyms]
    forms += [Form(d.term, code, "deprecated") for d in section.deprecated]
    return forms


def _derived_forms(concept: Concept, language: Language) -> list[Form]:
    section = concept.sections[language.code]
    inflect = _INFLECTIONS.get(language.code)
    forms: list[Form] = []
    for form in written_forms(concept, language):
        if form.kind in ("term", "synonym") and inflect:
            forms += [Form(v, language.code, "variant") for v in sorted(inflect(form.text))]
        if language.profile.reading and form.kind in ("term", "synonym"):  # pinyin for Chinese, kana for Japanese
            reading = language.profile.reading_of(form.text, section.reading if form.kind == "term" else "")
            forms.append(Form(reading, language.code, "reading"))
            if "ü" in reading:
                forms.append(Form(reading.replace("ü", "v"), language.code, "reading"))  # pinyin as typed on keyboards
    return forms


def all_forms(glossary: Glossary) -> dict[str, list[Form]]:
    """Concept id -> every form that finds it, written forms first. A derived form is left out where it is
    another concept's written form (the derivation would then be a different concept) or repeats a key."""
    written = {c.id: [f for lang in glossary.languages for f in written_forms(c, lang)] for c in glossary.concepts.values()}
    owners: dict[str, set[str]] = {}
    for concept_id, forms in written.items():
        for form in forms:
            owners.setdefault(form.key, set()).add(concept_id)
    result: dict[str, list[Form]] = {}
    for concept in glossary.concepts.values():
        forms, seen = [], set()
        for form in written[concept.id] + [f for lang in glossary.languages for f in _derived_forms(concept, lang)]:
            key = form.key
            if not key or key in seen or (form.kind in KINDS[DERIVED:] and key in owners):
                continue
            seen.add(key)
            forms.append(form)
        result[concept.id] = forms
    return result


def lookup_index(glossary: Glossary, language: Language, locales_dir: Path) -> str:
    """The index the search dialog of `language`'s pages loads, as compact JSON:

    - concepts: [URL relative to the language's root, [label in each language], [equivalence degree of each
      language's term, "" for the source language]], ordered as this language's A–Z index orders them;
    - keys: [key, concept number, kind number, language number, form as written (empty where it is the
      concept's label)]; languages are numbered as in `languages`;
    - languages, strings and degrees: what rows show, in this language (from the gettext catalogs).
    """
    text = LocaleText(language, locales_dir)
    order = [language, *[lang for lang in glossary.languages if lang.code != language.code]]
    number = {lang.code: i for i, lang in enumerate(order)}
    concepts = sorted(glossary.concepts.values(),
                      key=lambda c: language.profile.sort_key(c.sections[language.code].term,
                                                              c.sections[language.code].reading))
    forms = all_forms(glossary)
    rows, keys = [], []
    for index, concept in enumerate(concepts):
        sections = [concept.sections[lang.code] for lang in order]
        rows.append([page_url_path("concept", concept.id), [s.label for s in sections],
                     [s.equivalence.degree if s.equivalence else "" for s in sections]])
        for form in forms[concept.id]:
            label = concept.sections[form.language].label
            shown = "" if form.kind in ("term", "disambiguated") or form.text == label else form.text
            keys.append([form.key, index, KINDS.index(form.kind), number[form.language], shown])
    data = {
        "derived": DERIVED,
        "languages": [lang.tag for lang in order],
        "strings": {name: text.gettext(message) for name, message in STRINGS.items()},
        "degrees": {degree: text.gettext(labels.EQUIVALENCE[degree]) for degree in EQUIVALENCES},
        "concepts": rows,
        "keys": keys,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


_HAN_RUN = re.compile(f"[{HAN}]{{2,}}")


def jieba_user_dictionary(glossary: Glossary) -> str:
    """A jieba user dictionary (one word a line) of every Chinese term, synonym and deprecated term, so that
    full-text search segments them whole (人工智能安全, not 人工智能 / 安全). Parts written in another script
    or separated by punctuation (生成式 AI, 高影响、高可能性风险) give their Chinese runs."""
    words: set[str] = set()
    for concept in glossary.concepts.values():
        for language in glossary.languages:
            if HAN in language.profile.characters:  # Chinese, and the kanji of Japanese: Material cuts Han runs with jieba
                for form in written_forms(concept, language):
                    words.update(_HAN_RUN.findall(form.text))
    return "".join(f"{word}\n" for word in sorted(words))
