"""The published versions of the entries, read from the repository's git history.

Why git: every version ever committed is already there, exactly as it was published, with no copy to keep in
step (a snapshot kept in the data can drift from what was published, and contributors would have to write it).
A version's text is the entry file as the last commit with that `version:` left it (later typo fixes within a
version included). History is read along the first-parent line of HEAD: the timeline of the branch being built,
which on main is what was published. Two git processes read it all (`git log --raw`, then `git cat-file
--batch` for the files' contents), whatever the number of entries.

Without git or with a shallow clone (CI's default checkout), older versions are unknown: the site then has pages
only for the current versions, and `History.notice` says why (a build to publish refuses that; see site.py).
The same module gives the version discipline check its base: each entry as the base branch has it.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from fastjsonschema import JsonSchemaException

from .loader import concept_from_data
from .model import Concept, Fate, Glossary
from .publication import CONCEPTS_SOURCE_DIR
from .schema import glossary_entry_schema
from .schemacheck import checker_for
from .yamlsource import SourceError, parse_yaml

_VERSION_LINE = re.compile(rb"^version:[ \t]*(\d+)[ \t]*(?:#.*)?$", re.MULTILINE)
_NO_BLOB = "0" * 40
BASE_VARIABLE = "GLOSSARY_BASE"  # a git ref to check version discipline against, overriding the default below
DEFAULT_BASES = ("main", "origin/main")  # the first that exists is the base branch


@dataclass(frozen=True)
class History:
    """Each entry file's published versions: file stem (the id it had then) -> version -> the file's bytes."""

    texts: dict[str, dict[int, bytes]] = field(default_factory=dict)
    notice: str = ""  # why older versions are unknown ("" when the whole history was read)
    head: str = ""  # the commit read, for caching


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    """Output of a git command run in `root`, or None if git is missing or the command fails."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, check=False,
                              env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def head_commit(root: Path) -> str:
    """The commit checked out in `root` ("" outside a git repository)."""
    out = _git(root, "rev-parse", "--verify", "-q", "HEAD")
    return out.decode().strip() if out else ""


def _blobs(root: Path, ids: list[str]) -> dict[str, bytes]:
    """The contents of these git objects (blob ids, or `<commit>:<path>`), read by one `git cat-file --batch`."""
    if not ids:
        return {}
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{i}\n" for i in ids).encode())
    contents: dict[str, bytes] = {}
    position = 0
    for name in ids:
        end = out.find(b"\n", position) if out else -1
        if end < 0:
            break
        header = out[position:end].split()
        position = end + 1
        if len(header) < 3 or header[1] != b"blob":  # "<name> missing"
            continue
        size = int(header[2])
        contents[name] = out[position:position + size]
        position += size + 1
    return contents


def version_of(text: bytes) -> int | None:
    """The `version:` an entry file states (None if it states none)."""
    match = _VERSION_LINE.search(text)
    return int(match.group(1)) if match else None


def read_history(root: Path) -> History:
    """Every version of every entry file committed on HEAD's first-parent line."""
    head = head_commit(root)
    if not head:
        return History(notice="no git history here (not a git checkout, or git is missing): only the current "
                              "version of each entry gets a page")
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    notice = ""
    if shallow is not None and shallow.strip() == b"true":
        notice = ("this is a shallow clone: versions older than its history are missing (fetch the whole history: "
                  "`git fetch --unshallow`, or `fetch-depth: 0` for actions/checkout)")
    log = _git(root, "log", "--first-parent", "--diff-merges=first-parent", "--raw", "--no-renames", "--no-abbrev",
               "--relative", "--format=", "HEAD", "--", CONCEPTS_SOURCE_DIR) or b""
    changes: dict[str, list[str]] = {}  # file stem -> its blobs, newest first
    for line in log.decode("utf-8", "replace").splitlines():
        if not line.startswith(":"):
            continue
        meta, _, path = line.partition("\t")
        blob = meta.split()[3]
        name = path.rsplit("/", 1)[-1]
        if blob != _NO_BLOB and name.endswith(".yaml") and "/" not in path[len(CONCEPTS_SOURCE_DIR) + 1:]:
            changes.setdefault(name[: -len(".yaml")], []).append(blob)
    contents = _blobs(root, sorted({b for blobs in changes.values() for b in blobs}))
    texts: dict[str, dict[int, bytes]] = {}
    for stem, blobs in changes.items():
        versions = texts.setdefault(stem, {})
        for blob in blobs:  # newest first: the first text seen of a version is its last state
            text = contents.get(blob)
            version = version_of(text) if text is not None else None
            if version is not None and version not in versions:
                versions[version] = text
    return History(texts, notice, head)


