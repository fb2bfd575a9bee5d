"""Ready-made citations of one entry, in the three styles readers ask for: APA (7th edition), BibTeX and the
Chinese national standard GB/T 7714-2015. Each names the entry's version and that version's own address
(where its text stays readable after the entry changes), and the stable address of the concept.
"""

from __future__ import annotations

import dataclasses
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
    url: str  # the stable URL of the page in that language (always the current version)
    version_url: str  # the permanent URL of this version's page in that language
    authors: str  # the glossary's group author, in that language
    glossary_title: str  # in that language
    locale: str  # Babel locale of that language
    cited_on: datetime.date  # the date the citation was produced (the site's build; the page's script puts the
    # reader's date in its place when they copy it)
    version_mark: str = "version {version}"  # how the language names a version (writing.ScriptProfile.version_mark)
    current_mark: str = " (current version: {url})"  # writing.ScriptProfile.current_mark

    @property
    def current_note(self) -> str:
        """Where the concept's current version is, after the version's own address."""
        return self.current_mark.format(url=self.url)


def apa(entry: CitedEntry) -> str:
    day = format_date(entry.updated, format="long", locale="en")
    month_day = day.rsplit(",", 1)[0]  # "November 22"
    title = entry.term[:1].upper() + entry.term[1:]  # sentence case: capital first letter, the rest as written
    return (f"{entry.authors}. ({entry.updated.year}, {month_day}). {title} (Version {entry.version}). "
            f"In {entry.glossary_title}. {entry.version_url}{entry.current_note}")


_BIBTEX_SPECIAL = re.compile(r"([\\{}%&#$_^~])")
_BIBTEX_WORDS = {"\\": "\\textbackslash{}", "^": "\\textasciicircum{}", "~": "\\textasciitilde{}"}


def _bibtex_text(text: str) -> str:
    # \~ and \^ would be accent commands: those three are spelled out
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_WORDS.get(m.group(1), "\\" + m.group(1)), text)


def bibtex(entry: CitedEntry) -> str:
    month = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")[entry.updated.month - 1]
    fields = [
        ("author", "{" + _bibtex_text(entry.authors) + "}"),
        ("title", "{" + _bibtex_text(entry.term) + "}"),  # braced: styles must not change its case
        ("howpublished", _bibtex_text(entry.glossary_title)),
        ("version", str(entry.version)),
        ("year", str(entry.updated.year)),
    ]
    lines = [f"@misc{{{entry.concept_id}-v{entry.version},"]
    lines += [f"  {name:<12} = {{{value}}}," for name, value in fields]
    lines.append(f"  {'month':<12} = {month},")
    lines.append(f"  {'date':<12} = {{{entry.updated.isoformat()}}},")
    lines.append(f"  {'url':<12} = {{{entry.version_url}}},")
    lines.append(f"  {'urldate':<12} = {{{entry.cited_on.isoformat()}}},")
    lines.append(f"  {'note':<12} = {{Version {entry.version}, last updated {entry.updated.isoformat()}; "
                 f"current version: \\url{{{entry.url}}}}}")
    lines.append("}")
    return "\n".join(lines)


def gbt7714(entry: CitedEntry) -> str:
    """GB/T 7714-2015, a contribution to an online work (析出文献): 析出责任者. 析出题名: 其他题名信息[EB/OL]//
    专著责任者. 专著题名. (更新日期)[引用日期]. 访问路径. The entry's version is its "other title information"; the
    access path is the version's own page, followed by the concept's stable address."""
    version = entry.version_mark.format(version=entry.version)
    return (f"{entry.authors}. {entry.term}: {version}[EB/OL]//{entry.authors}. {entry.glossary_title}. "
            f"({entry.updated.isoformat()})[{entry.cited_on.isoformat()}]. {entry.version_url}.{entry.current_note}")


STYLES = (("APA", apa), ("BibTeX", bibtex), ("GB/T 7714-2015", gbt7714))

_NO_DATE = datetime.date(1, 1, 1)  # stands for the access date while a citation is split; no entry has it


def parts(style, entry: CitedEntry) -> list[str]:
    """A style's citation split where the access date goes (none in APA, one in BibTeX and GB/T 7714): the page
    joins the parts with the build date in an element that its script sets to the reader's date on copying."""
    return style(dataclasses.replace(entry, cited_on=_NO_DATE)).split(_NO_DATE.isoformat())
