"""What every page template gets: the Jinja environment, escaping for Markdown, the page language's UI text,
and `link_to`, the one way a template links to another page.

Contributor text is untrusted: it only ever reaches a page escaped for where it lands (escaping.py).
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

from .. import TEMPLATES, labels, publication
from ..i18n import LocaleText
from ..model import Language
from .escaping import front_matter, http_url, md

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
    env.filters["http_url"] = http_url
    env.globals.update(labels=labels, front_matter=front_matter)
    return env


ENV = _environment()


def render(template: str, language: Language, locales_dir: Path, path: str, **context) -> str:
    """Render a page template in `language`, for the page at `path` (publication.page), which its links start from."""
    text = LocaleText(language, locales_dir)
    return ENV.get_template(template).render(
        _=text.gettext, gettext=text.gettext, text=text, language=language,
        link_to=functools.partial(publication.link, path), **context,
    )
