"""Reading generated pages back: their embedded data, their elements, and every URL they name."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of each <script> and <style>."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._open: tuple[str, dict[str, str | None]] | None = None
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = (tag, dict(attrs))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._open = None

    def handle_data(self, data):
        if self._open is None:
            self.text.append(data)
        elif self._open[0] == "script":
            self.scripts.append((self._open[1], data))
        else:
            self.styles.append(data)


def page_data(html: str) -> dict[str, Any]:
    """The JSON the page's script receives."""
    found = re.search(r'<script type="application/json" id="pg-data">(.*?)</script>', html, re.DOTALL)
    assert found, "no data block"
    return json.loads(found.group(1))


_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""", re.IGNORECASE)
_JS_LOADS = re.compile(
    r"""(?:fetch|importScripts|import|EventSource|WebSocket|sendBeacon|Worker|open)\s*\(\s*[`'"]([^`'"]+)""",
)


def referenced_urls(html: str) -> list[str]:
    """Every URL the page could load: src/href/action/srcset/poster/data attributes, CSS url() and
    @import (in <style>, style attributes and the CSS strings inside scripts), and string
    arguments of fetch/import/XHR-like calls in scripts."""
    doc = Elements(html)
    urls: list[str] = []
    for _, attrs in doc.tags:
        for name in ("src", "href", "action", "poster", "data", "formaction", "srcset", "content"):
            value = attrs.get(name)
            if value and name != "content":
                urls.extend(v.strip().split(" ")[0] for v in value.split(",") if v.strip())
            elif value and attrs.get("http-equiv", "").lower() == "refresh":
                urls.append(value.split("url=")[-1])
        if attrs.get("style"):
            urls.extend(_CSS_URL.findall(attrs["style"]))
    for css in doc.styles:
        urls.extend(_CSS_URL.findall(css) + _CSS_IMPORT.findall(css))
    for _, code in doc.scripts:
        urls.extend(_CSS_URL.findall(code) + _CSS_IMPORT.findall(code) + _JS_LOADS.findall(code))
    return urls


def is_remote(url: str) -> bool:
    """True for anything that leaves the machine (http, https, protocol-relative, ws, ftp...)."""
    u = url.strip().lower()
    return u.startswith("//") or bool(re.match(r"^(https?|wss?|ftp):", u))
