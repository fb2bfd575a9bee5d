"""Loading `glossary/` into the model. Every problem is collected; nothing raises for bad input.

Layout:
    glossary/glossary.yaml        title and languages (the first language is the source)
    glossary/domains.yaml         domains
    glossary/jurisdictions.yaml   jurisdictions and bodies
    glossary/bibliography.yaml    sources, by id
    glossary/registry.yaml        every id ever published, with its fate (stable URLs)
    glossary/concepts/<id>.yaml   one file per concept
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import babel

from . import schema as schemas
from .model import (
    LEGACY_OWN_DEFINITION,
    Change,
    Citation,
    Concept,
    Conception,
    DefinitionSource,
    DeprecatedTerm,
    Domain,
    Equivalence,
    Glossary,
    Jurisdiction,
    Language,
    LanguageSection,
    RESERVED_IDS,
    RegistryEntry,
    Rendering,
    Source,
)
from .problems import ERROR, Problem, relative
from .schemacheck import SchemaChecker, checker_for, field_name
from .yamlsource import MAX_FILE_BYTES, Document, SourceError, file_type_problem, read_yaml

CONCEPTS_DIR = "concepts"
REGISTRY_FILE = "registry.yaml"
# The glossary-wide files grow with the glossary (the registry has a line per id ever published); the limits
# are several times what the glossary's bounds need, and small enough to read in well under a second.
MAX_SETTINGS_BYTES = 4 * 1024 * 1024
MAX_REGISTRY_BYTES = 2 * 1024 * 1024  # 20,000 active and 2,000 withdrawn ids with their reasons take under 1 MiB
MAX_CONCEPT_FILES = 20_000  # the benchmark's 10,000 entries build in minutes; twice that is the ceiling


@dataclass
class LoadResult:
    glossary: Glossary | None  # None when the settings themselves are unusable
    problems: list[Problem] = field(default_factory=list)
    # concept id (and "registry.yaml", "bibliography.yaml") -> its parsed file, for positions of later problems
    documents: dict[str, Document] = field(default_factory=dict)
    files_read: int = 0  # concept files looked at, loaded or not


class _Reader:
    """Reads files of one glossary, turning every failure into a Problem."""

    def __init__(self, glossary_dir: Path, project_root: Path):
        self.root = project_root
        self.problems: list[Problem] = []

    def rel(self, path: Path) -> str:
        return relative(path, self.root)

    def read(self, path: Path, checker: SchemaChecker | None = None, max_bytes: int = MAX_FILE_BYTES) -> Document | None:
        # Paths are made relative (which resolves links, a slow system call) only for files with problems.
        if file_type_problem(path) == "missing":
            self.problems.append(
                Problem(self.rel(path), 0, 0, ERROR, "file-missing", "", "the file is missing", "restore it from git")
            )
            return None
        try:
            doc = read_yaml(path, max_bytes)
        except SourceError as err:
            self.problems.append(Problem(self.rel(path), err.line, err.column, ERROR, err.rule, field_name(err.field),
                                         err.message, err.hint))
            return None
        if checker is not None and not self.check(doc, path, checker):
            return None
        return doc

    def check(self, doc: Document, path: Path, checker: SchemaChecker) -> bool:
        found = checker.problems(doc, path, self.rel)
        self.problems.extend(found)
        return not found


@contextlib.contextmanager
def _collector_paused():
    """Loading creates hundreds of thousands of small objects and no reference cycles: Python's cycle collector
    would walk them all again and again (a third of the run time on 10,000 entries) and find nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # what was loaded lives as long as the model: later collections need not walk it again
        if was_enabled:
            gc.enable()


def load_glossary(glossary_dir: Path, project_root: Path | None = None) -> LoadResult:
    with _collector_paused():
        return _load_glossary(Path(glossary_dir), project_root)


