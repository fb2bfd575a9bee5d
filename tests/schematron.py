"""ISO Schematron for the tests: the schema is compiled to XSLT 2.0 here and run by Saxon (saxonche).

lxml's built-in Schematron supports only XPath 1, and the official TBX-Basic rules need XPath 2 (`matches()`,
`local-name()` on a context step). The compiler covers what those rules use: namespaces, patterns, rules in
order of precedence, assert and report with their messages (no let, include, abstract patterns or phases).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

from lxml import etree

SCH = "{http://purl.oclc.org/dsdl/schematron}"


@dataclass(frozen=True)
class Failure:
    pattern: str
    test: str
    message: str
    location: str


def to_xslt(schema: Path) -> str:
    sch = etree.parse(str(schema)).getroot()
    namespaces = " ".join(f'xmlns:{ns.get("prefix")}={quoteattr(ns.get("uri"))}' for ns in sch.iter(f"{SCH}ns"))
    patterns = list(sch.iter(f"{SCH}pattern"))
    parts = [
        f'<xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" {namespaces}>',
        '<xsl:output method="xml"/>',
        "<xsl:template match='/'><failures>",
        *(f'<xsl:apply-templates select="/" mode="p{i}"/>' for i in range(len(patterns))),
        "</failures></xsl:template>",
    ]
    for i, pattern in enumerate(patterns):
        mode = f"p{i}"
        for j, rule in enumerate(pattern.iter(f"{SCH}rule")):
            # within a pattern a node fires only the first rule that matches it: earlier rules, higher priority
            parts.append(f'<xsl:template match={quoteattr(rule.get("context"))} mode="{mode}" priority="{1000 - j}">')
            for check in rule:
                if check.tag not in (f"{SCH}assert", f"{SCH}report"):
                    continue
                test = check.get("test")
                condition = f"not({test})" if check.tag == f"{SCH}assert" else f"({test})"
                message = " ".join("".join(check.itertext()).split())
                parts.append(
                    f"<xsl:if test={quoteattr(condition)}><failure pattern={quoteattr(pattern.get('id', ''))} "
                    f"test={quoteattr(test)} location='{{path(.)}}'>{_text(message)}</failure></xsl:if>"
                )
            parts.append(f'<xsl:apply-templates select="@*|node()" mode="{mode}"/></xsl:template>')
        parts.append(f'<xsl:template match="@*|node()" mode="{mode}" priority="-10">'
                     f'<xsl:apply-templates select="@*|node()" mode="{mode}"/></xsl:template>')
    parts.append("</xsl:stylesheet>")
    return "\n".join(parts)


def _text(message: str) -> str:
    return message.replace("&", "&amp;").replace("<", "&lt;").replace("{", "{{").replace("}", "}}")


def validate(document: Path, schema: Path) -> list[Failure]:
    from saxonche import PySaxonProcessor

    with PySaxonProcessor(license=False) as processor:
        executable = processor.new_xslt30_processor().compile_stylesheet(stylesheet_text=to_xslt(schema))
        report = executable.transform_to_string(source_file=str(document))
    root = etree.fromstring(report.encode("utf-8"))
    return [Failure(f.get("pattern"), f.get("test"), f.text or "", f.get("location")) for f in root]
