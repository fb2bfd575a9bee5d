"""Every published version readable at its own address, and version discipline, in real git repositories made by
the tests: an entry committed in three versions (the first two under an id it was later renamed from)."""

from __future__ import annotations

import json
import os
import re
import subprocess

import pytest
import yaml

from conftest import mkdocs_build
from factory import copy_project, dump_yaml, entry, make_glossary, termbase, text_of, with_fingerprint

GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@localhost", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@localhost", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
SITE_URL = "https://terms.glossary-site.org/"
DEFINITIONS = {1: "First wording of the versioned concept.", 2: "Second wording of the versioned concept.",
               3: "Third wording of the versioned concept."}
ZH_DEFINITIONS = {1: "受版本管理概念的第一种表述。", 2: "受版本管理概念的第二种表述。", 3: "受版本管理概念的第三种表述。"}
SUMMARIES = {2: ("Definition reworded.", "改写定义。"), 3: ("Definition reworded again.", "再次改写定义。")}


def git(project, *args):
    subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def version_of_entry(concept_id: str, number: int) -> dict:
    data = entry(concept_id, version=number, updated=f"2026-11-2{number}")
    data["en"].update(term="versioned concept", definition=DEFINITIONS[number])
    data["zh"].update(term="版本概念", definition=ZH_DEFINITIONS[number])
    data["history"] = [{"version": 1, "date": "2026-11-21", "summary": {"en": "First published.", "zh": "首次发布。"}}]
    data["history"] += [{"version": n, "date": f"2026-11-2{n}", "summary": {"en": SUMMARIES[n][0], "zh": SUMMARIES[n][1]}}
                        for n in range(2, number + 1)]
    return with_fingerprint(data)


GONE = ("merged-away", "withdrawn-away")  # committed in version 1, then merged into `versioned` and withdrawn


def gone_entry(concept_id: str) -> dict:
    data = entry(concept_id, updated="2026-11-21")
    data["en"].update(term=f"{concept_id} concept", definition=f"The published wording of {concept_id}.")
    data["zh"].update(term=f"{concept_id}概念", definition=f"{concept_id}的已发布表述。")
    return with_fingerprint(data)


