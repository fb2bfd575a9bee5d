"""The rule for the site's published address (SITE_URL): every citation, stable URL and download carries it, so a
build to publish must have the real one, and a local build must say that its addresses are a preview's."""

from __future__ import annotations

import ipaddress
import urllib.parse

PREVIEW_URL = "http://127.0.0.1:8000/"  # what mkdocs.yml and `termbase export` use when SITE_URL is not set
PUBLISH_VARIABLE = "PUBLISH"  # PUBLISH=1 (the deploy workflow): a build that will be published
_RESERVED_DOMAINS = ("localhost", "example", "test", "invalid", "local")  # RFC 2606, RFC 6761, mDNS
_EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net")


def address_problem(url: str) -> str:
    """Why `url` cannot be the public address of the site ("" if it can)."""
    if not url.strip():
        return "it is empty, so every link in the downloads would be relative"
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "it is not an absolute http(s) URL"
    host = parts.hostname.lower()
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if host.rsplit(".", 1)[-1] in _RESERVED_DOMAINS or host.endswith(_EXAMPLE_DOMAINS) or "." not in host:
            return f"{host} is a local or reserved name, not a public address"
        return ""
    if not address.is_global:
        return f"{host} is a local or private address (a preview)"
    return ""


def preview_notice(url: str) -> str:
    """What a build or export says when its addresses are not the public ones ("" when they are)."""
    problem = address_problem(url)
    if not problem:
        return ""
    return (f"preview build: the site address {url!r} is not a public one ({problem}); every citation, stable URL "
            f"and download points at it. Set SITE_URL to the site's public root URL (e.g. "
            f"SITE_URL=https://<owner>.github.io/<repository>/) for a build to publish.")
