"""Nothing a query does reaches outside the store: proved against a recording server on loopback.

The server listens on 127.0.0.1 inside the test; no request ever leaves the machine. Each test
checks that it received nothing.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.api.sparql_helpers import PG, SEED_GRAPH, LoopbackServer, client_for, problem, rows, seed_store


def _namespaces_allowed() -> bool:
    probe = "from ontology.sparql.isolation import isolate_network as i, network_is_isolated as n; print(i() and n())"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    return out.stdout.strip() == "True"


NAMESPACES = _namespaces_allowed()


@pytest.fixture
def remote():
    server = LoopbackServer()
    yield server
    server.close()


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with client_for(seed_store(tmp_path_factory.mktemp("sparql-net") / "store")) as c:
        yield c


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}sparql> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ SERVICE SILENT <{url}sparql> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ VALUES ?e {{ <{url}sparql> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        "ASK {{ ?s ?p trueSERVICE <{url}sparql> {{ ?a ?b ?c }} }}",
        "SELECT * WHERE {{ FILTER(?a<'x>')SERVICE<{url}sparql>{{?a ?b ?c}}#'\n}}",
    ],
)
def test_service_never_reaches_the_remote(client, remote, template):
    problem(client.get("/sparql", params={"query": template.format(url=remote.url)}), 400, "service-refused")
    assert remote.hits == []


@pytest.mark.parametrize("clause", ["FROM", "FROM NAMED"])
def test_from_names_a_graph_it_never_fetches(client, remote, clause):
    query = (
        f"SELECT * FROM <{remote.url}data.ttl> WHERE {{ {{ ?s ?p ?o }} UNION {{ GRAPH ?g {{ ?s ?p ?o }} }} }}"
    )
    assert rows(client.get("/sparql", params={"query": query.replace("FROM", clause, 1)})) == []
    r = client.get(
        "/sparql", params={"query": PG + "ASK { ?t a pg:Task }", "default-graph-uri": f"{remote.url}g"}
    )
    assert r.json()["boolean"] is False
    assert remote.hits == []


def test_describe_of_a_remote_iri_fetches_nothing(client, remote):
    r = client.get("/sparql", params={"query": f"DESCRIBE <{remote.url}thing>"})
    assert r.status_code == 200 and remote.hits == []
    assert client.get("/sparql", params={"query": f"ASK {{ GRAPH <{SEED_GRAPH}> {{ ?s ?p ?o }} }}"}).json()[
        "boolean"
    ]


@pytest.mark.skipif(not NAMESPACES, reason="this system forbids network namespaces")
def test_an_isolated_worker_cannot_connect_even_if_a_service_slipped_through(remote):
    """The last layer on its own: Oxigraph asked directly to run SERVICE, inside the isolation."""
    script = textwrap.dedent(
        f"""
        import pyoxigraph
        from ontology.sparql.isolation import isolate_network
        assert isolate_network()
        try:
            list(pyoxigraph.Store().query("SELECT * WHERE {{ SERVICE <{remote.url}sparql> {{ ?s ?p ?o }} }}"))
            print("answered")
        except Exception as exc:
            print("failed:", exc)
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.stdout.startswith("failed:"), out.stdout + out.stderr
    assert remote.hits == []


def test_without_isolation_oxigraph_would_connect(remote):
    """Why the guard matters: pyoxigraph has an HTTP client and runs SERVICE when asked."""
    script = textwrap.dedent(
        f"""
        import pyoxigraph
        try:
            list(pyoxigraph.Store().query("SELECT * WHERE {{ SERVICE <{remote.url}sparql> {{ ?s ?p ?o }} }}"))
        except Exception:
            pass
        """
    )
    subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert remote.hits, "pyoxigraph no longer calls SERVICE endpoints: the docs can say so"


@pytest.mark.skipif(not NAMESPACES, reason="this system forbids network namespaces")
def test_the_endpoints_workers_run_isolated(client):
    assert client.get("/sparql", params={"query": "ASK {}"}).status_code == 200
    assert client.app.state.sparql_pool.isolated is True
