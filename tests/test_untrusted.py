"""Hostile input (../shared/reviews/redteam.md, case numbers in brackets, and more): every case is refused with
a clear message naming file, line, field and what to do, or rendered inert. Nothing prints a traceback or
dies on a signal."""

from __future__ import annotations

import dataclasses
import datetime
import os
import re
import subprocess

import pytest
import yaml

from factory import ROOT, dump_yaml, entry, make_glossary, termbase, with_fingerprint
from live_markup import json_ld, live_markup, to_html, version_pages_html
from termbase.loader import load_glossary
from termbase.pages import render_site_pages, render_term_page
from termbase.pages.browse import render_browse_pages
from termbase.pages.changelog import render_changelog
from termbase.publication import SiteInfo
from termbase.validate import validate
from termbase.yamlsource import SourceError, parse_yaml

LOCALES = ROOT / "locales"
SITE = SiteInfo("https://glossary.example/", "en", datetime.date(2026, 11, 23))


def problems_of(tmp_path, entries, registry=None, **kwargs):
    glossary = make_glossary(tmp_path, entries, registry, **kwargs)
    return validate(glossary, tmp_path)[1]


def only(problems, rule):
    found = [p for p in problems if p.rule == rule]
    assert found, [p.format() for p in problems]
    return found


def probe(**changes) -> dict:
    """The red team's baseline entry, with fields of its sections replaced: `en__term="..."`."""
    data = entry("rt-probe")
    for key, value in changes.items():
        section, _, field = key.partition("__")
        data[section][field] = value
    return data


# --- characters that YAML escapes bring in past a check of the raw file (A01-A05, A08b-A12, B01-B08) ---

@pytest.mark.parametrize("case, field, char", [
    ("A01", "en__definition", "\u202e"), ("A02", "en__term", "\u2066"), ("A03", "en__definition", "\x07"),
    ("A04", "zh__definition", "\x00"), ("A05", "en__note", "\x1b"), ("A06", "en__term", "\x7f"),
    ("A07", "en__synonyms", "\x80"), ("A08b", "en__term", "\r"), ("A09", "en__definition", "\u2028"),
    ("A10", "en__term", "\ufeff"), ("A11", "en__definition", "\ufffe"), ("A12", "en__note", "\x85"),
    ("B01", "en__term", "\u200f"), ("B02", "en__definition", "\u061c"), ("B03", "zh__synonyms", "\u200b"),
    ("B04", "en__term", "\u200d"), ("B05", "en__definition", "\U000e0041"), ("B06", "en__term", "\u00ad"),
    ("B08", "en__term", "\u3164"), ("private use", "en__note", "\ue000"), ("noncharacter", "en__note", "\U0010ffff"),
    ("variation selector", "zh__term", "\ufe0f"), ("word joiner", "en__term", "\u2060"),
])
def test_forbidden_characters_written_as_escapes_are_refused_in_the_parsed_value(tmp_path, case, field, char):
    section, _, name = field.partition("__")
    value = ["probeZZZ alt"] if name == "synonyms" else "probeZZZ text"
    text = yaml.safe_dump(with_fingerprint(probe(**{field: value})), allow_unicode=True, sort_keys=False)
    # the character written as an escape in a double-quoted string, as a hostile contributor would
    text = re.sub(r"probeZZZ (alt|text)", lambda m: f'"probe\\U{ord(char):08X} {m.group(1)}"', text)
    glossary = make_glossary(tmp_path, {"rt-probe": text})
    assert char not in (glossary / "concepts" / "rt-probe.yaml").read_text(encoding="utf-8")
    (problem,) = only(validate(glossary, tmp_path)[1], "forbidden-character")
    assert problem.path == "glossary/concepts/rt-probe.yaml"
    assert problem.field == f"{section}.{name}" + ("[0]" if name == "synonyms" else "")
    assert f"U+{ord(char):04X}" in problem.message and problem.message.endswith("is not allowed")
    assert "delete it" in problem.hint
    assert text.splitlines()[problem.line - 1].lstrip(" -").startswith(("term", "definition", "note", "'probe", '"probe'))