@pytest.fixture(scope="module")
def versioned_site(tmp_path_factory):
    """The project with one more entry: versions 1 and 2 as `versioned-old`, then renamed `versioned` in version 3;
    each version committed, the site built from the last commit."""
    project = copy_project(tmp_path_factory.mktemp("versioned") / "project")
    concepts = project / "glossary" / "concepts"
    registry_path = project / "glossary" / "registry.yaml"
    registry = yaml.safe_load(registry_path.read_text(encoding="utf-8"))
    git(project, "init", "-q", "-b", "main")
    for name in GONE:
        dump_yaml(concepts / f"{name}.yaml", gone_entry(name))
    for number in (1, 2):
        dump_yaml(concepts / "versioned-old.yaml", version_of_entry("versioned-old", number))
        dump_yaml(registry_path, [*registry, {"id": "versioned-old", "fate": "active"},
                                  *({"id": name, "fate": "active"} for name in GONE)])
        git(project, "add", "-A")
        git(project, "commit", "-q", "-m", f"version {number}")
    for name in ("versioned-old", *GONE):
        (concepts / f"{name}.yaml").unlink()
    dump_yaml(concepts / "versioned.yaml", version_of_entry("versioned", 3))
    dump_yaml(registry_path, [*registry, {"id": "versioned-old", "fate": "renamed", "to": "versioned",
                                          "date": "2026-11-23"}, {"id": "versioned", "fate": "active"},
                              {"id": "merged-away", "fate": "merged", "to": "versioned", "date": "2026-11-23"},
                              {"id": "withdrawn-away", "fate": "withdrawn", "date": "2026-11-23",
                               "reason": {"en": "Not a term of the field.", "zh": "不属于本领域术语。"}}])
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "version 3, renamed")
    site = tmp_path_factory.mktemp("versioned-site")
    result = mkdocs_build(project, site, {"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return site


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["", "zh/"])
@pytest.mark.parametrize("number", [1, 2, 3])
def test_each_version_has_its_own_page_with_its_own_text(versioned_site, prefix, number):
    page = read(versioned_site, f"{prefix}terms/versioned/v{number}/index.html")
    assert DEFINITIONS[number] in page and ZH_DEFINITIONS[number] in page
    assert not any(text in page for n, text in {**DEFINITIONS}.items() if n != number)
    assert not any(text in page for n, text in ZH_DEFINITIONS.items() if n != number)
    url = f"{SITE_URL}{prefix}terms/versioned/v{number}/"
    assert f'<link rel="canonical" href="{url}">' in page
    assert '<meta name="robots" content="noindex">' in page


def test_banners_name_the_version_read_and_the_current_one(versioned_site):
    v1 = read(versioned_site, "terms/versioned/v1/index.html")
    assert "You are reading version 1 of versioned concept (November 21, 2026)." in v1
    assert "The current version is 3 (November 23, 2026). What changed: Definition reworded again." in v1
    assert re.search(r'<a href="\.\./">Read the current version</a>', v1)
    zh = read(versioned_site, "zh/terms/versioned/v2/index.html")
    assert "您正在阅读“版本概念”的第2版（2026年11月22日）。" in zh
    assert "现行版本为第3版（2026年11月23日）。" in zh and "再次改写定义。" in zh
    assert "This is the current version." in read(versioned_site, "terms/versioned/v3/index.html")
    assert "现行版本" not in read(versioned_site, "zh/terms/versioned/index.html").split("tb-cite")[0]


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_the_current_page_lists_and_links_every_version(versioned_site, prefix):
    page = read(versioned_site, f"{prefix}terms/versioned/index.html")
    for number in (1, 2, 3):
        assert re.search(rf'<a href="v{number}/">[^<]*{number}[^<]*</a>', page), number
    assert DEFINITIONS[3] in page and DEFINITIONS[1] not in page


@pytest.mark.parametrize("prefix", ["", "zh/"])
@pytest.mark.parametrize("number", [2, 3])
def test_citations_name_the_version_address_and_the_stable_one(versioned_site, prefix, number):
    path = f"{prefix}terms/versioned/v{number}/index.html" if number < 3 else f"{prefix}terms/versioned/index.html"
    page = read(versioned_site, path)
    citations = re.findall(r'<code id="citation-\d">(.*?)</code>', page, flags=re.S)
    assert len(citations) == 3
    for text in citations:
        assert f"{SITE_URL}{prefix}terms/versioned/v{number}/" in text
        assert f"{SITE_URL}{prefix}terms/versioned/" in text.replace(f"/v{number}/", "")
    # the access date is the build's in the page, inside the element the script re-dates
    assert all(re.search(r'<time class="tb-access-date" datetime="\d{4}-\d\d-\d\d">', c) for c in citations[1:])
    assert "assets/javascripts/cite.js" in page


@pytest.mark.parametrize("prefix", ["", "zh/"])
@pytest.mark.parametrize("number", [1, 2])
def test_a_renamed_ids_versions_lead_to_the_same_versions_under_the_new_id(versioned_site, prefix, number):
    redirect = read(versioned_site, f"{prefix}terms/versioned-old/v{number}/index.html")
    assert f'content="0; url=../../versioned/v{number}/"' in redirect
    assert f'<link rel="canonical" href="{SITE_URL}{prefix}terms/versioned/v{number}/">' in redirect


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_a_merged_or_withdrawn_ids_versions_stay_readable_and_say_what_became_of_it(versioned_site, prefix):
    merged = read(versioned_site, f"{prefix}terms/merged-away/v1/index.html")
    withdrawn = read(versioned_site, f"{prefix}terms/withdrawn-away/v1/index.html")
    assert "The published wording of merged-away." in merged and "merged-away的已发布表述。" in merged
    assert "The published wording of withdrawn-away." in withdrawn
    if prefix:
        assert "本条目已于2026年11月23日并入“版本概念”。" in text_of(merged)
        assert "本条目已于2026年11月23日撤销。" in text_of(withdrawn) and "不属于本领域术语。" in withdrawn
    else:
        assert "This entry was merged into versioned concept on November 23, 2026." in text_of(merged)
        assert "This entry was withdrawn on November 23, 2026." in text_of(withdrawn)
        assert "Not a term of the field." in withdrawn
    assert re.search(r'<a href="\.\./\.\./versioned/">[^<]+</a>', merged)  # to the concept it lives on in
    assert re.search(r'<a href="\.\./">[^<]+</a>', withdrawn)  # to its tombstone
    assert f'<link rel="canonical" href="{SITE_URL}{prefix}terms/merged-away/v1/">' in merged
    assert "http-equiv" not in merged and "http-equiv" not in withdrawn  # pages, not redirects
    # the old ids' own addresses still redirect (merged) or keep the tombstone (withdrawn)
    assert 'content="0; url=../versioned/"' in read(versioned_site, f"{prefix}terms/merged-away/index.html")
    tombstone = read(versioned_site, f"{prefix}terms/withdrawn-away/index.html")
    assert "withdrawn-away" in tombstone and re.search(r'<a href="v1/">[^<]*1[^<]*</a>', tombstone)  # lists it


def test_version_pages_are_pages_of_the_site(versioned_site):
    """Written into the shell MkDocs built: the site's header, search and language switcher, which leads to the
    same version in the other language; the shell itself is gone."""
    page = read(versioned_site, "terms/versioned/v2/index.html")
    assert 'class="md-header' in page and 'class="md-search__input' in page
    assert 'href="../../../zh/terms/versioned/v2/"' in page and 'hreflang="zh"' in page
    assert re.search(r"<title>versioned concept · 版本概念 \(version 2\) - [^<]+</title>", page)
    assert f'<meta name="description" content="{DEFINITIONS[2]}">' in page
    assert re.search(r'<h1 id="term">versioned concept<', page)
    assert not list(versioned_site.rglob("*shell*")) and "TBSHELL" not in page


def test_the_shell_must_have_every_placeholder_and_values_are_put_in_once(tmp_path):
    from termbase.pages.versions import Shell, ShellError, VersionPage, shell_markdown

    from live_markup import to_html
    body, meta = to_html(shell_markdown())
    shell = f"<title>{meta['title']}</title><meta content=\"{meta['description']}\">{body}"
    page = VersionPage("TBSHELLHEADING <b>", 'says "TBSHELLTITLE"', "x", "<p>TBSHELLDESCRIPTION body</p>")
    filled = Shell(shell).fill(page, "terms/x/v1/")
    assert "<title>TBSHELLHEADING &lt;b&gt;</title>" in filled  # escaped, and not searched again
    assert 'content="says &#34;TBSHELLTITLE&#34;"' in filled and "<p>TBSHELLDESCRIPTION body</p>" in filled
    with pytest.raises(ShellError):
        Shell(shell.replace("TBSHELLBODY", "body"))
    with pytest.raises(ShellError):
        Shell(shell + "<span>tbshellheading</span>")


def test_versions_stay_out_of_search_and_the_sitemap(versioned_site):
    for prefix in ("", "zh/"):
        index = json.loads(read(versioned_site, f"{prefix}search/search_index.json"))
        locations = [doc["location"] for doc in index["docs"]]
        assert any(loc.startswith("terms/versioned/") for loc in locations)
        assert not any(re.search(r"/v\d+/", loc) for loc in locations)
    sitemap = read(versioned_site, "sitemap.xml")
    assert f"{SITE_URL}zh/terms/versioned/</loc>" in sitemap and not re.search(r"/v\d+/", sitemap)


# Version discipline, checked against the base branch through git.

@pytest.fixture
def repository(tmp_path):
    make_glossary(tmp_path, {"alpha": entry("alpha")})
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "alpha version 1")
    return tmp_path


