"""The offline guarantee: a page names no remote resource, and forbids loading any."""

from __future__ import annotations

import re

import pytest

from tests.viz.pages import Elements, is_remote, referenced_urls
from viz import coordination_network, legal_basis_tree, render_network
from viz.synthetic import coordination_graph

# The only http(s) strings in the vendored bundle: licence banners and the SVG namespace.
KNOWN_TEXT_URLS = {
    "http://almende.com",
    "http://naver.github.io/egjs",
    "http://opensource.org/licenses/MIT",
    "http://www.apache.org/licenses/LICENSE-2.0",
    "https://github.com/visjs",
    "https://github.com/zloirock/core-js",
    "https://github.com/zloirock/core-js/blob/v3.51.0/LICENSE",
    "https://visjs.github.io/vis-network/",
    "http://www.w3.org/2000/svg",
}


@pytest.fixture(params=["physics", "static", "layered"])
def page(request, coordination, legal) -> str:
    if request.param == "physics":
        return coordination_network(coordination, plans={"kh-94": "Kế hoạch 94"})
    if request.param == "static":
        return render_network(coordination_graph(400), title="x")
    return legal_basis_tree(legal, "t")


def test_no_referenced_url_is_remote(page):
    urls = referenced_urls(page)
    assert urls, "the scanner found nothing at all: it is broken"  # vis's CSS has data: images
    assert [u for u in urls if is_remote(u)] == []
    assert {u.split(":", 1)[0] for u in urls if ":" in u} <= {"data", "javascript"}


def test_every_http_string_is_known_harmless_text(page):
    found = set(re.findall(r"""https?://[^\s"'()<>\\,;]+""", page))
    assert found <= KNOWN_TEXT_URLS


def test_no_external_script_style_font_or_link():
    html = render_network(coordination_graph(20), title="x")
    doc = Elements(html)
    assert all("src" not in attrs for tag, attrs in doc.tags if tag == "script")
    assert [t for t, _ in doc.tags if t in ("link", "iframe", "img", "object", "embed", "base")] == []
    assert "@font-face" not in html and "bootstrap" not in html.lower()


def test_content_security_policy_forbids_loading_anything():
    html = render_network(coordination_graph(20), title="x")
    metas = [a for t, a in Elements(html).tags if t == "meta" and a.get("http-equiv")]
    assert len(metas) == 1 and metas[0]["http-equiv"] == "Content-Security-Policy"
    csp = dict(part.strip().split(" ", 1) for part in metas[0]["content"].split(";"))
    assert csp["default-src"] == "'none'"
    assert "unsafe-inline" not in csp["script-src"] and "unsafe-eval" not in csp["script-src"]
    assert csp["script-src"].count("'sha256-") == 2
    assert csp["img-src"] == "data:"
