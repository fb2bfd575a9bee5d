"""Alignment between the languages of an entry."""

from __future__ import annotations

import unicodedata
from typing import Iterator

from babel.messages.pofile import PoFileError, read_po

from ..i18n import catalog_path
from ..model import Degree, fingerprint
from ..problems import WARNING, Problem, relative
from . import Context


def equivalence_note(ctx: Context) -> Iterator[Problem]:
    """A translation that is not an exact equivalent explains why, in the source language and in its own."""
    source = ctx.glossary.source_language.code
    for concept in ctx.glossary.concepts.values():
        for code, section in concept.sections.items():
            if section.equivalence is None or Degree(section.equivalence.degree).is_exact:
                continue
            for note_language in (source, code):
                if not section.equivalence.note.get(note_language):
                    yield ctx.problem(
                        concept,
                        (code, "equivalence", "note", note_language),
                        f"equivalence '{section.equivalence.degree}' needs a note in '{note_language}'",
                        f"add `note: {{{source}: ..., {code}: ...}}` saying what differs and how to write it unambiguously",
                    )


def homonyms(ctx: Context) -> Iterator[Problem]:
    """Concepts sharing a preferred term (安全 for safety and security) are never exact, contrast each other and
    each give a disambiguated rendering."""
    glossary = ctx.glossary
    for language in glossary.languages:
        code = language.code
        by_term: dict[str, list] = {}
        for concept in glossary.concepts.values():
            key = unicodedata.normalize("NFC", concept.sections[code].term).casefold()
            by_term.setdefault(key, []).append(concept)
        for group in by_term.values():
            if len(group) < 2:
                continue
            for concept in group:
                section = concept.sections[code]
                others = [c.id for c in group if c is not concept]
                shared = f"shares its {code} term '{section.term}' with {', '.join(others)}"
                if section.equivalence and Degree(section.equivalence.degree).is_exact:
                    yield ctx.problem(concept, (code, "equivalence", "degree"), f"cannot be an exact equivalent: it {shared}",
                                      "use partial (or broader) and say in the note how to tell them apart")
                missing = [o for o in others if o not in concept.related("contrast")]
                if missing:
                    yield ctx.problem(concept, ("relations",), f"{shared}, but does not list {', '.join(missing)} under relations.contrast",
                                      "readers must be pointed to the concept they may confuse it with")
                if not section.disambiguated:
                    yield ctx.problem(concept, (code, "term"), f"{shared}; give `disambiguated:`",
                                      "how to write it unambiguously, e.g. 安全（safety） or a distinct term")
                elif any(glossary.concepts[o].sections[code].disambiguated == section.disambiguated for o in others):
                    yield ctx.problem(concept, (code, "disambiguated"), f"{shared}, and gives the same disambiguated form '{section.disambiguated}'",
                                      "each concept needs its own unambiguous rendering")


def stale_translation(ctx: Context) -> Iterator[Problem]:
    """Each translation records the fingerprint of the source text it was made from; a change to the source
    term or definition makes it outdated until a translator reviews it."""
    source = ctx.glossary.source_language.code
    for concept in ctx.glossary.concepts.values():
        current = fingerprint(concept.sections[source])
        for code, section in concept.sections.items():
            if code == source:
                continue
            command = f"python -m termbase l10n reviewed {concept.id} --language {code}"
            if not section.source_fingerprint:
                yield ctx.problem(concept, (code,), "the translation records no source fingerprint",
                                  f"once the translation matches the {source} text, run `{command}`", WARNING)
            elif section.source_fingerprint != current:
                yield ctx.problem(concept, (code, "source_fingerprint"), f"the {source} term or definition changed since this translation was made",
                                  f"update the {code} text, then run `{command}`", WARNING)


def catalogs(ctx: Context) -> Iterator[Problem]:
    """Every UI message in locales/ is translated (and not fuzzy) in every translation language."""
    locales_dir = ctx.glossary.root / "locales"
    if not locales_dir.is_dir():
        return
    for language in ctx.glossary.languages[1:]:
        path = catalog_path(locales_dir, language.code)
        rel = relative(path, ctx.glossary.root)
        if not path.is_file():
            yield ctx.at(rel, 0, 0, "", f"no UI catalog for '{language.code}'",
                          f"run `pybabel init -i locales/messages.pot -d locales -l {language.code}`, then translate it")
            continue
        try:
            with path.open("rb") as handle:
                catalog = read_po(handle, abort_invalid=True)
        except UnicodeDecodeError as err:
            yield ctx.at(rel, 0, 0, "", f"the catalog is not valid UTF-8 ({err.reason})",
                          "save it as UTF-8")
            continue
        except PoFileError as err:
            yield ctx.at(rel, getattr(err, "lineno", 0), 1, "", f"the catalog cannot be read: {err}",
                          "fix the line, or restore the file and run `make catalogs`")
            continue
        for message in catalog:
            if not message.id:
                continue
            if not message.string or message.fuzzy:
                state = "fuzzy (needs review)" if message.fuzzy else "untranslated"
                yield ctx.at(rel, message.lineno, 1, "msgstr", f"'{message.id}' is {state}",
                              "translate it and remove the fuzzy flag")


def repeated_term(ctx: Context) -> Iterator[Problem]:
    """Within one language of an entry, the preferred term, synonyms and deprecated terms are all different."""
    for concept in ctx.glossary.concepts.values():
        for code, section in concept.sections.items():
            seen: dict[str, str] = {unicodedata.normalize("NFC", section.term).casefold(): "term"}
            listed = [(("synonyms", i), s) for i, s in enumerate(section.synonyms)]
            listed += [(("deprecated", i, "term"), d.term) for i, d in enumerate(section.deprecated)]
            for path, term in listed:
                key = unicodedata.normalize("NFC", term).casefold()
                if key in seen:
                    yield ctx.problem(concept, (code, *path), f"'{term}' is already listed as the {seen[key]}",
                                      "a term is preferred, admitted or deprecated, not two of these at once")
                seen.setdefault(key, path[0])


def placeholder(ctx: Context) -> Iterator[Problem]:
    """(warning) No definition is still the placeholder that `new` wrote: an unfinished entry does not pass CI."""
    placeholders = {lang.profile.placeholder for lang in ctx.glossary.languages}
    for concept in ctx.glossary.concepts.values():
        for code, section in concept.sections.items():
            if section.definition in placeholders:
                yield ctx.problem(concept, (code, "definition"), "the definition is still the placeholder",
                                  "write the definition (and its source) before the entry is merged", WARNING)
