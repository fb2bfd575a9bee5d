"""The Downloads page: every export of the glossary, with its version, date and size."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Protocol

from .. import publication
from ..model import Glossary, Language
from .environment import render


class Download(Protocol):
    name: str  # the format's name, translated on the page
    description: str  # what it is for, translated on the page

    def file_names(self, glossary: Glossary) -> list[tuple[Language | None, str]]:
        """(target language of a per-pair file, or None; file name) of each of the format's files."""


def _size(content: str | bytes) -> str:
    size = len(content if isinstance(content, bytes) else content.encode("utf-8"))
    return f"{size / 1024:.0f} KB" if size < 2**20 else f"{size / 2**20:.1f} MB"


def render_downloads_page(glossary: Glossary, language: Language, locales_dir: Path,
                          formats: Iterable[Download], contents: dict[str, str | bytes], preview_url: str = "") -> str:
    """`contents`: file name -> the export's content (for its size). `preview_url`: the address a preview build's
    files point at (not a public one), which the page then warns about."""
    return render("downloads.md.j2", language, locales_dir, publication.page("downloads"),
                  glossary=glossary, release=glossary.release_date,
                  formats=[(f, f.file_names(glossary)) for f in formats],
                  sizes={name: _size(content) for name, content in contents.items()}, preview_url=preview_url)
