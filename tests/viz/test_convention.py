"""The attribute convention: networkx attributes in, vis.js records out."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.errors import InvalidInput
from viz import build_view
from viz.convention import clean_href, evidence_list


def _by_label(view, label):
    return next(n for n in view.data["nodes"] if n["label"].replace("\n", " ") == label)


def test_nodes_carry_label_kind_plans_and_sizes(coordination):
    view = build_view(coordination, title="t")
    so_nv = _by_label(view, "Sở Ngoại vụ")
    assert so_nv["group"] == "department"
    assert so_nv["plans"] == ["kh-94"]
    assert _by_label(view, "Ban Tuyên giáo Thành ủy")["plans"] == ["kh-12", "kh-94"]
    assert "plans" not in _by_label(view, "UBND quận Hoàn Kiếm")
    sizes = {n["label"].replace("\n", " "): n["size"] for n in view.data["nodes"]}
    # size follows size_by (12 > 9 > 2 > none), smallest and largest at the ends of node_size
    assert sizes["Sở Thông tin và Truyền thông"] == 40.0
    assert sizes["Sở Thông tin và Truyền thông"] > sizes["Sở Ngoại vụ"] > sizes["Ban Tuyên giáo Thành ủy"]
    assert sizes["Báo Kinh tế và Đô thị"] == 10.0
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in view.data["nodes"])


def test_tooltip_parts_and_evidence(coordination):
    coordination.nodes["so-nv"].update(
        title="Sở Ngoại vụ thành phố Hà Nội",
        text="Chủ trì nhiệm vụ I.6",
        details={"Thời gian": "Quý II/2022", "Bỏ qua": None},
        href="/agency/so-nv",
    )
    tip = _by_label(build_view(coordination, title="t"), "Sở Ngoại vụ")["tip"]
    assert tip == {
        "h": "Sở Ngoại vụ thành phố Hà Nội",
        "text": "Chủ trì nhiệm vụ I.6",
        "d": [["Thời gian", "Quý II/2022"]],
        "ev": [{"doc": "94/KH-UBND", "from": 180, "to": 181, "quote": "Sở Ngoại vụ chủ trì"}],
        "href": "/agency/so-nv",
    }


def test_unknown_or_missing_kind_is_other():
    g = nx.Graph()
    g.add_node("a", kind="spaceship")
    g.add_node("b")
    view = build_view(g, title="t")
    assert {n["group"] for n in view.data["nodes"]} == {"other"}
    assert [k["code"] for k in view.data["kinds"]] == ["other"]


def test_label_defaults_to_id_and_long_labels_wrap_with_full_heading():
    long = "Trung tâm Xúc tiến Đầu tư, Thương mại, Du lịch thành phố Hà Nội và các đơn vị liên quan"
    g = nx.Graph()
    g.add_node("so-x")
    g.add_node("tt", label=long)
    view = build_view(g, title="t")
    nodes = {n["id"]: n for n in view.data["nodes"]}
    assert nodes[0]["label"] == "so-x" and "tip" not in nodes[0]
    assert "\n" in nodes[1]["label"] and nodes[1]["label"].endswith("…")
    assert nodes[1]["tip"]["h"] == long


def test_edges_carry_role_weight_width_and_plans(coordination):
    view = build_view(coordination, title="t")
    edges = view.data["edges"]
    assert {e["role"] for e in edges} == {"other"}  # no role given: the renderer does not guess
    widths = {e["w"]: e["width"] for e in edges}
    assert widths[5] == 8.0 and widths[1] < widths[2] < widths[5]
    assert [e for e in edges if "plans" in e] == [next(e for e in edges if e["w"] == 5)]
    ids = {n["id"] for n in view.data["nodes"]}
    assert all(e["from"] in ids and e["to"] in ids for e in edges)


def test_roles_and_direction():
    g = nx.DiGraph()
    g.add_edge("task", "so", role="lead")
    g.add_edge("task", "btg", role="Coordinating")
    g.add_edge("task", "x", role="friendship")
    view = build_view(g, title="t")
    assert view.data["directed"] is True
    assert sorted(e["role"] for e in view.data["edges"]) == ["coordinating", "lead", "other"]
    assert [r["code"] for r in view.data["roles"]] == ["lead", "coordinating", "other"]


def test_legend_lists_present_kinds_with_counts(coordination):
    kinds = build_view(coordination, title="t").data["kinds"]
    assert [(k["code"], k["count"]) for k in kinds] == [
        ("department", 2),
        ("party", 1),
        ("press", 1),
        ("district", 1),
        ("group", 1),
    ]
    assert kinds[0]["label"] == "Sở, ngành thành phố"


def test_plan_filter_labels(coordination):
    plans = build_view(coordination, title="t", plans={"kh-94": "Kế hoạch 94/KH-UBND"}).data["plans"]
    assert plans == [{"id": "kh-12", "label": "kh-12"}, {"id": "kh-94", "label": "Kế hoạch 94/KH-UBND"}]


def test_english_interface(coordination):
    data = build_view(coordination, title="t", lang="en").data
    assert data["ui"]["kinds"] == "Kinds of node"
    assert data["kinds"][0]["label"] == "City department"
    with pytest.raises(InvalidInput):
        build_view(coordination, title="t", lang="fr")


@pytest.mark.parametrize(
    "attrs",
    [{"size_by": "many"}, {"size_by": -1}, {"size_by": float("nan")}, {"details": 5}, {"evidence": ["x"]}],
)
def test_bad_node_attributes_raise_invalid_input(attrs):
    g = nx.Graph()
    g.add_node("a", **attrs)
    with pytest.raises(InvalidInput):
        build_view(g, title="t")


def test_bad_edge_weight_raises_invalid_input():
    g = nx.Graph()
    g.add_edge("a", "b", weight="heavy")
    with pytest.raises(InvalidInput, match="weight"):
        build_view(g, title="t")


def test_not_a_graph_raises_invalid_input():
    with pytest.raises(InvalidInput):
        build_view({"a": 1}, title="t")


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        " JAVASCRIPT:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<b>",
        "vbscript:x",
        5,
    ],
)
def test_unsafe_links_are_dropped(href):
    assert clean_href(href) is None
    assert evidence_list({"document": "d", "href": href}) == [{"doc": "d"}]


def test_multigraph_keeps_parallel_edges():
    g = nx.MultiDiGraph()
    g.add_edge("kh", "nd-72", role="based_on")
    g.add_edge("kh", "nd-72", role="cites")
    assert sorted(e["role"] for e in build_view(g, title="t").data["edges"]) == ["based_on", "cites"]
