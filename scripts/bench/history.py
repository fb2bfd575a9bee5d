"""The cost of versioned pages: 1,000 synthetic concepts, each committed in three versions (a git repository made
for the purpose), measured as the build sees them.

    python -m bench.history [--count 1000] [--versions 3] [--build [--baseline]]

Reports the CPU time (time.process_time, so that a loaded machine does not distort it) of reading the whole
history (git log + git cat-file, and parsing every earlier version), of rendering every page with and without
the earlier versions, and the number of pages; with --build, also the wall-clock time of the strict bilingual
MkDocs build with history (--baseline: of the same glossary without it).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .synthetic import PROJECT, generate

GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", "-c", "commit.gpgsign=false"]


def _versions(project: Path, versions: int) -> None:
    """Commit the glossary, then commit `versions - 1` more versions of every entry (definition changed, version
    bumped, a history item in each language)."""
    subprocess.run([*GIT, "init", "-q", "-b", "main", str(project)], check=True)
    subprocess.run([*GIT, "-C", str(project), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(project), "commit", "-q", "-m", "version 1"], check=True)
    import yaml

    for round_ in range(1, versions):
        for path in sorted((project / "glossary" / "concepts").glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            number, date = data["version"] + 1, f"2026-11-{22 + round_}"
            data["version"], data["updated"] = number, date
            data["en"]["definition"] = f"Revision {number}: {data['en']['definition']}"
            data["history"] = [*(data.get("history") or []),
                               {"version": number, "date": date, "summary": {"en": f"Revision {number}.",
                                                                              "zh": f"第{number}次修订。"}}]
            for item in data["history"]:
                item["date"] = str(item["date"])
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        subprocess.run([*GIT, "-C", str(project), "commit", "-q", "-a", "-m", f"round {round_}"], check=True)


def _page_count(published) -> int:
    """Pages MkDocs builds plus the version pages written into its shell."""
    return len(published.pages) + sum(len(pages) for pages in published.version_pages.values())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--versions", type=int, default=3)
    parser.add_argument("--build", action="store_true")
    parser.add_argument("--baseline", action="store_true",
                        help="with --build: build without the git history (current versions only), for comparison")
    args = parser.parse_args()
    sys.path.insert(0, str(PROJECT / "scripts"))
    from termbase import history
    from termbase.loader import load_glossary
    from termbase.publication import SiteInfo
    from termbase.site import publish

    with tempfile.TemporaryDirectory() as folder:
        project = generate(Path(folder) / "project", args.count)
        _versions(project, args.versions)
        glossary = load_glossary(project / "glossary", project).glossary
        assert all(len(c.history) >= args.versions - 1 for c in glossary.concepts.values()), "entries not bumped"
        site = SiteInfo.for_build(glossary, "http://127.0.0.1:8000/")
        start = time.process_time()
        past = history.read_history(project)
        versions = history.published_versions(glossary, past)
        read = time.process_time() - start
        start = time.process_time()
        current_only = publish(glossary, project / "locales", site)
        plain = time.process_time() - start
        start = time.process_time()
        published = publish(glossary, project / "locales", site, versions)
        with_history = time.process_time() - start
        figures = {
            "concepts": args.count, "versions": args.versions,
            "history_read_cpu_s": round(read, 2), "pages_without_history": _page_count(current_only),
            "pages_with_history": _page_count(published), "render_cpu_s_without_history": round(plain, 2),
            "render_cpu_s_with_history": round(with_history, 2),
            "earlier_versions_with_pages": sum(v.concept is not None for vs in versions.of.values() for v in vs[:-1]),
        }
        if args.build:
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            if args.baseline:
                shutil.rmtree(project / ".git")
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir",
                            str(Path(folder) / "site")], cwd=project, env=env, check=True)
            figures["build_wall_s_" + ("without" if args.baseline else "with") + "_history"] = round(
                time.perf_counter() - start, 1)
        print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