def _load_glossary(glossary_dir: Path, project_root: Path | None) -> LoadResult:
    root = Path(project_root) if project_root else glossary_dir.parent
    reader = _Reader(glossary_dir, root)

    settings = reader.read(glossary_dir / "glossary.yaml", checker_for(schemas.GLOSSARY_SCHEMA))
    if settings is None:
        return LoadResult(None, reader.problems)
    languages = tuple(Language(**item) for item in settings.data["languages"])
    codes = [lang.code for lang in languages]
    for index, language in enumerate(languages):
        try:
            babel.Locale.parse(language.locale)
        except (ValueError, babel.UnknownLocaleError):
            reader.problems.append(
                Problem(reader.rel(glossary_dir / "glossary.yaml"), *settings.where(("languages", index, "locale")), ERROR,
                        "schema", f"languages[{index}].locale", f"'{language.locale}' is not a locale Babel knows",
                        "use a CLDR locale such as 'en', 'zh_Hans_CN' or 'fr'")
            )
    if any(p.field.endswith(".locale") for p in reader.problems):
        return LoadResult(None, reader.problems)
    if len(set(codes)) != len(codes):
        reader.problems.append(
            Problem(reader.rel(glossary_dir / "glossary.yaml"), *settings.where(("languages",)), ERROR, "schema",
                    "languages", "a language is declared twice", "declare each language once")
        )
        return LoadResult(None, reader.problems)
    covered = reader.check(settings, glossary_dir / "glossary.yaml", checker_for(schemas.glossary_languages_schema(codes)))
    if not _tags_name_their_languages(settings, glossary_dir / "glossary.yaml", languages, reader) or not covered:
        return LoadResult(None, reader.problems)

    domains_doc = reader.read(glossary_dir / "domains.yaml", checker_for(schemas.domains_schema(codes)))
    jurisdictions_doc = reader.read(glossary_dir / "jurisdictions.yaml", checker_for(schemas.jurisdictions_schema(codes)))
    bibliography_doc = reader.read(glossary_dir / "bibliography.yaml", checker_for(schemas.BIBLIOGRAPHY_SCHEMA),
                                   MAX_SETTINGS_BYTES)
    registry_doc = reader.read(glossary_dir / REGISTRY_FILE, checker_for(schemas.registry_schema(codes)), MAX_REGISTRY_BYTES)
    if registry_doc is not None:
        dates = [((i, "date"), item.get("date")) for i, item in enumerate(registry_doc.data)]
        if not _real_dates(registry_doc, glossary_dir / REGISTRY_FILE, dates, reader):
            registry_doc = None
    if domains_doc is None or jurisdictions_doc is None or bibliography_doc is None or registry_doc is None:
        return LoadResult(None, reader.problems)

    domains = {d["id"]: Domain(d["id"], d["name"]) for d in domains_doc.data}
    jurisdictions = {j["code"]: Jurisdiction(j["code"], j["name"]) for j in jurisdictions_doc.data}
    bibliography = {s["id"]: _source(s) for s in bibliography_doc.data["sources"]}
    for doc, prefix, key, name in (
        (domains_doc, (), "id", "domains.yaml"),
        (jurisdictions_doc, (), "code", "jurisdictions.yaml"),
        (bibliography_doc, ("sources",), "id", "bibliography.yaml"),
        (registry_doc, (), "id", REGISTRY_FILE),
    ):
        listing = doc.data[prefix[0]] if prefix else doc.data
        reader.problems.extend(_duplicates(listing, doc, prefix, key, reader.rel(glossary_dir / name)))

    checker = checker_for(schemas.entry_schema(codes, list(domains), list(jurisdictions), schemas.reading_fields(languages)))
    concepts: dict[str, Concept] = {}
    documents: dict[str, Document] = {}
    concept_dir = glossary_dir / CONCEPTS_DIR
    files_read = 0
    for path in _entry_files(concept_dir, reader):
        if path.name.startswith("."):
            continue  # editors' and our own temporary files (.x.yaml.tmp), .gitkeep
        kind = file_type_problem(path)
        if kind:
            reader.problems.append(Problem(reader.rel(path), 0, 0, ERROR, "file-type", "",
                                           f"not an entry: this is {kind}, not a file",
                                           "entries are ordinary files named <id>.yaml: replace it with the file "
                                           "itself, or remove it"))
            continue
        if path.suffix != ".yaml":
            hint = (f"rename it to {path.stem}.yaml" if path.suffix.lower() in (".yml", ".yaml")
                    else "only entries (<id>.yaml) belong here: move it elsewhere")
            reader.problems.append(Problem(reader.rel(path), 0, 0, ERROR, "file-name", "",
                                           "not an entry: entries are files named <id>.yaml", hint))
            continue
        files_read += 1
        doc = reader.read(path)
        if doc is None:
            continue
        sound = _identity_and_dates(doc, path, reader)
        if not reader.check(doc, path, checker) or not sound:
            continue
        concept = concept_from_data(doc.data, path, languages)  # its id is its file name (checked above): unique
        concepts[concept.id] = concept
        documents[concept.id] = doc

    registry = {
        item["id"]: RegistryEntry(item["id"], item["fate"], item.get("to", ""), item.get("date", ""), item.get("reason", {}))
        for item in registry_doc.data
    }
    glossary = Glossary(
        root=root,
        directory=glossary_dir,
        title=settings.data["title"],
        authors=settings.data["authors"],
        version=settings.data["version"],
        languages=languages,
        domains=domains,
        jurisdictions=jurisdictions,
        bibliography=bibliography,
        concepts=concepts,
        registry=registry,
    )
    documents[REGISTRY_FILE] = registry_doc
    documents["bibliography.yaml"] = bibliography_doc
    documents["domains.yaml"] = domains_doc
    documents["jurisdictions.yaml"] = jurisdictions_doc
    documents["glossary.yaml"] = settings
    return LoadResult(glossary, reader.problems, documents, files_read)