def test_a_lone_surrogate_escape_is_a_syntax_error_with_its_line(tmp_path):
    text = yaml.safe_dump(with_fingerprint(probe()), allow_unicode=True, sort_keys=False)
    text = text.replace("definition: Definition of rt-probe.", 'definition: "Definition \\ud800 of rt-probe."')
    (problem,) = only(problems_of(tmp_path, {"rt-probe": text}), "yaml-syntax")
    assert problem.line == 8 and "invalid Unicode character escape code" in problem.message


def test_forbidden_characters_are_refused_in_every_file_and_in_keys(tmp_path):
    glossary = make_glossary(tmp_path, {"rt-probe": probe()})
    registry = yaml.safe_load((glossary / "registry.yaml").read_text(encoding="utf-8"))
    registry.append({"id": "old", "fate": "withdrawn", "date": "2026-11-01",
                     "reason": {"en": "Gone\u202e.", "zh": "已撤回。"}})
    escaped = {"allow_unicode": False, "sort_keys": False}  # "\u202E": past a check of the raw file
    (glossary / "registry.yaml").write_text(yaml.safe_dump(registry, **escaped), encoding="utf-8")
    jurisdictions = yaml.safe_load((glossary / "jurisdictions.yaml").read_text(encoding="utf-8"))
    jurisdictions[0]["name"]["en\u200b"] = "x"
    (glossary / "jurisdictions.yaml").write_text(yaml.safe_dump(jurisdictions, **escaped), encoding="utf-8")
    problems = only(validate(glossary, tmp_path)[1], "forbidden-character")
    assert {(p.path, p.field) for p in problems} == {("glossary/registry.yaml", "[1].reason.en"),
                                                     ("glossary/jurisdictions.yaml", "[0].name")}


# --- markup and text form in fields the old hand-written walk missed (D01, D13, C12, I01-I05, E01) ---

def test_history_summaries_are_checked_like_every_other_text(tmp_path):
    data = entry("rt-probe", version=2, history=[
        {"version": 1, "date": "2026-01-10", "summary": {"en": "First.\n\n# Injected heading\n\n    code block"}},
        {"version": 2, "date": "2026-11-22", "summary": {"en": "See [x](javascript:alert(1))  twice", "zh": "修订,见安全"}},
    ])
    found = {(p.rule, p.field) for p in problems_of(tmp_path, {"rt-probe": data})}
    assert {("text-form", "history[0].summary.en"), ("markup", "history[1].summary.en"),
            ("text-form", "history[1].summary.en"), ("typography", "history[1].summary.zh")} <= found


def test_glossary_wide_files_are_checked_for_markup(tmp_path):
    glossary = make_glossary(tmp_path, {"rt-probe": probe()})
    jurisdictions = yaml.safe_load((glossary / "jurisdictions.yaml").read_text(encoding="utf-8"))
    jurisdictions[0]["name"]["en"] = "[Open-source community](javascript:alert(1))"
    dump_yaml(glossary / "jurisdictions.yaml", jurisdictions)
    registry = yaml.safe_load((glossary / "registry.yaml").read_text(encoding="utf-8"))
    registry.append({"id": "old", "fate": "withdrawn", "date": "2026-11-01",
                     "reason": {"en": "<script>alert(1)</script>", "zh": "已撤回。"}})
    dump_yaml(glossary / "registry.yaml", registry)
    problems = only(validate(glossary, tmp_path)[1], "markup")
    assert {(p.path, p.field) for p in problems} >= {("glossary/jurisdictions.yaml", "[0].name.en"),
                                                     ("glossary/registry.yaml", "[1].reason.en")}
    link = next(p for p in problems if p.path == "glossary/jurisdictions.yaml" and "Markdown links" in p.message)
    lines = (glossary / "jurisdictions.yaml").read_text(encoding="utf-8").splitlines()
    assert "javascript:alert(1)" in lines[link.line - 1]


def test_entities_without_a_semicolon_are_markup(tmp_path):  # C12
    (problem,) = only(problems_of(tmp_path, {"rt-probe": probe(en__term="&#60script&#62 probe")}), "markup")
    assert problem.field == "en.term" and "HTML entities are not allowed: '&#60'" in problem.message


