"""The downloads in the readers that translators' tools are built on (translate-toolkit, OmegaT's glossary format,
openpyxl, pandas, rdflib with pySHACL, a JSON-LD processor): every concept arrives with both languages' terms,
deprecated terms are never offered as translations, homonyms are told apart, and no cell is a formula."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas
import pytest
from lxml import etree
from pyld import jsonld
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS
from translate.storage import po, tbx as tt_tbx

from factory import ROOT, entry, make_glossary, termbase, write_downloads
from termbase.exports import concept_table
from termbase.exports.formats import all_files
from termbase.loader import load_glossary
from termbase.publication import SiteInfo

SITE = SiteInfo("https://glossary.example/", "en", datetime.date(2026, 12, 1))
PAIR = "en-zh-Hans"


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT / "glossary").glossary


@pytest.fixture(scope="module")
def files(glossary, tmp_path_factory):
    return write_downloads(glossary, SITE, tmp_path_factory.mktemp("downloads"))


def _deprecated(glossary, code: str) -> dict[str, set[str]]:
    return {c.id: {d.term for d in c.sections[code].deprecated} for c in glossary.concepts.values()}


# TBX 2008 in translate-toolkit (what Weblate imports glossaries with)

def test_translate_toolkit_reads_every_concept_with_both_preferred_terms(glossary, files):
    store = tt_tbx.tbxfile.parsefile(str(files / f"glossary-tbx2008-{PAIR}.tbx"))
    units = {unit.getid(): unit for unit in store.units}
    assert len(store.units) == len(glossary.concepts)
    deprecated = _deprecated(glossary, "zh")
    for concept in glossary.concepts.values():
        unit = units[f"c-{concept.id}"]
        assert unit.source == concept.sections["en"].term
        assert unit.target == concept.sections["zh"].term
        targets = [term.text for term in unit.get_target_terms()]
        assert not deprecated[concept.id] & set(targets), concept.id  # never offered as a translation
        assert not any(term.deprecated for term in unit.get_target_terms())
    open_weight = units["c-open-weight-model"]
    assert "开源模型" in open_weight.getnotes()  # named, with its reason, in a note
    # the homonyms 安全 (safety, security) are told apart by their disambiguated forms, terms of their own
    assert "安全（safety）" in [t.text for t in units["c-safety"].get_target_terms()]
    assert "安全（security）" in [t.text for t in units["c-security"].get_target_terms()]


def test_translate_toolkit_matches_the_chinese_language_tag(files):
    store = tt_tbx.tbxfile.parsefile(str(files / f"glossary-tbx2008-{PAIR}.tbx"))
    store.settargetlanguage("zh-Hans")
    safety = next(u for u in store.units if u.getid() == "c-safety")
    assert safety.target == "安全"


def test_tbx2po_writes_a_po_entry_per_concept(glossary, files, tmp_path):
    target = tmp_path / "glossary.po"
    tool = Path(sys.executable).with_name("tbx2po")
    result = subprocess.run([str(tool), "--errorlevel", "traceback", "-i", str(files / f"glossary-tbx2008-{PAIR}.tbx"),
                             "-o", str(target)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    catalog = po.pofile.parsefile(str(target))
    entries = {unit.source: unit.target for unit in catalog.units if not unit.isheader()}
    assert len(entries) == len(glossary.concepts)
    assert entries["open-weight model"] == "开放权重模型"
    assert entries["safety"] == "安全" and entries["security"] == "安全"


def test_tbx_2008_is_martif_without_a_namespace(files):
    root = etree.parse(str(files / f"glossary-tbx2008-{PAIR}.tbx")).getroot()
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    assert {lang.get("{http://www.w3.org/XML/1998/namespace}lang") for lang in root.iter("langSet")} == {"en", "zh-Hans"}
    statuses = {note.text for note in root.iter("termNote") if note.get("type") == "administrativeStatus"}
    assert statuses == {"preferredTerm-admn-sts", "admittedTerm-admn-sts"}


# TBX v3: what distinguishes concepts is in the file

def test_tbx_v3_has_disambiguated_forms_term_types_and_both_pages(files):
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    document = etree.parse(str(files / "glossary.tbx"))
    text = (files / "glossary.tbx").read_text(encoding="utf-8")
    assert "<?xml-model" in text.split("<tbx", 1)[0]

    def terms(concept_id, lang):
        entry = document.find(f".//t:conceptEntry[@id='c-{concept_id}']", ns)
        lang_sec = entry.find(f"t:langSec[@xml:lang='{lang}']", ns | {"xml": "http://www.w3.org/XML/1998/namespace"})
        return lang_sec, {sec.findtext("t:term", namespaces=ns): sec.findtext("t:termNote[@type='termType']", namespaces=ns)
                          for sec in lang_sec.iterfind("t:termSec", ns)}

    _, agi = terms("artificial-general-intelligence", "en")
    assert agi["AGI"] == "acronym" and agi["general artificial intelligence"] is None
    zh, safety = terms("safety", "zh-Hans")
    assert safety["安全（safety）"] == "variant"
    assert zh.find("t:xref", ns).get("target") == "https://glossary.example/zh/terms/safety/"
    _, gpai = terms("general-purpose-ai-model", "en")
    assert gpai.get("GPAI model") == "abbreviation"


# OmegaT's glossary format: tab-separated UTF-8, source / target / comment, # starts a comment line

def _omegat_entries(path: Path) -> list[list[str]]:
    lines = path.read_bytes().decode("utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def test_omegat_glossary_parses_as_omegat_documents_it(glossary, files):
    entries = _omegat_entries(files / f"glossary-omegat-{PAIR}.utf8")
    assert all(len(columns) == 3 for columns in entries)
    pairs = {(source, target) for source, target, _ in entries}
    for concept in glossary.concepts.values():
        assert (concept.sections["en"].term, concept.sections["zh"].term) in pairs, concept.id
    deprecated = {term for terms in _deprecated(glossary, "zh").values() for term in terms}
    assert deprecated and not deprecated & {target for _, target, _ in entries}
    english_deprecated = {term for terms in _deprecated(glossary, "en").values() for term in terms}
    assert not english_deprecated & {source for source, _, _ in entries}
    comment = next(c for s, t, c in entries if s == "safety")
    assert "安全（safety）" in comment and "https://glossary.example/zh/terms/safety/" in comment
    open_weight = next(c for s, t, c in entries if s == "open-weight model")
    assert "do not use: 开源模型" in open_weight


# The concept table: XLSX (openpyxl) and CSV (pandas), one row per concept

def test_xlsx_has_a_header_and_one_row_per_concept_with_chinese_intact(glossary, files):
    sheet = openpyxl.load_workbook(files / "glossary-concepts.xlsx", read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert list(header) == concept_table.columns(glossary)
    assert len(body) == len(glossary.concepts)
    records = {row[0]: dict(zip(header, row)) for row in body}
    safety = records["safety"]
    assert (safety["en"], safety["zh-Hans"], safety["zh-Hans disambiguated"]) == ("safety", "安全", "安全（safety）")
    assert safety["zh-Hans url"] == "https://glossary.example/zh/terms/safety/"
    assert "Chinese 安全 designates both" in safety["zh-Hans equivalence note"]  # the English note is there too
    open_weight = records["open-weight-model"]
    assert open_weight["zh-Hans deprecated"] == "开源模型" and "开放源代码促进会" in open_weight["zh-Hans deprecated reason"]
    cited = next(c for c in glossary.concepts.values() if c.sections["en"].definition_source.sources)
    title = glossary.bibliography[cited.sections["en"].definition_source.sources[0].id].title
    assert records[cited.id]["en definition source"].startswith(title)


def test_pandas_reads_the_concept_csv_as_the_xlsx_holds_it(glossary, files):
    table = pandas.read_csv(files / "glossary-concepts.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(table.columns) == concept_table.columns(glossary)
    assert len(table) == len(glossary.concepts)
    sheet = openpyxl.load_workbook(files / "glossary-concepts.xlsx", read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [[cell or "" for cell in row] for row in rows[1:]] == table.values.tolist()
    assert table.set_index("id").loc["security", "zh-Hans disambiguated"] == "安全（security）"


def test_spreadsheets_never_hold_a_formula(tmp_path):
    """Entry text that a spreadsheet would evaluate (OWASP: cells starting with = + - @ tab CR) stays text."""
    hostile = entry("hostile", en={"term": "=HYPERLINK(\"https://evil.example\",\"x\")", "synonyms": ["@SUM(1+1)"],
                                   "definition": "+1+1 is the definition.", "definition_source": "own",
                                   "note": "-2+3"})
    glossary = load_glossary(make_glossary(tmp_path, {"hostile": hostile})).glossary
    files = all_files(glossary, SITE)
    concept_csv = list(csv.reader(io.StringIO(files["glossary-concepts.csv"].lstrip("\ufeff"))))
    row = dict(zip(concept_csv[0], concept_csv[1]))
    assert row["en"] == "'=HYPERLINK(\"https://evil.example\",\"x\")"
    assert (row["en synonyms"], row["en definition"], row["en note"]) == ("'@SUM(1+1)", "'+1+1 is the definition.", "'-2+3")
    long_csv = list(csv.DictReader(io.StringIO(files["glossary.csv"])))
    assert long_csv[0]["term"].startswith("'=") and long_csv[0]["usage_note"] == "'-2+3"
    workbook = tmp_path / "t.xlsx"
    workbook.write_bytes(files["glossary-concepts.xlsx"])
    sheet = openpyxl.load_workbook(workbook).active
    cells = {cell.value: cell.data_type for cell in sheet[2]}
    assert cells["=HYPERLINK(\"https://evil.example\",\"x\")"] == "s"  # a string cell, not a formula ("f")
    assert all(data_type == "s" for value, data_type in cells.items() if value is not None)


# SKOS: rdflib parses it; SHACL finds no missing label per language, no shared preferred label, no orphan

SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix g: <urn:x-glossary:> .
@prefix s: <urn:x-shapes:> .

s:Labels a sh:NodeShape ; sh:targetClass skos:Concept ;
  sh:property [ sh:path skos:prefLabel ; sh:uniqueLang true ; sh:minCount 2 ; sh:languageIn ("en" "zh-Hans") ] ;
  sh:property [ sh:path skos:definition ; sh:uniqueLang true ; sh:minCount 2 ] ;
  sh:sparql [ sh:message "a preferred label another concept has too" ; sh:select '''
      SELECT $this ?value WHERE { $this skos:prefLabel ?value . ?other skos:prefLabel ?value . FILTER (?other != $this) }''' ] .

s:Related a sh:NodeShape ; sh:targetClass skos:Concept ;
  sh:or ( [ sh:path skos:broader ; sh:minCount 1 ] [ sh:path skos:narrower ; sh:minCount 1 ]
          [ sh:path skos:related ; sh:minCount 1 ] [ sh:path g:notToBeConfusedWith ; sh:minCount 1 ] ) .
"""


