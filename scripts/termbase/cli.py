"""The command line: `python -m termbase <command>`. Exit status 0 = clean, 1 = problems, 2 = usage error,
3 = a bug (reported in one line, never as a traceback)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import l10n, scaffold
from .editing import mark_reviewed, write_atomically
from .exports.formats import FORMATS
from .loader import load_glossary
from .problems import to_json
from .publication import PREVIEW_URL, SiteInfo, preview_notice
from .published import PublishedError, published_ids
from .schema import glossary_entry_schema
from .validate import ALL_RULES, validate

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_GLOSSARY = PROJECT_ROOT / "glossary"


def _validate(args: argparse.Namespace) -> int:
    glossary_dir = Path(args.glossary)
    if not (glossary_dir / "glossary.yaml").is_file():
        print(f"error: {glossary_dir} is not a glossary folder (it has no glossary.yaml)", file=sys.stderr)
        return 2
    published: set[str] = set()
    for ref in args.published_at:
        try:
            published |= published_ids(glossary_dir, ref)
        except PublishedError as err:
            print(f"error: cannot read the ids published at {ref}: {err}", file=sys.stderr)
            return 2
    result, problems = validate(glossary_dir, Path.cwd(), frozenset(published), " and ".join(args.published_at))
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    if args.format == "json":
        print(to_json(problems))
    else:
        for problem in problems:
            print(problem.format_github() if args.format == "github" else problem.format())
    entries = f"{result.files_read} {'entry' if result.files_read == 1 else 'entries'}"
    sys.stdout.flush()  # the summary comes after the problems, also when both streams go to one terminal
    print(f"{entries} checked: {len(errors)} error(s), {len(warnings)} warning(s)", file=sys.stderr)
    if errors or (args.strict and warnings):
        return 1
    return 0


def _schema(args: argparse.Namespace) -> int:
    result = load_glossary(Path(args.glossary))
    if result.glossary is None:
        for problem in result.problems:
            print(problem.format(), file=sys.stderr)
        return 1
    _write(args.output, json.dumps(glossary_entry_schema(result.glossary), ensure_ascii=False, indent=2) + "\n")
    return 0


def _write(output: str, text: str | bytes, what: str = "") -> None:
    """Write to standard output ("-") or, atomically, to a file."""
    if output == "-":
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
    else:
        write_atomically(Path(output), text)
        print(f"wrote {output}{f' ({what})' if what else ''}", file=sys.stderr)


def _load_or_report(glossary_dir: Path):
    """The glossary, or None after printing why it cannot be loaded (commands that write need a clean load)."""
    result = load_glossary(glossary_dir, Path.cwd())
    errors = [p for p in result.problems if p.is_error]
    for problem in errors:
        print(problem.format(), file=sys.stderr)
    if result.glossary is None or errors:
        print("error: fix the problems above first (`make validate`)", file=sys.stderr)
        return None
    return result.glossary


def _l10n_status(args: argparse.Namespace) -> int:
    glossary = _load_or_report(Path(args.glossary))
    if glossary is None:
        return 1
    states = l10n.status(glossary)
    pending = [s for s in states if s.state != l10n.UP_TO_DATE]
    for item in states if args.all else pending:
        print(f"{item.concept.id:32} {item.language:4} {item.state}")
    print(f"{len(pending)} of {len(states)} translations need review", file=sys.stderr)
    return 1 if pending else 0


def _l10n_reviewed(args: argparse.Namespace) -> int:
    glossary = _load_or_report(Path(args.glossary))
    if glossary is None:
        return 1
    translations = [lang.code for lang in glossary.translations]
    if args.language and args.language not in translations:
        print(f"error: '{args.language}' is not a translation language of this glossary "
              f"({', '.join(translations)})", file=sys.stderr)
        return 2
    unknown = [i for i in args.ids if i not in glossary.concepts]
    if unknown:
        print(f"error: no concept has the id {', '.join(unknown)}", file=sys.stderr)
        return 2
    for concept_id in args.ids:
        for language in [args.language] if args.language else translations:
            changed = mark_reviewed(glossary, glossary.concepts[concept_id], language)
            print(f"{concept_id}: {language} {'marked as reviewed' if changed else 'was already up to date'}")
    return 0


def _new(args: argparse.Namespace) -> int:
    glossary = _load_or_report(Path(args.glossary))
    if glossary is None:
        return 1
    terms = {code: getattr(args, code, None) for code in glossary.language_codes}
    try:
        path = scaffold.new_entry(glossary, args.id, terms, args.domain)
    except scaffold.ScaffoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"created {path.relative_to(glossary.root) if path.is_relative_to(glossary.root) else path} "
          f"and registered '{args.id}'; fill in the lines marked ✎, then run `make validate`")
    return 0


def _export(args: argparse.Namespace) -> int:
    if not args.base_url.strip():
        print("error: --base-url is empty: every URL in the export would be relative; give the site's root URL",
              file=sys.stderr)
        return 2
    glossary = _load_or_report(Path(args.glossary))
    if glossary is None:
        return 1
    export = FORMATS[args.format]
    site = SiteInfo.for_build(glossary, args.base_url)
    if export.per_pair:
        codes = [lang.code for lang in glossary.translations]
        code = args.language or codes[0]
        if code not in codes:
            print(f"error: '{code}' is not a translation language of this glossary ({', '.join(codes)})",
                  file=sys.stderr)
            return 2
        content = export.render(glossary, site, glossary.language(code))
    else:
        content = export.render(glossary, site)
    if notice := preview_notice(args.base_url):
        print(f"warning: {notice}", file=sys.stderr)
    _write(args.output, content, f"{export.name}, {len(glossary.concepts)} concepts")
    return 0


def _languages(args: argparse.Namespace) -> int:
    if args.codes:  # straight from the settings file: the Makefile asks this before every `new`
        codes = _declared_languages(["--glossary", args.glossary])
        print(" ".join(codes))
        return 0 if codes else 1
    glossary = _load_or_report(Path(args.glossary))
    if glossary is None:
        return 1
    for language in glossary.languages:
        role = "source" if language == glossary.source_language else "translation"
        print(f"{language.code:4} {language.tag:10} {language.script:5} {role}")
    return 0


def _declared_languages(argv: list[str] | None) -> list[str]:
    """The language codes of the glossary a command works on (`--glossary`, else the project's), read straight
    from its glossary.yaml, so that `new` can offer a flag per language before anything is loaded. A settings file
    that cannot be read gives none: the command then reports why."""
    import yaml

    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--glossary", default=str(DEFAULT_GLOSSARY))
    known, _ = pre.parse_known_args(argv)
    try:
        settings = yaml.load((Path(known.glossary) / "glossary.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        return [str(item["code"]) for item in settings["languages"]]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError):
        return []


def _rules(args: argparse.Namespace) -> int:
    for rule in ALL_RULES:
        print(f"{rule.id:20} {rule.stage:8} {rule.description}")
    return 0


def build_parser(languages: list[str] | tuple[str, ...] = ()) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m termbase", description="Tools for the glossary in glossary/.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")

    check = commands.add_parser("validate", help="check every entry; print each problem as path:line:column")
    check.add_argument("--glossary", default=str(DEFAULT_GLOSSARY), help="the glossary folder (default: %(default)s)")
    check.add_argument("--strict", action="store_true", help="warnings fail too (CI uses this)")
    check.add_argument("--format", choices=("text", "json", "github"), default="text",
                       help="text for people, json for tools, github for pull-request annotations")
    check.add_argument("--published-at", action="append", default=[], metavar="COMMIT",
                       help="a commit (base branch, last release) whose registered ids must all still be registered; "
                            "may be repeated (`make validate` passes the fork point from main and the last tag)")
    check.set_defaults(run=_validate)

    schema = commands.add_parser("schema", help="print the JSON Schema of an entry (for editors and other tools)")
    schema.add_argument("--glossary", default=str(DEFAULT_GLOSSARY), help="the glossary folder (default: %(default)s)")
    schema.add_argument("-o", "--output", default="-", help="file to write (default: standard output)")
    schema.set_defaults(run=_schema)

    translation = commands.add_parser("l10n", help="translation workflow: outdated translations, marking reviews")
    steps = translation.add_subparsers(dest="step", required=True, metavar="step")
    state = steps.add_parser("status", help="list translations whose source text changed or that were never reviewed")
    state.add_argument("--all", action="store_true", help="list every translation, up to date or not")
    state.add_argument("--glossary", default=str(DEFAULT_GLOSSARY), help="the glossary folder")
    state.set_defaults(run=_l10n_status)
    reviewed = steps.add_parser("reviewed", help="record that translations now match the current source text")
    reviewed.add_argument("ids", nargs="+", metavar="id", help="concept ids")
    reviewed.add_argument("--language", help="the translation language (default: every translation language)")
    reviewed.add_argument("--glossary", default=str(DEFAULT_GLOSSARY), help="the glossary folder")
    reviewed.set_defaults(run=_l10n_reviewed)

    new = commands.add_parser("new", help="create a new entry with every field in place, and register its id")
    new.add_argument("id", help="the new concept's id: lower-case words joined by hyphens (it becomes the URL)")
    new.add_argument("--domain", required=True, help="a domain id from glossary/domains.yaml")
    for code in languages:  # one flag per declared language: --en, --zh, ...
        new.add_argument(f"--{code}", metavar="TERM", help=f"the preferred term in '{code}'")
    new.add_argument("--glossary", default=str(DEFAULT_GLOSSARY), help="the glossary folder")
    new.set_defaults(run=_new)

    export = commands.add_parser("export", help="write the glossary as JSON, its JSON Schema, CSV, XLSX, TBX-Basic "
                                                "(v3 or 2008), an OmegaT glossary or SKOS")
    export.add_argument("format", choices=list(FORMATS), help="the format")
    export.add_argument("-o", "--output", default="-", help="file to write (default: standard output)")
    export.add_argument("--base-url", default=os.environ.get("SITE_URL", PREVIEW_URL),
                        help="the site's root URL, for each concept's stable URL (default: $SITE_URL, as mkdocs.yml)")
    export.add_argument("--language", help="for the formats made per language pair (tbx2008, omegat): the target "
                                           "language code (default: the first translation language)")
    export.add_argument("--glossary", default=str(DEFAULT_GLOSSARY), help="the glossary folder")
    export.set_defaults(run=_export)

    declared = commands.add_parser("languages", help="list the declared languages (the first is the source)")
    declared.add_argument("--codes", action="store_true", help="only the codes, on one line (for the Makefile)")
    declared.add_argument("--glossary", default=str(DEFAULT_GLOSSARY), help="the glossary folder")
    declared.set_defaults(run=_languages)

    rules = commands.add_parser("rules", help="list the validator's rules: those checked while loading, then those over the glossary")
    rules.set_defaults(run=_rules)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser(_declared_languages(argv)).parse_args(argv)
    try:
        return args.run(args)
    except OSError as err:  # the file system refused (a name too long, a full disk, no permission)
        print(f"error: {err.strerror or err}{f': {Path(err.filename).name}' if err.filename else ''}", file=sys.stderr)
        return 1
    except Exception as err:  # noqa: BLE001 - whatever the input, a message and an exit status, never a traceback
        print(f"internal error: {type(err).__name__}: {err} (this is a bug in scripts/termbase: please report it "
              "with the command and the change that caused it)", file=sys.stderr)
        return 3
