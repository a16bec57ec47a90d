"""The push, asserted statement by statement on a recording driver (no server here)."""

from __future__ import annotations

import datetime as dt

import pytest
from neo4j.exceptions import ClientError, ServiceUnavailable

from graph.errors import NotFound, PlangraphError
from loaders.extract import extract_file
from loaders.neo4j import cypher, push
from loaders.neo4j.model import document_projection
from loaders.neo4j.sink import Neo4jSink
from loaders.neo4j.statements import document_statements, schema_statements
from ontology.store import GraphStore
from tests.conftest import SEED
from tests.loaders.neo4j_support import RecordingDriver, assert_valid_cypher
from tests.ontology import fixtures as fx

K94, K95 = "vn/ubnd-ha-noi/kh/2022/94", "vn/ubnd-ha-noi/kh/2022/95"


def fixture_store(*numbers: str) -> GraphStore:
    store = GraphStore.memory()
    for n in numbers or ("94",):
        store.load_extraction(fx.make_extraction(n))
    return store


def hash_answer(store: GraphStore):
    """A driver answer: Neo4j already holds the store's version of every document."""
    hashes = {store.iris.graph(d.id): store.stored_hash(d.id) for d in store.documents()}

    def answer(query, params):
        if query == cypher.stored_hash():
            return [{"content_hash": hashes[params["graph"]]}]
        return None

    return answer


def test_the_exact_statements_of_a_push():
    store = fixture_store()
    driver = RecordingDriver()
    report = push(store, driver)
    doc = document_projection(store, K94)
    expected = document_statements(doc)
    # 1. constraints and indexes, auto-commit, before anything else
    schema = [s.text for s in schema_statements()]
    assert driver.queries()[: len(schema)] == schema
    assert (
        schema[0] == "CREATE CONSTRAINT resource_iri IF NOT EXISTS FOR (n:Resource) REQUIRE n.iri IS UNIQUE"
    )
    assert all(c.kind == "auto" for c in driver.calls[: len(schema)])
    # 2. the stored hash is read, 3. then ONE write transaction: delete, then MERGE batches
    read = driver.calls[len(schema)]
    assert (read.kind, read.query, read.params) == (
        "read",
        cypher.stored_hash(),
        {"graph": store.iris.graph(K94)},
    )
    writes = driver.writes()
    assert [(c.query, c.params) for c in writes] == [(s.text, s.params) for s in expected]
    assert len({c.tx for c in writes}) == 1 and driver.committed == [1, 2] and driver.rolled_back == []
    assert writes[0].query == "MATCH (n:Resource {doc: $doc})\nDETACH DELETE n" and writes[0].params == {
        "doc": K94
    }
    assert writes[1].query == "MATCH (:Resource {iri: $plan})-[r]->()\nDELETE r"
    assert writes[1].params == {"plan": store.iris.document(K94)}
    assert report.written == [K94] and report.ok
    assert report.statements == len(schema) + 1 + len(expected)
    assert report.rows == len(doc.nodes) + len(doc.rels)


def test_a_task_row_and_a_lead_row_as_sent():
    store = fixture_store()
    driver = RecordingDriver()
    push(store, driver)
    task_stmt = next(c for c in driver.writes() if c.query == cypher.merge_nodes(("Resource", "Task")))
    assert task_stmt.query == (
        "UNWIND $rows AS row\nMERGE (n:Resource {iri: row.iri})\nSET n:Task\nSET n += row.props\n"
        "RETURN count(n) AS written"
    )
    i1 = next(r for r in task_stmt.params["rows"] if r["iri"] == store.iris.task(K94, "I.1"))
    assert i1["props"] == {
        "coordinating_as_written": "Ban Tuyên giáo Thành ủy và các cơ quan, đơn vị liên quan",
        "description": "Thực hiện chức năng quản lý nhà nước về thông tin đối ngoại trên địa bàn thành phố Hà Nội.",
        "doc": K94,
        "end": dt.date(2022, 12, 31),
        "lead_as_written": "Sở Thông tin và Truyền thông",
        "line_end": 180,
        "line_start": 180,
        "name_vi": "Nhiệm vụ I.1 (94/KH-UBND)",
        "origin": "table",
        "quote": "Thực hiện chức năng quản lý nhà nước về thông tin đối ngoại",
        "row_label": "I.1",
        "section": "I",
        "start": dt.date(2022, 1, 1),
        "timeline_as_written": "Trong năm 2022",
    }
    lead_stmt = next(c for c in driver.writes() if c.query == cypher.merge_relationships("LEAD"))
    assert lead_stmt.query == (
        "UNWIND $rows AS row\nMATCH (a:Resource {iri: row.start})\nMATCH (b:Resource {iri: row.end})\n"
        "MERGE (a)-[r:LEAD]->(b)\nSET r += row.props\nRETURN count(r) AS written"
    )
    row = next(r for r in lead_stmt.params["rows"] if r["start"] == store.iris.task(K94, "I.1"))
    assert row == {
        "start": store.iris.task(K94, "I.1"),
        "end": store.iris.agency(fx.SO_TTTT),
        "props": {
            "as_written": "Sở Thông tin và Truyền thông",
            "doc": K94,
            "inferred": False,
            "iri": store.iris.assignment(K94, "I.1", "lead", fx.SO_TTTT),
            "line_end": 180,
            "line_start": 180,
            "quote": "Sở Thông tin và Truyền thông",
            "row": "I.1",
        },
    }
    inferred = next(r for r in lead_stmt.params["rows"] if r["start"] == store.iris.task(K94, "II.1"))
    assert inferred["props"]["inferred"] is True


