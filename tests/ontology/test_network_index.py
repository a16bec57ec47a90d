"""The coordination summaries kept with each document give the same network as recomputing it from
every assignment — after transactional loads, replaces, deletes, bulk loads, repair and backfill.

The reference is :func:`graph.network.coordination_graph` over the store's ``participation`` rows
(the slow path the summaries replace); edges are compared in order, because networkx orients an
undirected edge by node order and the API answer lists edges that way.
"""

from __future__ import annotations

import json

import pytest

from bench.generate import Settings, generate
from graph.model import Extraction
from graph.network import coordination_graph
from graph.network_summary import merged_graph
from graph.queries import KnowledgeBase, coordination_network
from loaders.extract import extract_file
from ontology.network_index import backfill
from ontology.ntriples import V, iri
from ontology.reads import StoreReader
from ontology.store import GraphStore


@pytest.fixture(scope="module")
def extractions(tmp_path_factory) -> list[Extraction]:
    out = tmp_path_factory.mktemp("corpus")
    generate(Settings(seed=3, noise=0.0), 10, out)
    return [extract_file(p) for p in sorted(out.glob("plan-*.md"))]


def _jurisdictions(r: StoreReader) -> list[str]:
    q = f"SELECT DISTINCT ?j WHERE {{ GRAPH ?g {{ ?p a {V.pplan.Plan} ; {V.pg.jurisdiction} ?j }} }}"
    return sorted(row["j"].value for row in r.query(q))


def _snapshot(g) -> tuple:
    """Nodes with their data, and edges in networkx's order (orientation included). The order of
    nodes without edges differs and matters to no answer (nodes are listed sorted)."""
    return dict(g.nodes(data=True)), list(g.edges(data=True))


def assert_same_networks(store: GraphStore) -> int:
    """Every scope (everything, each province, each plan): summaries == recomputation. Returns edges seen."""
    r = StoreReader(store)
    scopes = [{}] + [{"jurisdiction": j} for j in _jurisdictions(r)]
    scopes += [{"plan_iri": d.iri} for d in store.documents()]
    edges = 0
    for scope in scopes:
        fast = merged_graph(r.network_summaries(**scope))
        slow = coordination_graph(r.participation(**scope))
        assert _snapshot(fast) == _snapshot(slow), scope
        edges += fast.number_of_edges()
    return edges


def test_transactional_loads_keep_the_network_right(extractions):
    store = GraphStore.memory()
    for x in extractions:
        store.load_extraction(x)
    assert assert_same_networks(store) > 0
    assert len(_jurisdictions(StoreReader(store))) > 1


def test_replacing_a_document_replaces_its_contribution(extractions):
    store = GraphStore.memory()
    for x in extractions:
        store.load_extraction(x)
    first = extractions[0]
    fewer = first.model_copy(update={"tasks": first.tasks[: len(first.tasks) // 2]})
    assert store.load_extraction(fewer).changed
    assert_same_networks(store)
    # the summary now counts only the tasks left
    r = StoreReader(store)
    (summary,) = r.network_summaries(plan_iri=r.doc_iri(first.document.id))
    in_store = {r.agent_id(a): n for a, (n, _) in zip(summary["agents"], summary["nodes"], strict=True)}
    expected: dict[str, int] = {}
    for t in fewer.tasks:
        for a in {*t.lead, *t.coordinating, *(x.agent for x in t.assignments)}:
            expected[a] = expected.get(a, 0) + 1
    assert in_store == expected


def test_deleting_a_document_removes_its_contribution(extractions):
    store = GraphStore.memory()
    for x in extractions[:4]:
        store.load_extraction(x)
    before = merged_graph(StoreReader(store).network_summaries())
    gone = extractions[0].document.id
    store.delete_document(gone)
    r = StoreReader(store)
    after = merged_graph(r.network_summaries())
    assert_same_networks(store)
    assert sum(d["weight"] for *_, d in after.edges(data=True)) < sum(
        d["weight"] for *_, d in before.edges(data=True)
    )
    assert all(
        not t.startswith(r.doc_iri(gone) + "/") for *_, d in after.edges(data=True) for t in d["tasks"]
    )


def test_bulk_load_and_repair_keep_summaries(tmp_path, extractions):
    from ontology.mapping import document_graph

    path = tmp_path / "store"
    with GraphStore.open(path) as store:
        graphs = [document_graph(x, store.iris) for x in extractions]
        store.bulk_load_graphs(graphs)
        assert_same_networks(store)
        # every graph's recorded size counts its summary: repair after an interrupted bulk load keeps them all
        assert all(store.graph_size(dg.key) == dg.size for dg in graphs)
    marker = path.with_name(path.name + ".bulk.json")
    marker.write_text(json.dumps([dg.key for dg in graphs]), encoding="utf-8")
    with GraphStore.open(path) as store:
        assert store.count_documents() == len(graphs)
        assert_same_networks(store)


def test_a_store_without_summaries_answers_the_same_and_backfill_stores_them(extractions):
    store = GraphStore.memory()
    for x in extractions:
        store.load_extraction(x)
    kb = KnowledgeBase(StoreReader(store))
    jurisdiction = _jurisdictions(kb.reader)[0]
    expected = coordination_network(kb, jurisdiction=jurisdiction)
    sizes = {d.id: d.triples for d in store.documents()}
    # what a store written before summaries existed looks like
    store.raw.update(
        f"""DELETE {{ GRAPH ?g {{ ?g {V.pg.coordinationSummary} ?s . ?g {V.pg.tripleCount} ?n }} }}
            INSERT {{ GRAPH ?g {{ ?g {V.pg.tripleCount} ?m }} }}
            WHERE {{ GRAPH ?g {{ ?g {V.pg.coordinationSummary} ?s ; {V.pg.tripleCount} ?n BIND(?n - 1 AS ?m) }} }}"""
    )
    assert all(s is None for *_, s in StoreReader(store).summary_rows())
    assert coordination_network(KnowledgeBase(StoreReader(store)), jurisdiction=jurisdiction) == expected
    assert_same_networks(store)
    assert backfill(store) == len(extractions)
    assert backfill(store) == 0
    assert all(s is not None for *_, s in StoreReader(store).summary_rows())
    assert {d.id: d.triples for d in store.documents()} == sizes
    assert all(store.graph_size(k) == n for k, n in sizes.items())
    assert_same_networks(store)


def test_a_summary_of_another_version_is_recomputed(extractions):
    store = GraphStore.memory()
    store.load_extraction(extractions[0])
    r = StoreReader(store)
    g = iri(r.store.iris.graph(extractions[0].document.id))
    store.raw.update(
        f"""DELETE {{ GRAPH {g} {{ {g} {V.pg.coordinationSummary} ?s }} }}
            INSERT {{ GRAPH {g} {{ {g} {V.pg.coordinationSummary} "{{\\"v\\": 0}}" }} }}
            WHERE {{ GRAPH {g} {{ {g} {V.pg.coordinationSummary} ?s }} }}"""
    )
    assert_same_networks(store)
    assert backfill(store) == 1
    assert_same_networks(store)
