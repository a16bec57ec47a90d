"""The files a page inlines: the vendored vis-network bundle, the page's own script and stylesheet.

Everything is read from the installed package (``importlib.resources``), so pages work the same
from a source checkout and from a wheel.

>>> vis_network_version()
'10.1.5'
>>> "</script" in asset("network.js")
False
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

VIS_JS = "vendor/vis-network/vis-network.min.js"
VIS_README = "vendor/vis-network/README.md"


@cache
def asset(name: str) -> str:
    """The text of ``viz/static/NAME``, checked to be safe to inline in a <script> or <style>."""
    text = files("viz").joinpath("static", *name.split("/")).read_text(encoding="utf-8")
    lowered = text.lower()
    for bad in ("</script", "</style", "<!--"):
        if bad in lowered:
            raise ValueError(f"viz/static/{name} contains {bad!r} and cannot be inlined")
    return text


@cache
def vis_network_version() -> str:
    """The vendored vis-network version, as recorded by viz/static/vendor/update.sh."""
    found = re.search(r"^- version: (\S+)$", asset(VIS_README), re.MULTILINE)
    if not found:
        raise ValueError(f"viz/static/{VIS_README} does not name a version")
    return found.group(1)