def _tags_name_their_languages(settings: Document, path: Path, languages: tuple[Language, ...], reader: _Reader) -> bool:
    """What the schema of glossary.yaml cannot say: each language's tag is a tag of that language (its primary
    subtag is the code), and no two languages have the same tag."""
    found = []
    tags: dict[str, int] = {}
    for index, language in enumerate(languages):
        where = ("languages", index, "tag")
        if language.tag.split("-")[0].lower() != language.code:
            found.append((where, f"languages[{index}].tag", f"the tag '{language.tag}' is not a tag of '{language.code}'",
                          f"begin it with the language code, as in '{language.code}' or '{language.code}-Hans'"))
        if language.tag.lower() in tags:
            found.append((where, f"languages[{index}].tag", f"the tag '{language.tag}' is declared twice",
                          "give each language a tag of its own"))
        tags[language.tag.lower()] = index
    rel = reader.rel(path)
    reader.problems.extend(Problem(rel, *settings.where(where), ERROR, "schema", name, message, hint)
                           for where, name, message, hint in found)
    return not found


def _entry_files(concept_dir: Path, reader: _Reader) -> list[Path]:
    """The names in glossary/concepts/, which must be a folder of its own (not a link to one elsewhere)."""
    kind = file_type_problem(concept_dir)
    if kind and kind != "a folder":
        what = "is missing" if kind == "missing" else f"is {kind}, not a folder"
        reader.problems.append(Problem(reader.rel(concept_dir), 0, 0, ERROR, "file-type", "",
                                       f"the folder of entries {what}", "restore glossary/concepts/ from git"))
        return []
    if len(names := os.listdir(concept_dir)) > MAX_CONCEPT_FILES:
        reader.problems.append(Problem(reader.rel(concept_dir), 0, 0, ERROR, "file-too-large", "",
                                       f"{len(names):,} files, over the limit of {MAX_CONCEPT_FILES:,}",
                                       "the glossary is not built for more entries than that"))
        return []
    return [concept_dir / name for name in sorted(names)]


def _source(data: dict[str, Any]) -> Source:
    return Source(
        id=data["id"],
        title=data["title"],
        publisher=data["publisher"],
        date=str(data["date"]),
        title_en=data.get("title_en", ""),
        url=data.get("url", ""),
        type=data.get("type", ""),
        amended_by=tuple(data.get("amended_by", ())),
    )


def _duplicates(items: list[dict], doc: Document, prefix: tuple, key: str, path: str) -> list[Problem]:
    seen: set[str] = set()
    found = []
    for index, item in enumerate(items):
        if item[key] in seen:
            line, column = doc.where((*prefix, index, key))
            found.append(Problem(path, line, column, ERROR, "duplicate-id", key, f"'{item[key]}' is listed twice",
                                 "keep one of them"))
        seen.add(item[key])
    return found


def citation(value: str | dict) -> Citation:
    if isinstance(value, str):
        return Citation(value)
    return Citation(value["id"], value.get("at", ""))


def citations(values) -> tuple[Citation, ...]:
    return tuple(citation(v) for v in values)


def definition_source(value: str | dict) -> DefinitionSource:
    if value == LEGACY_OWN_DEFINITION:
        return DefinitionSource("written", (), legacy=True)
    if isinstance(value, dict) and "basis" in value:
        return DefinitionSource(value["basis"], citations(value["sources"]))
    return DefinitionSource("", (citation(value),), legacy=True)  # a bare citation: the basis is not said


