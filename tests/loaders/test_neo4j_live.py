"""Against a real Neo4j (``NEO4J_URI`` set): the push, idempotence, replacement, the script, the cookbook.

Skipped with the reason when no server is configured. They delete every
``:Resource`` node of the database first: point them at a scratch server
(``docker run -p 7687:7687 -e NEO4J_AUTH=neo4j/secret neo4j:5``).
"""

from __future__ import annotations

import os

import pytest

from loaders.extract import extract_file
from loaders.neo4j import push
from loaders.neo4j.connect import open_driver
from ontology import neo4j_export
from ontology.store import GraphStore
from tests.conftest import SEED
from tests.loaders.neo4j_support import SEED_NODES, SEED_RELS
from tests.loaders.test_neo4j_docs import cypher_blocks
from tests.ontology import fixtures as fx

pytestmark = pytest.mark.neo4j

K95 = "vn/ubnd-ha-noi/kh/2022/95"


@pytest.fixture(scope="module")
def driver():
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip(
            "NEO4J_URI is not set, so no live Neo4j: docker run -p 7687:7687 -e NEO4J_AUTH=neo4j/secret neo4j:5, "
            "then NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=secret pytest -m neo4j"
        )
    d = open_driver(uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD"))
    yield d
    d.close()


def database() -> str | None:
    return os.environ.get("NEO4J_DATABASE") or None


def run(driver, query: str, **params) -> list[dict]:
    records, _, _ = driver.execute_query(query, params, database_=database())
    return [r.data() for r in records]


def clear(driver) -> None:
    run(driver, "MATCH (n:Resource) DETACH DELETE n")


def count(driver, pattern: str) -> int:
    return run(driver, f"MATCH {pattern} RETURN count(*) AS n")[0]["n"]


@pytest.fixture(scope="module")
def seed_store():
    store = GraphStore.memory()
    store.load_extraction(extract_file(SEED))
    return store


@pytest.fixture(scope="module")
def pushed(driver, seed_store):
    clear(driver)
    report = push(seed_store, driver, database=database())
    assert report.ok and report.written == ["vn/ubnd-ha-noi/kh/2022/94"]
    return report


def test_the_seed_has_its_counts_in_neo4j(driver, pushed):
    assert count(driver, "(:Task)") == 54
    assert count(driver, "(:Agency)") == 45
    assert count(driver, "(:LegalDocument)") == 25
    assert count(driver, "()-[:LEAD]->()") == 54
    assert count(driver, "()-[:COORDINATING]->()") == 74
    assert count(driver, "(:Resource)") == SEED_NODES
    assert count(driver, "()-[]->()") == SEED_RELS


def test_re_pushing_is_idempotent(driver, pushed, seed_store):
    again = push(seed_store, driver, database=database())
    assert again.unchanged == ["vn/ubnd-ha-noi/kh/2022/94"] and again.written == []
    forced = push(seed_store, driver, database=database(), force=True)
    assert forced.written == ["vn/ubnd-ha-noi/kh/2022/94"]
    assert count(driver, "(:Resource)") == SEED_NODES and count(driver, "()-[]->()") == SEED_RELS


@pytest.mark.parametrize("query", cypher_blocks("Cookbook"), ids=lambda q: q.split("\n", 1)[0][:50])
def test_every_cookbook_query_answers_on_the_seed(driver, pushed, query):
    rows = run(driver, query)
    assert rows, query


@pytest.mark.parametrize("query", cypher_blocks("Maintenance"), ids=lambda q: q.split("\n", 1)[0][:50])
def test_the_maintenance_queries_run(driver, pushed, query):
    run(driver, query)


def test_a_newer_version_replaces_its_tasks_and_assignments(driver, pushed):
    store = GraphStore.memory()
    store.load_extraction(fx.make_extraction("95"))
    push(store, driver, database=database())
    before = count(driver, f"(t:Task {{doc: '{K95}'}})")
    newer = fx.make_extraction("95")
    newer.tasks = [t for t in newer.tasks if t.id != "I.2"]
    store.load_extraction(newer)
    report = push(store, driver, database=database())
    assert report.written == [K95]
    assert count(driver, f"(t:Task {{doc: '{K95}'}})") == before - 1
    gone = store.iris.task(K95, "I.2")
    assert run(driver, "MATCH (t:Resource {iri: $iri}) RETURN t", iri=gone) == []
    assert count(driver, "(:Task {doc: 'vn/ubnd-ha-noi/kh/2022/94'})") == 54  # the other document untouched


def test_the_cypher_script_gives_the_pushed_graph(driver, seed_store):
    clear(driver)
    for statement in neo4j_export.script_statements(seed_store):
        run(driver, statement)
    assert count(driver, "(:Resource)") == SEED_NODES and count(driver, "()-[]->()") == SEED_RELS
    clear(driver)
