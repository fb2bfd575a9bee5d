"""The ids published before: those in glossary/registry.yaml at an earlier commit (the base branch of a pull
request, the last release). None of them may disappear from the registry, or its URL would end in "not found".

Read from git, with the same hardened reader as every other glossary file; where there is no git history (an
exported tarball), there is nothing to compare with and the check is skipped.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .yamlsource import SourceError, parse_yaml

MAX_BYTES = 4 * 1024 * 1024


class PublishedError(Exception):
    """The ids at that commit cannot be read (no such commit, not a repository, a broken file)."""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=60)


def published_ids(glossary_dir: Path, ref: str) -> frozenset[str]:
    """Every id in the registry at commit `ref` (any fate)."""
    glossary_dir = Path(glossary_dir).absolute()
    try:
        top = _git(glossary_dir, "rev-parse", "--show-toplevel")
    except (OSError, subprocess.SubprocessError) as err:
        raise PublishedError(f"git is not available ({err})") from None
    if top.returncode:
        raise PublishedError(f"{glossary_dir} is not in a git repository")
    root = Path(top.stdout.decode("utf-8", "replace").strip())
    try:
        inside = (glossary_dir.resolve() / "registry.yaml").relative_to(root.resolve()).as_posix()
    except ValueError:
        raise PublishedError("the glossary is outside its git repository") from None
    shown = _git(root, "show", "--end-of-options", f"{ref}:{inside}")
    if shown.returncode:
        exists = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
        if exists.returncode:
            raise PublishedError(f"'{ref}' is not a commit of this repository")
        return frozenset()  # the registry did not exist yet: nothing was published
    if len(shown.stdout) > MAX_BYTES:
        raise PublishedError(f"the registry at {ref} is over {MAX_BYTES:,} bytes")
    try:
        data = parse_yaml(shown.stdout.decode("utf-8")).data
    except (UnicodeDecodeError, SourceError) as err:
        raise PublishedError(f"the registry at {ref} cannot be read ({getattr(err, 'message', err)})") from None
    items = data if isinstance(data, list) else []
    return frozenset(item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str))
