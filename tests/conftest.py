from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.lookup import CHROMIUM_ARGS, chromium, serve
from factory import ROOT, make_trilingual_project, make_variant_project


def _mkdocs_build(site_dir: Path, environ: dict[str, str] | None = None) -> dict:
    """The arguments of subprocess.run or Popen for `mkdocs build --strict` into site_dir."""
    return {"args": [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
            "env": {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(environ or {})}}


def mkdocs_build(project: Path, site_dir: Path, environ: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(**_mkdocs_build(site_dir, environ), cwd=project, capture_output=True, text=True)


# The sites that tests read, each built once per test run: the fixture's name, and the fixture giving the project
# to build (None: the project itself). Every build that the collected tests need starts in its own process when
# the first test starts, and the tests that need no built site run first (pytest_collection_modifyitems): on two
# cores they run while the sites build (a build takes 4-9 s).
SITES = {"built_site": None, "variant_site": "variant_project", "trilingual_site": "trilingual_project"}
BUILD_LOG = "site-build.log"  # what `mkdocs build` printed for a site fixture, in the folder above the site


class SiteBuild:
    """`mkdocs build --strict` of a project into a folder, running in the background until result()."""

    def __init__(self, project: Path, folder: Path):
        self.site = folder / "site"
        self.log = folder / BUILD_LOG
        with self.log.open("wb") as log:  # a file, not a pipe: a full pipe would stall the build
            self.process = subprocess.Popen(**_mkdocs_build(self.site), cwd=project, stdout=subprocess.DEVNULL, stderr=log)

    def result(self) -> Path:
        """The built site (once the build has finished); its log beside it (BUILD_LOG)."""
        returncode = self.process.wait()
        assert returncode == 0, self.log.read_text(encoding="utf-8")
        return self.site

    def stop(self) -> None:
        if self.process.poll() is None:  # the run ended (or was interrupted) before a test needed this site
            self.process.kill()
            self.process.wait()


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: not SITES.keys().isdisjoint(item.fixturenames))  # stable: order kept otherwise


@pytest.fixture(scope="session", autouse=True)
def _site_builds(request, tmp_path_factory):
    """The builds of the SITES that the collected tests use, started before the first test."""
    builds: dict[str, SiteBuild] = {}

    def start(name: str) -> SiteBuild:
        if name not in builds:
            project = request.getfixturevalue(SITES[name]) if SITES[name] else ROOT
            builds[name] = SiteBuild(project, tmp_path_factory.mktemp(name))
        return builds[name]

    for name in SITES:
        if any(name in item.fixturenames for item in request.session.items):
            start(name)
    yield start
    for build in builds.values():
        build.stop()


@pytest.fixture(scope="session")
def built_site(_site_builds) -> Path:
    """The real site; its build log beside it (BUILD_LOG)."""
    return _site_builds("built_site").result()


@pytest.fixture(scope="session")
def variant_project(tmp_path_factory) -> Path:
    """factory.make_variant_project: a copy of the project with a history, a stale translation, a hostile
    definition and a scaffolded entry."""
    return make_variant_project(tmp_path_factory.mktemp("variant") / "project")


@pytest.fixture(scope="session")
def variant_site(_site_builds) -> Path:
    """The variant project, built."""
    return _site_builds("variant_site").result()


@pytest.fixture(scope="session")
def trilingual_project(tmp_path_factory) -> Path:
    """factory.make_trilingual_project: the project's code with the English-Chinese-Japanese test glossary."""
    return make_trilingual_project(tmp_path_factory.mktemp("trilingual") / "project")


@pytest.fixture(scope="session")
def trilingual_site(_site_builds) -> Path:
    """The trilingual test project, built."""
    return _site_builds("trilingual_site").result()


def missing_tool(message: str) -> None:
    """Skip a test whose tool is not installed, saying how to install it; in CI (REQUIRE_ALL_TESTS=1) fail instead,
    so that no check is silently left out there."""
    if os.environ.get("REQUIRE_ALL_TESTS") == "1":
        pytest.fail(message)
    pytest.skip(message)


# Browser fixtures: headless Chromium (Debian's package) driven by Playwright, on the built site served locally.

def _chromium() -> str:
    path = chromium()
    if path is None:
        missing_tool("no Chromium found: install it with `apt-get install chromium` (Debian) to run the browser tests")
    return path


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
