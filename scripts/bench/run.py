"""`make bench`: how long validation and the bilingual build take at scale, against their baselines.

    python -m bench.run [--repeat 3] [--quick] [--only lookup|build] [--output scripts/bench/results.json]

Each measurement runs in a fresh process (so peak memory is its own) and is repeated; the median is reported.
(a) validation of 1,000 and 10,000 synthetic concepts, next to merely parsing the same files with the fastest
    YAML loader (PyYAML's libyaml CSafeLoader);
(b) the strict bilingual build of 100 and 1,000 concepts, next to a plain MkDocs build of the very same pages
    written out as static Markdown (same theme, same plugins, no hook);
(c) peak memory (maximum resident set size) of each;
(d) sizes: a term page, the search index, per 1,000 concepts;
(e) the term lookup (bench/lookup.py): its script and index sizes, compressed, and the time from a keystroke to
    the results drawn, in headless Chromium, at 100 and 1,000 concepts; and the real glossary's index per 1,000
    concepts (its entries write more forms than the synthetic ones).
`--only lookup` measures (e) alone (building each synthetic site once), `--only build` (b) to (d); either keeps
the other figures of the output.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import lookup
from .synthetic import PROJECT, generate

TARGETS = {
    "validation ratio at 10k (≤ 2×)": lambda r: r["validate"]["10000"]["ratio"] <= 2.0,
    "validation at 10k (< 10 s)": lambda r: r["validate"]["10000"]["seconds"] < 10,
    "build ratio at 1k (≤ 1.2×)": lambda r: r["build"]["1000"]["ratio"] <= 1.2,
    "build at 1k (< 30 s)": lambda r: r["build"]["1000"]["seconds"] < 30,
    "term page (< 40 KB)": lambda r: r["sizes"]["term_page_max_kb"] < 40,
    "search index at 1k (< 5 MB)": lambda r: r["sizes"]["search_index_mb_per_1000"] < 5,
    "lookup script (< 10 KB compressed)": lambda r: r["lookup"]["1000"]["script_gzip_kb"] < 10,
    "lookup index at 1k (< 150 KB compressed)": lambda r: max(
        r["lookup"]["1000"]["index_gzip_kb"], r["lookup"]["real"]["index_gzip_kb_per_1000"]) < 150,
    "lookup keystroke to results at 1k (< 50 ms, p95)": lambda r: r["lookup"]["1000"]["alone"]["drawn_ms_p95"] < 50,
}

_WORKER = """
import json, resource, sys, time
from pathlib import Path
import yaml
from termbase.validate import validate
mode, folder = sys.argv[1], Path(sys.argv[2])
start = time.perf_counter()  # after the imports, which cost the same whatever the size of the glossary
if mode == "parse":
    for path in sorted((folder / "glossary" / "concepts").glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
else:
    problems = validate(folder / "glossary", folder)[1]
    assert not [p for p in problems if p.is_error], problems[:3]
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(PROJECT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}


def _worker(mode: str, folder: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", _WORKER, mode, str(folder)], env=_environment(),
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def _build(project: Path, site: Path) -> dict:
    """Time a strict build in a child process; peak memory from the child's resource usage."""
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
                               cwd=project, env=_environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build failed in {project}:\n{process.stderr.read().decode()[-2000:]}")
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024}


def _median(runs: list[dict]) -> dict:
    return {"seconds": statistics.median(r["seconds"] for r in runs), "peak_mb": max(r["peak_mb"] for r in runs)}


def _plain_copy(project: Path, destination: Path, built: Path) -> Path:
    """The same site as static Markdown: generated pages written into docs/, the hook removed from mkdocs.yml;
    version pages (which the hook writes outside MkDocs) copied from the site `built` as static HTML files."""
    sys.path.insert(0, str(PROJECT / "scripts"))
    from termbase.loader import load_glossary
    from termbase.publication import SiteInfo
    from termbase.site import publish

    shutil.copytree(project, destination)
    glossary = load_glossary(destination / "glossary", destination).glossary
    site = SiteInfo.for_build(glossary, "http://127.0.0.1:8000/")
    published = publish(glossary, destination / "locales", site)
    files = {**{path: page.markdown for path, page in published.pages.items()}, **published.downloads}
    for code, pages in published.version_pages.items():  # static files, as the hook writes them (not through MkDocs)
        suffix = "" if code == site.default_code else f".{code}"
        files.update({f"{address}index{suffix}.html": (built / site.prefix(code) / address / "index.html").read_text(
            encoding="utf-8") for address in pages})
    for path, content in files.items():
        target = destination / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):  # the XLSX download
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    config = destination / "mkdocs.yml"
    config.write_text(re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config.read_text(encoding="utf-8")), encoding="utf-8")
    return destination