def base_ref(root: Path, environ: Mapping[str, str] = os.environ) -> tuple[str, str]:
    """What a change is compared with for version discipline: (a name for messages, the commit).

    GLOSSARY_BASE if set; in a GitHub pull request, the branch it merges into (origin/$GITHUB_BASE_REF); else the
    first of main, origin/main that exists. The commit is where HEAD left that branch (their merge base), so a
    branch is checked for its own changes; on the base branch itself, the working tree is checked against HEAD.
    ("", "") when there is no such branch or no git.
    """
    candidates = [environ.get(BASE_VARIABLE, "")]
    if environ.get("GITHUB_BASE_REF"):
        candidates.append(f"origin/{environ['GITHUB_BASE_REF']}")
    for name in [*filter(None, candidates), *DEFAULT_BASES]:
        out = _git(root, "merge-base", "HEAD", name)
        if out:
            return name, out.decode().strip()
    return "", ""


def base_texts(root: Path, commit: str) -> dict[str, bytes]:
    """The entry files (by file stem) that differ between `commit` and the working tree, as `commit` has them."""
    changed = _git(root, "diff", "--name-only", "--no-renames", "--relative", commit, "--", CONCEPTS_SOURCE_DIR)
    prefix = _git(root, "rev-parse", "--show-prefix")
    if changed is None or prefix is None:
        return {}
    paths = [p for p in changed.decode("utf-8", "replace").splitlines() if p.endswith(".yaml")]
    names = {f"{commit}:{prefix.decode().strip()}{p}": p.rsplit("/", 1)[-1][: -len(".yaml")] for p in paths}
    return {names[key]: text for key, text in _blobs(root, list(names)).items()}


def concept_at(text: bytes, current: Concept, glossary: Glossary) -> Concept | None:
    """An earlier version of `current` from its file's text, under the current id and path (a renamed concept's
    versions were written under its old id), for comparing with (version discipline): None only if the text
    cannot be read as an entry at all. Pages ask more of it (published_versions)."""
    return _read_version(text, current.id, current.path, glossary)


def _entry_check(glossary: Glossary) -> Callable[[Any], Any]:
    return checker_for(glossary_entry_schema(glossary)).is_valid


def _read_version(text: bytes, concept_id: str, path: Path, glossary: Glossary,
                  is_valid: Callable[[Any], Any] | None = None) -> Concept | None:
    """The Concept of a committed text; with `is_valid` (today's entry schema), None unless the text is also a
    valid entry of today's glossary (a language added since, a jurisdiction removed, say): such a version has
    no page, and the build log says so."""
    try:  # read as untrusted as any entry (no aliases or tags), though it passed the checks when committed
        data = {**parse_yaml(text.decode("utf-8")).data, "id": concept_id}
        if is_valid is not None:
            is_valid(data)  # languages, jurisdictions, domains and fields as the pages expect them
        return concept_from_data(data, path, glossary.languages)
    except (SourceError, UnicodeDecodeError, JsonSchemaException, KeyError, TypeError, ValueError, AttributeError):
        return None


