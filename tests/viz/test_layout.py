"""Layouts and drawing modes: who computes positions, and with which options."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.errors import InvalidInput
from viz import build_view
from viz.layout import force_layout, layered_layout
from viz.options import PHYSICS_MAX_NODES, choose_mode
from viz.synthetic import coordination_graph


def test_small_views_use_vis_physics_from_python_positions():
    view = build_view(coordination_graph(PHYSICS_MAX_NODES), title="x")
    assert view.mode == "physics"
    physics = view.data["options"]["physics"]
    assert physics["solver"] == "barnesHut" and physics["stabilization"]["iterations"] <= 400
    assert all("x" in n and "y" in n for n in view.data["nodes"])


def test_larger_views_have_physics_off_and_straight_edges():
    view = build_view(coordination_graph(PHYSICS_MAX_NODES + 1), title="x")
    assert view.mode == "static"
    options = view.data["options"]
    assert options["physics"] is False and options["edges"]["smooth"] is False
    assert options["layout"]["improvedLayout"] is False


def test_big_views_hide_edges_while_moving():
    assert build_view(coordination_graph(1500), title="x").data["options"]["interaction"]["hideEdgesOnDrag"]


def test_layout_can_be_forced():
    assert choose_mode("force", 10) == "static"
    assert choose_mode("physics", 10_000) == "physics"
    with pytest.raises(InvalidInput):
        choose_mode("circle", 10)


def test_force_layout_separates_nodes_and_components():
    g = nx.disjoint_union_all([nx.cycle_graph(12), nx.path_graph(5), nx.empty_graph(7)])
    pos = force_layout(g)
    assert len(pos) == g.number_of_nodes()
    assert len(set(pos.values())) == len(pos), "no two nodes on the same spot"

    def box(nodes):
        xs, ys = [pos[n][0] for n in nodes], [pos[n][1] for n in nodes]
        return min(xs), max(xs), min(ys), max(ys)

    (ax0, ax1, ay0, ay1), (bx0, bx1, by0, by1) = box(range(12)), box(range(12, 17))
    assert ax1 < bx0 or bx1 < ax0 or ay1 < by0 or by1 < ay0, "components do not overlap"


def test_force_layout_spreads_nodes_in_proportion_to_their_number():
    small, big = force_layout(coordination_graph(200)), force_layout(coordination_graph(2000))
    span = lambda p: max(x for x, _ in p.values()) - min(x for x, _ in p.values())  # noqa: E731
    assert 2 < span(big) / span(small) < 5  # about sqrt(10)


def test_layered_layout_puts_each_node_one_column_after_its_parent(legal):
    pos = layered_layout(legal, ["t"])
    assert pos["t"][0] == 0
    assert pos["cptpp"][0] == pos["evfta"][0] == pos["kh94"][0] == 260
    assert pos["nd-72"][0] == pos["tt-22"][0] == 520  # nd-72 is also reached later: shortest depth wins
    assert pos["luat"][0] == 780
    assert pos["unrelated"][0] > pos["luat"][0]  # unreachable nodes come after, never dropped


def test_layered_view_options(legal):
    view = build_view(legal, title="x", layout="layered", roots=["t"])
    assert view.mode == "layered" and view.data["options"]["physics"] is False
    assert view.data["options"]["edges"]["smooth"]["type"] == "cubicBezier"