def _lookup(site: Path, project: Path) -> dict:
    """The term lookup's sizes and keystroke latency on a built synthetic site."""
    sys.path.insert(0, str(PROJECT / "scripts"))
    from termbase.loader import load_glossary
    from termbase.publication import LOOKUP_INDEX, SiteInfo

    glossary = load_glossary(project / "glossary", project).glossary
    prefixes = [SiteInfo.for_build(glossary, "").prefix(lang.code) for lang in glossary.languages]
    figures = lookup.sizes(site, prefixes, LOOKUP_INDEX)
    if lookup.chromium() is None:
        print("no Chromium found (apt-get install chromium): keystroke latency not measured", file=sys.stderr)
        return figures
    terms = lookup.sample_terms(glossary)
    return {**figures, "dialog": lookup.latency(site, prefixes, terms),
            "alone": lookup.latency(site, prefixes, terms, full_text=False)}


def _real_lookup_index() -> dict:
    """The real glossary's largest lookup index, compressed, per 1,000 concepts."""
    sys.path.insert(0, str(PROJECT / "scripts"))
    import gzip

    from termbase.loader import load_glossary
    from termbase.lookup import lookup_index

    glossary = load_glossary(PROJECT / "glossary", PROJECT).glossary
    size = max(len(gzip.compress(lookup_index(glossary, lang, PROJECT / "locales").encode("utf-8"), 9))
               for lang in glossary.languages)
    return {"concepts": len(glossary.concepts), "index_gzip_kb": size / 1024,
            "index_gzip_kb_per_1000": size / 1024 * 1000 / len(glossary.concepts)}


def measure(repeat: int, quick: bool, only: str = "") -> dict:
    sizes_validate = (100, 1000) if quick else (1000, 10000)
    sizes_build = (20, 100) if quick else (100, 1000)
    results: dict = {"validate": {}, "build": {}, "sizes": {}, "lookup": {"real": _real_lookup_index()}}
    with tempfile.TemporaryDirectory(prefix="glossary-bench-") as tmp:
        work = Path(tmp)
        if only == "lookup":
            for count in sizes_build:
                project = generate(work / f"b{count}", count)
                _build(project, work / f"site-b{count}")
                results["lookup"][str(count)] = _lookup(work / f"site-b{count}", project)
                print(f"lookup {count:>6}: {results['lookup'][str(count)]}", file=sys.stderr)
            return {"lookup": results["lookup"]}
        for count in sizes_validate if only != "build" else ():
            project = generate(work / f"v{count}", count)
            parse = _median([_worker("parse", project) for _ in range(repeat)])
            check = _median([_worker("validate", project) for _ in range(repeat)])
            results["validate"][str(count)] = {**check, "parse_seconds": parse["seconds"],
                                               "parse_peak_mb": parse["peak_mb"], "ratio": check["seconds"] / parse["seconds"]}
            print(f"validate {count:>6}: {check['seconds']:.2f} s (parse {parse['seconds']:.2f} s)", file=sys.stderr)
        for count in sizes_build:
            project = generate(work / f"b{count}", count)
            generated = _median([_build(project, work / f"site-b{count}") for _ in range(repeat)])
            plain = _plain_copy(project, work / f"p{count}", work / f"site-b{count}")
            static = _median([_build(plain, work / f"site-p{count}") for _ in range(repeat)])
            results["build"][str(count)] = {**generated, "plain_seconds": static["seconds"],
                                            "plain_peak_mb": static["peak_mb"], "ratio": generated["seconds"] / static["seconds"]}
            print(f"build {count:>6}: {generated['seconds']:.2f} s (plain {static['seconds']:.2f} s)", file=sys.stderr)
            site = work / f"site-b{count}"
            if only != "build":
                results["lookup"][str(count)] = _lookup(site, project)
            pages = [p.stat().st_size for p in (site / "terms").glob("*/index.html") if p.parent.name != "index"]
            pages += [p.stat().st_size for p in (site / "zh" / "terms").glob("*/index.html")]
            # one index per language: a reader downloads the one of their language
            index = max(p.stat().st_size for p in site.glob("**/search/search_index.json"))
            results["sizes"] = {
                "concepts": count,
                "term_page_mean_kb": statistics.mean(pages) / 1024,
                "term_page_max_kb": max(pages) / 1024,
                "search_index_mb": index / 2**20,  # the largest language's
                "search_index_mb_per_1000": index / 2**20 * 1000 / count,
                "site_mb": sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 2**20,
                "exports_mb_per_1000": {f.name: f.stat().st_size / 2**20 * 1000 / count
                                        for f in sorted((site / "downloads").glob("glossary*"))},
            }
    if only == "build":
        return {"build": results["build"], "sizes": results["sizes"]}
    return results


def machine() -> dict:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.machine(),
        "cpus": os.cpu_count(),
        "date": time.strftime("%Y-%m-%d"),
    }