def _section(data: dict[str, Any], language: Language) -> LanguageSection:
    equivalence = data.get("equivalence")
    return LanguageSection(
        term=data["term"],
        definition=data["definition"],
        definition_source=definition_source(data["definition_source"]),
        synonyms=tuple(data.get("synonyms", ())),
        deprecated=tuple(DeprecatedTerm(d["term"], d["reason"]) for d in data.get("deprecated", ())),
        note=data.get("note", ""),
        disambiguated=data.get("disambiguated", ""),
        reading=data.get(language.profile.reading.field, "") if language.profile.reading else "",
        equivalence=Equivalence(equivalence["degree"], dict(equivalence.get("note", {})),
                                citations(equivalence.get("sources", ()))) if equivalence else None,
        source_fingerprint=data.get("source_fingerprint", ""),
        note_sources=citations(data.get("note_sources", ())),
    )


def _identity_and_dates(doc: Document, path: Path, reader: _Reader) -> bool:
    """Checks the schema cannot express: the id equals the file name, dates are real dates. They run whether or not
    the file passed the schema (so that one run reports everything), on whatever shape the data has."""
    data = doc.data if isinstance(doc.data, dict) else {}
    ok = True
    if path.stem in RESERVED_IDS:
        line, column = doc.where(("id",))
        reader.problems.append(
            Problem(reader.rel(path), line, column, ERROR, "id-file-name", "id", f"the id '{path.stem}' is reserved",
                    f"the site uses terms/{path.stem}/ for its own page: choose another id")
        )
        ok = False
    if isinstance(data.get("id"), str) and data["id"] != path.stem:
        line, column = doc.where(("id",))
        reader.problems.append(
            Problem(reader.rel(path), line, column, ERROR, "id-file-name", "id",
                    f"the id '{data['id']}' differs from the file name",
                    f"the id must equal the file name: write `id: {path.stem}` or rename the file to {data['id']}.yaml")
        )
        ok = False
    dates = [(("updated",), data.get("updated"))]
    history = data.get("history") if isinstance(data.get("history"), list) else []
    dates += [(("history", i, "date"), h.get("date")) for i, h in enumerate(history) if isinstance(h, dict)]
    return _real_dates(doc, path, dates, reader) and ok


def _real_dates(doc: Document, path: Path, dates: list[tuple[tuple, Any]], reader: _Reader) -> bool:
    """Dates of the right shape must be real calendar dates, and not in the future."""
    ok = True
    latest = datetime.date.today() + datetime.timedelta(days=1)  # a day's grace for time zones
    for where, value in dates:
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            continue  # missing or malformed: the schema says so
        try:
            problem = "is in the future" if datetime.date.fromisoformat(value) > latest else ""
        except ValueError:
            problem = "is not a real date"
        if problem:
            line, column = doc.where(where)
            reader.problems.append(Problem(reader.rel(path), line, column, ERROR, "schema", field_name(where),
                                           f"'{value}' {problem}", "write the date of the change as YYYY-MM-DD"))
            ok = False
    return ok


def concept_from_data(data: dict[str, Any], path: Path, languages: Sequence[Language]) -> Concept:
    """The Concept of an entry's data, once it has passed the schema (also used to read the JSON export back)."""
    return Concept(
        id=data["id"],
        path=path,
        status=data["status"],
        domain=data["domain"],
        version=data["version"],
        updated=datetime.date.fromisoformat(data["updated"]),
        sections={lang.code: _section(data[lang.code], lang) for lang in languages},
        conceptions=tuple(
            Conception(
                jurisdiction=c["jurisdiction"],
                text={k: v for k, v in c.items() if k not in ("jurisdiction", "sources")},
                sources=tuple(citation(s) for s in c["sources"]),
            )
            for c in data.get("conceptions", ())
        ),
        relations={kind: tuple(ids) for kind, ids in data.get("relations", {}).items()},
        sources=tuple(citation(s) for s in data.get("sources", ())),
        history=tuple(
            Change(h["version"], datetime.date.fromisoformat(h["date"]), dict(h["summary"])) for h in data.get("history", ())
        ),
        renderings=tuple(
            Rendering(
                text={lang.code: r[lang.code] for lang in languages if lang.code in r},
                translated_from=r["translated_from"],
                official=r["official"],
                source=citation(r["source"]),
                note=dict(r.get("note", {})),
            )
            for r in data.get("renderings", ())
        ),
    )