@pytest.mark.parametrize("term, message", [
    ("ѕаfety", "mixes letters of different scripts"),  # B09: Cyrillic ѕ and а among Latin letters
    ("аі", "is a Cyrillic letter in a Latin-script term"),
])
def test_look_alike_letters_in_a_term_are_flagged(tmp_path, term, message):
    (problem,) = only(problems_of(tmp_path, {"rt-probe": probe(en__term=term)}), "script")
    assert problem.field == "en.term" and message in problem.message


def test_ordinary_greek_in_a_definition_and_a_hyphenated_term_is_fine(tmp_path):
    data = probe(en__term="ε-differential privacy", en__definition="Bounds the privacy loss by ε.")
    assert [p for p in problems_of(tmp_path, {"rt-probe": data}) if p.rule == "script"] == []


@pytest.mark.parametrize("term, message", [
    ("probe\u00a0term", "U+00A0 NO-BREAK SPACE is not an ordinary space"),
    ("probe\tterm", "a tab or a line break"),
    ("…", "the term has no letter or digit"),
])
def test_spaces_and_blank_looking_terms(tmp_path, term, message):
    problems = only(problems_of(tmp_path, {"rt-probe": probe(en__term=term)}), "text-form")
    assert any(p.field == "en.term" and message in p.message for p in problems), [p.message for p in problems]


# --- what the build needs is checked first (D15, D16, D21, D30, F08, E14, G06-G31, X01, X08) ---

def _settings(tmp_path, change) -> list:
    glossary = make_glossary(tmp_path, {"rt-probe": probe()})
    settings = yaml.safe_load((glossary / "glossary.yaml").read_text(encoding="utf-8"))
    change(settings)
    dump_yaml(glossary / "glossary.yaml", settings)
    return validate(glossary, tmp_path)[1]


@pytest.mark.parametrize("change, field, message", [
    (lambda s: s["title"].pop("zh"), "title.zh", "required field is missing"),  # D15
    (lambda s: s["authors"].pop("zh"), "authors.zh", "required field is missing"),  # D16
    (lambda s: s["title"].update(fr="Glossaire"), "title.fr", "unknown field"),
    (lambda s: s["languages"][1].update(tag='zh Hans"x'), "languages[1].tag", "must be a BCP 47 language tag"),  # D21
    (lambda s: s["languages"][1].update(tag="en"), "languages[1].tag", "is not a tag of 'zh'"),  # D30
    (lambda s: s.update(version="0.1.0 [click](javascript:alert(1))"), "version", "must be a release number"),  # D13
])
def test_glossary_settings_the_build_relies_on_are_validated(tmp_path, change, field, message):
    problems = only(_settings(tmp_path, change), "schema")
    assert any(p.path == "glossary/glossary.yaml" and p.field == field and message in p.message for p in problems), \
        [p.format() for p in problems]


@pytest.mark.parametrize("written", ["010", "0x10", "1_000", "1:30", "0b11", "1.0", "+1"])
def test_versions_are_plain_decimal_numbers(tmp_path, written):  # G06, G25, G29-G31
    text = yaml.safe_dump(entry("rt-probe"), allow_unicode=True, sort_keys=False).replace("version: 1\n",
                                                                                         f"version: {written}\n")
    (problem,) = only(problems_of(tmp_path, {"rt-probe": text}), "schema")
    assert problem.field == "version" and problem.line == 4
    assert problem.message == f"must be a whole number, found the text '{written}'" and "without leading zeros" in problem.hint


def test_an_id_with_a_trailing_newline_is_refused(tmp_path):  # F08, E14
    registry = [{"id": "rt-probe", "fate": "active"}, {"id": "bias\n", "fate": "withdrawn", "date": "2026-11-01",
                                                       "reason": {"en": "Gone.", "zh": "已撤回。"}}]
    problems = problems_of(tmp_path, {"rt-probe": probe()}, registry)
    assert any(p.path == "glossary/registry.yaml" and p.field == "[1].id" and "lower-case ASCII words" in p.message
               for p in only(problems, "schema"))


