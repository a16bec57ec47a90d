"""Text from documents is data: hostile labels, tooltips, titles and plan ids cannot become markup."""

from __future__ import annotations

import networkx as nx

from tests.viz.conftest import HOSTILE
from tests.viz.pages import Elements, page_data
from viz import render_network


def _hostile_graph() -> nx.Graph:
    g = nx.Graph()
    g.add_node(
        HOSTILE,
        label=HOSTILE,
        title=HOSTILE,
        text=HOSTILE,
        details={HOSTILE: HOSTILE},
        evidence={"document": HOSTILE, "line_start": 1, "quote": HOSTILE, "href": "javascript:alert(1)"},
        plan=HOSTILE,
        href='"><script>alert(2)</script>',
    )
    g.add_node("b", label="Sở Ngoại vụ", kind="department")
    g.add_edge(HOSTILE, "b", title=HOSTILE, text=HOSTILE, plan=HOSTILE)
    return g


def _render(**kw) -> str:
    return render_network(
        _hostile_graph(), title=HOSTILE, subtitle=HOSTILE, notes=[HOSTILE], plans={HOSTILE: HOSTILE}, **kw
    )


def test_no_injected_elements():
    doc = Elements(_render())
    tags = [t for t, _ in doc.tags]
    assert "img" not in tags
    # exactly three scripts: the data block, vis-network and the page's own script
    assert [a.get("type") for a, _ in doc.scripts] == ["application/json", None, None]
    assert tags.count("script") == 3
    assert all(not k.startswith("on") for _, attrs in doc.tags for k in attrs)


def test_text_round_trips_exactly_through_the_data_block():
    html = _render()
    data = page_data(html)
    node = next(n for n in data["nodes"] if n.get("tip", {}).get("h") == HOSTILE)
    assert node["tip"]["text"] == HOSTILE
    assert node["tip"]["d"] == [[HOSTILE, HOSTILE]]
    assert node["tip"]["ev"] == [{"doc": HOSTILE, "from": 1, "quote": HOSTILE}]  # javascript: link dropped
    assert node["plans"] == [HOSTILE]
    assert node["tip"]["href"] == '"><script>alert(2)</script>'  # a relative link: kept, shown as text
    edge = data["edges"][0]
    assert edge["tip"] == {"h": HOSTILE, "text": HOSTILE}
    block = html.split('id="pg-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "\u2028" not in block


def test_title_notes_and_plan_options_are_escaped_text():
    html = _render()
    doc = Elements(html)
    text = "".join(doc.text)
    assert text.count(HOSTILE) >= 3  # title (h1), subtitle, note: shown as text
    options = [a for t, a in doc.tags if t == "option"]
    assert {"value": HOSTILE} in options
    assert "<title>&lt;/script&gt;" in html


def test_page_script_never_uses_html_sinks():
    from viz.assets import asset

    js = asset("network.js")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in js
