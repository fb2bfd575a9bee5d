"""A page written for the repository (CONTRIBUTING.md) shown on the site, its links made to work there."""

from __future__ import annotations

import re

from . import publication
from .publication import Repository

_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")


def site_version_of_repository_page(markdown: str, repository: Repository | None = None) -> str:
    """docs/ pages and entries become site links, other files of the repository point to it on the forge, or
    lose their link (keeping the text) when no repository is configured."""
    here = publication.page("contributing")

    def relink(match: re.Match) -> str:
        text, target = match.groups()
        if re.match(r"^(https?:|mailto:|#)", target):
            return match.group(0)
        path, _, anchor = target.partition("#")
        anchor = f"#{anchor}" if anchor else ""
        if page := re.fullmatch(r"docs/(.+?)(?:\.[a-z]{2,3})?\.md", path):
            return f"[{text}]({page.group(1)}.md{anchor})"
        if entry := re.fullmatch(rf"{publication.CONCEPTS_SOURCE_DIR}/([a-z0-9-]+)\.yaml", path):
            return f"[{text}]({publication.link(here, 'concept', entry.group(1))})"
        if re.fullmatch(r"CONTRIBUTING(?:\.[a-z]{2,3})?\.md", path):
            return f"[{text}]({publication.link(here, 'contributing', anchor=anchor[1:])})"
        return f"[{text}]({repository.file_url(target)})" if repository else text

    return _LINK.sub(relink, markdown)
