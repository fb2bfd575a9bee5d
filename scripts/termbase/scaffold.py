"""`new`: a new entry with every field in place and commented, registered in glossary/registry.yaml."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import jinja2

from . import TEMPLATES, characters
from .editing import write_atomically
from .loader import CONCEPTS_DIR, REGISTRY_FILE
from .model import RESERVED_IDS, Glossary, LanguageSection, fingerprint
from .schema import ID_PATTERN, MAX_ID_LENGTH


_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), trim_blocks=True, lstrip_blocks=True,
                          keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
_ENV.filters["quoted"] = lambda value: json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML string


class ScaffoldError(Exception):
    """The entry cannot be created as asked; the message says why and what to do."""


def new_entry(glossary: Glossary, concept_id: str, terms: dict[str, str], domain: str) -> Path:
    """Write glossary/concepts/<id>.yaml and register the id. Returns the new file's path."""
    if not re.match(ID_PATTERN, concept_id) or len(concept_id) > MAX_ID_LENGTH:
        raise ScaffoldError(f"{concept_id!r} is not a valid id: use lower-case ASCII words joined by hyphens, "
                            f"at most {MAX_ID_LENGTH} characters")
    if concept_id in RESERVED_IDS:
        raise ScaffoldError(f"the id '{concept_id}' is reserved for a page of the site; choose another")
    if concept_id in glossary.registry:
        fate = glossary.registry[concept_id].fate
        raise ScaffoldError(f"the id '{concept_id}' is already registered ({fate}); ids are never reused")
    path = glossary.directory / CONCEPTS_DIR / f"{concept_id}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path} already exists")
    if domain not in glossary.domains:
        raise ScaffoldError(f"no domain '{domain}'; choose one of: {', '.join(glossary.domains)}")
    missing = [lang.code for lang in glossary.languages if not terms.get(lang.code)]
    if missing:
        raise ScaffoldError(f"give the preferred term in every language (missing: {', '.join(missing)})")
    for code, term in terms.items():
        if bad := characters.FORBIDDEN.search(term) or re.search(r"\s", term.replace(" ", "")):
            raise ScaffoldError(f"the {code} term holds {characters.describe(bad.group())}: write it on one line, "
                                "with ordinary spaces only")

    placeholder = {lang.code: lang.profile.placeholder for lang in glossary.languages}
    source = glossary.source_language.code
    text = _ENV.get_template("new_entry.yaml.j2").render(
        id=concept_id,
        domain=domain,
        today=datetime.date.today().isoformat(),
        languages=glossary.languages,
        terms=terms,
        source_term=terms[source],
        placeholder=placeholder,
        fingerprint=fingerprint(LanguageSection(terms[source], placeholder[source], None)),
    )
    write_atomically(path, text)

    # Appended as the file's last line, after any closing comments (a round-trip edit would put it before
    # them), so that the registry only ever grows at its end.
    registry = glossary.directory / REGISTRY_FILE
    existing = registry.read_text(encoding="utf-8")
    separator = "" if not existing or existing.endswith("\n") else "\n"
    write_atomically(registry, f"{existing}{separator}- {{id: {concept_id}, fate: active}}\n")
    return path
