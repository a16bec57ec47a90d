"""/sparql: the protocol (GET, both POSTs), every result format, the default graph, the dataset.

The real seed in an on-disk store held read-write by the app, as `plangraph serve` holds it;
queries run in the app's worker processes. No mocks.
"""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from rdflib import Graph

from tests.api.sparql_helpers import PG, SEED_GRAPH, SEED_TASKS, TASKS, client_for, problem, rows, seed_store
from tests.ontology import fixtures as fx

SO_NGOAI_VU = "https://w3id.org/plangraph/id/org/ha-noi/so-ngoai-vu"
CONSTRUCT = PG + "CONSTRUCT { ?t pg:rowLabel ?row } WHERE { ?t a pg:Task ; pg:rowLabel ?row }"
RESULTS_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return seed_store(tmp_path_factory.mktemp("sparql") / "store")


@pytest.fixture(scope="module")
def client(store):
    with client_for(store) as c:
        yield c


def select(client, query: str, **params):
    return client.get("/sparql", params={"query": query, **params})


# -- the protocol --------------------------------------------------------------------------------
def test_get_select_answers_sparql_json_by_default(client):
    r = select(client, TASKS)
    assert r.headers["content-type"] == "application/sparql-results+json"
    assert r.json()["head"]["vars"] == ["t"]
    assert len(rows(r)) == SEED_TASKS
    assert r.headers["vary"] == "Accept"
    assert r.headers["plangraph-result-count"] == str(SEED_TASKS)
    assert r.headers["plangraph-result-limit"] == "10000"
    assert r.headers["plangraph-result-truncated"] == "false"


def test_post_form_and_post_query_body_answer_like_get(client):
    expected = sorted(r["t"] for r in rows(select(client, TASKS)))
    form = client.post("/sparql", data={"query": TASKS})
    body = client.post(
        "/sparql", content=TASKS.encode("utf-8"), headers={"Content-Type": "application/sparql-query"}
    )
    charset = client.post(
        "/sparql", content=TASKS.encode(), headers={"Content-Type": "application/sparql-query; charset=utf-8"}
    )
    for r in (form, body, charset):
        assert sorted(x["t"] for x in rows(r)) == expected


@pytest.mark.parametrize("media_type", list(RESULTS_FORMATS))
def test_select_in_every_results_format(client, media_type):
    query = PG + "SELECT ?t ?row WHERE { ?t a pg:Task ; pg:rowLabel ?row }"
    r = client.get("/sparql", params={"query": query}, headers={"Accept": media_type})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media_type
    if media_type == "text/csv":  # lossy, so pyoxigraph does not read it back: the csv module does
        got = {(row["t"], row["row"]) for row in csv.DictReader(io.StringIO(r.text))}
    else:
        parsed = ox.parse_query_results(r.content, format=RESULTS_FORMATS[media_type])
        got = {(s["t"].value, s["row"].value) for s in parsed}
    assert (
        len(got) == SEED_TASKS
        and ("https://w3id.org/plangraph/id/eli/vn/ubnd-ha-noi/kh/2022/94/task/I-1", "I.1") in got
    )


@pytest.mark.parametrize(
    ("name", "media_type"), [("csv", "text/csv"), ("xml", "application/sparql-results+xml")]
)
def test_the_format_parameter_overrides_accept(client, name, media_type):
    r = client.get(
        "/sparql",
        params={"query": TASKS, "format": name},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == media_type


def test_accept_is_negotiated_with_q_values(client):
    accept = "text/csv;q=0.2, application/sparql-results+xml;q=0.9, */*;q=0.1"
    r = client.get("/sparql", params={"query": TASKS}, headers={"Accept": accept})
    assert r.headers["content-type"] == "application/sparql-results+xml"
    r = client.get("/sparql", params={"query": TASKS}, headers={"Accept": "application/json"})
    assert r.headers["content-type"] == "application/sparql-results+json"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (f"ASK {{ <{SO_NGOAI_VU}> ?p ?o }}", True),
        ("ASK { <https://example.org/nothing> ?p ?o }", False),
    ],
)
@pytest.mark.parametrize("media_type", ["application/sparql-results+json", "application/sparql-results+xml"])
def test_ask(client, query, expected, media_type):
    r = client.get("/sparql", params={"query": query}, headers={"Accept": media_type})
    assert r.status_code == 200 and r.headers["content-type"] == media_type
    assert bool(ox.parse_query_results(r.content, format=RESULTS_FORMATS[media_type])) is expected


@pytest.mark.parametrize("media_type", list(GRAPH_FORMATS))
def test_construct_in_every_graph_format(client, media_type):
    r = client.post("/sparql", data={"query": CONSTRUCT}, headers={"Accept": media_type})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media_type
    g = Graph().parse(data=r.content, format=GRAPH_FORMATS[media_type])
    assert len(g) == SEED_TASKS
    assert r.headers["plangraph-result-count"] == str(SEED_TASKS)


