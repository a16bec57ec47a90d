"""The pages in a real browser: Debian's Chromium, headless, opened from disk with no server.

Skipped, with the reason, where /usr/bin/chromium or Playwright is missing. No timings asserted:
waits only say how long to wait before giving up.
"""

from __future__ import annotations

import networkx as nx
import pytest

from tests.viz.conftest import HOSTILE
from viz import coordination_network, legal_basis_tree, render_network
from viz.synthetic import coordination_graph

pytestmark = pytest.mark.browser
WAIT_MS = 120_000


class Opened:
    def __init__(self, browser, html: str, path):
        path.write_text(html, encoding="utf-8")
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1200, "height": 800})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on(
            "console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None
        )
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())
        self.page.wait_for_function("() => window.plangraph && window.plangraph.ready", timeout=WAIT_MS)

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def visible(self) -> int:
        return self.js("() => window.plangraph.nodesView.length")

    def click_node(self, vis_id: int) -> None:
        x, y = self.node_xy(vis_id)
        self.page.mouse.click(x, y)

    def node_xy(self, vis_id: int) -> tuple[float, float]:
        return tuple(
            self.js(
                f"""() => {{ const net = window.plangraph.network;
                const p = net.canvasToDOM(net.getPositions([{vis_id}])[{vis_id}]);
                const r = document.getElementById('net').getBoundingClientRect();
                return [p.x + r.left, p.y + r.top]; }}"""
            )
        )


@pytest.fixture
def opened(browser, tmp_path):
    pages = []

    def open_(html: str, name: str = "page.html") -> Opened:
        o = Opened(browser, html, tmp_path / name)
        pages.append(o)
        return o

    yield open_
    for o in pages:
        o.page.close()


def _ink(o: Opened) -> int:
    """How many pixels of the network's canvas are not background."""
    return o.js(
        """() => { const c = document.querySelector('#net canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"""
    )


@pytest.mark.parametrize("size", [12, 400])  # physics, then positions from Python with physics off
def test_network_is_drawn_on_a_canvas(opened, size):
    g = coordination_graph(size)
    o = opened(coordination_network(g))
    assert o.js("() => document.querySelectorAll('#net canvas').length") == 1
    assert o.js("() => Object.keys(window.plangraph.network.getPositions()).length") == size
    assert _ink(o) > 1000
    assert o.errors == []


def test_filters_by_kind_and_plan_hide_nodes(opened, coordination):
    o = opened(coordination_network(coordination, plans={"kh-94": "Kế hoạch 94", "kh-12": "Kế hoạch 12"}))
    assert o.visible() == 6
    o.page.uncheck('input[data-kind="department"]')
    assert o.visible() == 4
    assert "4 / 6" in o.page.inner_text("#status")
    o.page.select_option("#plan", "kh-12")  # btg, ktdt, and q-hk which belongs to no plan
    assert o.visible() == 3
    o.page.check('input[data-kind="department"]')
    assert o.visible() == 3
    o.page.select_option("#plan", "")
    assert o.visible() == 6
    o.page.click('button[data-bulk="kind"][data-show="0"]')
    assert o.visible() == 0
    o.page.click('button[data-bulk="kind"][data-show="1"]')
    assert o.visible() == 6
    o.page.uncheck('input[data-role="shared"]')
    assert o.js("() => window.plangraph.edgesView.length") == 0


def test_no_request_leaves_the_machine(opened, coordination, legal):
    pages = [
        opened(coordination_network(coordination), "small.html"),
        opened(render_network(coordination_graph(600), title="x", max_nodes=300), "capped.html"),
        opened(legal_basis_tree(legal, "t"), "tree.html"),
    ]
    for o in pages:
        o.page.mouse.move(600, 400)
        o.page.mouse.wheel(0, -300)
        assert o.requests and all(u.startswith(("file:", "data:")) for u in o.requests), o.requests
        assert o.errors == [], "no script error and no Content-Security-Policy violation"


def test_hostile_text_is_shown_as_text_in_tooltip_and_details(opened):
    g = nx.Graph()
    g.add_node(
        "x",
        label="Sở Ngoại vụ",
        title=HOSTILE,
        text=HOSTILE,
        evidence={"document": "94/KH-UBND", "quote": HOSTILE},
    )
    o = opened(render_network(g, title="x"))
    x, y = o.node_xy(0)
    o.page.mouse.move(x - 30, y - 30)
    o.page.mouse.move(x, y)
    o.page.wait_for_selector("#tip:not([hidden])", timeout=WAIT_MS)
    assert HOSTILE in o.page.text_content("#tip")
    o.click_node(0)
    o.page.wait_for_selector("#details-body .card", timeout=WAIT_MS)
    assert o.page.text_content("#details-body h3") == HOSTILE
    assert o.page.text_content("#details-body blockquote") == HOSTILE
    assert o.js("() => document.querySelectorAll('img, #details-body script, #tip script').length") == 0
    assert o.errors == []


def test_english_page_and_status_line(opened, coordination):
    o = opened(coordination_network(coordination, lang="en"))
    assert o.page.inner_text("#status") == "Showing 6 / 6 nodes, 5 links"
    assert o.js("() => document.documentElement.lang") == "en"
