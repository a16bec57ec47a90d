"""The four views of issue 6: thin styling over the shared renderer, never changing their input."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.errors import InvalidInput, NotFound
from tests.viz.pages import page_data
from viz import VIEWS, agency_network, coordination_network, legal_basis_tree, plan_network


@pytest.fixture
def plan_graph() -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_node("kh94", label="Kế hoạch 94/KH-UBND")
    g.add_node("kh12", label="Kế hoạch 12/KH-UBND", kind="plan")
    for t in ("I.1", "I.2", "II.1"):
        g.add_node(t, label=t, kind="task", text=f"Nội dung {t}", plan="kh94")
        g.add_edge("kh94", t, role="part")
    g.add_node("so-tttt", label="Sở TT&TT", kind="department")
    g.add_node("btg", label="Ban Tuyên giáo", kind="party")
    g.add_edge("I.1", "so-tttt", role="lead")
    g.add_edge("I.2", "so-tttt", role="lead")
    g.add_edge("II.1", "btg", role="lead")
    g.add_edge("I.1", "btg", role="coordinating")
    g.add_edge("kh12", "X.1", role="part")  # another plan: not part of this view
    g.add_edge("btg", "far-away")  # three steps from the plan: not part of this view
    return g


def _labels(html):
    return {n["label"].replace("\n", " ") for n in page_data(html)["nodes"]}


def test_coordination_network(coordination):
    before = nx.to_dict_of_dicts(coordination), dict(coordination.nodes(data=True))
    html = coordination_network(coordination, plans={"kh-94": "Kế hoạch 94"})
    data = page_data(html)
    assert "<h1>Mạng lưới phối hợp giữa các cơ quan</h1>" in html
    assert {e["role"] for e in data["edges"]} == {"shared"}
    so_tttt = next(n for n in data["nodes"] if n["label"].startswith("Sở Thông tin"))
    assert so_tttt["tip"]["d"][0] == ["Chủ trì (số nhiệm vụ)", "12"]
    assert (nx.to_dict_of_dicts(coordination), dict(coordination.nodes(data=True))) == before


def test_coordination_network_in_english(coordination):
    html = coordination_network(coordination, lang="en")
    assert "<h1>Coordination network of agencies</h1>" in html and '<html lang="en">' in html


def test_plan_network_is_the_plan_its_tasks_and_their_agencies(plan_graph):
    html = plan_network(plan_graph, "kh94")
    data = page_data(html)
    assert _labels(html) == {"Kế hoạch 94/KH-UBND", "I.1", "I.2", "II.1", "Sở TT&TT", "Ban Tuyên giáo"}
    root = next(n for n in data["nodes"] if n.get("emph"))
    assert root["group"] == "plan" and root["borderWidth"] == 4
    sizes = {n["label"]: n["size"] for n in data["nodes"]}
    assert sizes["Sở TT&TT"] > sizes["Ban Tuyên giáo"] > sizes["I.1"]  # sized by tasks led in this plan
    assert sorted(e["role"] for e in data["edges"]) == [
        "coordinating",
        "lead",
        "lead",
        "lead",
        "part",
        "part",
        "part",
    ]
    assert "Mạng lưới kế hoạch: Kế hoạch 94/KH-UBND" in html
    assert "kind" not in plan_graph.nodes["kh94"] and "size_by" not in plan_graph.nodes["so-tttt"]


def test_agency_network_is_the_ego_network(coordination):
    html = agency_network(coordination, "btg")
    assert _labels(html) == {"Ban Tuyên giáo Thành ủy", "Sở Ngoại vụ", "Sở Thông tin và Truyền thông"}
    centre = next(n for n in page_data(html)["nodes"] if n.get("emph"))
    assert centre["label"].replace("\n", " ") == "Ban Tuyên giáo Thành ủy"
    wider = agency_network(coordination, "btg", radius=2)
    assert "Báo Kinh tế và Đô thị" in _labels(wider) and "UBND quận Hoàn Kiếm" not in _labels(wider)
    with pytest.raises(InvalidInput):
        agency_network(coordination, "btg", radius=0)


def test_agency_network_keeps_the_centre_when_capped():
    g = nx.star_graph(40)
    for n in g:
        g.nodes[n]["size_by"] = 100 - n if n else 0
    data = page_data(agency_network(g, 0, max_nodes=10))
    centre = next(n for n in data["nodes"] if n.get("emph"))
    assert centre["label"] == "0"


def test_legal_basis_tree_is_layered_from_the_task(legal):
    html = legal_basis_tree(legal, "t")
    data = page_data(html)
    assert data["mode"] == "layered"
    assert "Không liên quan" not in _labels(html)
    xs = {n["label"]: n["x"] for n in data["nodes"]}
    assert xs["VI.3"] < xs["CPTPP"] < xs["TT-22"] < xs["LUAT"]
    assert {e["role"] for e in data["edges"]} == {"cites", "part", "based_on"}
    assert "Căn cứ pháp lý của nhiệm vụ: VI.3" in html


def test_legal_basis_tree_needs_a_directed_graph(legal):
    with pytest.raises(InvalidInput):
        legal_basis_tree(legal.to_undirected(), "t")


@pytest.mark.parametrize(
    "view,arg", [(plan_network, "nope"), (agency_network, "nope"), (legal_basis_tree, "nope")]
)
def test_unknown_centre_is_not_found(view, arg, legal):
    with pytest.raises(NotFound):
        view(legal, arg)


def test_views_by_cli_name():
    assert sorted(VIEWS) == ["agency", "coordination", "legal", "plan"]


def test_write_network_writes_the_rendered_page(tmp_path, coordination):
    from viz import render_network, write_network

    path = write_network(coordination, tmp_path / "mang-luoi.html", title="Mạng lưới")
    assert path.read_text(encoding="utf-8") == render_network(coordination, title="Mạng lưới")