def _shacl(turtle: str, shapes: str = SHAPES) -> tuple[bool, str]:
    conforms, _, report = shacl_validate(Graph().parse(data=turtle, format="turtle"),
                                         shacl_graph=Graph().parse(data=shapes, format="turtle"), advanced=True)
    return conforms, report


def test_skos_labels_and_homonyms_pass_the_shapes(glossary, files):
    labels_only = SHAPES.split("s:Related")[0]
    conforms, report = _shacl((files / "glossary.ttl").read_text(encoding="utf-8"), labels_only)
    assert conforms, report
    graph = Graph().parse(files / "glossary.ttl", format="turtle")
    safety = URIRef("https://glossary.example/terms/safety/")
    assert Literal("安全（safety）", lang="zh-Hans") in set(graph.objects(safety, SKOS.prefLabel))
    assert Literal("安全", lang="zh-Hans") in set(graph.objects(safety, SKOS.altLabel))
    scheme = URIRef("https://glossary.example/terms/")
    assert {label.language for label in graph.objects(scheme, SKOS.prefLabel)} == {"en", "zh-Hans"}
    assert graph.value(scheme, DCTERMS.created) is not None and graph.value(scheme, DCTERMS.modified) is not None
    cited = next(c for c in glossary.concepts.values() if c.sections["en"].definition_source.sources)
    title = glossary.bibliography[cited.sections["en"].definition_source.sources[0].id].title
    sources = [str(s) for s in graph.objects(URIRef(f"https://glossary.example/terms/{cited.id}/"), DCTERMS.source)]
    assert any(s.startswith(title) for s in sources)
    assert safety not in set(graph.objects(safety, URIRef("http://www.w3.org/2000/01/rdf-schema#seeAlso")))


