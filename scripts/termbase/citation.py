"""Ready-made citations of one entry, in the three styles readers ask for: APA (7th edition), BibTeX and the
Chinese national standard GB/T 7714-2015. Each names the entry's version, so a reader can tell later whether
the entry has changed since it was cited.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from babel.dates import format_date


@dataclass(frozen=True)
class CitedEntry:
    concept_id: str
    term: str  # as listed (disambiguated where needed), in the citing page's language
    version: int
    updated: datetime.date
    url: str  # the stable URL of the page in that language
    authors: str  # the glossary's group author, in that language
    glossary_title: str  # in that language
    locale: str  # Babel locale of that language
    cited_on: datetime.date  # the date the citation was produced (the site's build)


def apa(entry: CitedEntry) -> str:
    day = format_date(entry.updated, format="long", locale="en")
    month_day = day.rsplit(",", 1)[0]  # "November 22"
    return (f"{entry.authors}. ({entry.updated.year}, {month_day}). {entry.term} (Version {entry.version}). "
            f"In {entry.glossary_title}. {entry.url}")


_BIBTEX_SPECIAL = re.compile(r"([\\{}%&#$_^~])")


def _bibtex_text(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: "\\textbackslash{}" if m.group(1) == "\\" else "\\" + m.group(1), text)


def bibtex(entry: CitedEntry) -> str:
    month = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")[entry.updated.month - 1]
    fields = [
        ("author", "{" + _bibtex_text(entry.authors) + "}"),
        ("title", _bibtex_text(entry.term)),
        ("howpublished", _bibtex_text(entry.glossary_title)),
        ("version", str(entry.version)),
        ("year", str(entry.updated.year)),
    ]
    lines = [f"@misc{{{entry.concept_id}-v{entry.version},"]
    lines += [f"  {name:<12} = {{{value}}}," for name, value in fields]
    lines.append(f"  {'month':<12} = {month},")
    lines.append(f"  {'date':<12} = {{{entry.updated.isoformat()}}},")
    lines.append(f"  {'url':<12} = {{{entry.url}}},")
    lines.append(f"  {'urldate':<12} = {{{entry.cited_on.isoformat()}}},")
    lines.append(f"  {'note':<12} = {{Version {entry.version}, last updated {entry.updated.isoformat()}}}")
    lines.append("}")
    return "\n".join(lines)


def gbt7714(entry: CitedEntry) -> str:
    """GB/T 7714-2015 for an online resource: 责任者. 题名[EB/OL]. 版本. (更新日期)[引用日期]. 访问路径."""
    chinese = entry.locale.startswith("zh")
    edition = f"第 {entry.version} 版" if chinese else f"Version {entry.version}"
    return (f"{entry.authors}. {entry.term}[EB/OL]. {entry.glossary_title}, {edition}. "
            f"({entry.updated.isoformat()})[{entry.cited_on.isoformat()}]. {entry.url}.")


STYLES = (("APA", apa), ("BibTeX", bibtex), ("GB/T 7714-2015", gbt7714))
