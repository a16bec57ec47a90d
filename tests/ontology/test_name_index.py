"""The names summaries kept with each document give the same search indexes as reading every name of
the store — after transactional loads, replaces, deletes, bulk loads, backfill, and the in-memory
updates a server makes after each write (:meth:`graph.queries.KnowledgeBase.apply`).

The reference is the store-wide reading the summaries replace (:meth:`ontology.reads.StoreReader.agents`
and ``all_documents``: every agent's names and a GROUP BY of task counts), with the one choice it
left to the store's iteration order made explicit: an entry's name is the one most documents give.
"""

from __future__ import annotations

from collections import Counter

import pytest

from bench.generate import Settings, generate
from graph.model import Extraction
from graph.queries import KnowledgeBase
from loaders.extract import extract_file
from ontology.mapping import document_graph
from ontology.name_index import backfill, summary_of, summary_of_graph
from ontology.ntriples import V, iri
from ontology.reads import StoreReader
from ontology.store import GraphStore


@pytest.fixture(scope="module")
def extractions(tmp_path_factory) -> list[Extraction]:
    out = tmp_path_factory.mktemp("corpus")
    generate(Settings(seed=5, noise=0.02), 10, out)
    return [extract_file(p) for p in sorted(out.glob("plan-*.md"))]


def _most_given(store: GraphStore, prop: str, cls_filter: str, lang: bool) -> dict[str, str]:
    """Per subject, the value of ``prop`` the most graphs give (ties: the smallest)."""
    filt = 'FILTER(lang(?v) = "vi")' if lang else ""
    q = f"""SELECT ?s ?v (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ {cls_filter} ?s {prop} ?v {filt} }} }}
            GROUP BY ?s ?v"""
    counts: dict[str, Counter] = {}
    for r in store.query(q):
        counts.setdefault(r["s"].value, Counter())[r["v"].value] = int(r["n"].value)
    return {s: min((-n, v) for v, n in c.items())[1] for s, c in counts.items()}


def reference(store: GraphStore) -> tuple[dict, dict]:
    """(agents, documents) as {id: (kind, label, names, weight)} from the store-wide reading."""
    r = StoreReader(store)
    typed = f"{{ ?s a {V.pg.Agency} }} UNION {{ ?s a {V.pg.AgencyGroup} }}"
    names = _most_given(store, V.skos.prefLabel, typed, lang=True)
    agents = {
        a["id"]: (a["kind"], names.get(a["iri"], a["id"]), tuple(sorted(a["names"])), a["tasks"])
        for a in r.agents()
    }
    labels = _most_given(store, V.rdfs.label, f"?s a {V.eli.LegalResource} .", lang=False)
    docs = {
        d["id"]: ("document", labels.get(d["iri"], d["id"]), tuple(sorted(d["names"])), 0.0)
        for d in r.all_documents()
    }
    return agents, docs


def entries(kb: KnowledgeBase) -> tuple[dict, dict]:
    def of(index):
        return {e.id: (e.kind, e.label, e.names, e.weight) for e in index.entries.values()}

    return of(kb.agents), of(kb.documents)


def assert_same(store: GraphStore, *kbs: KnowledgeBase) -> None:
    expected = reference(store)
    assert entries(KnowledgeBase(StoreReader(store))) == expected
    for kb in kbs:
        assert entries(kb) == expected


def test_loads_replaces_and_deletes_keep_the_indexes_right(extractions):
    store = GraphStore.memory()
    kb = KnowledgeBase(StoreReader(store))  # kept up to date as a server keeps it
    for x in extractions[:5]:
        res = store.load_extraction(x)
        kb.apply(res.id, res.names_before, res.names)
    assert_same(store, kb)
    agents, docs = entries(kb)
    assert len(agents) > 20 and len(docs) > 20
    assert any(kind == "group" for kind, *_ in agents.values())
    assert any(names for _, _, names, _ in agents.values())
    for x in extractions[5:]:
        res = store.load_extraction(x)
        kb.apply(res.id, res.names_before, res.names)
    # replace a document with one of fewer tasks and agencies, then delete two
    first = extractions[0]
    fewer = first.model_copy(update={"tasks": first.tasks[:2], "agencies": first.agencies[:3]})
    res = store.load_extraction(fewer)
    assert res.changed and res.names_before is not None and res.names != res.names_before
    kb.apply(res.id, res.names_before, res.names)
    assert_same(store, kb)
    for x in extractions[1:3]:
        kb.apply(x.document.id, store.delete_document(x.document.id), None)
    assert_same(store, kb)