def test_values_are_parameters_never_cypher_text():
    store = fixture_store()
    driver = RecordingDriver()
    push(store, driver)
    texts = "\n".join(driver.queries())
    values = {store.iris.task(K94, "I.1"), "Sở Thông tin", "94/KH-UBND", K94, "2022", "Hà Nội", "'"}
    assert not [v for v in values if v in texts]


def test_batches_have_at_most_batch_size_rows_and_cover_everything():
    store = fixture_store()
    driver = RecordingDriver()
    report = push(store, driver, batch_size=2)
    doc = document_projection(store, K94)
    batches = [c for c in driver.writes() if "rows" in c.params]
    assert all(1 <= len(c.params["rows"]) <= 2 for c in batches)
    assert sum(len(c.params["rows"]) for c in batches) == report.rows == len(doc.nodes) + len(doc.rels)
    assert len({c.tx for c in driver.writes()}) == 1
    with pytest.raises(ValueError):
        document_statements(doc, 0)


def test_nodes_are_written_before_relationships():
    driver = RecordingDriver()
    push(fixture_store(), driver)
    kinds = ["rel" if "MERGE (a)-[r:" in c.query else "node" for c in driver.writes() if "rows" in c.params]
    assert kinds == sorted(kinds, key=lambda k: k == "rel") and "rel" in kinds


def test_re_pushing_an_unchanged_store_writes_nothing():
    store = fixture_store("94", "95")
    driver = RecordingDriver(answer=hash_answer(store))
    report = push(store, driver)
    assert report.unchanged == [K94, K95] and report.written == [] and report.ok
    assert driver.writes() == [] and [c.kind for c in driver.calls].count("read") == 2


def test_force_rewrites_unchanged_documents():
    store = fixture_store()
    driver = RecordingDriver(answer=hash_answer(store))
    report = push(store, driver, force=True)
    assert report.written == [K94] and driver.writes() and not [c for c in driver.calls if c.kind == "read"]


def test_a_newer_version_replaces_its_tasks_and_assignments():
    store = fixture_store()
    old = RecordingDriver()
    push(store, old)
    newer = fx.make_extraction("94")
    newer.tasks = [t for t in newer.tasks if t.id != "I.2"]
    store.load_extraction(newer)
    answer = {"content_hash": "the-old-version"}
    driver = RecordingDriver(answer=lambda q, p: [answer] if q == cypher.stored_hash() else None)
    report = push(store, driver)
    assert report.written == [K94]
    writes = driver.writes()
    # in one transaction: first the old version's own nodes (and so its assignments) go ...
    assert [c.query for c in writes[:2]] == [cypher.delete_document(), cypher.delete_plan_relationships()]
    assert len({c.tx for c in writes}) == 1
    # ... then the new version is merged, without the dropped task or its assignments
    sent = [r for c in writes if "rows" in c.params for r in c.params["rows"]]
    gone = store.iris.task(K94, "I.2")
    assert not [r for r in sent if gone in (r.get("iri"), r.get("start"), r.get("end"))]
    assert any(r.get("iri") == store.iris.task(K94, "I.1") for r in sent)


