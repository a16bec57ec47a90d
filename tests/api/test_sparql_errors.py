"""/sparql error paths: every one is problem+json with one line of detail, no path, no traceback."""

from __future__ import annotations

import pytest

from ontology.sparql.endpoint import MAX_QUERY_BYTES
from tests.api.sparql_helpers import PG, SEED_TASKS, TASKS, client_for, problem, rows, seed_store

UPDATES = [
    "INSERT DATA { <https://example.org/s> <https://example.org/p> 1 }",
    PG + "DELETE WHERE { ?t a pg:Task }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "WITH <https://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <https://example.org/data.ttl>",
    "LOAD SILENT <https://example.org/data.ttl> INTO GRAPH <https://example.org/g>",
    "CLEAR ALL",
    "clear default",
    "CREATE GRAPH <https://example.org/g>",
    "DROP GRAPH <https://w3id.org/plangraph/graph/vn/ubnd-ha-noi/kh/2022/94>",
    "DROP ALL",
    "COPY DEFAULT TO <https://example.org/g>",
    "MOVE <https://example.org/a> TO <https://example.org/b>",
    "ADD <https://example.org/a> TO <https://example.org/b>",
    "# a comment first\nPREFIX ex: <https://example.org/>\n  InSeRt  DATA { ex:s ex:p ex:o }",
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
]
SERVICES = [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { sErViCe\n\t<http://example.org/sparql>{?s ?p ?o} }",
    "SELECT * WHERE { ?s ?p ?o . SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o #} SERVICE?\n SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { { SELECT ?s WHERE { OPTIONAL { SERVICE <http://example.org/sparql> { ?s ?p ?o } } } } }",
    "ASK { FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { MINUS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }",
    "DESCRIBE ?s WHERE { ?s ?p ?o { SERVICE <http://example.org/sparql> { ?s ?p ?o } } UNION { } }",
    "SELECT * WHERE { \\u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERV\\u0049CE <http://example.org/sparql> { ?s ?p ?o } }",
    "PREFIX : <http://example.org/> SELECT * WHERE { SERVICE:sparql { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p trueSERVICE <http://example.org/sparql> { ?a ?b ?c } }",
    "SELECT * WHERE { ?s ?p 1SERVICE <http://example.org/sparql> { ?a ?b ?c } }",
    "SELECT * WHERE { ?s ?p ?o . SERVICESILENT <http://example.org/sparql> { ?a ?b ?c } }",
    "SELECT * WHERE { FILTER(1<2)SERVICE?x#>\n{ ?a ?b ?c } }",
    "SELECT * WHERE { FILTER(?a<'x>')SERVICE<http://example.org/sparql>{?a ?b ?c}#'\n}",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return seed_store(tmp_path_factory.mktemp("sparql-errors") / "store")


@pytest.fixture(scope="module")
def client(store):
    with client_for(store) as c:
        yield c


def get(client, query: str, **kwargs):
    return client.get("/sparql", params={"query": query}, **kwargs)


def test_a_syntax_error_gets_oxigraphs_message_on_one_line(client):
    body = problem(get(client, "SELECT * WHERE { ?s ?p ?o "), 400, "query-syntax-error")
    assert body["detail"].startswith("SPARQL syntax error: error at 1:") and "expected" in body["detail"]
    problem(client.post("/sparql", data={"query": "SELEKT ?x WHERE {}"}), 400, "query-syntax-error")


@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_and_change_nothing(client, update):
    before = client.get("/health").json()["triples"]
    problem(get(client, update), 400, "update-refused")
    problem(client.post("/sparql", data={"query": update}), 400, "update-refused")
    assert client.get("/health").json()["triples"] == before


def test_the_update_operation_is_refused_in_every_form(client):
    problem(client.post("/sparql", data={"update": "DROP ALL"}), 400, "update-refused")
    problem(client.get("/sparql", params={"update": "DROP ALL"}), 400, "update-refused")
    r = client.post("/sparql", content=b"DROP ALL", headers={"Content-Type": "application/sparql-update"})
    problem(r, 400, "update-refused")
    assert len(rows(get(client, TASKS))) == SEED_TASKS


@pytest.mark.parametrize("query", SERVICES)
def test_service_is_refused_however_it_is_spelt(client, query):
    body = problem(get(client, query), 400, "service-refused")
    assert "SERVICE" in body["detail"]


def test_syntax_outside_sparql_11_is_refused(client):
    # SPARQL-star: Oxigraph would run it, but the structural guard cannot inspect it
    query = "SELECT * WHERE { << ?s ?p ?o >> ?q ?r }"
    problem(get(client, query), 400, "unsupported-syntax")


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({}, "'query' parameter is required"),
        ({"query": ["ASK {}", "ASK {}"]}, "exactly one"),
        ({"query": "   "}, "empty"),
        ({"query": TASKS, "format": "png"}, "unknown result format"),
    ],
)
def test_malformed_requests(client, params, detail):
    body = problem(client.get("/sparql", params=params), 400, "invalid-input")
    assert detail in body["detail"]