def _lookup_rows(results: dict) -> list[str]:
    measured = {count: r for count, r in results.items() if count != "real"}
    rows = []
    for count, r in measured.items():
        for name, what in (("alone", "lookup alone"), ("dialog", "with Material's full-text search alongside")):
            if name in r:
                t = r[name]
                rows.append(f"| term lookup, {int(count):,} concepts: keystroke to results drawn, {what} | "
                            f"{t['drawn_ms_median']:.1f} ms median, {t['drawn_ms_p95']:.1f} ms p95 | | | |")
    if measured:
        any_run, real = next(iter(measured.values())), results["real"]
        rows += ["", f"Term lookup: script {any_run['script_gzip_kb']:.1f} KB gzip-compressed ({any_run['script_kb']:.1f} KB); "
                 "index of the largest language, gzip-compressed: " + ", ".join(
                     f"{int(count):,} concepts {r['index_gzip_kb']:.1f} KB ({r['index_kb']:.0f} KB uncompressed)"
                     for count, r in measured.items())
                 + f"; the real glossary's {real['index_gzip_kb']:.1f} KB for {real['concepts']} concepts, "
                 f"{real['index_gzip_kb_per_1000']:.0f} KB per 1,000."]
        for count, r in measured.items():
            for name in ("alone", "dialog"):
                if name in r:
                    t = r[name]
                    rows.append(f"Keystrokes at {int(count):,} concepts ({name}): {t['keystrokes']}; from the key event "
                                f"to the lookup's options in place {t['script_ms_median']:.1f} ms median, "
                                f"{t['script_ms_p95']:.1f} ms p95; load average {t['load_average']:.1f} "
                                f"on {os.cpu_count()} cores.")
    return rows


def table(results: dict, quick: bool) -> str:
    rows = ["| measurement | ours | baseline | ratio | peak memory |", "| --- | --- | --- | --- | --- |"]
    for count, r in results.get("validate", {}).items():
        rows.append(f"| validate {int(count):,} concepts | {r['seconds']:.2f} s | parse {r['parse_seconds']:.2f} s | "
                    f"{r['ratio']:.2f}× | {r['peak_mb']:.0f} MB (parse {r['parse_peak_mb']:.0f} MB) |")
    for count, r in results.get("build", {}).items():
        rows.append(f"| bilingual build, {int(count):,} concepts | {r['seconds']:.2f} s | "
                    f"plain MkDocs {r['plain_seconds']:.2f} s | "
                    f"{r['ratio']:.2f}× | {r['peak_mb']:.0f} MB (plain {r['plain_peak_mb']:.0f} MB) |")
    lookup_rows = _lookup_rows(results.get("lookup", {}))
    rows += [row for row in lookup_rows if row.startswith("|")]
    if "sizes" in results:
        s = results["sizes"]
        rows.append("")
        rows.append(f"Sizes at {s['concepts']:,} concepts: term page {s['term_page_mean_kb']:.1f} KB on average, "
                    f"{s['term_page_max_kb']:.1f} KB at most; search index of the largest language {s['search_index_mb']:.2f} MB "
                    f"({s['search_index_mb_per_1000']:.2f} MB per 1,000 concepts); whole site {s['site_mb']:.1f} MB.")
        rows.append("Exports per 1,000 concepts: " + ", ".join(
            f"{name} {size:.2f} MB" for name, size in s["exports_mb_per_1000"].items()) + ".")
    rows += [row for row in lookup_rows if not row.startswith("|")]
    if not quick:
        rows.append("")
        for name, check in TARGETS.items():
            try:
                rows.append(f"- {'met' if check(results) else 'NOT MET'}: {name}")
            except KeyError:
                pass  # not measured in this run
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="repetitions of each measurement (median reported)")
    parser.add_argument("--quick", action="store_true", help="small sizes only, to check that the benchmark runs")
    parser.add_argument("--only", choices=["lookup", "build"], default="",
                        help="measure only the term lookup or only the builds, keeping the output's other figures")
    parser.add_argument("--output", default=str(PROJECT / "scripts" / "bench" / "results.json"),
                        help="where to write the figures as JSON (default: %(default)s)")
    args = parser.parse_args(argv)
    results = measure(args.repeat, args.quick, args.only)
    output = Path(args.output)
    if args.only and output.is_file():  # the figures not measured now stay as they were
        previous = json.loads(output.read_text(encoding="utf-8"))
        results = {**previous.get("results", {}), **results}
    report = {"machine": machine(), "quick": args.quick, "repeat": args.repeat, "results": results}
    if not args.quick:
        report["targets"] = {}
        for name, check in TARGETS.items():
            with contextlib.suppress(KeyError):
                report["targets"][name] = check(results)
    output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results, args.quick))
    print(f"\nmachine: {report['machine']}; written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