def test_new_refuses_ids_and_terms_that_would_break_files(tmp_path):  # X01, X08
    make_glossary(tmp_path, {"rt-probe": probe()})
    for args in (["rt-nl\n"], ["a" * 300], ["rt-x", "--en", "two\nlines"]):
        result = termbase("new", *args[:1], "--domain", "core-concepts", "--en", "probe", "--zh", "探针",
                          *args[1:], "--glossary", str(tmp_path / "glossary"), cwd=tmp_path)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert "not a valid id" in result.stderr or "write it on one line" in result.stderr
    assert sorted(p.name for p in (tmp_path / "glossary" / "concepts").iterdir()) == ["rt-probe.yaml"]


# --- files that are not files (H01-H03, H06, H07, H11, D28) ---

def _link_cases(concepts, outside):
    (outside / "entry.yaml").write_text(yaml.safe_dump(entry("rt-link")), encoding="utf-8")
    (outside / "secret").write_text("vm\n", encoding="utf-8")
    os.symlink(outside / "entry.yaml", concepts / "rt-link.yaml")  # H01
    os.symlink(outside / "secret", concepts / "rt-secret.yaml")  # H02
    os.symlink(concepts / "rt-loop.yaml", concepts / "rt-loop.yaml")  # H11
    os.symlink(outside / "nowhere", concepts / "rt-broken.yaml")  # H06
    (concepts / "rt-folder.yaml").mkdir()  # H03
    os.mkfifo(concepts / "rt-fifo.yaml")  # H07


def test_links_folders_and_pipes_among_entries_are_reported_without_following_them(tmp_path):
    registry = [{"id": i, "fate": "active"} for i in ("rt-probe",)]
    glossary = make_glossary(tmp_path / "repo", {"rt-probe": probe()}, registry)
    outside = tmp_path / "outside"
    outside.mkdir()
    _link_cases(glossary / "concepts", outside)
    result = termbase("validate", "--glossary", str(glossary), cwd=tmp_path / "repo")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    expected = {"rt-link": "a symbolic link", "rt-secret": "a symbolic link", "rt-loop": "a symbolic link",
                "rt-broken": "a symbolic link", "rt-folder": "a folder", "rt-fifo": "a named pipe (FIFO)"}
    for name, kind in expected.items():
        line = next(line for line in lines if line.startswith(f"glossary/concepts/{name}.yaml: error: [file-type]"))
        assert f"this is {kind}, not a file" in line and "replace it with the file itself" in line
    assert str(outside) not in result.stdout + result.stderr  # nothing outside the repository is named or shown
    assert "'vm'" not in result.stdout  # the content of the file linked to (H02)
    assert "rt-link" not in {p.stem for p in (glossary / "concepts").iterdir() if p.is_file() and not p.is_symlink()}


def test_a_settings_file_that_is_a_folder_or_a_link_is_reported_as_such(tmp_path):  # D28
    glossary = make_glossary(tmp_path, {"rt-probe": probe()})
    (glossary / "registry.yaml").unlink()
    (glossary / "registry.yaml").mkdir()
    os.replace(glossary / "domains.yaml", tmp_path / "domains.yaml")
    os.symlink(tmp_path / "domains.yaml", glossary / "domains.yaml")
    problems = only(validate(glossary, tmp_path)[1], "file-type")
    assert {(p.path, p.message) for p in problems} == {
        ("glossary/registry.yaml", "this is a folder, not a file"),
        ("glossary/domains.yaml", "this is a symbolic link, not a file")}


# --- sizes and nesting: refused with a message, never a segfault (Y01-Y08) ---

