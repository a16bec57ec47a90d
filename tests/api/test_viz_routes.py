"""/viz/*: the network pages over HTTP — HTML on success, problem+json on error, nothing remote."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from loaders.corpus import load_paths
from ontology.store import GraphStore
from tests.conftest import SEED
from tests.viz.pages import is_remote, page_data, referenced_urls

PLAN = "vn/ubnd-ha-noi/kh/2022/94"
PROBLEM = {"type", "title", "status", "detail", "instance"}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = GraphStore.open(tmp_path_factory.mktemp("viz") / "store")
    load_paths(store, [SEED])
    with TestClient(create_app(Settings(), store=store)) as c:
        yield c
    store.close()


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/viz/coordination", "Mạng lưới phối hợp"),
        ("/viz/coordination?plan=94/KH-UBND&jurisdiction=ha-noi&lang=en", "Coordination network"),
        (f"/viz/plan/{PLAN}", "94/KH-UBND"),
        ("/viz/plan/94/KH-UBND", "94/KH-UBND"),
        ("/viz/agency/ha-noi/so-ngoai-vu?radius=2", "Sở Ngoại vụ"),
        (f"/viz/task/{PLAN}/task/II-3", "II.3"),
    ],
)
def test_views_are_offline_html_linking_to_the_pages(client, url, title):
    r = client.get(url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert title in r.text.split("</title>")[0]
    assert "frame-ancestors 'self'" in r.headers["content-security-policy"]
    assert not [u for u in referenced_urls(r.text) if is_remote(u)]
    tips = [n.get("tip", {}) for n in page_data(r.text)["nodes"]]
    assert any(t.get("href", "").startswith("/ui/") for t in tips)
    evidence = [ev.get("href", "") for t in tips for ev in t.get("ev", [])]
    assert any(h.startswith(f"/ui/source/{PLAN}?from=") for h in evidence)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/viz/agency/ha-noi/no-such-body-at-all", 404),
        ("/viz/plan/999/KH-XYZ", 404),
        (f"/viz/task/{PLAN}/task/XX-1", 404),
        ("/viz/coordination?plan=999/KH-XYZ", 404),
        ("/viz/coordination?lang=fr", 422),
        ("/viz/agency/ha-noi/so-ngoai-vu?radius=3", 422),
        ("/viz/plan/vn/chinh-phu/nd/2015/72", 404),  # cited, not loaded
    ],
)
def test_errors_are_problem_json(client, url, status):
    r = client.get(url)
    assert r.status_code == status, r.text[:300]
    assert r.headers["content-type"].startswith("application/problem+json")
    assert PROBLEM <= set(r.json())


def test_english_views_link_to_english_pages(client):
    tips = [n.get("tip", {}) for n in page_data(client.get("/viz/coordination?lang=en").text)["nodes"]]
    assert all(t["href"].endswith("?lang=en") for t in tips if "href" in t)