def test_skos_shapes_catch_an_orphan_a_shared_label_and_a_missing_language(tmp_path):
    same = {"term": "同名", "definition": "定义。", "definition_source": "own", "equivalence": {"degree": "exact"}}
    entries = {
        "first": entry("first", zh=same, relations={"related": ["second"]}),
        "second": entry("second", zh=same, relations={"related": ["first"]}),
        "alone": entry("alone"),
    }
    glossary = load_glossary(make_glossary(tmp_path, entries)).glossary
    turtle = all_files(glossary, SITE)["glossary.ttl"]
    conforms, report = _shacl(turtle)
    assert not conforms
    focus = set(re.findall(r"Focus Node: <([^>]+)>", report))
    assert focus == {f"https://glossary.example/terms/{i}/" for i in ("first", "second", "alone")}
    assert "a preferred label another concept has too" in report
    # with the shared term disambiguated, only the orphan is left
    entries["first"]["zh"] = {**same, "disambiguated": "同名（一）"}
    entries["second"]["zh"] = {**same, "disambiguated": "同名（二）"}
    glossary = load_glossary(make_glossary(tmp_path / "fixed", entries)).glossary
    conforms, report = _shacl(all_files(glossary, SITE)["glossary.ttl"])
    assert set(re.findall(r"Focus Node: <([^>]+)>", report)) == {"https://glossary.example/terms/alone/"}
    english_only = Graph().parse(data=turtle, format="turtle")
    english_only.remove((None, SKOS.prefLabel, Literal("同名", lang="zh-Hans")))
    conforms, report = _shacl(english_only.serialize(format="turtle"), SHAPES.split("s:Related")[0])
    assert not conforms and "MinCount" in report