@pytest.mark.parametrize("where, depth", [("concept", 25_000), ("concept", 100_000), ("registry", 100_000)])
def test_deep_nesting_is_refused_before_the_parser_recurses(tmp_path, where, depth):
    glossary = make_glossary(tmp_path, {"rt-probe": probe()})
    nested = "[" * depth + "]" * depth
    if where == "concept":
        (glossary / "concepts" / "rt-deep.yaml").write_text(f"id: rt-deep\nnote: {nested}\n", encoding="utf-8")
        name = "concepts/rt-deep.yaml"
    else:
        text = (glossary / "registry.yaml").read_text(encoding="utf-8")
        (glossary / "registry.yaml").write_text(text + f"- {nested}\n", encoding="utf-8")
        name = "registry.yaml"
    result = termbase("validate", "--glossary", str(glossary), cwd=tmp_path)
    assert result.returncode == 1, (result.returncode, result.stderr[-500:])  # not -11 (SIGSEGV)
    assert f"glossary/{name}:" in result.stdout and "[yaml-syntax] values nest more than 32 levels deep" in result.stdout


def test_the_registry_is_bounded(tmp_path):  # Y06, Y08
    withdrawn = [{"id": f"gone-{i}", "fate": "withdrawn", "date": "2026-11-01", "reason": {"en": "Gone.", "zh": "撤回。"}}
                 for i in range(2_001)]
    problems = problems_of(tmp_path, {"rt-probe": probe()}, [{"id": "rt-probe", "fate": "active"}, *withdrawn])
    (problem,) = only(problems, "bounds")
    assert problem.path == "glossary/registry.yaml" and "2,001 withdrawn ids, over the limit of 2,000" in problem.message


def test_an_oversized_registry_is_refused_before_parsing(tmp_path):
    glossary = make_glossary(tmp_path, {"rt-probe": probe()})
    lines = "".join(f"- {{id: gone-{i}, fate: active}}\n" for i in range(100_000))
    (glossary / "registry.yaml").write_text(lines, encoding="utf-8")
    (problem,) = only(validate(glossary, tmp_path)[1], "file-too-large")
    assert problem.path == "glossary/registry.yaml" and "over the limit of 2,097,152 bytes" in problem.message


# --- published URLs never vanish (E07, E09) ---

def _git(cwd, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def test_an_id_published_at_the_base_cannot_disappear_with_its_file(tmp_path):  # E07
    glossary = make_glossary(tmp_path, {"rt-probe": probe(), "rt-other": entry("rt-other")})
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "base")
    (glossary / "concepts" / "rt-other.yaml").unlink()
    dump_yaml(glossary / "registry.yaml", [{"id": "rt-probe", "fate": "active"}])
    assert termbase("validate", "--glossary", str(glossary), cwd=tmp_path).returncode == 0  # no base given: blind
    result = termbase("validate", "--glossary", str(glossary), "--published-at", "main", cwd=tmp_path)
    assert result.returncode == 1
    assert ("glossary/registry.yaml:1:1: error: [registry] 'rt-other' was published (it is in the registry at main) "
            "but is no longer listed (restore its line") in result.stdout
    result = termbase("validate", "--glossary", str(glossary), "--published-at", "no-such-ref", cwd=tmp_path)
    assert result.returncode == 2 and "'no-such-ref' is not a commit" in result.stderr


def test_a_reserved_id_cannot_be_registered(tmp_path):  # E09
    registry = [{"id": "rt-probe", "fate": "active"}, {"id": "index", "fate": "withdrawn", "date": "2026-11-01",
                                                       "reason": {"en": "Gone.", "zh": "撤回。"}}]
    problems = only(problems_of(tmp_path, {"rt-probe": probe()}, registry), "registry")
    assert any(p.field == "[1].id" and "the id 'index' is reserved" in p.message for p in problems)


# --- the renderer is the guarantee: text the validator would refuse still renders inert ---

HOSTILE = [
    "*probe*{ onclick=alert(1) } term\x7f",  # A06: once broke the front matter, then attr_list made a handler
    "[click](javascript:alert(1))", "<img src=x onerror=alert(2)>", "</script><script>alert(3)</script>",
    "\u2028---\ntitle: x\n---\n", "a\r\r# heading", "{: onmouseover=alert(4) }", "&#60script&#62", "`code` _x_ ~y~",
    "\" onmouseover=\"alert(5)", "' autofocus onfocus='alert(6)", "<!-- x", "]]>", "\\*not\\*", "{{ 7*7 }}",
]


