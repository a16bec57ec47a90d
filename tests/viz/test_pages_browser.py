"""Done when: a live server, headless Chromium (Debian's, driven by Playwright), and the path staff take —
search "so ngoai vu", open the agency, open one of its tasks, see its legal basis, open the network
page and find the network drawn on a canvas; no request leaves the loopback interface.

Skipped, with the reason, where /usr/bin/chromium or Playwright is missing. No timings asserted:
waits only say how long to wait before giving up.
"""

from __future__ import annotations

import re

import pytest

from tests.viz.live import LiveServer, seed_store

pytestmark = pytest.mark.browser
WAIT_MS = 120_000


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = seed_store(tmp_path_factory.mktemp("live") / "store")
    with LiveServer(store) as url:
        yield url


@pytest.fixture
def tab(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.problems = []  # type: ignore[attr-defined]
    context.on("request", lambda r: page.requests.append(r.url))  # type: ignore[attr-defined]
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.problems.append(str(e)))  # type: ignore[attr-defined]
    yield page
    context.close()


def _ink(frame) -> int:
    return frame.evaluate(
        """() => { const c = document.querySelector('#net canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"""
    )


def test_search_agency_task_legal_basis_and_network(tab, server):
    tab.goto(f"{server}/")
    tab.get_by_label("Tìm cơ quan, văn bản hoặc nhiệm vụ").fill("so ngoai vu")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"/ui/search\?q=so\+ngoai\+vu"), timeout=WAIT_MS)

    tab.get_by_role("link", name="Sở Ngoại vụ thành phố Hà Nội").first.click()
    tab.wait_for_url(re.compile(r"/ui/agency/ha-noi/so-ngoai-vu$"), timeout=WAIT_MS)
    assert tab.locator("h1").inner_text() == "Sở Ngoại vụ thành phố Hà Nội"
    assert "Nhiệm vụ chủ trì (6)" in tab.inner_text("main")

    tab.locator("table.tasks").first.get_by_role("link", name="II.3", exact=True).click()
    tab.wait_for_url(re.compile(r"/ui/task/vn/ubnd-ha-noi/kh/2022/94/task/II-3$"), timeout=WAIT_MS)
    assert tab.locator("h1").inner_text() == "Nhiệm vụ II.3"
    basis = tab.locator("section", has=tab.get_by_role("heading", name="Căn cứ pháp lý")).inner_text()
    assert "72/2015/NĐ-CP" in basis and "căn cứ của 94/KH-UBND" in basis

    tab.get_by_role("link", name="Mạng lưới phối hợp").first.click()
    tab.wait_for_url(re.compile(r"/ui/network$"), timeout=WAIT_MS)
    frame = tab.frame_locator("#network-frame")
    frame.locator("#net canvas").wait_for(timeout=WAIT_MS)
    net = next(f for f in tab.frames if "/viz/coordination" in f.url)
    net.wait_for_function("() => window.plangraph && window.plangraph.ready", timeout=WAIT_MS)
    assert net.evaluate("() => document.querySelectorAll('#net canvas').length") == 1
    assert net.evaluate("() => window.plangraph.nodes.length") == 27
    assert _ink(net) > 1000, "the network is drawn"

    origin = server.rstrip("/")
    assert tab.requests and all(
        u.startswith(origin + "/") or u.startswith(("data:", "about:")) for u in tab.requests
    ), [u for u in tab.requests if not u.startswith(origin)]
    assert tab.problems == [], "no script error and no Content-Security-Policy violation"


def test_double_clicking_a_node_opens_its_page_in_the_whole_window(tab, server):
    tab.goto(f"{server}/ui/network")
    tab.frame_locator("#network-frame").locator("#net canvas").wait_for(timeout=WAIT_MS)
    net = next(f for f in tab.frames if "/viz/coordination" in f.url)
    net.wait_for_function("() => window.plangraph && window.plangraph.ready", timeout=WAIT_MS)
    target = net.evaluate(
        """() => { const pg = window.plangraph; const n = pg.nodes.get().find(x => x.label.startsWith('Sở Du lịch'));
        const p = pg.network.canvasToDOM(pg.network.getPositions([n.id])[n.id]);
        const r = document.getElementById('net').getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }"""
    )
    box = tab.locator("#network-frame").bounding_box()
    tab.mouse.dblclick(box["x"] + target[0], box["y"] + target[1])
    tab.wait_for_url(re.compile(r"/ui/agency/ha-noi/so-du-lich$"), timeout=WAIT_MS)
    assert tab.locator("h1").inner_text() == "Sở Du lịch thành phố Hà Nội"


def test_english_pages_and_the_source_line(tab, server):
    tab.goto(f"{server}/ui/task/vn/ubnd-ha-noi/kh/2022/94/task/II-3?lang=en")
    assert tab.locator("h1").inner_text() == "Task II.3"
    tab.get_by_role("link", name="94/KH-UBND, line 194").first.click()
    tab.wait_for_url(re.compile(r"/ui/source/.*#L194$"), timeout=WAIT_MS)
    row = tab.locator("#L194")
    assert "Biển Đông" in row.inner_text() and "hl" in (row.get_attribute("class") or "")
    assert tab.problems == []
