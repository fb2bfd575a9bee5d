"""Citation styles as plain functions."""

import datetime

from termbase.citation import CitedEntry, apa, bibtex, gbt7714, parts
from termbase.writing import profile

ENTRY = CitedEntry("open-weight-model", "open-weight model_{x}", 3, datetime.date(2026, 5, 4),
                   "https://g.example/terms/open-weight-model/", "https://g.example/terms/open-weight-model/v3/",
                   "The glossary's contributors", "Glossary & Co", "en", datetime.date(2026, 11, 22))


def test_apa_names_author_date_version_and_both_urls():
    assert apa(ENTRY) == ("The glossary's contributors. (2026, May 4). Open-weight model_{x} (Version 3). "
                          "In Glossary & Co. https://g.example/terms/open-weight-model/v3/ "
                          "(current version: https://g.example/terms/open-weight-model/)")


def test_bibtex_escapes_special_characters_and_keys_by_version():
    text = bibtex(ENTRY)
    assert text.startswith("@misc{open-weight-model-v3,")
    assert r"title        = {{open-weight model\_\{x\}}}," in text
    assert r"howpublished = {Glossary \& Co}," in text
    assert "month        = may," in text and text.endswith("}")


def test_bibtex_url_is_the_version_and_the_note_names_the_current_page():
    text = bibtex(ENTRY)
    assert "url          = {https://g.example/terms/open-weight-model/v3/}," in text
    assert "urldate      = {2026-11-22}," in text
    assert r"current version: \url{https://g.example/terms/open-weight-model/}}" in text


def test_gbt7714_has_type_mark_edition_dates_and_both_urls():
    zh = CitedEntry("x", "开放权重模型", 3, datetime.date(2026, 5, 4), "https://g.example/zh/terms/x/",
                    "https://g.example/zh/terms/x/v3/", "本词表编写组", "词表", "zh_Hans_CN", datetime.date(2026, 11, 22),
                    profile("Hans").version_mark, profile("Hans").current_mark)
    assert gbt7714(zh) == ("本词表编写组. 开放权重模型: 第3版[EB/OL]//本词表编写组. 词表. (2026-05-04)[2026-11-22]. "
                           "https://g.example/zh/terms/x/v3/.（现行版本：https://g.example/zh/terms/x/）")


def test_parts_split_each_style_where_the_access_date_goes():
    # the page puts the access date (the reader's, by script) between the parts: once in BibTeX (urldate) and
    # GB/T 7714 ([引用日期]), never in APA; the update date, which may be the same day, stays in the text
    same_day = CitedEntry(**{**vars(ENTRY), "updated": datetime.date(2026, 11, 22)})
    assert parts(apa, same_day) == [apa(same_day)]
    bib = parts(bibtex, same_day)
    assert len(bib) == 2 and bib[0].endswith("urldate      = {") and "date         = {2026-11-22}" in bib[0]
    assert "2026-11-22".join(bib) == bibtex(same_day)
    gbt = parts(gbt7714, same_day)
    assert len(gbt) == 2 and gbt[0].endswith("(2026-11-22)[") and gbt[1].startswith("]. https://")


def test_bibtex_spells_out_characters_that_are_accent_commands():
    from dataclasses import replace

    assert r"{{a\textasciitilde{}b\textasciicircum{}c\textbackslash{}d}}" in bibtex(replace(ENTRY, term="a~b^c\\d"))