def test_two_queries_across_url_and_form_are_refused(client):
    r = client.post("/sparql?query=ASK%20%7B%7D", data={"query": "ASK {}"})
    problem(r, 400, "invalid-input")


@pytest.mark.parametrize(
    ("query", "accept", "params"),
    [
        (TASKS, "image/png", {}),
        (TASKS, "text/turtle", {}),
        (PG + "CONSTRUCT WHERE { ?t a pg:Task }", "text/csv", {}),
        (PG + "CONSTRUCT WHERE { ?t a pg:Task }", "*/*", {"format": "csv"}),
        ("ASK { ?s ?p ?o }", "text/turtle, application/n-triples", {}),
        (TASKS, "application/sparql-results+json;q=0", {"format": None}),
    ],
)
def test_unsupported_accept_is_406(client, query, accept, params):
    params = {k: v for k, v in params.items() if v is not None}
    r = client.get("/sparql", params={"query": query, **params}, headers={"Accept": accept})
    body = problem(r, 406, "not-acceptable")
    assert "can answer with" in body["detail"]


def test_too_long_queries_are_413(client):
    long = TASKS + " #" + "x" * MAX_QUERY_BYTES
    problem(client.post("/sparql", data={"query": long}), 413, "query-too-large")
    r = client.post("/sparql", content=long.encode(), headers={"Content-Type": "application/sparql-query"})
    problem(r, 413, "query-too-large")
    # multi-byte characters count as bytes
    vietnamese = TASKS + " #" + "ệ" * (MAX_QUERY_BYTES // 2)
    problem(client.post("/sparql", data={"query": vietnamese}), 413, "query-too-large")
    huge = b"query=" + b"%41" * (MAX_QUERY_BYTES * 4)
    r = client.post("/sparql", content=huge, headers={"Content-Type": "application/x-www-form-urlencoded"})
    problem(r, 413, "query-too-large")


def test_a_query_just_under_the_limit_runs(client):
    query = TASKS + " #" + "x" * (MAX_QUERY_BYTES - len(TASKS) - 10)
    assert len(rows(client.post("/sparql", data={"query": query}))) == SEED_TASKS


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/json", "multipart/form-data"])
def test_other_post_bodies_are_415(client, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    r = client.post("/sparql", content=TASKS.encode(), headers=headers)
    problem(r, 415, "unsupported-media-type")


def test_a_body_that_is_not_utf8_is_400(client):
    r = client.post(
        "/sparql",
        content="ASK { ?s ?p 'ệ' }".encode("utf-16"),
        headers={"Content-Type": "application/sparql-query"},
    )
    assert "UTF-8" in problem(r, 400, "invalid-input")["detail"]


def test_a_failing_store_answers_503_without_its_path(tmp_path):
    store = seed_store(tmp_path / "store")
    with client_for(store) as c:
        assert len(rows(get(c, TASKS))) == SEED_TASKS
        for child in (tmp_path / "store").iterdir():  # the files vanish under the server
            child.unlink()
        body = problem(get(c, TASKS + " LIMIT 1"), 503, "query-failed", leaks=(str(tmp_path),))
        assert body["detail"] == "the store could not answer this query"
