"""Fixtures for the viz tests: small graphs in the attribute convention, and headless Chromium."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import networkx as nx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)> & \u2028 <!--'


@pytest.fixture
def coordination() -> nx.Graph:
    """A few Hanoi agencies of plan 94/KH-UBND and the tasks they share."""
    g = nx.Graph()
    ev = {"document": "94/KH-UBND", "line_start": 180, "line_end": 181, "quote": "Sở Ngoại vụ chủ trì"}
    g.add_node("so-nv", label="Sở Ngoại vụ", kind="department", size_by=9, plan="kh-94", evidence=ev)
    g.add_node("so-tttt", label="Sở Thông tin và Truyền thông", kind="department", size_by=12, plan="kh-94")
    g.add_node("btg", label="Ban Tuyên giáo Thành ủy", kind="party", size_by=2, plan=["kh-94", "kh-12"])
    g.add_node("ktdt", label="Báo Kinh tế và Đô thị", kind="press", plan="kh-12")
    g.add_node("q-hk", label="UBND quận Hoàn Kiếm", kind="district", size_by=1)
    g.add_node("cac-co-quan", label="Các cơ quan, đơn vị liên quan", kind="group", plan="kh-94")
    g.add_edge("so-nv", "so-tttt", weight=5, plan="kh-94")
    g.add_edge("so-nv", "btg", weight=2)
    g.add_edge("so-tttt", "btg", weight=3)
    g.add_edge("so-tttt", "ktdt", weight=1)
    g.add_edge("so-nv", "cac-co-quan", weight=4)
    return g


@pytest.fixture
def legal() -> nx.DiGraph:
    """Task VI.3 -> what it cites; the plan -> its legal bases -> theirs."""
    g = nx.DiGraph()
    g.add_node("t", label="VI.3", kind="task", text="Tuyên truyền về CPTPP, EVFTA")
    g.add_node("kh94", label="Kế hoạch 94/KH-UBND", kind="plan")
    for d in ("cptpp", "evfta", "nd-72", "tt-22", "luat"):
        g.add_node(d, label=d.upper(), kind="document")
    g.add_edge("t", "cptpp", role="cites")
    g.add_edge("t", "evfta", role="cites")
    g.add_edge("t", "kh94", role="part")
    g.add_edge("kh94", "nd-72", role="based_on")
    g.add_edge("kh94", "tt-22", role="based_on")
    g.add_edge("tt-22", "nd-72", role="based_on")
    g.add_edge("nd-72", "luat", role="based_on")
    g.add_node("unrelated", label="Không liên quan", kind="document")
    return g


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; skipped (with the reason) where either is missing."""
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (make test installs it as root)")
    if importlib.util.find_spec("playwright") is None:
        pytest.skip("needs the playwright Python package (pip install -e '.[dev]')")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()