def edit(root, change):
    path = root / "glossary" / "concepts" / "alpha.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    dump_yaml(path, data)


def test_a_changed_definition_without_a_new_version_is_an_error(repository):
    edit(repository, lambda d: d["en"].update(definition="A different definition of alpha."))
    result = termbase("validate", "--glossary", str(repository / "glossary"), cwd=repository)
    assert result.returncode == 1
    assert re.search(r"glossary/concepts/alpha\.yaml:\d+:\d+: error: \[version-bump\] version: en\.definition "
                     r"changed since main \([0-9a-f]{7}\), but the version is still 1", result.stdout), result.stdout
    assert "set `version: 2`" in result.stdout


def test_a_change_committed_on_a_branch_is_compared_with_where_it_left_main(repository):
    git(repository, "checkout", "-q", "-b", "feature")
    edit(repository, lambda d: d["zh"]["equivalence"].update(degree="partial", note={"en": "Narrower.", "zh": "较窄。"}))
    git(repository, "commit", "-q", "-a", "-m", "equivalence changed")
    result = termbase("validate", "--glossary", str(repository / "glossary"), cwd=repository)
    assert "[version-bump] version: zh.equivalence changed since main" in result.stdout, result.stdout


def test_a_bumped_version_needs_its_summary_in_every_language(repository):
    def bump(d):
        d["en"]["definition"] = "A different definition of alpha."
        d.update(version=2, updated="2026-11-23")
        d["history"] = [{"version": 1, "date": "2026-11-22", "summary": {"en": "First published."}},
                        {"version": 2, "date": "2026-11-23", "summary": {"en": "Definition reworded."}}]
    edit(repository, bump)
    result = termbase("validate", "--glossary", str(repository / "glossary"), cwd=repository)
    assert "[version-bump]" not in result.stdout
    assert "[history] history[1].summary: the summary of version 2 is missing in zh" in result.stdout


