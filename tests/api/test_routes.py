"""Every query route on the seed: success and error paths, one error shape, the same answers as the CLI."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.cli import main
from api.settings import Settings
from loaders.extract import extract_file
from ontology.store import GraphStore

PROBLEM = {"type", "title", "status", "detail", "instance"}
PLAN = "vn/ubnd-ha-noi/kh/2022/94"


@pytest.fixture(scope="module")
def client():
    from tests.conftest import SEED

    store = GraphStore.memory()
    store.load_extraction(extract_file(SEED))
    with TestClient(create_app(Settings(), store=store)) as c:
        yield c


def problem(r, status):
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert PROBLEM <= set(r.json())
    return r.json()


def test_search_agencies_without_diacritics_and_with_abbreviations(client):
    assert client.get("/agencies", params={"q": "so ngoai vu"}).json()[0]["id"] == "ha-noi/so-ngoai-vu"
    assert client.get("/agencies", params={"q": "Sở TT&TT"}).json()[0]["id"] == "ha-noi/so-tttt"
    assert (
        client.get("/agencies", params={"q": "ban tuyen giao tu"}).json()[0]["id"]
        == "ha-noi/ban-tuyen-giao-thanh-uy"
    )
    assert (
        client.get("/agencies", params={"q": "So Ngaoi vu"}).json()[0]["id"] == "ha-noi/so-ngoai-vu"
    )  # a typo
    problem(client.get("/agencies"), 422)
    problem(client.get("/agencies", params={"q": ""}), 422)


def test_agency(client):
    a = client.get("/agencies/ha-noi/so-tttt").json()
    assert a["name"] == "Sở Thông tin và Truyền thông thành phố Hà Nội"
    assert a["parent"]["id"] == "ha-noi/ubnd" and a["tasks_led"] == 5
    assert "ha-noi/cong-giao-tiep-dien-tu" in {s["id"] for s in a["subunits"]}
    assert a["evidence"]["line_start"] >= 1
    g = client.get("/agencies/ha-noi/group/lien-quan").json()
    assert g["kind"] == "group"
    problem(client.get("/agencies/ha-noi/no-such-body"), 404)


def test_agency_tasks_by_role(client):
    lead = client.get("/agencies/ha-noi/so-ngoai-vu/tasks", params={"role": "lead"}).json()
    assert lead["total"] == 6 and [t["row"] for t in lead["tasks"]] == [
        "II.1",
        "II.2",
        "II.3",
        "II.4",
        "II.5",
        "II.6",
    ]
    t = lead["tasks"][2]
    assert t["plan"] == {
        "id": PLAN,
        "full_symbol": "94/KH-UBND",
        "title": "Tổ chức hoạt động thông tin đối ngoại năm 2022",
    }
    assert t["evidence"] == {
        "document": PLAN,
        "document_symbol": "94/KH-UBND",
        "line_start": 194,
        "line_end": 194,
        "quote": t["content"],
    }
    assert t["timeline"]["start"] == "2022-07-01" and t["timeline"]["end"] == "2022-12-31"
    coord = client.get(
        "/agencies/ha-noi/ban-tuyen-giao-thanh-uy/tasks", params={"role": "coordinating"}
    ).json()
    assert {x["row"] for x in coord["tasks"]} == {"I.1", "I.5", "I.6", "I.7", "II.3", "V.1"}
    page = client.get("/agencies/ha-noi/so-du-lich/tasks", params={"limit": 3, "offset": 3}).json()
    assert page["total"] == 10 and [x["row"] for x in page["tasks"]] == [
        "IV.4",
        "IV.5",
        "IV.6",
    ]  # document order
    sub = client.get(
        "/agencies/ha-noi/so-tttt/tasks", params={"role": "lead", "include_subunits": True}
    ).json()
    assert sub["total"] == 7  # its own 5, the portal's I.4 and the centre's I.7
    problem(client.get("/agencies/ha-noi/so-ngoai-vu/tasks", params={"role": "boss"}), 422)
    problem(client.get("/agencies/ha-noi/so-ngoai-vu/tasks", params={"limit": 0}), 422)
    problem(client.get("/agencies/nope/tasks"), 404)


def test_partners(client):
    p = client.get("/agencies/ha-noi/so-ngoai-vu/partners").json()
    shared = {x["agency"]["id"]: x["shared_tasks"] for x in p["partners"]}
    assert shared["vn/bo-ngoai-giao"] == 2 and shared["ha-noi/so-tu-phap"] == 1
    assert p["partners"][0]["tasks"][0]["evidence"]["line_start"]
    problem(client.get("/agencies/nope/partners"), 404)


def test_tasks(client):
    [t] = client.get("/tasks", params={"row": "ii.3"}).json()
    assert t["id"] == f"{PLAN}/task/II-3"
    assert [a["name"] for a in t["lead"]] == ["Sở Ngoại vụ thành phố Hà Nội"]
    assert client.get(f"/tasks/{t['id']}").json() == t
    assert client.get("/tasks", params={"row": "XX.9"}).json() == []
    problem(client.get("/tasks/nope"), 404)
    problem(client.get("/tasks"), 422)


def test_legal_basis(client):
    lb = client.get(f"/tasks/{PLAN}/task/I-6/legal-basis").json()
    chain = [(x["document"]["full_symbol"], x["relation"], x["depth"]) for x in lb["chain"]]
    assert chain[0] == ("1160/QĐ-TTg", "cites", 0)
    assert {c[0] for c in chain[1:]} == {"72/2015/NĐ-CP", "22/2016/TT-BTTTT", "5406/BTTTT-TTĐN"}
    assert all(x["via"] and x["via_vi"] and x["evidence"]["line_start"] for x in lb["chain"])
    problem(client.get(f"/tasks/{PLAN}/task/ZZ-1/legal-basis"), 404)


def test_documents(client):
    d = client.get("/documents/vn/chinh-phu/nd/2015/72").json()
    assert (d["full_symbol"], d["issuer"], d["date"]) == ("72/2015/NĐ-CP", "Chính phủ", "2015-09-07")
    assert client.get("/documents/72/2015/NĐ-CP").json() == d  # by symbol
    plan = client.get(f"/documents/{PLAN}").json()
    assert plan["kind"] == "plan" and plan["loaded"]
    cb = client.get("/documents/1160/QĐ-TTg/cited-by").json()
    assert cb["total"] == 1 and cb["citations"][0]["task"]["row"] == "I.6"
    assert cb["citations"][0]["evidence"]["line_start"] == 185
    base = client.get("/documents/nd 72/2015/cited-by").json()
    assert [(c["plan"]["full_symbol"], c["relation"]) for c in base["citations"]] == [
        ("94/KH-UBND", "based_on")
    ]
    problem(client.get("/documents/no/such/doc"), 404)
    problem(client.get("/documents/no/such/doc/cited-by"), 404)


def test_network(client):
    net = client.get("/network/coordination", params={"jurisdiction": "ha-noi"}).json()
    ids = {n["id"] for n in net["nodes"]}
    assert "ha-noi/so-ngoai-vu" in ids and "vn/bo-ngoai-giao" in ids
    e = next(
        x for x in net["edges"] if {x["source"], x["target"]} == {"ha-noi/so-ngoai-vu", "vn/bo-ngoai-giao"}
    )
    assert e["weight"] == 2 and len(e["tasks"]) == 2
    nogroups = client.get("/network/coordination", params={"groups": False}).json()
    assert all(n["kind"] == "agency" for n in nogroups["nodes"])
    assert client.get("/network/coordination", params={"plan": PLAN}).json()["edges"]
    problem(client.get("/network/coordination", params={"plan": "no/such"}), 404)
    p = client.get("/network/path", params={"from": "so ngoai vu", "to": "TTXVN"}).json()
    assert p["paths"] and p["paths"][0][0]["id"] == "ha-noi/so-ngoai-vu"
    problem(client.get("/network/path", params={"from": "so ngoai vu", "to": "Bộ Không Có"}), 404)
    rank = client.get("/network/ranking", params={"by": "load", "limit": 1}).json()
    assert rank[0]["agency"]["id"] == "ha-noi/so-du-lich" and rank[0]["tasks_led"] == 10
    assert client.get("/network/ranking", params={"by": "centrality"}).json()
    problem(client.get("/network/ranking", params={"by": "x"}), 422)


def test_calendar(client):
    cal = client.get("/calendar", params={"agency": "Sở TT&TT"}).json()
    deadlines = [e["date"] for e in cal["entries"]]
    assert deadlines == ["2022-06-20", "2022-11-20"]
    duty = next(d for d in cal["reporting"] if d["deadlines"])
    assert duty["send_to"]["id"] == "ha-noi/so-tttt" and duty["evidence"]["line_start"] == 144
    assert client.get("/calendar").json()["reporting"]
    problem(client.get("/calendar", params={"agency": "Bộ Không Có"}), 404)
    problem(client.get("/calendar", params={"start": "not-a-date"}), 422)


EXAMPLES = [
    ("which tasks depend on Ban Tuyên giáo?", "tasks_for_agency", 6),
    ("nhiệm vụ nào do Sở Ngoại vụ chủ trì", "tasks_for_agency", 6),
    ("nhiem vu nao do so ngoai vu chu tri", "tasks_for_agency", 6),
    ("Ban Tuyên giáo TU phối hợp những nhiệm vụ nào", "tasks_for_agency", 6),
    ("ban tuyen giao tu phoi hop nhung nhiem vu nao", "tasks_for_agency", 6),
    ("căn cứ pháp lý của nhiệm vụ I.6", "legal_basis", None),
    ("which legal basis authorizes task V.1?", "legal_basis", None),
    ("Sở Ngoại vụ phối hợp với những cơ quan nào", "partners", 8),
    ("nhiệm vụ nào thực hiện trong quý III/2022", "tasks_in_period", 52),
    ("văn bản nào căn cứ Nghị định 72/2015/NĐ-CP", "cited_by", 1),
    ("ai báo cáo cho Sở TT&TT, khi nào", "reporting", None),
]


@pytest.mark.parametrize("question,intent,total", EXAMPLES)
def test_ask_examples(client, question, intent, total):
    r = client.get("/ask", params={"q": question}).json()
    assert r["understood"] and r["intent"] == intent, r
    if total is not None:
        assert r["answer"]["total"] == total


def test_ask_legal_basis_answer(client):
    r = client.get("/ask", params={"q": "which legal basis authorizes task V.1?"}).json()
    [res] = r["answer"]["results"]
    assert res["task"]["row"] == "V.1"
    assert {x["document"]["full_symbol"] for x in res["chain"]} == {
        "72/2015/NĐ-CP",
        "22/2016/TT-BTTTT",
        "5406/BTTTT-TTĐN",
    }


def test_ask_not_understood_is_an_answer(client):
    r = client.get("/ask", params={"q": "thời tiết hôm nay thế nào"})
    assert r.status_code == 200
    body = r.json()
    assert not body["understood"] and body["forms"] and len(body["suggestions"]) == 3
    problem(client.get("/ask"), 422)
    problem(client.get("/ask", params={"q": "x" * 501}), 422)
    assert client.get("/ask/forms").json()


@pytest.mark.parametrize("question", [q for q, _, _ in EXAMPLES[:4]] + ["ai báo cáo cho Sở TT&TT, khi nào"])
def test_cli_gives_the_same_answers(client, tmp_path, capsys, question):
    from tests.conftest import SEED

    store = tmp_path / "store"
    assert main(["--store", str(store), "load", str(SEED)]) == 0
    capsys.readouterr()
    assert main(["--store", str(store), "ask", question, "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    api = client.get("/ask", params={"q": question}).json()
    assert cli == api


def test_cli_ask_prints_evidence(tmp_path, capsys):
    from tests.conftest import SEED

    store = tmp_path / "store"
    main(["--store", str(store), "load", str(SEED)])
    capsys.readouterr()
    assert main(["--store", str(store), "ask", "nhiệm vụ nào do Sở Ngoại vụ chủ trì"]) == 0
    out = capsys.readouterr().out
    assert "II.3" in out and "nguồn: 94/KH-UBND, dòng 194" in out
    assert main(["--store", str(store), "ask", "hello?"]) == 1


def test_export_route(client):
    r = client.get("/export/turtle")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert b"pg:Task" in r.content or b"ontology#Task" in r.content
    problem(client.get("/export/pdf"), 400)


def test_openapi_documents_every_route_with_an_operation_id(client):
    spec = client.get("/openapi.json").json()
    ops = {op["operationId"] for path in spec["paths"].values() for op in path.values()}
    assert {
        "ask",
        "search_agencies",
        "get_agency",
        "agency_tasks",
        "agency_partners",
        "get_task",
        "task_legal_basis",
        "find_tasks",
        "get_document",
        "document_cited_by",
        "coordination_network",
        "calendar",
        "export",
        "health",
        "list_documents",
        "upload_document",
        "delete_document",
    } <= ops