def _hostile_glossary(tmp_path, text: str):
    """The model straight from the loader, then given hostile text everywhere the pages show contributor text."""
    glossary = load_glossary(make_glossary(tmp_path, {"rt-probe": probe()}, full_bibliography=True), tmp_path).glossary
    concept = glossary.concepts["rt-probe"]
    sections = {code: dataclasses.replace(section, term=text, definition=text, synonyms=(text,), note=text,
                                          disambiguated=text) for code, section in concept.sections.items()}
    concept = dataclasses.replace(concept, sections=sections)
    jurisdictions = {code: dataclasses.replace(j, names={k: text for k in j.names})
                     for code, j in glossary.jurisdictions.items()}
    return dataclasses.replace(glossary, concepts={"rt-probe": concept}, jurisdictions=jurisdictions,
                               version=text, title={k: text for k in glossary.title})


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_inert_on_every_page(tmp_path, text):
    glossary = _hostile_glossary(tmp_path, text)
    for path, page in render_site_pages(glossary, LOCALES, SITE).items():
        html, meta = to_html(page.markdown)
        assert live_markup(html) == [], path
        assert isinstance(meta.get("title"), str), path  # the front matter was read as front matter
        assert "<" not in meta["title"] and "\n" not in meta["title"]
    for address, (html, head) in version_pages_html(glossary, LOCALES, SITE).items():
        assert live_markup(html) == [], address
        one_line = re.sub(r"[\r\n\u2028]+", " ", text)  # the text itself, on one line, escaped once
        assert head["title"].startswith(f"{one_line} · "), address
        assert head["description"] == one_line, address
    en = glossary.languages[0]
    html, meta = to_html(render_term_page(glossary, glossary.concepts["rt-probe"], en, LOCALES, SITE))
    assert json_ld(meta)["name"][0]["@value"] == text  # exact text inside JSON-LD, safe inside <script>
    assert meta["description"] == re.sub(r"[\r\n\u2028]+", " ", text)  # the text, on one line


def test_the_red_team_xss_payloads_are_escaped_text(tmp_path):  # A06, D01, D13
    glossary = _hostile_glossary(tmp_path, "*probe*{ onclick=alert(1) } term\x7f")
    en = glossary.languages[0]
    html, meta = to_html(render_term_page(glossary, glossary.concepts["rt-probe"], en, LOCALES, SITE))
    assert "onclick" in html and "<em" not in html and 'onclick="' not in html
    assert meta["title"].startswith("*probe*{ onclick=alert(1) } term\x7f")
    link = "[Open-source community](javascript:alert(1))"
    glossary = _hostile_glossary(tmp_path / "d01", link)
    pages = render_browse_pages(glossary, en, LOCALES, SITE)
    html, _ = to_html(pages["browse/jurisdictions.md"])
    assert "javascript:alert(1)" in html and "<a href=\"javascript" not in html
    html, _ = to_html(render_changelog(glossary, en, LOCALES))
    assert "Release [Open-source community](javascript:alert(1))." in html.replace("\\", "")
    assert "<a href=\"javascript" not in html


def test_only_http_addresses_become_links(tmp_path):  # D07-D10, as a guarantee of the renderer
    glossary = load_glossary(make_glossary(tmp_path, {"rt-probe": probe()}, full_bibliography=True), tmp_path).glossary
    concept = glossary.concepts["rt-probe"]
    source = glossary.bibliography[concept.sources[0].id]
    for url in ("javascript:alert(1)", "data:text/html,x", " https://x.example/", "https://x.example/\"onmouseover=x"):
        hostile = dataclasses.replace(glossary, bibliography={**glossary.bibliography,
                                                              source.id: dataclasses.replace(source, url=url)})
        html, _ = to_html(render_term_page(hostile, concept, glossary.languages[0], LOCALES, SITE))
        assert live_markup(html) == [] and f'href="{url}' not in html


# --- one list of characters, one table of fields: both held to their references ---

