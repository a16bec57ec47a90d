"""The app frame: /health, OpenAPI docs and one problem+json shape for errors."""

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from loaders.extract import extract_file
from ontology.store import GraphStore

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


@pytest.fixture
def client(seed_path):
    store = GraphStore.memory()
    store.load_extraction(extract_file(seed_path))
    with TestClient(create_app(Settings(), store=store)) as c:
        yield c


def test_health(client):
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["documents"] == 1 and body["triples"] > 100


def test_openapi_and_docs(client):
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert "/health" in spec["paths"]
    assert spec["paths"]["/health"]["get"]["operationId"] == "health"


def test_unknown_route_is_problem_json(client):
    r = client.get("/no/such/thing")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    assert PROBLEM_KEYS <= set(r.json())


def test_domain_errors_map_to_problem_json():
    from graph.errors import NotFound

    app = create_app(Settings(), store=GraphStore.memory())

    @app.get("/boom")
    def boom():
        raise NotFound("no agency 'x'")

    @app.get("/crash")
    def crash():
        raise RuntimeError("/secret/path leaked?")

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/boom")
        assert r.status_code == 404 and r.json()["detail"] == "no agency 'x'"
        assert PROBLEM_KEYS <= set(r.json())
        r = c.get("/crash")
        assert r.status_code == 500 and "/secret" not in r.text and "Traceback" not in r.text
        assert PROBLEM_KEYS <= set(r.json())


def test_server_opens_store_from_settings(tmp_path, seed_path):
    settings = Settings(store=tmp_path / "s")
    store = GraphStore.open(settings.store)
    store.load_extraction(extract_file(seed_path))
    del store
    import gc

    gc.collect()
    with TestClient(create_app(settings)) as c:
        assert c.get("/health").json()["documents"] == 1


def test_server_merges_the_name_indexes_in_the_background(tmp_path, seed_path):
    settings = Settings(store=tmp_path / "s")
    with GraphStore.open(settings.store) as store:
        store.load_extraction(extract_file(seed_path))
    with TestClient(create_app(settings)) as c:
        kb = c.app.state.kb
        hits = c.get("/agencies", params={"q": "so ngoai vu"}).json()
        assert hits and hits[0]["id"] == "ha-noi/so-ngoai-vu"
        assert c.app.state.kb is kb and kb._tally is not None