def test_search_answers_stay_the_same_after_writes(extractions):
    store = GraphStore.memory()
    kb = KnowledgeBase(StoreReader(store))
    for x in extractions[:6]:
        store.load_extraction(x)
    _ = kb.agents, kb.documents  # built now; updated by apply from here on
    for x in extractions[6:]:
        res = store.load_extraction(x)
        kb.apply(res.id, res.names_before, res.names)
    kb.apply(extractions[0].document.id, store.delete_document(extractions[0].document.id), None)
    fresh = KnowledgeBase(StoreReader(store))
    queries = [a.name for x in extractions[1:] for a in x.agencies[:3]]
    queries += ["so tt&tt", "ubnd tinh", "cong an", "so ngaoi vu"]
    for q in queries:
        assert kb.agents.search(q) == fresh.agents.search(q), q
    for x in extractions[1:4]:
        sym = x.document.full_symbol or x.document.id
        assert kb.documents.search(sym) == fresh.documents.search(sym)
        assert kb.documents.search(sym)


def test_a_write_the_index_missed_makes_it_rebuild(extractions):
    store = GraphStore.memory()
    for x in extractions[:3]:
        store.load_extraction(x)
    kb = KnowledgeBase(StoreReader(store))
    _ = kb.agents
    missed = store.load_extraction(extractions[3])  # kb not told
    res = store.load_extraction(extractions[4])
    kb.apply(res.id, res.names_before, res.names)
    kb.apply(missed.id, "not the summary it merged", None)  # neither what it holds nor a summary
    assert_same(store, kb)
    # told twice of the same write: the second is a no-op
    kb.apply(res.id, res.names_before, res.names)
    assert_same(store, kb)


def test_bulk_loads_store_the_same_summaries(tmp_path, extractions):
    with GraphStore.open(tmp_path / "store") as store:
        graphs = [document_graph(x, store.iris) for x in extractions]
        store.bulk_load_graphs(graphs)
        assert all(store.graph_size(dg.key) == dg.size for dg in graphs)
        assert_same(store)
        # the summary read back from the stored graph is the one written with it
        for dg in graphs:
            assert summary_of_graph(store.raw, dg.graph) == summary_of(dg.lines)


def test_a_store_without_summaries_answers_the_same_and_backfill_stores_them(extractions):
    store = GraphStore.memory()
    for x in extractions:
        store.load_extraction(x)
    expected = entries(KnowledgeBase(StoreReader(store)))
    sizes = {d.id: d.triples for d in store.documents()}
    store.raw.update(  # what a store written before names summaries looks like
        f"""DELETE {{ GRAPH ?g {{ ?g {V.pg.namesSummary} ?s . ?g {V.pg.tripleCount} ?n }} }}
            INSERT {{ GRAPH ?g {{ ?g {V.pg.tripleCount} ?m }} }}
            WHERE {{ GRAPH ?g {{ ?g {V.pg.namesSummary} ?s ; {V.pg.tripleCount} ?n BIND(?n - 1 AS ?m) }} }}"""
    )
    assert all(s is None for _, s in StoreReader(store).names_summary_rows())
    assert entries(KnowledgeBase(StoreReader(store))) == expected
    assert backfill(store) == len(extractions)
    assert backfill(store) == 0
    assert {d.id: d.triples for d in store.documents()} == sizes
    assert all(store.graph_size(k) == n for k, n in sizes.items())
    assert entries(KnowledgeBase(StoreReader(store))) == expected
    assert_same(store)


def test_a_summary_of_another_version_is_recomputed(extractions):
    store = GraphStore.memory()
    store.load_extraction(extractions[0])
    expected = entries(KnowledgeBase(StoreReader(store)))
    g = iri(store.iris.graph(extractions[0].document.id))
    store.raw.update(
        f"""DELETE {{ GRAPH {g} {{ {g} {V.pg.namesSummary} ?s }} }}
            INSERT {{ GRAPH {g} {{ {g} {V.pg.namesSummary} "{{\\"v\\": 0}}" }} }}
            WHERE {{ GRAPH {g} {{ {g} {V.pg.namesSummary} ?s }} }}"""
    )
    assert entries(KnowledgeBase(StoreReader(store))) == expected
    assert backfill(store) == 1
    assert entries(KnowledgeBase(StoreReader(store))) == expected


def test_the_default_year_follows_writes_without_a_listing(extractions):
    import datetime as dt

    store = GraphStore.memory()
    kb = KnowledgeBase(StoreReader(store))
    for x in extractions[:4]:
        store.load_extraction(x)
    first = kb.default_year()
    assert first == KnowledgeBase(StoreReader(store)).default_year()
    later = first + 7
    for x in extractions[:3]:  # three of four plans move to a later year: it becomes the default
        moved = x.model_copy(
            update={"document": x.document.model_copy(update={"date": dt.date(later, 5, 1)})}
        )
        res = store.load_extraction(moved)
        kb.apply(res.id, res.names_before, res.names)
    assert kb.default_year() == later == KnowledgeBase(StoreReader(store)).default_year()
    for x in extractions[:3]:
        kb.apply(x.document.id, store.delete_document(x.document.id), None)
    left = extractions[3].document.date.year  # the one plan left
    assert kb.default_year() == left == KnowledgeBase(StoreReader(store)).default_year()
