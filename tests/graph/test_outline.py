"""Listings for pages, drawings and exports, on the seed plan."""

from __future__ import annotations

import pytest

from graph import outline as O
from graph.errors import NotFound
from graph.queries import KnowledgeBase
from loaders.extract import extract_file
from ontology.reads import StoreReader
from ontology.store import GraphStore
from tests.conftest import SEED

PLAN = "vn/ubnd-ha-noi/kh/2022/94"


@pytest.fixture(scope="module")
def kb():
    store = GraphStore.memory()
    store.load_extraction(extract_file(SEED))
    return KnowledgeBase(StoreReader(store))


def test_all_tasks_in_the_order_the_plan_prints_them(kb):
    rows = [t.row for t in O.all_tasks(kb)]
    assert len(rows) == 54 and rows.index("IV.2") < rows.index("IV.10") < rows.index("V.1")
    assert rows.index("IX.1") < rows.index("X.1")
    assert [t.row for t in O.all_tasks(kb, PLAN)] == rows
    with pytest.raises(NotFound):
        O.all_tasks(kb, "vn/nowhere/kh/2022/1")


def test_tasks_by_ids_keep_the_order_given_and_drop_unknown_ids(kb):
    ids = [f"{PLAN}/task/II-3", "nope", f"{PLAN}/task/I-1"]
    assert [t.row for t in O.tasks_by_ids(kb, ids)] == ["II.3", "I.1"]


def test_plan_outline_bases_citations_tasks_and_reporting(kb):
    o = O.plan_outline(kb, PLAN)
    assert {b.document.full_symbol for b in o.bases} == {
        "72/2015/NĐ-CP",
        "22/2016/TT-BTTTT",
        "5406/BTTTT-TTĐN",
    }
    assert all(b.basis and b.evidence.line_start == 6 for b in o.bases)
    cptpp = next(c for c in o.cited if c.document.title == "CPTPP")
    assert cptpp.tasks == [f"{PLAN}/task/VI-3"] and not cptpp.basis
    assert not {c.document.id for c in o.cited} & {b.document.id for b in o.bases}
    assert len(o.tasks) == 54 and len(o.reporting) == 4
    with pytest.raises(NotFound):
        O.plan_outline(kb, "72/2015/NĐ-CP")  # cited, not loaded


def test_task_citations_and_plan_bases(kb):
    cites = O.task_citations(kb, [f"{PLAN}/task/VI-3", f"{PLAN}/task/II-3"])
    assert {d.title for d in cites[f"{PLAN}/task/VI-3"]} == {"CPTPP", "EVFTA", "UKVFTA"}
    assert f"{PLAN}/task/II-3" not in cites
    assert [d.full_symbol for d, _ in O.plan_bases(kb, [PLAN])[PLAN]][-1] == "72/2015/NĐ-CP"


def test_participation_plans_and_agent_infos(kb):
    nodes, edges = O.participation_plans(kb)
    assert nodes["ha-noi/so-ngoai-vu"] == {PLAN}
    assert edges[("ha-noi/so-ngoai-vu", "vn/bo-ngoai-giao")] == {PLAN}
    infos = O.agent_infos(kb, ["ha-noi/so-ngoai-vu", "ha-noi/group/lien-quan"])
    assert infos["ha-noi/so-ngoai-vu"].category == "department" and infos["ha-noi/group/lien-quan"].group


def test_search_documents_by_symbol_and_title(kb):
    assert O.search_documents(kb, "nd 72/2015")[0].full_symbol == "72/2015/NĐ-CP"
    assert O.search_documents(kb, "94/KH-UBND")[0].id == PLAN
    assert O.search_documents(kb, "EVFTA")[0].title == "EVFTA"
