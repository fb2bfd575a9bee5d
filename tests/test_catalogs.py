"""UI strings: every string the pages show is in the catalogs, and translated into every language."""

from __future__ import annotations

import subprocess
import sys

from babel.messages.pofile import read_po

from factory import ROOT
from termbase.loader import load_glossary


def catalog(code):
    with (ROOT / "locales" / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle)


def test_catalogs_hold_every_string_the_code_and_templates_use(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "N_", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    with pot.open("rb") as handle:
        extracted = {m.id for m in read_po(handle) if m.id}
    assert len(extracted) > 20
    for code in load_glossary(ROOT / "glossary").glossary.language_codes:
        missing = extracted - {m.id for m in catalog(code) if m.id}
        assert not missing, f"locales/{code}: run `make catalogs`; missing {sorted(missing)}"


def test_every_translation_language_is_fully_translated():
    glossary = load_glossary(ROOT / "glossary").glossary
    for language in glossary.languages[1:]:
        untranslated = [m.id for m in catalog(language.code) if m.id and (not m.string or m.fuzzy)]
        assert untranslated == [], f"locales/{language.code}: untranslated or fuzzy: {untranslated}"
