"""The term lookup's figures on a built site: the size of its script and of each language's index, and the time
from a keystroke in the search box to the results drawn, in headless Chromium (the system's, as the tests use).

Keystroke to drawn: from the key event's time stamp (Chromium stamps it when the input arrives) to the end of
the first frame rendered after the lookup replaced its options (an animation-frame callback, then a message
posted from it, which runs once that frame's style, layout and paint are done: the usual next-paint probe).
Every character of a sample of terms is typed as a separate keystroke (Chinese characters as text input, as an
input method delivers them), on each language's home page, after the index is loaded, each as soon as the
previous one's results are drawn. Measured twice: in the dialog as it is, where Material's full-text search
answers every keystroke too and renders its results on the same main thread; and with the lookup alone (the
full-text search worker not loaded), which is the lookup's own latency.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import os
import shutil
import statistics
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "theme" / "assets" / "javascripts" / "lookup.js"
# How Chromium is started, here and by the browser tests (tests/conftest.py imports this, chromium and serve).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",  # the machine may have no network: avoid Chromium's own connections
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SAMPLE = 20  # terms typed per language, per page language

_INSTRUMENT = """() => {
  const list = document.getElementById("tb-lookup-list");
  window.__keystrokes = [];
  let start = null;
  const stamp = event => { if (start === null) start = event.timeStamp; };
  document.addEventListener("keydown", stamp, true);
  document.addEventListener("input", stamp, true);
  const painted = new MessageChannel();
  let pending = [];
  painted.port1.onmessage = () => {
    const now = performance.now();
    pending.forEach(([begun, updated]) => window.__keystrokes.push([updated - begun, now - begun]));
    pending = [];
  };
  new MutationObserver(() => {
    if (start === null) return;
    pending.push([start, performance.now()]);
    start = null;
    requestAnimationFrame(() => painted.port2.postMessage(null));
  }).observe(list, {childList: true});
}"""

_TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))))"


def _gzip_kb(data: bytes) -> float:
    return len(gzip.compress(data, compresslevel=9)) / 1024


def sizes(site: Path, prefixes: list[str], index_path: str) -> dict:
    indexes = [(site / prefix / index_path).read_bytes() for prefix in prefixes]
    return {
        "script_kb": SCRIPT.stat().st_size / 1024,
        "script_gzip_kb": _gzip_kb(SCRIPT.read_bytes()),
        "index_kb": max(len(i) for i in indexes) / 1024,  # the largest language's
        "index_gzip_kb": max(_gzip_kb(i) for i in indexes),
    }


@contextlib.contextmanager
def serve(folder: Path):
    """Serve a built site on a free port of the loopback interface; yields its root URL (the browser tests use it
    too: tests/conftest.py)."""
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def chromium() -> str | None:
    """Debian's Chromium (or another Chromium-based browser) on the PATH, if any."""
    return next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)


def latency(site: Path, prefixes: list[str], terms: list[list[str]], full_text: bool = True) -> dict:
    """Keystroke-to-drawn times (ms) over every keystroke of `terms` (a sample per language) typed on each
    language's home page; with Material's full-text search running alongside, or without it."""
    from playwright.sync_api import sync_playwright

    samples: list[list[float]] = []
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        if not full_text:
            page.route("**/assets/javascripts/workers/search.*", lambda route: route.abort())
        for prefix in prefixes:
            page.goto(f"{url}/{prefix}")
            search = page.locator(".md-search__input")
            search.focus()
            page.wait_for_function("document.querySelector('.tb-lookup__title')?.textContent !== ''")
            page.evaluate(_INSTRUMENT)
            for term in (t for language in terms for t in language):
                search.fill("")
                page.wait_for_function("!document.querySelector('#tb-lookup-list [role=option]')")
                page.evaluate(_TWO_FRAMES)  # the clearing's own measurement is in before the reset
                page.evaluate("window.__keystrokes = []")
                for count, character in enumerate(term, 1):
                    page.keyboard.type(character)
                    page.wait_for_function(f"window.__keystrokes.length >= {count}")
                samples += page.evaluate("window.__keystrokes")
        browser.close()
    drawn = sorted(s[1] for s in samples)
    script = sorted(s[0] for s in samples)
    return {
        "keystrokes": len(samples),
        "load_average": os.getloadavg()[0],  # the machine is shared: the tail depends on what else runs
        "script_ms_median": statistics.median(script),
        "script_ms_p95": script[int(0.95 * (len(script) - 1))],
        "drawn_ms_median": statistics.median(drawn),
        "drawn_ms_p95": drawn[int(0.95 * (len(drawn) - 1))],
        "drawn_ms_max": drawn[-1],
    }


def sample_terms(glossary, per_language: int = SAMPLE) -> list[list[str]]:
    """Preferred terms spread evenly over the glossary, in each language."""
    concepts = list(glossary.concepts.values())
    step = max(1, len(concepts) // per_language)
    return [[c.sections[lang.code].term for c in concepts[::step][:per_language]] for lang in glossary.languages]
