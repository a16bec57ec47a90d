"""The task index kept with each document (task tables and page keys) gives the same tasks as reading
them task by task — after transactional loads, replaces, deletes, bulk loads and backfill — and its
pages are in a stable order, never overlap and add up to the total.

The reference is the path the index replaces: ``StoreReader.agent_tasks`` (every task IRI, sorted)
and ``StoreReader.tasks`` (each task's fields by index lookups).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bench.generate import Settings, generate
from graph.model import Extraction
from graph.queries import ROLES, KnowledgeBase, tasks_for_agency
from loaders.extract import extract_file
from ontology.ntriples import V
from ontology.reads import StoreReader
from ontology.store import GraphStore
from ontology.task_index import backfill, page_key, position_of

ROLE_SETS = (ROLES, ("lead",), ("coordinating",))


@pytest.fixture(scope="module")
def extractions(tmp_path_factory) -> list[Extraction]:
    out = tmp_path_factory.mktemp("corpus")
    generate(Settings(seed=5, noise=0.0), 8, out)
    return [extract_file(p) for p in sorted(out.glob("plan-*.md"))]


def _agents(r: StoreReader) -> list[str]:
    q = f"SELECT DISTINCT ?a WHERE {{ GRAPH ?g {{ ?t {V.pg.lead}|{V.pg.coordinating} ?a }} }}"
    return sorted(row["a"].value for row in r.query(q))


def _slow(r: StoreReader, agents: list[str], roles) -> tuple[int, list]:
    total, iris = r.agent_tasks(agents, roles, limit=100_000, offset=0)
    return total, r.tasks(iris)


def assert_index_answers_right(store: GraphStore, *, page: int = 7) -> int:
    """For every agent and role set: the index's pages == the slow path's tasks, no overlap, right
    totals, in page-key order. Returns how many (agent, role set) answers were compared."""
    r = StoreReader(store)
    dates = {d.id: d.date for d in store.documents()}
    seen = 0
    for a in _agents(r):
        for roles in ROLE_SETS:
            total, slow = _slow(r, [a], roles)
            fast, offset = [], 0
            while True:
                found = r.indexed_agent_tasks([a], roles, limit=page, offset=offset)
                assert found is not None
                assert found[0] == total, (a, roles)
                fast += found[1]
                offset += page
                if offset >= total:
                    break
            assert len(fast) == total and len({t.id for t in fast}) == total  # pages never overlap
            assert sorted(fast, key=lambda t: t.id) == sorted(slow, key=lambda t: t.id)
            order = [
                (-(dates[t.plan.id] or dt.date.min).toordinal(), t.plan.id, t.evidence.line_start)
                for t in fast
            ]
            by_doc = [o[:1] for o in order]
            assert by_doc == sorted(by_doc)  # newest documents first
            for doc in {t.plan.id for t in fast}:  # and in the document's order inside each
                lines = [t.evidence.line_start for t in fast if t.plan.id == doc]
                assert lines == sorted(lines)
            seen += 1
    return seen


def test_page_keys_order_documents_newest_first_then_by_position():
    assert page_key("2024-05-01", 3) < page_key("2023-01-01", 0) < page_key(None, 0)
    assert page_key("2024-05-01", 3) < page_key("2024-05-01", 4)
    assert position_of(page_key("2024-05-01", 1234)) == 1234
    assert page_key("not a date", 0) == page_key(None, 0)
    assert page_key("1969-12-31", 0) == page_key("1970-01-01", 0)  # clipped, still before undated
    assert max(page_key(d, (1 << 16) - 1) for d in (None, "1970-01-01", "2100-01-01")) < 2**31
    with pytest.raises(ValueError):
        page_key(None, 1 << 16)


def test_transactional_loads_replace_and_delete_keep_the_index_right(extractions):
    store = GraphStore.memory()
    for x in extractions:
        store.load_extraction(x)
    assert StoreReader(store).task_index_complete()
    assert assert_index_answers_right(store) > 20
    # a replace with fewer tasks: the old keys go with the old graph
    x = extractions[0]
    shorter = x.model_copy(update={"tasks": x.tasks[: len(x.tasks) // 2]})
    store.load_extraction(shorter)
    assert_index_answers_right(store)
    store.delete_document(extractions[1].document.id)
    assert_index_answers_right(store)
    assert StoreReader(store).task_index_complete()


def test_sub_units_and_several_agents_are_counted_once(extractions):
    store = GraphStore.memory()
    for x in extractions:
        store.load_extraction(x)
    r = StoreReader(store)
    agents = _agents(r)[:6]
    total, slow = _slow(r, agents, ROLES)
    found = r.indexed_agent_tasks(agents, ROLES, limit=500, offset=0)
    assert found is not None and found[0] == total > 0
    assert sorted(t.id for t in found[1]) == sorted(t.id for t in slow)


def test_bulk_load_records_sizes_with_the_index(tmp_path, extractions):
    from ontology.mapping import document_graph

    with GraphStore.open(tmp_path / "store") as store:
        graphs = [document_graph(x, store.iris) for x in extractions]
        store.bulk_load_graphs(graphs)
        assert all(store.graph_size(dg.key) == dg.size for dg in graphs)  # repair keeps them
        assert assert_index_answers_right(store, page=50) > 20


def test_a_store_without_the_index_answers_the_same_and_backfill_stores_it(extractions):
    store = GraphStore.memory()
    for x in extractions:
        store.load_extraction(x)
    kb = KnowledgeBase(StoreReader(store))
    a = StoreReader(store).agent_id(_agents(kb.reader)[0])
    before = tasks_for_agency(kb, a, limit=500)
    # what a store written before the index looks like
    keys = f"{V.pg.leadTaskKey}|{V.pg.coordinatingTaskKey}"
    store.raw.update(f"DELETE WHERE {{ GRAPH ?g {{ ?s {V.pg.leadTaskKey} ?k }} }}")
    store.raw.update(f"DELETE WHERE {{ GRAPH ?g {{ ?s {V.pg.coordinatingTaskKey} ?k }} }}")
    store.raw.update(f"DELETE WHERE {{ GRAPH ?g {{ ?g {V.pg.taskTable} ?t }} }}")
    assert not list(store.raw.query(f"SELECT ?k WHERE {{ GRAPH ?g {{ ?s {keys} ?k }} }}"))
    for d in store.documents():  # with the sizes it recorded then
        store.raw.update(
            f"""DELETE {{ GRAPH ?g {{ ?g {V.pg.tripleCount} ?n }} }} INSERT {{ GRAPH ?g {{ ?g {V.pg.tripleCount} ?m }} }}
                WHERE {{ GRAPH ?g {{ ?g {V.pg.tripleCount} ?n BIND({store.graph_size(d.id)} AS ?m) }}
                  FILTER(?g = <{store.iris.graph(d.id)}>) }}"""
        )
    kb.invalidate()
    assert not kb.task_index_ready()
    old = tasks_for_agency(kb, a, limit=500)  # the old path: same tasks, ordered by IRI
    assert old.total == before.total and sorted(old.tasks, key=lambda t: t.id) == sorted(
        before.tasks, key=lambda t: t.id
    )
    assert [t.id for t in old.tasks] == sorted(t.id for t in old.tasks)
    assert backfill(store) == len(extractions)
    assert backfill(store) == 0
    for d in store.documents():  # the recorded sizes count what the backfill added
        assert StoreReader(store).triple_count(store.iris.graph(d.id)) == store.graph_size(d.id)
    kb.invalidate()
    assert kb.task_index_ready()
    assert tasks_for_agency(kb, a, limit=500) == before
    assert_index_answers_right(store)
