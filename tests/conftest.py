from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from factory import ROOT, make_variant_project


def mkdocs_build(project: Path, site_dir: Path, environ: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(environ or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session with `mkdocs build --strict`; its log beside it (BUILD_LOG)."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    (site.parent / BUILD_LOG).write_text(result.stderr, encoding="utf-8")
    return site


BUILD_LOG = "site-build.log"  # what `mkdocs build` printed for the built_site fixture, in the folder above it


@pytest.fixture(scope="session")
def variant_project(tmp_path_factory) -> Path:
    """factory.make_variant_project: a copy of the project with a history, a stale translation, a hostile
    definition and a scaffolded entry."""
    return make_variant_project(tmp_path_factory.mktemp("variant") / "project")


@pytest.fixture(scope="session")
def variant_site(variant_project, tmp_path_factory) -> Path:
    """The variant project, built once per test session with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("variant-site")
    result = mkdocs_build(variant_project, site)
    assert result.returncode == 0, result.stderr
    return site


def missing_tool(message: str) -> None:
    """Skip a test whose tool is not installed, saying how to install it; in CI (REQUIRE_ALL_TESTS=1) fail instead,
    so that no check is silently left out there."""
    if os.environ.get("REQUIRE_ALL_TESTS") == "1":
        pytest.fail(message)
    pytest.skip(message)


# Browser fixtures: headless Chromium (Debian's package) driven by Playwright, on the built site served locally.

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",  # this machine has no network: avoid Chromium's own connections
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    missing_tool("no Chromium found: install it with `apt-get install chromium` (Debian) to run the browser tests")


@contextlib.contextmanager
def serve(folder: Path):
    """Serve a built site on a free port of the loopback interface; yields its root URL."""
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def served_site(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole test run (each test gets a fresh context, so no state is shared)."""
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()




# Figures a test measures (success rates, counts) are printed at the end of the run, whatever its verbosity.

_FIGURES = pytest.StashKey[list]()


@pytest.fixture
def report_figure(request):
    """report_figure("line"): print the line in the summary at the end of the test run."""
    return request.config.stash.setdefault(_FIGURES, []).append


def pytest_terminal_summary(terminalreporter, config):
    figures = config.stash.get(_FIGURES, [])
    if figures:
        terminalreporter.section("figures")
        for line in figures:
            terminalreporter.write_line(line)
