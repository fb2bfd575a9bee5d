"""termbase: load, validate and render the glossary. Free of MkDocs imports, so it can be used and tested alone."""

from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"  # the Jinja templates of the pages and of a new entry
