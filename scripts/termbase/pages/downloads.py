"""The Downloads page: every export of the glossary, with its version, date and size."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Protocol

from .. import publication
from ..model import Glossary, Language
from .environment import render


class Download(Protocol):
    name: str  # the format's name, translated on the page
    file_name: str
    description: str  # what it is for, translated on the page


def _size(content: str) -> str:
    size = len(content.encode("utf-8"))
    return f"{size / 1024:.0f} KB" if size < 2**20 else f"{size / 2**20:.1f} MB"


def render_downloads_page(glossary: Glossary, language: Language, locales_dir: Path,
                          formats: Iterable[Download], contents: dict[str, str]) -> str:
    """`contents`: file name -> the export's content (for its size)."""
    return render("downloads.md.j2", language, locales_dir, publication.page("downloads"),
                  glossary=glossary, release=glossary.release_date, formats=list(formats),
                  sizes={name: _size(content) for name, content in contents.items()})
