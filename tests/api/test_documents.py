"""/documents: list, upload (X-API-Key or the local hand-off token), delete; one error shape."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from ontology.store import GraphStore
from tests.ontology import fixtures as fx

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}
KEY = "s3cret-key"
PLAN_ID = "vn/ubnd-ha-noi/kh/2022/95"
TOKEN = "local-token"


def client_for(settings: Settings, *, local_token: str | None = None) -> TestClient:
    store = GraphStore.memory()
    store.load_extraction(fx.make_extraction("95"))  # not the seed's id, so uploading the seed adds one
    return TestClient(create_app(settings, store=store, local_token=local_token))


@pytest.fixture
def client():
    with client_for(Settings(api_key=KEY, max_upload_bytes=200_000), local_token=TOKEN) as c:
        yield c


def problem(r, status: int) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert PROBLEM_KEYS <= set(body)
    return body


def upload(c: TestClient, path, key: str | None, name: str | None = None):
    headers = {"X-API-Key": key} if key is not None else {}
    return c.post("/documents", files={"file": (name or path.name, path.read_bytes())}, headers=headers)


def test_list(client):
    body = client.get("/documents").json()
    assert body["total"] == 1
    [doc] = body["documents"]
    assert (
        doc["id"] == "vn/ubnd-ha-noi/kh/2022/95"
        and doc["symbol"] == "95/KH-UBND"
        and doc["date"] == "2022-03-25"
    )
    assert doc["triples"] > 100
    assert client.get("/documents", params={"offset": 1}).json()["documents"] == []
    problem(client.get("/documents", params={"limit": 0}), 422)


@pytest.mark.parametrize("key", [KEY, TOKEN])
def test_upload_with_key_or_token(client, seed_path, key):
    r = upload(client, seed_path, key)
    assert r.status_code == 201, r.text
    assert r.json()["changed"] is True
    assert client.get("/documents").json()["total"] == 2
    assert upload(client, seed_path, key).json()["changed"] is False


def test_upload_keeps_a_vietnamese_file_name(client, seed_path):
    r = upload(client, seed_path, KEY, name="kế-hoạch-94.md")
    assert r.status_code == 201, r.text


@pytest.mark.parametrize("key", [None, "wrong", ""])
def test_upload_without_a_valid_key_is_forbidden(client, seed_path, key):
    body = problem(upload(client, seed_path, key), 403)
    assert "X-API-Key" in body["detail"]
    assert client.get("/documents").json()["total"] == 1


def test_writes_are_disabled_without_a_configured_key(seed_path):
    with client_for(Settings()) as c:
        body = problem(upload(c, seed_path, "anything"), 403)
        assert "disabled" in body["detail"]
        problem(c.delete(f"/documents/{fx.PLAN_ID}", headers={"X-API-Key": "x"}), 403)


def test_the_local_token_works_without_a_configured_key(seed_path):
    with client_for(Settings(), local_token=TOKEN) as c:
        assert upload(c, seed_path, TOKEN).status_code == 201
        problem(upload(c, seed_path, "guess"), 403)


def test_upload_errors(client, tmp_path):
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * 200_001)
    problem(upload(client, big, KEY), 413)
    junk = tmp_path / "shopping.md"
    junk.write_text("milk\neggs\n", encoding="utf-8")
    assert "not a plan" in problem(upload(client, junk, KEY), 422)["detail"]
    exe = tmp_path / "plan.exe"
    exe.write_bytes(b"MZ")
    problem(upload(client, exe, KEY), 422)
    problem(client.post("/documents", headers={"X-API-Key": KEY}), 422)


def test_delete(client):
    problem(client.delete(f"/documents/{PLAN_ID}"), 403)
    r = client.delete(f"/documents/{PLAN_ID}", headers={"X-API-Key": KEY})
    assert r.status_code == 204
    assert client.get("/documents").json()["total"] == 0
    assert (
        "no document"
        in problem(client.delete(f"/documents/{PLAN_ID}", headers={"X-API-Key": KEY}), 404)["detail"]
    )


def test_openapi_documents_the_routes(client):
    spec = client.get("/openapi.json").json()
    ops = {spec["paths"][p][m]["operationId"] for p in spec["paths"] for m in spec["paths"][p]}
    assert {"list_documents", "upload_document", "delete_document"} <= ops


def test_writes_update_the_name_indexes_in_place(client, seed_path):
    """An upload and a delete change what /agencies?q= finds, through KnowledgeBase.apply: the indexes
    built before the writes are updated (the same objects), and agree with indexes built afresh."""
    from graph.queries import KnowledgeBase
    from ontology.reads import StoreReader

    assert client.get("/agencies", params={"q": "so ngoai vu"}).status_code == 200
    kb = client.app.state.kb
    index = kb.agents
    assert upload(client, seed_path, KEY).status_code == 201
    seed_hits = client.get("/agencies", params={"q": "ban tuyen giao thanh uy"}).json()
    assert [h["id"] for h in seed_hits][:1] == ["ha-noi/ban-tuyen-giao-thanh-uy"]
    fresh = KnowledgeBase(StoreReader(client.app.state.store))
    assert client.app.state.kb is kb and kb.agents is index
    assert {e.id: e for e in index.entries.values()} == {e.id: e for e in fresh.agents.entries.values()}
    assert kb.documents.search("94/KH-UBND") == fresh.documents.search("94/KH-UBND")
    assert (
        client.delete("/documents/vn/ubnd-ha-noi/kh/2022/94", headers={"X-API-Key": KEY}).status_code == 204
    )
    fresh = KnowledgeBase(StoreReader(client.app.state.store))
    assert kb.agents is index
    assert {e.id: e for e in index.entries.values()} == {e.id: e for e in fresh.agents.entries.values()}
    assert kb.documents.search("94/KH-UBND") == fresh.documents.search("94/KH-UBND")
