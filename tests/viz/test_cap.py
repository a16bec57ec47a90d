"""Views above the limits: the most important nodes stay, the rest is grouped, and the page says so."""

from __future__ import annotations

import networkx as nx

from tests.viz.pages import Elements, page_data
from viz import build_view, render_network
from viz.cap import AggregateNode, cap_graph
from viz.options import MAX_NODES
from viz.synthetic import coordination_graph


def test_within_limits_nothing_changes_and_no_note(coordination):
    g, notes = cap_graph(coordination, max_nodes=10, max_edges=10)
    assert g is coordination and notes == []
    html = render_network(coordination, title="x")
    assert 'class="note"' not in html


def test_default_cap_keeps_a_large_view_under_the_limit():
    g = coordination_graph(MAX_NODES + 700)
    view = build_view(g, title="x")
    assert view.node_count <= MAX_NODES
    aggregates = [n for n in view.data["nodes"] if n.get("agg")]
    assert aggregates, "left-out nodes are grouped, not silently dropped"
    assert sum(n["agg"] for n in aggregates) + view.node_count - len(aggregates) == MAX_NODES + 700
    assert view.data["total"] == {"nodes": MAX_NODES + 700, "edges": g.number_of_edges()}


def test_the_note_is_visible_on_the_page_and_counts_what_was_left_out():
    g = coordination_graph(600)
    html = render_network(g, title="x", max_nodes=200)
    notes = [t for t, a in Elements(html).tags if t == "p" and a.get("class") == "note"]
    assert len(notes) == 1
    assert "Mạng này có 600 nút" in html
    data = page_data(html)
    kept = sum(1 for n in data["nodes"] if not n.get("agg"))
    groups = len(data["nodes"]) - kept
    assert f"hiển thị {kept} nút" in html and f"{600 - kept} nút còn lại" in html
    assert f"gộp thành {groups} nút" in html


def test_english_note_uses_english_number_grouping():
    html = render_network(coordination_graph(1200), title="x", max_nodes=1000, lang="en")
    assert "This network has 1,200 nodes" in html


def test_the_most_important_nodes_stay_and_pinned_nodes_always_stay():
    g = nx.star_graph(30)
    for n in g:
        g.nodes[n]["kind"] = "department" if n % 2 else "district"
    g.nodes[17]["size_by"] = 100
    h, _ = cap_graph(g, max_nodes=6, max_edges=None, keep=[29])
    kept = [n for n in h if not isinstance(n, AggregateNode)]
    assert {0, 17, 29} <= set(kept)
    assert h.number_of_nodes() <= 6
    assert sorted(a.kind for a in h if isinstance(a, AggregateNode)) == ["department", "district"]


def test_edges_to_left_out_nodes_are_summed_onto_the_group():
    g = nx.Graph()
    g.add_node("hub", size_by=10, kind="department")
    for i in range(5):
        g.add_edge("hub", f"d{i}", weight=2, role="shared")
        g.nodes[f"d{i}"]["kind"] = "district"
    h, _ = cap_graph(g, max_nodes=3, max_edges=None)
    agg = next(n for n in h if isinstance(n, AggregateNode))
    assert h.nodes[agg]["aggregate"] == 4 and h.nodes[agg]["label"] == "+4 Quận, huyện, thị xã khác"
    assert h.edges["hub", agg] == {"weight": 8.0, "role": "shared", "plan": []}


def test_edge_cap_keeps_the_strongest_edges_with_a_note():
    g = coordination_graph(300)
    view = build_view(g, title="x", max_edges=100)
    assert view.edge_count == 100
    assert (
        min(e["w"] for e in view.data["edges"]) >= sorted((d["weight"] for *_, d in g.edges(data=True)))[-100]
    )
    assert any("100 liên kết mạnh nhất" in note for note in view.notes)


def test_cap_can_be_switched_off():
    view = build_view(coordination_graph(700), title="x", max_nodes=None, max_edges=None)
    assert view.node_count == 700 and view.notes == []