def test_a_version_never_goes_down(repository):
    edit(repository, lambda d: d.update(version=2, updated="2026-11-23", history=[
        {"version": 2, "date": "2026-11-23", "summary": {"en": "Reworded.", "zh": "改写。"}}]))
    git(repository, "commit", "-q", "-a", "-m", "version 2")
    edit(repository, lambda d: d.update(version=1, updated="2026-11-23", history=[
        {"version": 1, "date": "2026-11-23", "summary": {"en": "Reworded.", "zh": "改写。"}}]))
    result = termbase("validate", "--glossary", str(repository / "glossary"), cwd=repository)
    assert "[version-bump] version: version 1 is lower than version 2 on main" in result.stdout, result.stdout


def test_rewrapping_or_a_note_is_not_a_substantive_change(repository):
    def cosmetic(d):
        d["en"]["definition"] = d["en"]["definition"].replace(" ", "\n  ", 1)
        d["en"]["note"] = "A usage note added later."
    edit(repository, cosmetic)
    result = termbase("validate", "--glossary", str(repository / "glossary"), cwd=repository)
    assert "[version-bump]" not in result.stdout, result.stdout


def test_a_merged_or_withdrawn_ids_versions_lead_to_the_concept_or_the_tombstone(tmp_path):
    from factory import ROOT
    from termbase.loader import load_glossary
    from termbase.pages import render_redirects
    from termbase.publication import SiteInfo

    registry = [{"id": "alpha", "fate": "active"}, {"id": "beta", "fate": "merged", "to": "alpha", "date": "2026-11-23"},
                {"id": "gamma", "fate": "withdrawn", "date": "2026-11-23",
                 "reason": {"en": "Not a term of the field.", "zh": "不属于本领域术语。"}}]
    glossary = load_glossary(make_glossary(tmp_path, {"alpha": entry("alpha")}, registry), tmp_path).glossary
    site = SiteInfo.for_build(glossary, SITE_URL)
    pages = render_redirects(glossary, ROOT / "locales", site, {"beta": (1, 2), "gamma": (1,)})
    assert 'content="0; url=../../alpha/"' in pages["en"]["terms/beta/v2/index.html"]
    assert f'href="{SITE_URL}zh/terms/alpha/"' in pages["zh"]["terms/beta/v1/index.html"]
    withdrawn = pages["zh"]["terms/gamma/v1/index.html"]
    assert 'content="0; url=../"' in withdrawn and "本条目已撤销" in withdrawn


def test_a_build_to_publish_refuses_a_checkout_without_history(tmp_path):
    project = copy_project(tmp_path / "project")  # a copy, not a git checkout
    result = mkdocs_build(project, tmp_path / "site", {"PUBLISH": "1", "SITE_URL": SITE_URL})
    assert result.returncode != 0
    assert "earlier versions of the entries cannot be published: no git history here" in result.stderr
    assert not (tmp_path / "site" / "terms").exists()


