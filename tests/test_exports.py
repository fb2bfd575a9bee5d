"""Machine-readable exports: each parses in the tool it is meant for, carries versions and stable URLs, and the
TBX validates against the official TBX-Basic schemas."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from lxml import etree
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from conftest import missing_tool
from factory import ROOT, write_downloads
from termbase.exports.formats import FORMATS
from termbase.exports.json_export import from_data, to_data
from termbase.loader import load_glossary
from termbase.publication import SiteInfo

SITE = SiteInfo("https://glossary.example/", "en", datetime.date(2026, 11, 23))
# The official TBX-Basic schemas: ../shared/tbx-basic/ beside the project, or where TBX_BASIC_DIR says (the GitHub
# workflow fetches them there at pinned commits). tests/tbx-basic.sha256 pins their content either way.
TBX_BASIC = Path(os.environ.get("TBX_BASIC_DIR") or ROOT.parent / "shared" / "tbx-basic")
TBX_BASIC_SUMS = dict(reversed(line.split()) for line in (ROOT / "tests" / "tbx-basic.sha256").read_text().splitlines())


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT / "glossary").glossary


@pytest.fixture(scope="module")
def exported(glossary, tmp_path_factory):
    return write_downloads(glossary, SITE, tmp_path_factory.mktemp("exports"))


def test_json_carries_the_release_and_every_concept_with_its_urls(glossary, exported):
    data = json.loads((exported / "glossary.json").read_text(encoding="utf-8"))
    assert data["glossary"]["version"] == glossary.version
    assert data["glossary"]["date"] == max(c.updated for c in glossary.concepts.values()).isoformat()
    safety = next(c for c in data["concepts"] if c["id"] == "safety")
    assert safety["urls"] == {"en": "https://glossary.example/terms/safety/", "zh": "https://glossary.example/zh/terms/safety/"}
    assert safety["zh"]["equivalence"]["degree"] == "partial"
    assert len(data["concepts"]) == len(glossary.concepts)


def test_json_validates_against_its_published_schema(exported):
    schema = json.loads((exported / "glossary.schema.json").read_text(encoding="utf-8"))
    data = json.loads((exported / "glossary.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    assert list(validator.iter_errors(data)) == []
    data["concepts"][0]["zh"]["equivalence"]["degree"] = "similar"
    assert not validator.is_valid(data)


def test_json_round_trip_through_the_model_is_lossless(exported):
    data = json.loads((exported / "glossary.json").read_text(encoding="utf-8"))
    assert to_data(from_data(data), SITE) == data


def test_csv_has_one_row_per_concept_and_language(glossary, exported):
    rows = list(csv.DictReader(io.StringIO((exported / "glossary.csv").read_text(encoding="utf-8"), newline="")))
    assert len(rows) == len(glossary.concepts) * len(glossary.languages)
    security_zh = next(r for r in rows if r["id"] == "security" and r["language"] == "zh-Hans")
    assert security_zh["term"] == "安全" and security_zh["equivalence"] == "partial"
    assert security_zh["url"] == "https://glossary.example/zh/terms/security/"
    assert security_zh["glossary_version"] == glossary.version
    assert "安全" in security_zh["equivalence_note"]


def _tbx_basic(name: str) -> Path:
    path = TBX_BASIC / name
    if not path.is_file():
        missing_tool(f"{path} is absent: the official TBX-Basic schemas live in ../shared/tbx-basic/ beside the "
                     "project, or in the folder TBX_BASIC_DIR names (see .github/workflows/pull-request.yml)")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == TBX_BASIC_SUMS[name], f"{path} is not the pinned official file (sha256 {digest})"
    return path


def test_tbx_is_valid_against_the_official_core_structure_schema(exported):
    schema = etree.RelaxNG(etree.parse(str(_tbx_basic("TBXcoreStructV03.rng"))))
    document = etree.parse(str(exported / "glossary.tbx"))
    assert schema.validate(document), schema.error_log


def test_tbx_passes_the_official_tbx_basic_schematron_rules(exported):
    from schematron import validate

    assert validate(exported / "glossary.tbx", _tbx_basic("TBX-Basic_DCA.sch")) == []


def test_schematron_check_is_not_vacuous(exported, tmp_path):
    """The same check fails a TBX file that breaks the dialect's rules."""
    from schematron import validate

    broken = (exported / "glossary.tbx").read_text(encoding="utf-8")
    broken = broken.replace("preferredTerm-admn-sts", "favouriteTerm", 1).replace('type="subjectField"', 'type="domain"', 1)
    (tmp_path / "broken.tbx").write_text(broken, encoding="utf-8")
    failures = validate(tmp_path / "broken.tbx", _tbx_basic("TBX-Basic_DCA.sch"))
    assert {f.pattern for f in failures} == {"dialectEnforcement", "module.min.termNote"}


@pytest.mark.parametrize("name, ns", [("glossary.tbx", "urn:iso:std:iso:30042:ed-2"),
                                      ("glossary-tbx2008-en-zh-Hans.tbx", None)])