# JSON-LD in the term pages, and the concept's own JSON beside its page

def _document_loader(url, options=None):
    # schema.org's context cannot be fetched here; its core is @vocab (every name is a schema.org term)
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": "https://schema.org/"}}}


@pytest.mark.parametrize("prefix, tag", [("", "en"), ("zh/", "zh-Hans")])
def test_term_page_json_ld_expands_to_a_defined_term_with_its_language(built_site, prefix, tag):
    html = (built_site / prefix / "terms" / "safety" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    [term] = jsonld.expand(json.loads(block), {"documentLoader": _document_loader})
    schema = "https://schema.org/"
    assert term["@type"] == [f"{schema}DefinedTerm"]
    page = term[f"{schema}mainEntityOfPage"][0]
    assert page["@type"] == [f"{schema}WebPage"] and page[f"{schema}inLanguage"] == [{"@value": tag}]
    term_set = term[f"{schema}inDefinedTermSet"][0]
    assert {v["@value"] for v in term_set[f"{schema}inLanguage"]} == {"en", "zh-Hans"}
    assert term_set[f"{schema}url"]
    names = {(n["@language"].lower(), n["@value"]) for n in term[f"{schema}name"]}  # PyLD lower-cases tags
    assert ("zh-hans", "安全") in names and ("en", "safety") in names
    alternates = {(n["@language"].lower(), n["@value"]) for n in term[f"{schema}alternateName"]}
    assert ("zh-hans", "安全（safety）") in alternates


def test_each_concept_has_its_json_beside_its_page_linked_from_the_head(built_site, glossary):
    html = (built_site / "zh" / "terms" / "safety" / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)">', html).group(1)
    assert link.endswith("/terms/safety.json")
    schema = json.loads((built_site / "downloads" / "glossary.schema.json").read_text(encoding="utf-8"))
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema["properties"]["concepts"]["items"])
    for concept in glossary.concepts.values():
        data = json.loads((built_site / "terms" / f"{concept.id}.json").read_text(encoding="utf-8"))
        assert data["concept"]["id"] == concept.id and data["glossary"]["version"] == glossary.version
        assert list(validator.iter_errors(data["concept"])) == []
        assert {s["id"] for s in data["bibliography"]} <= set(glossary.bibliography)
    safety = json.loads((built_site / "terms" / "safety.json").read_text(encoding="utf-8"))
    assert safety["concept"]["zh"]["disambiguated"] == "安全（safety）"


# The command line

def test_export_command_writes_each_new_format(tmp_path):
    for name, output in (("tbx2008", "g.tbx"), ("omegat", "g.utf8"), ("xlsx", "g.xlsx"), ("concepts-csv", "g.csv")):
        result = termbase("export", name, "-o", str(tmp_path / output), "--base-url", "https://terms.example.org/",
                          "--language", "zh")
        assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(tmp_path / "g.xlsx").active["A2"].value
    assert tt_tbx.tbxfile.parsefile(str(tmp_path / "g.tbx")).units
    result = termbase("export", "omegat", "--language", "fr", "--base-url", "https://terms.example.org/")
    assert result.returncode == 2 and "'fr' is not a translation language" in result.stderr
