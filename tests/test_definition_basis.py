"""Every definition names its basis and sources; notes cite; renderings in translated texts are recorded and shown."""

from __future__ import annotations

import copy
import datetime

import yaml

from factory import ROOT, entry, make_glossary
from termbase.loader import load_glossary
from termbase.pages import render_term_page
from termbase.publication import SiteInfo
from termbase.validate import validate
from test_render import to_html

LOCALES = ROOT / "locales"
SITE = SiteInfo("https://glossary.example/", "en", datetime.date(2026, 12, 1))
AI_ACT = "eu-ai-act-2024-1689"
NIST = "nist-ai-100-1-ai-rmf-1-0"


def problems_of(tmp_path, data, rule):
    _, problems = validate(make_glossary(tmp_path, {data["id"]: data}), tmp_path)
    return [p for p in problems if p.rule == rule]


def page(tmp_path, data, language="en", bibliography_changes=None):
    glossary_dir = make_glossary(tmp_path, {data["id"]: data})
    if bibliography_changes:
        path = glossary_dir / "bibliography.yaml"
        bibliography = yaml.safe_load(path.read_text(encoding="utf-8"))
        bibliography_changes(bibliography["sources"])
        path.write_text(yaml.safe_dump(bibliography, allow_unicode=True), encoding="utf-8")
    result = load_glossary(glossary_dir, tmp_path)
    assert result.problems == []
    glossary = result.glossary
    return to_html(render_term_page(glossary, glossary.concepts[data["id"]], glossary.language(language), LOCALES, SITE))


def test_a_definition_that_names_no_source_is_an_error_that_says_what_to_write(tmp_path):
    data = entry("risk")
    data["en"]["definition_source"] = {"basis": "written", "sources": []}
    [problem] = problems_of(tmp_path, data, "definition-basis")
    assert problem.severity == "error" and problem.field == "en.definition_source.sources"
    assert problem.message == "the definition names no source" and "{id: <bibliography id>" in problem.hint
    assert problem.path.endswith("risk.yaml") and problem.line > 0


def test_the_first_releases_forms_are_reported_with_the_form_to_write(tmp_path):
    data = entry("risk")
    data["en"]["definition_source"] = "own"
    data["zh"]["definition_source"] = {"id": AI_ACT, "at": "Art. 3(2)"}
    found = {p.field: p for p in problems_of(tmp_path, data, "definition-basis")}
    assert found["en.definition_source"].message == "the definition names no source"
    assert "does not say whether it quotes or adapts" in found["zh.definition_source"].message
    assert all("basis: quoted|adapted|written" in p.hint and p.severity == "error" for p in found.values())


def test_a_quoted_definition_must_say_where_its_source_says_it(tmp_path):
    data = entry("risk")
    data["en"]["definition_source"] = {"basis": "quoted", "sources": [AI_ACT]}
    [problem] = problems_of(tmp_path, data, "definition-basis")
    assert problem.field == "en.definition_source.sources[0]" and "must say where" in problem.message


def test_a_written_definition_with_its_sources_is_clean(tmp_path):
    data = entry("risk")
    data["en"]["definition_source"] = {"basis": "written", "sources": [NIST, {"id": AI_ACT, "at": "Art. 3(2)"}]}
    assert problems_of(tmp_path, data, "definition-basis") == []


def test_an_unknown_source_of_a_note_or_an_equivalence_note_is_reported(tmp_path):
    data = entry("risk")
    data["en"]["note"] = "A note."
    data["en"]["note_sources"] = ["no-such-source"]
    data["zh"]["equivalence"] = {"degree": "partial", "note": {"en": "n", "zh": "注。"}, "sources": ["nope"]}
    fields = {p.field for p in problems_of(tmp_path, data, "unknown-source")}
    assert fields == {"en.note_sources[0]", "zh.equivalence.sources[0]"}


def test_the_page_says_how_the_definition_rests_on_its_sources_in_each_language(tmp_path):
    data = entry("risk")
    data["en"]["definition_source"] = {"basis": "quoted", "sources": [{"id": AI_ACT, "at": "Art. 3(2) (2024 text)"}]}
    data["zh"]["definition_source"] = {"basis": "written", "sources": [NIST]}
    english = page(tmp_path / "en", copy.deepcopy(data))
    assert "Quoted from:" in english and "Written for this glossary from:" in english
    assert '<a href="#source-1">[1]</a> Art. 3(2) (2024 text)' in english
    chinese = page(tmp_path / "zh", copy.deepcopy(data), "zh")
    assert "引自：" in chinese and "本词表据以下文献撰写：" in chinese


def test_note_sources_stand_after_the_note(tmp_path):
    data = entry("risk")
    data["en"]["note"] = "The grades are four."
    data["en"]["note_sources"] = [{"id": AI_ACT, "at": "Art. 73"}]
    html = page(tmp_path, data)
    assert html.index("The grades are four.") < html.index("Art. 73") < html.index('id="source-')


def test_renderings_in_translated_texts_are_shown_with_their_status_and_source(tmp_path):
    data = entry("people-centred-ai")
    data["renderings"] = [
        {"zh": "以人为本", "en": "people-centered approach", "translated_from": "zh", "official": True,
         "source": {"id": NIST, "at": "remarks"}},
        {"zh": "以人为本", "en": "human-oriented", "translated_from": "zh", "official": False, "source": NIST},
    ]
    html = page(tmp_path, data)
    assert "Renderings in translated texts" in html
    rows = html.split('<table class="tb-renderings">')[1].split("</table>")[0]
    assert '<span lang="en">people-centered approach</span>' in rows and "<td>official</td>" in rows
    assert "human-oriented" in rows and "<td>unofficial</td>" in rows and '<td lang="zh-Hans">以人为本</td>' in rows


def test_a_rendering_without_its_original_text_is_an_error(tmp_path):
    data = entry("people-centred-ai")
    data["renderings"] = [{"en": "people-centered approach", "translated_from": "zh", "official": True, "source": NIST}]
    [problem] = problems_of(tmp_path, data, "renderings")
    assert problem.field == "renderings[0]" and "original (zh) text is missing" in problem.message


def test_a_later_text_that_amended_a_source_is_named_in_the_source_list(tmp_path):
    data = entry("risk")
    data["en"]["definition_source"] = {"basis": "quoted", "sources": [{"id": AI_ACT, "at": "Art. 3(2)"}]}
    data["sources"] = [NIST]

    def amend(sources):
        act = next(s for s in sources if s["id"] == AI_ACT)
        act["amended_by"] = [NIST]  # any other bibliography entry stands in for the amending text

    html = page(tmp_path, data, bibliography_changes=amend)
    item = html.split('id="source-1"')[1].split("</li>")[0]
    assert "Amended by:" in item and "Artificial Intelligence Risk Management Framework" in item
