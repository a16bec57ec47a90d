"""The four views built from the store: attributes, evidence, links, errors, and pages that stay offline."""

from __future__ import annotations

import pytest

from graph.errors import InvalidInput, NotFound
from graph.queries import KnowledgeBase
from loaders.extract import extract_file
from ontology.reads import StoreReader
from ontology.store import GraphStore
from tests.conftest import SEED
from tests.viz.pages import is_remote, page_data, referenced_urls
from viz.graphs import Links, coordination_graph, legal_graph, plan_graph
from viz.store_views import render, resolve_task

PLAN = "vn/ubnd-ha-noi/kh/2022/94"
SNV = "ha-noi/so-ngoai-vu"


@pytest.fixture(scope="module")
def kb():
    store = GraphStore.memory()
    store.load_extraction(extract_file(SEED))
    return KnowledgeBase(StoreReader(store))


def test_coordination_graph_kinds_sizes_weights_and_links(kb):
    g, plans, notes = coordination_graph(kb, links=Links(has_source=lambda doc: doc == PLAN))
    assert plans == {PLAN: "94/KH-UBND"} and notes == []
    snv = g.nodes[SNV]
    assert snv["kind"] == "department" and snv["size_by"] == 6 and snv["href"] == f"/ui/agency/{SNV}"
    assert snv["plan"] == [PLAN] and snv["label"] == "Sở Ngoại vụ thành phố Hà Nội"
    ev = snv["evidence"][0]
    assert ev["document"].startswith("94/KH-UBND, nhiệm vụ II.")
    assert ev["href"].startswith(f"/ui/source/{PLAN}?from=") and ev["quote"]
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    assert {"department", "central", "party", "press", "group", "unit", "mass"} <= kinds
    assert g.nodes["ha-noi/cong-an"]["kind"] == "department"  # police of the city: a city body
    e = g.edges[SNV, "vn/bo-ngoai-giao"]
    assert e["weight"] == 2 and e["role"] == "shared" and e["plan"] == [PLAN]
    assert len(e["evidence"]) == 2 and "II.3" in e["text"]


def test_evidence_links_to_the_task_page_without_a_source_copy(kb):
    g, _, _ = coordination_graph(kb, links=Links(base="http://127.0.0.1:8000", lang="en"), lang="en")
    assert g.nodes[SNV]["evidence"][0]["href"].startswith(f"http://127.0.0.1:8000/ui/task/{PLAN}/task/II-")
    assert g.nodes[SNV]["evidence"][0]["href"].endswith("?lang=en")
    assert g.nodes[SNV]["evidence"][0]["document"].startswith("94/KH-UBND, task II.")


def test_plan_graph_plan_tasks_agencies_with_roles(kb):
    g = plan_graph(kb, PLAN)
    assert g.nodes[PLAN]["kind"] == "plan" and g.nodes[PLAN]["label"] == "94/KH-UBND"
    task = f"{PLAN}/task/II-3"
    assert g.edges[PLAN, task]["role"] == "part"
    assert (
        g.edges[task, SNV]["role"] == "lead" and g.edges[task, "vn/bo-ngoai-giao"]["role"] == "coordinating"
    )
    t = g.nodes[task]
    assert t["label"] == "II.3" and t["kind"] == "task" and "Biển Đông" in t["text"]
    assert t["evidence"]["line_start"] == 194 and t["href"] == f"/ui/task/{task}"
    assert sum(1 for _, d in g.nodes(data=True) if d["kind"] == "task") == 54
    with pytest.raises(NotFound):
        plan_graph(kb, "vn/chinh-phu/nd/2015/72")  # cited, not loaded


def test_legal_graph_cites_based_on_and_via(kb):
    task = f"{PLAN}/task/VI-3"
    g = legal_graph(kb, task)
    roles = {(u, v): d["role"] for u, v, d in g.edges(data=True)}
    assert roles[(task, PLAN)] == "part" and roles[(PLAN, "vn/chinh-phu/nd/2015/72")] == "based_on"
    assert sum(1 for (u, _), r in roles.items() if u == task and r == "cites") == 3
    assert g.edges[PLAN, "vn/chinh-phu/nd/2015/72"]["title"] == "căn cứ của 94/KH-UBND"
    assert ("Căn cứ vì", "căn cứ của 94/KH-UBND") in g.nodes["vn/chinh-phu/nd/2015/72"]["details"]
    assert g.nodes["vn/chinh-phu/nd/2015/72"]["label"] == "72/2015/NĐ-CP"
    en = legal_graph(kb, task, lang="en")
    assert en.edges[PLAN, "vn/chinh-phu/nd/2015/72"]["title"] == "legal basis of 94/KH-UBND"


@pytest.mark.parametrize(
    ("kind", "kwargs", "title"),
    [
        ("coordination", {}, "Mạng lưới phối hợp"),
        ("coordination", {"plan": "94/KH-UBND", "lang": "en"}, "Coordination network"),
        ("plan", {"plan": "94/KH-UBND"}, "94/KH-UBND"),
        ("agency", {"agency": "so ngoai vu", "radius": 2}, "Sở Ngoại vụ"),
        ("agency", {"agency": "UBND thành phố Hà Nội"}, "Ủy ban nhân dân"),  # no shared task: drawn alone
        ("legal", {"task": "ii-3"}, "II.3"),
    ],
)
def test_every_view_renders_an_offline_page(kb, kind, kwargs, title):
    html = render(kb, kind, **kwargs)
    assert title in html.split("</title>")[0]
    assert not [u for u in referenced_urls(html) if is_remote(u)]
    assert page_data(html)["nodes"]


def test_names_are_resolved_and_errors_are_clear(kb):
    assert resolve_task(kb, "VI.3") == f"{PLAN}/task/VI-3"
    assert resolve_task(kb, f"{PLAN}/task/I-1") == f"{PLAN}/task/I-1"
    for kind, kwargs in (
        ("agency", {"agency": "Bộ Không Tồn Tại"}),
        ("plan", {"plan": "999/KH-XYZ"}),
        ("legal", {"task": "XX.9"}),
        ("legal", {"task": f"{PLAN}/task/XX-9"}),
    ):
        with pytest.raises(NotFound):
            render(kb, kind, **kwargs)
    for kind, kwargs in (
        ("bogus", {}),
        ("plan", {}),
        ("agency", {}),
        ("legal", {}),
        ("agency", {"agency": "so ngoai vu", "radius": 3}),
        ("coordination", {"lang": "fr"}),
    ):
        with pytest.raises(InvalidInput):
            render(kb, kind, **kwargs)


def test_a_row_in_two_plans_needs_the_plan(kb):
    store = GraphStore.memory()
    store.load_extraction(extract_file(SEED))
    text = SEED.read_text(encoding="utf-8").replace("số.....94...../KH-UBND", "số.....95...../KH-UBND")
    from loaders.extract import extract_text
    from loaders.read.base import make_text

    store.load_extraction(extract_text(make_text(text, name="kh-95.md", fmt="md", data=text.encode())))
    two = KnowledgeBase(StoreReader(store))
    with pytest.raises(InvalidInput, match="2 plans"):
        resolve_task(two, "II.3")
    assert resolve_task(two, "II.3", PLAN) == f"{PLAN}/task/II-3"