def test_construct_is_turtle_by_default(client):
    r = client.get("/sparql", params={"query": CONSTRUCT})
    assert r.headers["content-type"] == "text/turtle; charset=utf-8"
    assert len(Graph().parse(data=r.text, format="turtle")) == SEED_TASKS


def test_describe(client):
    r = client.get("/sparql", params={"query": f"DESCRIBE <{SO_NGOAI_VU}>"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=r.text, format="turtle")
    labels = {str(o) for s, p, o in g if str(p).endswith("prefLabel")}
    assert "Sở Ngoại vụ thành phố Hà Nội" in labels


# -- the default graph and the dataset ------------------------------------------------------------
def test_the_default_graph_is_the_union_of_the_documents(client):
    assert len(rows(select(client, TASKS))) == SEED_TASKS
    by_graph = PG + "SELECT ?g (COUNT(?t) AS ?n) WHERE { GRAPH ?g { ?t a pg:Task } } GROUP BY ?g"
    assert rows(select(client, by_graph)) == [{"g": SEED_GRAPH, "n": str(SEED_TASKS)}]


def test_protocol_graphs_set_the_dataset(client):
    assert len(rows(select(client, TASKS, **{"default-graph-uri": SEED_GRAPH}))) == SEED_TASKS
    assert rows(select(client, TASKS, **{"default-graph-uri": "https://example.org/other"})) == []
    # only named graphs: an empty default graph, GRAPH sees the named one
    assert rows(select(client, TASKS, **{"named-graph-uri": SEED_GRAPH})) == []
    in_graph = PG + "SELECT ?t WHERE { GRAPH ?g { ?t a pg:Task } }"
    assert len(rows(select(client, in_graph, **{"named-graph-uri": SEED_GRAPH}))) == SEED_TASKS
    # only a default graph: GRAPH sees nothing
    assert rows(select(client, in_graph, **{"default-graph-uri": SEED_GRAPH})) == []


def test_from_clauses_set_the_dataset_and_the_protocol_overrides_them(client):
    from_seed = TASKS.replace("WHERE", f"FROM <{SEED_GRAPH}> WHERE")
    from_other = TASKS.replace("WHERE", "FROM <https://example.org/other> WHERE")
    assert len(rows(select(client, from_seed))) == SEED_TASKS
    assert rows(select(client, from_other)) == []  # no union behind FROM's back
    assert len(rows(select(client, from_other, **{"default-graph-uri": SEED_GRAPH}))) == SEED_TASKS
    post = client.post("/sparql", data={"query": from_other, "default-graph-uri": SEED_GRAPH})
    assert len(rows(post)) == SEED_TASKS


def test_graph_iris_must_be_absolute(client):
    body = problem(select(client, TASKS, **{"default-graph-uri": "not an iri"}), 400, "invalid-input")
    assert "default-graph-uri" in body["detail"]
    problem(select(client, TASKS, **{"named-graph-uri": "relative/graph"}), 400, "invalid-input")


# -- the store behind the endpoint -----------------------------------------------------------------
def test_each_query_sees_what_the_server_store_holds_now(tmp_path):
    store = seed_store(tmp_path / "store")
    count = PG + "SELECT (COUNT(?g) AS ?n) WHERE { GRAPH ?g { ?g a pg:DocumentGraph } }"
    with client_for(store) as c:
        assert rows(select(c, count)) == [{"n": "1"}]
        store.load_extraction(fx.make_extraction("95"))
        assert rows(select(c, count)) == [{"n": "2"}]
        store.delete_document("vn/ubnd-ha-noi/kh/2022/95")
        assert rows(select(c, count)) == [{"n": "1"}]


def test_an_in_memory_store_is_queried_too():
    store = seed_store()
    with client_for(store) as c:
        assert len(rows(select(c, TASKS))) == SEED_TASKS
        store.load_extraction(fx.make_extraction("95"))
        assert len(rows(select(c, TASKS))) > SEED_TASKS
        r = c.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "application/ld+json"})
        assert isinstance(json.load(io.BytesIO(r.content)), list)


# -- OpenAPI ---------------------------------------------------------------------------------------
def test_openapi_documents_both_operations_with_examples(client):
    spec = client.get("/openapi.json").json()
    get, post = spec["paths"]["/sparql"]["get"], spec["paths"]["/sparql"]["post"]
    assert get["operationId"] == "sparql_query_get" and post["operationId"] == "sparql_query_post"
    assert get["tags"] == post["tags"] == ["sparql"]
    [query_param] = [p for p in get["parameters"] if p["name"] == "query"]
    assert "SELECT" in query_param["examples"]["tasks"]["value"]
    body = post["requestBody"]["content"]
    assert {"application/x-www-form-urlencoded", "application/sparql-query"} <= set(body)
    assert "SELECT" in body["application/sparql-query"]["example"]
    for op in (get, post):
        assert {"200", "400", "406", "413", "504"} <= set(op["responses"])
        assert "application/sparql-results+json" in op["responses"]["200"]["content"]