def test_a_failure_mid_push_is_reported_with_what_was_written():
    store = fixture_store("94", "95")

    def fail(query, params):
        if params.get("doc") == K95:
            return ClientError("Neo.ClientError.Statement.SyntaxError: boom")
        return None

    driver = RecordingDriver(fail_on=fail)
    report = push(store, driver)
    assert report.written == [K94] and [k for k, _ in report.failed] == [K95] and not report.ok
    assert driver.rolled_back == [4] and driver.committed == [1, 2, 3]
    line = report.summary()
    assert "1 document(s) written" in line and "1 failed" in line and f"failed: {K95}" in line
    assert f"written: {K94}" in line and "\n" not in line


def test_a_server_gone_mid_push_stops_and_says_what_was_not_attempted():
    store = fixture_store("94", "95", "96")
    driver = RecordingDriver(
        fail_on=lambda q, p: ServiceUnavailable("connection lost") if p.get("doc") == K95 else None
    )
    report = push(store, driver)
    assert report.written == [K94] and report.failed == [(K95, "connection lost")]
    assert report.not_attempted == ["vn/ubnd-ha-noi/kh/2022/96"]


def test_a_batch_that_writes_fewer_rows_than_sent_fails_the_document():
    driver = RecordingDriver(
        answer=lambda q, p: [{"written": len(p["rows"]) - 1}] if "MERGE (a)-[r:LEAD]" in q else None
    )
    report = push(fixture_store(), driver)
    [(key, reason)] = report.failed
    assert key == K94 and "wrote" in reason and "merge_relationships LEAD" in reason
    assert driver.rolled_back and not report.written


def test_schema_failure_is_one_error_and_nothing_is_written():
    driver = RecordingDriver(
        fail_on=lambda q, p: ClientError("no rights") if q.startswith("CREATE") else None
    )
    with pytest.raises(PlangraphError, match="constraints and indexes: no rights"):
        push(fixture_store(), driver)
    assert driver.writes() == []


def test_the_database_setting_reaches_every_session_and_unknown_documents_fail():
    driver = RecordingDriver()
    push(fixture_store(), driver, database="plans")
    assert set(driver.databases) == {"plans"}
    with pytest.raises(NotFound):
        push(fixture_store(), RecordingDriver(), keys=["vn/nope/kh/2022/1"])


def test_the_sink_writes_documents_and_finalizes_a_report():
    store = fixture_store("94", "95")
    sink = Neo4jSink(RecordingDriver(), batch_size=10)
    for d in store.documents():
        assert sink.write(document_projection(store, d.id)) == "written"
    assert sink.finalize().written == [K94, K95]


def test_every_push_statement_passes_neo4j_grammar():
    store = GraphStore.memory()
    store.load_extraction(extract_file(SEED))
    store.load_extraction(fx.make_extraction("95"))
    queries = [s.text for s in schema_statements()] + [cypher.stored_hash()]
    for d in store.documents():
        queries += [s.text for s in document_statements(document_projection(store, d.id), 100)]
    assert len(set(queries)) > 30
    assert_valid_cypher(sorted(set(queries)))


def _expected(store: GraphStore):
    """The merged projection as the simulation stores it."""
    from loaders.neo4j.model import merge, project_store

    nodes, rels = merge(project_store(store))
    return (
        {n.iri: (tuple(sorted(n.labels)), {"iri": n.iri, **n.props}) for n in nodes},
        {r.key: r.props for r in rels},
    )


def test_pushing_gives_the_projection_and_a_newer_version_leaves_exactly_itself():
    """With the statements' meaning applied (SimulatedGraph): push ≡ export, and v1 then v2 ≡ v2 alone."""
    from tests.loaders.neo4j_support import SimulatedGraph

    store = fixture_store("94", "95")
    graph = SimulatedGraph()
    push(store, RecordingDriver(answer=graph.answer))
    assert graph.state() == _expected(store)
    newer = fx.make_extraction("95")
    newer.tasks = [t for t in newer.tasks if t.id != "I.2"]
    newer.tasks[0].coordinating = []
    newer.tasks[0].assignments = [a for a in newer.tasks[0].assignments if a.role == "lead"]
    newer.cited_documents = [d for d in newer.cited_documents if d.id != fx.KH_146]
    newer.tasks = [t.model_copy(update={"cites": []}) for t in newer.tasks]
    store.load_extraction(newer)
    report = push(store, RecordingDriver(answer=graph.answer))
    assert report.written == [K95] and report.unchanged == [K94]
    nodes, rels = graph.state()
    want_nodes, want_rels = _expected(store)
    assert rels == want_rels
    # shared nodes stay (documented): only the cited document no version mentions any more is extra
    assert {i: n for i, n in nodes.items() if i in want_nodes} == want_nodes
    assert set(nodes) - set(want_nodes) <= {store.iris.document(fx.KH_146)}