def test_a_shallow_clone_is_reported_as_missing_versions(repository, tmp_path):
    from termbase.history import read_history

    edit(repository, lambda d: d.update(version=2, updated="2026-11-23", history=[
        {"version": 2, "date": "2026-11-23", "summary": {"en": "Reworded.", "zh": "改写。"}}]))
    git(repository, "commit", "-q", "-a", "-m", "version 2")
    assert read_history(repository).notice == "" and set(read_history(repository).texts["alpha"]) == {1, 2}
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repository}", str(clone)], check=True,
                   capture_output=True, env={**os.environ, **GIT_ENV})
    shallow = read_history(clone)
    assert "shallow clone" in shallow.notice and set(shallow.texts["alpha"]) == {2}


def _project(tmp_path):
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    registry_path = project / "glossary" / "registry.yaml"
    return project, project / "glossary" / "concepts", registry_path, yaml.safe_load(registry_path.read_text("utf-8"))


def test_a_withdrawn_id_whose_every_version_is_unreadable_today_does_not_break_the_build(tmp_path):
    from termbase.site import site_content

    project, concepts, registry_path, registry = _project(tmp_path)
    data = with_fingerprint(entry("gone-x"))
    del data["zh"]  # as a version committed before a language was added reads today
    dump_yaml(concepts / "gone-x.yaml", data)
    dump_yaml(registry_path, [*registry, {"id": "gone-x", "fate": "active"}])
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "v1")
    (concepts / "gone-x.yaml").unlink()
    dump_yaml(registry_path, [*registry, {"id": "gone-x", "fate": "withdrawn", "date": "2026-11-30",
                                          "reason": {"en": "Gone.", "zh": "已撤销。"}}])
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "withdrawn")
    content = site_content(project, "http://127.0.0.1:8000/")
    assert not content.errors, [p.message for p in content.errors]
    assert "terms/gone-x.md" in content.pages  # its tombstone
    assert 'content="0; url=../"' in content.redirects["en"]["terms/gone-x/v1/index.html"]  # the version leads there
    assert any(p.rule == "history" and "version 1 in git history cannot be read" in p.message for p in content.problems)


def test_a_renamed_ids_versions_are_not_shown_as_versions_of_the_concept_its_successor_was_merged_into(tmp_path):
    from termbase.site import site_content

    project, concepts, registry_path, registry = _project(tmp_path)

    def version(concept_id, number):
        data = entry(concept_id, version=number, updated=f"2026-11-2{number}")
        data["en"].update(term="chain concept", definition=f"Wording {number} of the chain concept.")
        data["history"] = [{"version": n, "date": f"2026-11-2{n}", "summary": {"en": f"V{n}.", "zh": f"第{n}版。"}}
                           for n in range(1, number + 1)]
        return with_fingerprint(data)

    for number in (1, 2):
        dump_yaml(concepts / "chain-a.yaml", version("chain-a", number))
        dump_yaml(registry_path, [*registry, {"id": "chain-a", "fate": "active"}])
        git(project, "add", "-A")
        git(project, "commit", "-q", "-m", f"v{number}")
    (concepts / "chain-a.yaml").unlink()
    dump_yaml(concepts / "chain-b.yaml", version("chain-b", 3))
    renamed = {"id": "chain-a", "fate": "renamed", "to": "chain-b", "date": "2026-11-23"}
    dump_yaml(registry_path, [*registry, renamed, {"id": "chain-b", "fate": "active"}])
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "v3, renamed")
    (concepts / "chain-b.yaml").unlink()
    dump_yaml(registry_path, [*registry, renamed, {"id": "chain-b", "fate": "merged", "to": "risk", "date": "2026-11-30"}])
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "merged into risk")
    content = site_content(project, "http://127.0.0.1:8000/")
    assert not content.errors
    risk_pages = {address: page for address, page in content.version_pages["en"].items() if address.startswith("terms/risk/")}
    assert not any("chain concept" in page.description or "chain concept" in page.title for page in risk_pages.values())
    # the chain's versions are the merged id's own, readable under it, and its first id's addresses lead there
    assert {"terms/chain-b/v1/", "terms/chain-b/v2/", "terms/chain-b/v3/"} <= set(content.version_pages["en"])
    assert "Wording 1 of the chain concept." in content.version_pages["en"]["terms/chain-b/v1/"].body
    assert 'content="0; url=../../chain-b/v1/"' in content.redirects["en"]["terms/chain-a/v1/index.html"]
