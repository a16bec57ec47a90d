"""Shared by the /sparql tests: a seed store, a client, and the problem+json checks."""

from __future__ import annotations

import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from loaders.extract import extract_file
from ontology.sparql.pool import QueryPool
from ontology.store import GraphStore
from tests.conftest import ROOT, SEED

PG = "PREFIX pg: <https://w3id.org/plangraph/ontology#>\n"
TASKS = PG + "SELECT ?t WHERE { ?t a pg:Task }"
SEED_TASKS = 54
SEED_GRAPH = "https://w3id.org/plangraph/graph/vn/ubnd-ha-noi/kh/2022/94"
#: Must not appear in any error body.
LEAKS = ("Traceback", 'File "', str(ROOT), "site-packages")
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


def seed_store(path: Path | None = None) -> GraphStore:
    """The seed in a store: on disk at ``path`` (as the server holds it), else in memory."""
    store = GraphStore.open(path) if path is not None else GraphStore.memory()
    store.load_extraction(extract_file(SEED))
    return store


def settings(**overrides) -> Settings:
    values = {"sparql_timeout_s": 30.0, "sparql_max_results": 10_000, **overrides}
    return Settings(**values)


@contextmanager
def client_for(store: GraphStore, *, pool_size: int | None = None, **overrides):
    """A client whose app shuts its workers down on exit (``pool_size``: instead of one per core)."""
    app = create_app(settings(**overrides), store=store)
    if pool_size is not None:
        app.state.sparql_pool = QueryPool(size=pool_size)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def pool_of(client: TestClient):
    return client.app.state.sparql_pool


def problem(r, status: int, type_: str | None = None, *, leaks: tuple[str, ...] = ()) -> dict:
    """Assert the one error shape, the status, the type, and that nothing private leaks."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json"), r.headers
    body = r.json()
    assert PROBLEM_KEYS <= set(body), body
    assert body["status"] == status and body["instance"] == "/sparql"
    if type_ is not None:
        assert body["type"] == f"urn:plangraph:error:{type_}", body
    assert "\n" not in body["detail"], body["detail"]
    for leak in (*LEAKS, *leaks):
        assert leak not in r.text, (leak, r.text)
    return body


def rows(r) -> list[dict]:
    """The bindings of a SPARQL JSON answer, as {variable: value}."""
    assert r.status_code == 200, r.text
    return [{k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]]


class LoopbackServer:
    """An HTTP server on 127.0.0.1 that records every request it gets (none should come)."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                hits.append(("GET", self.path))
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.end_headers()
                self.wfile.write(b'{"head":{"vars":[]},"results":{"bindings":[{}]}}')

            def do_POST(self):
                hits.append(("POST", self.path))
                self.do_GET()

            def log_message(self, *args):
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_port}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
