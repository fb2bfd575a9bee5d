"""Generated pages turned into HTML as MkDocs does it, and a search of that HTML for anything that could run,
navigate or restyle: the test of "contributor text never becomes markup"."""

from __future__ import annotations

import functools
import json
import re

import lxml.html
import markdown
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from factory import ROOT

# Elements that no template writes: if one appears, it came from data.
FOREIGN_ELEMENTS = {"img", "iframe", "object", "embed", "svg", "math", "form", "input", "style", "link", "meta", "base",
                    "video", "audio", "source", "frame", "frameset", "template", "textarea", "select", "em", "h5",
                    "h6", "blockquote", "hr"}
SAFE_SCHEMES = re.compile(r"^(?:https?://|#|\.\.?/|[a-z0-9-]+\.md(?:#|$)|[a-z0-9-]+/)", re.I)


@functools.cache
def _markdown_options() -> tuple[list, dict]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.markdown_extensions, config.mdx_configs


def to_html(page: str) -> tuple[str, dict]:
    """The page body as HTML and its front matter, exactly as MkDocs reads them (mkdocs.utils.meta.get_data)."""
    body, meta = get_data(page)
    extensions, configs = _markdown_options()
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(body), meta


def live_markup(html: str, allowed_elements: frozenset[str] = frozenset()) -> list[str]:
    """Everything in the HTML that could run or navigate somewhere unexpected."""
    found = []
    tree = lxml.html.fromstring(f"<div>{html}</div>")
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in FOREIGN_ELEMENTS - allowed_elements:
            found.append(f"<{element.tag}>")
        if element.tag == "script" and element.get("type") != "application/ld+json":
            found.append("<script>")
        for name, value in element.attrib.items():
            if name.lower().startswith("on") or name.lower() in ("style", "srcdoc", "formaction", "src"):
                found.append(f"{element.tag}[{name}]")
            if name.lower() in ("href", "action", "xlink:href") and not SAFE_SCHEMES.match(value.strip()):
                found.append(f"{element.tag}[{name}={value!r}]")
    return found


def json_ld(meta: dict) -> dict:
    """The JSON-LD of a term page's front matter, as a browser reads it from inside <script>."""
    text = meta["jsonld"]
    assert "<" not in text and ">" not in text and "&" not in text
    return json.loads(text)


def version_pages_html(glossary, locales_dir, site) -> dict[str, tuple[str, dict]]:
    """Every version page as the site serves it, (body HTML, head) by language and address: the shell page
    (pages/versions.py) rendered as MkDocs renders its Markdown, with a head holding the title and description as
    Material's template writes them, then filled in by Shell.fill."""
    from markupsafe import escape

    from termbase.history import published_versions
    from termbase.pages.versions import Shell, render_version_pages, shell_markdown

    body, meta = to_html(shell_markdown())
    shell = Shell(f'<html><head><title>{escape(meta["title"])} - site</title><meta name="description" '
                  f'content="{escape(meta["description"])}"></head><body>{body}</body></html>')
    pages = {}
    for code, by_address in render_version_pages(glossary, locales_dir, site,
                                                  published_versions(glossary, None)).items():
        for address, page in by_address.items():
            tree = lxml.html.fromstring(shell.fill(page, address))
            head = {"title": tree.findtext(".//title"), "description": tree.find(".//meta").get("content")}
            pages[f"{code}:{address}"] = (lxml.html.tostring(tree.find(".//body"), encoding="unicode"), head)
    return pages