@dataclass(frozen=True)
class PublishedVersion:
    """One published version of an entry: its number, date and summary (from the entry's `history`, else its
    file), and its text as a Concept (None when the text is unknown: no git history)."""

    number: int
    date: datetime.date
    summary: dict[str, str]
    concept: Concept | None


def _stems(glossary: Glossary, concept_id: str) -> list[str]:
    """The file stems a concept's versions were written under: ids renamed into it (oldest first), then its own.
    Renames only: the versions of an id merged into it are that id's own (SiteVersions.gone)."""
    renamed = [e.id for e in glossary.registry.values()
               if Fate(e.fate) is Fate.RENAMED and e.id != concept_id and glossary.renamed_to(e.id) == concept_id]
    return [*renamed, concept_id]


@dataclass(frozen=True)
class SiteVersions:
    """What the site needs of the history: each concept's published versions (oldest first, ending with the
    current one as the model has it), the versions published under ids no longer active (for their redirects),
    and the committed versions whose text could not be read (concept id, version)."""

    of: dict[str, tuple[PublishedVersion, ...]]
    retired: dict[str, tuple[int, ...]]
    unreadable: tuple[tuple[str, int], ...] = ()
    # the versions of merged and withdrawn ids, with their texts: still readable at their own addresses
    gone: dict[str, tuple[PublishedVersion, ...]] = field(default_factory=dict)

    @property
    def with_pages(self) -> frozenset[tuple[str, int]]:
        """(id, version) of every version that has a page: its text is known."""
        return frozenset((concept_id, v.number) for published in (self.of, self.gone)
                         for concept_id, versions in published.items() for v in versions if v.concept is not None)


def published_versions(glossary: Glossary, history: History | None) -> SiteVersions:
    history = history or History()
    result, unreadable = {}, []
    is_valid = _entry_check(glossary)
    for concept in glossary.concepts.values():
        items = {change.version: change for change in concept.history}
        texts: dict[int, bytes] = {}
        for stem in _stems(glossary, concept.id):
            texts.update(history.texts.get(stem, {}))
        versions = []
        for number in sorted({*items, *texts, concept.version}):
            if number > concept.version:
                continue  # a version committed and then taken back is the history rule's business, not a page
            if number == concept.version:
                text = concept
            else:
                text = _read_version(texts[number], concept.id, concept.path, glossary, is_valid) \
                    if number in texts else None
                if number in texts and text is None:
                    unreadable.append((concept.id, number))
            change = items.get(number)
            date = change.date if change else (text.updated if text else None)
            if date is None:
                continue
            versions.append(PublishedVersion(number, date, dict(change.summary) if change else {}, text))
        result[concept.id] = tuple(versions)
    retired = {stem: tuple(sorted(texts)) for stem, texts in history.texts.items() if stem not in glossary.concepts}
    gone = {}
    for entry in glossary.registry.values():  # merged and withdrawn ids: their versions, with those renamed into them
        if not Fate(entry.fate).keeps_its_versions or entry.id in glossary.concepts:
            continue
        texts: dict[int, bytes] = {}
        for stem in _stems(glossary, entry.id):
            texts.update(history.texts.get(stem, {}))
        path = glossary.directory / "concepts" / f"{entry.id}.yaml"
        read = {number: _read_version(text, entry.id, path, glossary, is_valid) for number, text in texts.items()}
        unreadable += [(entry.id, number) for number, text in read.items() if text is None]
        read = {number: text for number, text in read.items() if text is not None}
        if not read:
            continue  # nothing to show: its addresses redirect (redirects) or keep the tombstone
        items = {change.version: change for change in read[max(read)].history}
        gone[entry.id] = tuple(
            PublishedVersion(number, items[number].date if number in items else text.updated,
                             dict(items[number].summary) if number in items else {}, text)
            for number, text in sorted(read.items()))
    return SiteVersions(result, retired, tuple(unreadable), gone)
