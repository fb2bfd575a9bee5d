"""Citation styles as plain functions."""

import datetime

from termbase.citation import CitedEntry, apa, bibtex, gbt7714
from termbase.writing import profile

ENTRY = CitedEntry("open-weight-model", "open-weight model_{x}", 3, datetime.date(2026, 5, 4),
                   "https://g.example/terms/open-weight-model/", "The glossary's contributors", "Glossary & Co",
                   "en", datetime.date(2026, 11, 22))


def test_apa_names_author_date_version_and_url():
    assert apa(ENTRY) == ("The glossary's contributors. (2026, May 4). Open-weight model_{x} (Version 3). "
                          "In Glossary & Co. https://g.example/terms/open-weight-model/")


def test_bibtex_escapes_special_characters_and_keys_by_version():
    text = bibtex(ENTRY)
    assert text.startswith("@misc{open-weight-model-v3,")
    assert r"title        = {{open-weight model\_\{x\}}}," in text
    assert r"howpublished = {Glossary \& Co}," in text
    assert "month        = may," in text and text.endswith("}")


def test_gbt7714_has_type_mark_edition_dates_and_url():
    zh = CitedEntry("x", "开放权重模型", 3, datetime.date(2026, 5, 4), "https://g.example/zh/terms/x/", "本词表编写组",
                    "词表", "zh_Hans_CN", datetime.date(2026, 11, 22), profile("Hans").version_mark)
    assert gbt7714(zh) == ("本词表编写组. 开放权重模型: 第3版[EB/OL]//本词表编写组. 词表. (2026-05-04)[2026-11-22]. "
                           "https://g.example/zh/terms/x/.")


def test_bibtex_spells_out_characters_that_are_accent_commands():
    from dataclasses import replace

    assert r"{{a\textasciitilde{}b\textasciicircum{}c\textbackslash{}d}}" in bibtex(replace(ENTRY, term="a~b^c\\d"))
