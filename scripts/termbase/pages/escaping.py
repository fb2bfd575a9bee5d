"""Contributor text escaped for each place a page puts it. This escaping is the guarantee (the validator is only
the early warning): even text the validator would refuse cannot become markup.

- HTML text and attributes: Jinja's autoescape (every template).
- Markdown text: `md` (HTML-escaped, line breaks folded, Markdown punctuation neutralised).
- The page's YAML front matter: `front_matter` (written by the YAML library and read back).
- Text of a page's head (title, description): `one_line` and autoescape, or `escape` (pages/versions.py).
- JSON inside <script>: `script_json`.
- Links: `http_url` (only absolute http(s) addresses become an href).
"""

from __future__ import annotations

import json
import re
import urllib.parse

import yaml
from markupsafe import Markup, escape

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
# Any line break would end a table row, a list item or a heading, and start a block of its own.
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


def md(text: str) -> Markup:
    """Text made safe for a Markdown context: HTML-escaped, line breaks folded into spaces, and Markdown
    punctuation backslash-escaped (so no emphasis, link, heading, table cell or attr_list `{...}` can form)."""
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(_LINE_BREAKS.sub(" ", str(text))))))


def http_url(url: str) -> str:
    """The address if it is an absolute http(s) URL without spaces, quotes or controls, else "" (no link then)."""
    if re.search(r"[\x00-\x20\x7f-\x9f\\\"'<>`]", url):
        return ""
    try:
        parsed = urllib.parse.urlsplit(url)
    except ValueError:  # e.g. an unclosed [IPv6] host
        return ""
    return url if parsed.scheme in ("http", "https") and parsed.netloc else ""


def script_json(value) -> str:
    """JSON that may stand inside <script>: no "<", ">" or "&" (which could end the element or open a comment),
    nor U+2028/U+2029."""
    text = json.dumps(value, ensure_ascii=False)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


# libyaml's safe dumper and loader where PyYAML has them (its wheels do): the same YAML, ten times faster, and a
# build writes and reads back the front matter of every page.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterError(ValueError):
    """A page's front matter would not read back as written (a bug here, never an input to pass over)."""


def one_line(value):
    """Text (or the texts in a list or mapping) with every line break folded into a space."""
    if isinstance(value, str):
        return _LINE_BREAKS.sub(" ", value)
    if isinstance(value, list):
        return [one_line(item) for item in value]
    if isinstance(value, dict):
        return {key: one_line(item) for key, item in value.items()}
    return value


def front_matter(title: str, **fields) -> Markup:
    """The page's YAML front matter, written by the YAML library (never pieced together from strings) and read
    back before use: a block MkDocs could not parse would be shown, and rendered, as Markdown.

    The title is HTML (MkDocs' own convention for page titles: Material prints it unescaped in the header), so it
    is escaped here; other values are text. Values are single lines."""
    data = one_line({"title": str(escape(title)), **fields})
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=2**31 - 1)
    if yaml.load(text, Loader=_LOADER) != data or re.search(r"^(?:---|\.\.\.)", text, re.M):
        raise FrontMatterError(f"front matter does not read back as written: {data!r}")
    return Markup(f"---\n{text}---\n")