def test_the_forbidden_characters_include_every_format_control_and_unassigned_kind():
    import sys
    import unicodedata

    from termbase import characters

    kinds = {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}
    missed = [f"U+{c:04X}" for c in range(sys.maxunicode + 1)
              if unicodedata.category(chr(c)) in kinds and chr(c) not in "\t\n" and not characters.FORBIDDEN.match(chr(c))]
    assert missed == []
    nonchars = [c for c in range(sys.maxunicode + 1) if (c & 0xFFFE) == 0xFFFE or 0xFDD0 <= c <= 0xFDEF]
    assert all(characters.FORBIDDEN.match(chr(c)) for c in nonchars)
    for fine in "aé安，。—–‘’“”…·§€\u3000\u00a0ε":  # ordinary text (odd spaces are the text-form rule's)
        assert not characters.FORBIDDEN.match(fine), fine
    assert characters.FORBIDDEN_IN_FILE.match("\r") is None and characters.FORBIDDEN.match("\r")


def _free_text_paths(schema: dict, languages: set[str], path: tuple = ()):
    """Every path of the schema that holds free text: a string not held to a pattern, a list of values or a const."""
    from termbase import fields

    if "anyOf" in schema:
        for option in schema["anyOf"]:
            yield from _free_text_paths(option, languages, path)
        return
    kind = schema.get("type")
    if kind == "string" and not {"pattern", "enum", "const"} & set(schema):
        yield path
    for key, sub in schema.get("properties", {}).items():
        yield from _free_text_paths(sub, languages, path + (fields.LANG if key in languages else key,))
    if isinstance(schema.get("additionalProperties"), dict):
        yield from _free_text_paths(schema["additionalProperties"], languages, path + (fields.LANG,))
    if isinstance(schema.get("items"), dict):
        yield from _free_text_paths(schema["items"], languages, path + (fields.ITEM,))


def test_every_free_text_field_of_every_schema_is_in_the_field_table():
    from termbase import fields, schema

    glossary = load_glossary(ROOT / "glossary").glossary
    codes = list(glossary.language_codes)
    schemas = {fields.ENTRY: schema.glossary_entry_schema(glossary), fields.REGISTRY: schema.registry_schema(codes),
               fields.BIBLIOGRAPHY: schema.BIBLIOGRAPHY_SCHEMA, fields.DOMAINS: schema.domains_schema(codes),
               fields.JURISDICTIONS: schema.jurisdictions_schema(codes), fields.SETTINGS: schema.GLOSSARY_SCHEMA}
    for file, file_schema in schemas.items():
        in_schema = set(_free_text_paths(file_schema, set(codes)))
        in_table = {f.path for f in fields.FIELDS if f.file == file}
        assert in_schema - in_table == set(), file  # a text the rules would not read
        readings = {f.path for f in fields.FIELDS if f.kind == fields.READING}  # of scripts not declared here
        assert in_table - in_schema - readings == set(), file  # a field the schema no longer has


# --- the real build: the theme's own contexts, and atomic replacement of site/ (A06 through MkDocs, P2, P3) ---

def test_a_term_full_of_markdown_and_html_punctuation_is_shown_as_written_by_the_built_site(tmp_path):
    import json as json_module

    import lxml.html

    from conftest import mkdocs_build
    from factory import copy_project

    project = copy_project(tmp_path / "project")
    path = project / "glossary" / "concepts" / "bias.yaml"
    term = "bias *x*{: .evil onclick=alert(1) } & \"q\" 'a' a < b [1](x)"  # what the validator lets through
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(path.read_text(encoding="utf-8").replace(f"term: {data['en']['term']}\n",
                                                             f"term: {json_module.dumps(term)}\n", 1), encoding="utf-8")
    _, problems = validate(project / "glossary", project)
    assert [p.format() for p in problems if p.is_error and p.rule != "markup"] == []
    project_markup = [p for p in problems if p.rule == "markup"]
    assert [p.field for p in project_markup] == ["en.term"]  # the link-like [1](x) is flagged; make it pass:
    path.write_text(path.read_text(encoding="utf-8").replace(" [1](x)", " [1]"), encoding="utf-8")
    term = term.replace(" [1](x)", " [1]")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    for page_path in ("terms/bias/index.html", "zh/terms/bias/index.html", "terms/index.html", "browse/domains/index.html"):
        tree = lxml.html.fromstring((site / page_path).read_bytes())
        assert tree.xpath("//*[@onclick] | //*[contains(@class, 'evil')]") == [], page_path
    tree = lxml.html.fromstring((site / "terms" / "bias" / "index.html").read_bytes())
    assert tree.findtext(".//title").startswith(f"{term} · ")
    assert tree.xpath("string(//h1)").strip().startswith(term)
    header = tree.xpath("string(//*[@data-md-component='header-topic'])").strip()
    assert header.startswith(f"{term} · ")
    (script,) = tree.xpath("//script[@type='application/ld+json']/text()")
    assert json_module.loads(script)["name"][0]["@value"] == term