def test_tbx_cross_references_resolve_and_external_links_are_absolute(exported, name, ns):
    """The official Schematron never checks @target (an earlier rule in its pattern takes ref and xref): we do."""
    root = etree.parse(str(exported / name)).getroot()
    tag = (lambda local: f"{{{ns}}}{local}") if ns else (lambda local: local)
    ids = {entry.get("id") for entry in root.iter(tag("conceptEntry" if ns else "termEntry"))}
    refs = [ref.get("target") for ref in root.iter(tag("ref"))]
    assert refs and set(refs) <= ids
    xrefs = [xref.get("target") for xref in root.iter(tag("xref"))]
    assert len(xrefs) == 3 * len(ids)  # each concept's page in both languages, and its current version's page
    assert all(target.startswith("https://glossary.example/") for target in xrefs)
    versioned = [t for t in xrefs if re.search(r"/terms/[a-z0-9-]+/v[0-9]+/$", t)]
    assert len(versioned) == len(ids)


def test_json_and_skos_name_each_concepts_version_and_its_own_page(exported):
    from rdflib import Graph, URIRef
    from rdflib.namespace import DCTERMS

    concepts = json.loads((exported / "glossary.json").read_text(encoding="utf-8"))["concepts"]
    graph = Graph().parse(str(exported / "glossary.ttl"))
    for concept in concepts:
        pages = {"en": f"https://glossary.example/terms/{concept['id']}/v{concept['version']}/",
                 "zh": f"https://glossary.example/zh/terms/{concept['id']}/v{concept['version']}/"}
        assert concept["version_urls"] == pages
        node = URIRef(f"https://glossary.example/terms/{concept['id']}/")
        assert {str(o) for o in graph.objects(node, DCTERMS.hasVersion)} == set(pages.values())


def test_tbx_marks_preferred_admitted_and_deprecated_terms(exported):
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    document = etree.parse(str(exported / "glossary.tbx"))
    entry = document.find(".//t:conceptEntry[@id='c-open-weight-model']", ns)
    statuses = {(sec.findtext("t:term", namespaces=ns), sec.findtext("t:termNote", namespaces=ns))
                for sec in entry.iterfind(".//t:termSec", ns)}
    assert ("open-weight model", "preferredTerm-admn-sts") in statuses
    assert any(status == "deprecatedTerm-admn-sts" for _, status in statuses)
    assert entry.find("t:xref", ns).get("target") == "https://glossary.example/terms/open-weight-model/"


def test_skos_parses_and_keeps_skos_integrity(glossary, exported):
    graph = Graph().parse(exported / "glossary.ttl", format="turtle")
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == len(glossary.concepts)
    for concept in concepts:
        languages = Counter(label.language for label in graph.objects(concept, SKOS.prefLabel))
        assert all(count == 1 for count in languages.values()), concept  # S14: one prefLabel per language
        assert set(languages) == {"en", "zh-Hans"}
        pref = set(graph.objects(concept, SKOS.prefLabel))
        assert pref.isdisjoint(graph.objects(concept, SKOS.altLabel))  # S13
        assert pref.isdisjoint(graph.objects(concept, SKOS.hiddenLabel))
        for broader in graph.objects(concept, SKOS.broader):
            assert (broader, SKOS.narrower, concept) in graph
    scheme = URIRef("https://glossary.example/terms/")
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    assert str(graph.value(scheme, OWL.versionInfo)) == glossary.version
    safety = URIRef("https://glossary.example/terms/safety/")
    assert any("Equivalence of the zh-Hans term: partial" in note for note in graph.objects(safety, SKOS.note))


def test_site_offers_every_export_from_the_downloads_page(built_site, glossary):
    names = [name for export in FORMATS.values() for name in export.files(glossary, SITE)]
    assert "glossary-tbx2008-en-zh-Hans.tbx" in names and "glossary-omegat-en-zh-Hans.utf8" in names
    for name in names:
        assert (built_site / "downloads" / name).stat().st_size > 1000, name
    en = (built_site / "downloads" / "index.html").read_text(encoding="utf-8")
    zh = (built_site / "zh" / "downloads" / "index.html").read_text(encoding="utf-8")
    assert 'href="glossary.tbx"' in en
    for name in names:
        assert f'href="{name}"' in en, name
    assert 'href="../../downloads/glossary.tbx"' in zh and "与本网站同源生成的完整词表数据" in zh
    assert 'href="../../downloads/glossary-tbx2008-en-zh-Hans.tbx"' in zh and "(en → zh-Hans)" in zh


def test_export_command_writes_the_file_with_the_given_base_url(tmp_path):
    from factory import cli

    target = tmp_path / "g.ttl"
    result = cli("export", "skos", "-o", str(target), "--base-url", "https://terms.example/")
    assert result.returncode == 0, result.stderr
    graph = Graph().parse(target, format="turtle")
    assert (URIRef("https://terms.example/terms/safety/"), RDF.type, SKOS.Concept) in graph


def test_skos_has_top_concepts_and_keeps_chinese_notes_chinese(glossary, exported):
    graph = Graph().parse(exported / "glossary.ttl", format="turtle")
    scheme = URIRef("https://glossary.example/terms/")
    tops = set(graph.objects(scheme, SKOS.hasTopConcept))
    assert URIRef("https://glossary.example/terms/safety/") in tops
    assert URIRef("https://glossary.example/terms/functional-safety/") not in tops  # it has a broader concept
    for note in graph.objects(URIRef("https://glossary.example/terms/safety/"), SKOS.note):
        if note.language == "zh-Hans":
            assert not str(note).startswith("Equivalence")
    assert "@prefix glossary:" in (exported / "glossary.ttl").read_text(encoding="utf-8")
