"""What every page template gets: the Jinja environment, escaping for Markdown, the page language's UI text,
and `link_to`, the one way a template links to another page.

Contributor text is untrusted: it only ever reaches a page escaped, either as HTML text (autoescaped by Jinja)
or as Markdown text (`md` filter, which also neutralises Markdown syntax).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .. import TEMPLATES, labels, publication
from ..i18n import LocaleText
from ..model import Language

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def md(text: str) -> Markup:
    """Text made safe for a Markdown context: HTML-escaped, and Markdown punctuation backslash-escaped."""
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(text))))


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    env.filters["md"] = md
    env.filters["json"] = lambda value: Markup(json.dumps(value, ensure_ascii=False))
    env.globals.update(labels=labels)
    return env


ENV = _environment()


def render(template: str, language: Language, locales_dir: Path, path: str, **context) -> str:
    """Render a page template in `language`, for the page at `path` (publication.page), which its links start from."""
    text = LocaleText(language, locales_dir)
    return ENV.get_template(template).render(
        _=text.gettext, gettext=text.gettext, text=text, language=language,
        link_to=functools.partial(publication.link, path), **context,
    )