def _make_build(project):
    return subprocess.run(["make", "build", f"BIN={ROOT / '.venv' / 'bin'}", "STAMP="], cwd=project,
                          capture_output=True, text=True)


def test_make_build_replaces_the_site_only_when_the_build_succeeds(tmp_path):
    import shutil

    from factory import copy_project

    project = copy_project(tmp_path / "project")
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    previous = project / "site"
    previous.mkdir()
    (previous / "index.html").write_text("the previous good site", encoding="utf-8")
    (project / "docs" / "terms").mkdir(exist_ok=True)
    (project / "docs" / "terms" / "safety.md").write_text("# a page that collides with a generated one\n")  # H10
    failed = _make_build(project)
    assert failed.returncode != 0 and "docs/terms/safety.md exists" in failed.stdout + failed.stderr
    assert [p.name for p in previous.iterdir()] == ["index.html"]
    assert (previous / "index.html").read_text(encoding="utf-8") == "the previous good site"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []  # nothing left over
    (project / "docs" / "terms" / "safety.md").unlink()
    built = _make_build(project)
    assert built.returncode == 0, built.stderr
    assert "site/ replaced by the new build" in built.stdout
    assert (project / "site" / "terms" / "safety" / "index.html").is_file()
    assert "the previous good site" not in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_messages_stay_on_one_line_and_hints_name_other_ids(tmp_path):  # F09, E02-E04
    data = probe()
    data["relations"] = {"related": ["safety\n"]}
    registry = [{"id": "rt-probe", "fate": "active"}, {"id": "rt-a", "fate": "renamed", "to": "rt-b",
                                                       "date": "2026-11-01"},
                {"id": "rt-b", "fate": "renamed", "to": "rt-a", "date": "2026-11-01"}]
    glossary = make_glossary(tmp_path, {"rt-probe": data}, registry)
    result = termbase("validate", "--glossary", str(glossary), cwd=tmp_path)
    lines = result.stdout.splitlines()
    relation = next(line for line in lines if "relations.related[0]" in line)
    assert relation.startswith("glossary/concepts/rt-probe.yaml:") and "'safety\\n'" in relation
    cycle = [line for line in lines if "does not lead to an active concept" in line]
    assert len(cycle) == 2 and not any("did you mean 'rt-a'" in line or "did you mean 'rt-b'" in line for line in cycle)


# Explicit tags (red team on the double-quoted-only check): a tag must not let a quoted text skip its checks.
@pytest.mark.parametrize("tag", ["!!float", "!!int"])
def test_a_tagged_double_quoted_scalar_cannot_bring_in_a_forbidden_character(tag):
    with pytest.raises(SourceError) as caught:
        parse_yaml(f'definition: {tag} "harm \\u202Eof that harm"\n')
    assert caught.value.rule == "yaml-tag" and f"the tag {tag} is not allowed" in str(caught.value)
    assert caught.value.line == 1


def test_a_bool_tag_on_text_is_refused_not_a_crash():
    with pytest.raises(SourceError) as caught:
        parse_yaml('definition: !!bool "some text"\n')
    assert caught.value.rule == "yaml-tag"
    assert parse_yaml("definition: Hello! \"R&D\" is fine.\n").data == {"definition": 'Hello! "R&D" is fine.'}
