"""The exports staff use, on the seed: Excel, iCalendar, CSV, GraphML and GEXF — readable by the tools
that open them, deterministic, the same from the CLI and the API."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import icalendar
import networkx as nx
import openpyxl
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.cli import main
from api.settings import Settings
from graph.errors import InvalidInput
from graph.queries import KnowledgeBase
from loaders.extract import extract_file
from ontology import sinks
from ontology.reads import StoreReader
from ontology.sinks.xlsx import sheet_name
from ontology.store import GraphStore
from tests.conftest import ROOT, SEED

PLAN = "vn/ubnd-ha-noi/kh/2022/94"


@pytest.fixture(scope="module")
def kb():
    store = GraphStore.memory()
    store.load_extraction(extract_file(SEED))
    return KnowledgeBase(StoreReader(store))


@pytest.fixture(scope="module")
def files(kb):
    return {name: sinks.export(kb, name) for name in sinks.FORMATS}


def test_excel_has_an_overview_and_a_sheet_per_lead_agency(files):
    wb = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))
    assert wb.sheetnames[0] == "Tổng quan"
    assert {"Sở Ngoại vụ", "Sở Du lịch", "Sở Thông tin và Truyền thông", "Công an"} <= set(wb.sheetnames)
    assert len(wb.sheetnames) == 13  # the overview and 12 lead agencies
    for name in wb.sheetnames:
        assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name)
    assert len({n.lower() for n in wb.sheetnames}) == len(wb.sheetnames)
    ws = wb["Sở Ngoại vụ"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Sở Ngoại vụ thành phố Hà Nội" and rows[1][0] == "6 nhiệm vụ chủ trì"
    assert rows[2][:3] == ("Kế hoạch", "Mục", "Nội dung nhiệm vụ")
    ii3 = next(r for r in rows[3:] if r[1] == "II.3")
    header = rows[2]
    row = dict(zip(header, ii3, strict=True))
    assert row["Kế hoạch"] == "94/KH-UBND" and "Biển Đông" in row["Nội dung nhiệm vụ"]
    assert (
        "Bộ Ngoại giao" in row["Cơ quan phối hợp"] and row["Thời gian (theo văn bản)"] == "Quý III, IV/2022"
    )
    assert row["Bắt đầu"] == dt.datetime(2022, 7, 1) and row["Kết thúc"] == dt.datetime(2022, 12, 31)
    assert "72/2015/NĐ-CP" in row["Căn cứ pháp lý"] and row["Nguồn (dòng)"] == "194"
    assert row["Mã nhiệm vụ"] == f"{PLAN}/task/II-3"
    assert ws.freeze_panes == "C4" and ws.auto_filter.ref.startswith("A3:")
    overview = list(wb["Tổng quan"].iter_rows(values_only=True))
    assert (
        "94/KH-UBND",
        "Tổ chức hoạt động thông tin đối ngoại năm 2022",
        dt.datetime(2022, 3, 25),
        54,
    ) in overview
    assert ("Sở Ngoại vụ thành phố Hà Nội", "Sở Ngoại vụ", 6, 0) in overview
    assert any(r[0] == "Các cơ quan, đơn vị liên quan" and r[3] == 41 for r in overview)  # coordinates only
    assert wb.properties.created == wb.properties.modified == dt.datetime(2022, 3, 25)


def test_a_task_citing_documents_lists_them_before_the_plan_bases(kb):
    from ontology.sinks.rows import task_rows

    vi3 = next(r for r in task_rows(kb) if r.task.row == "VI.3")
    assert vi3.legal_basis[:3] == ["Hiệp định CPTPP", "Hiệp định EVFTA", "Hiệp định UKVFTA"]
    assert vi3.legal_basis[-1] == "72/2015/NĐ-CP" and vi3.lines == "232-236"


def test_sheet_names_are_valid_and_unique():
    taken: set[str] = set()
    names = [
        sheet_name(n, taken) for n in ("History", "a/b", "x" * 50, "x" * 50, "'quoted'", "", "Sở A tỉnh B")
    ]
    assert names == ["History (1)", "a b", "x" * 30 + "…", "x" * 26 + "… (2)", "quoted", "Cơ quan", "Sở A"]


def test_icalendar_parses_with_deadlines_task_ends_and_evidence(files):
    cal = icalendar.Calendar.from_ical(files["ics"])
    events = list(cal.walk("VEVENT"))
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids)) == 2 + 53  # two reporting deadlines, the tasks with an end date
    rep = [e for e in events if str(e["UID"]).startswith("reporting/")]
    assert [e["DTSTART"].dt for e in rep] == [dt.date(2022, 6, 20), dt.date(2022, 11, 20)]
    assert "Hạn báo cáo (94/KH-UBND)" in str(rep[0]["SUMMARY"])
    assert "dòng 144" in str(rep[0]["DESCRIPTION"]) and "trước ngày 20/6" in str(rep[0]["DESCRIPTION"])
    ii3 = next(e for e in events if str(e["UID"]) == f"task-end/{PLAN}/task/II-3@plangraph")
    assert ii3["DTSTART"].dt == dt.date(2022, 12, 31) and ii3["DTEND"].dt == dt.date(2023, 1, 1)
    assert str(ii3["SUMMARY"]).startswith("Hạn nhiệm vụ II.3 (94/KH-UBND): Hội nghị")
    assert "Chủ trì: Sở Ngoại vụ" in str(ii3["DESCRIPTION"]) and "dòng 194" in str(ii3["DESCRIPTION"])
    assert {e["DTSTAMP"].dt for e in events} == {dt.datetime(2022, 3, 25, tzinfo=dt.UTC)}
    raw = files["ics"]
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")) and b"\n" not in raw.replace(b"\r\n", b"")


def test_graphml_and_gexf_read_back_with_networkx(files, tmp_path):
    for name in ("graphml", "gexf"):
        path = tmp_path / f"net.{name}"
        path.write_bytes(files[name])
        g = nx.read_graphml(path) if name == "graphml" else nx.read_gexf(path)
        assert g.number_of_nodes() == 27 and g.number_of_edges() == 58
        snv = g.nodes["ha-noi/so-ngoai-vu"]
        assert snv["label"] == "Sở Ngoại vụ thành phố Hà Nội" and snv["kind"] == "department"
        assert int(snv["tasks_led"]) == 6
        assert int(g.edges["ha-noi/so-ngoai-vu", "vn/bo-ngoai-giao"]["weight"]) == 2
    assert b'lastmodifieddate="2022-03-25"' in files["gexf"]


def test_csv_one_row_per_task(files):
    text = files["csv"].decode("utf-8")
    assert text.startswith("\ufeffid,plan,plan_symbol,row,content,lead,")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 54
    ii3 = next(r for r in rows if r["row"] == "II.3")
    assert (
        ii3["lead_ids"] == "ha-noi/so-ngoai-vu"
        and ii3["start"] == "2022-07-01"
        and ii3["end"] == "2022-12-31"
    )
    assert ii3["timeline_as_written"] == "Quý III, IV/2022" and ii3["evidence_line_start"] == "194"
    assert "Bộ Ngoại giao" in ii3["coordinating"] and "72/2015/NĐ-CP" in ii3["legal_basis"]


def test_unknown_formats_name_every_format(kb):
    with pytest.raises(InvalidInput, match="xlsx, ics, csv, graphml, gexf"):
        sinks.export(kb, "pdf")
    with pytest.raises(InvalidInput, match="RDF format"):
        sinks.export(kb, "turtle")


def test_exports_are_byte_identical_across_processes(tmp_path):
    """Fresh processes with other hash seeds (set and dict orders) and clocks give the same bytes."""
    store = tmp_path / "store"
    with GraphStore.open(store) as s:
        s.load_extraction(extract_file(SEED))
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PLANGRAPH_STORE": str(store)}
        out = tmp_path / seed
        out.mkdir()
        for name in sinks.FORMATS:
            code = "from api.cli import main; main()"
            args = [sys.executable, "-c", code, "export", "-f", name, "-o", str(out / name)]
            subprocess.run(args, cwd=ROOT, env=env, check=True, capture_output=True)
        outputs.append({name: (out / name).read_bytes() for name in sinks.FORMATS})
    assert outputs[0] == outputs[1]


def test_cli_and_api_give_the_same_files(tmp_path, capsys):
    store_path = Path(os.environ["PLANGRAPH_STORE"])
    with GraphStore.open(store_path) as s:
        s.load_extraction(extract_file(SEED))
        with TestClient(create_app(Settings(), store=s)) as client:
            api = {}
            for name, f in sinks.FORMATS.items():
                r = client.get(f"/export/{name}")
                assert r.status_code == 200 and r.headers["content-type"] == f.media_type
                assert r.headers["content-disposition"] == f'attachment; filename="plangraph{f.extension}"'
                api[name] = r.content
            assert client.get("/export/pdf").status_code == 400
            # (turtle: tests/api/test_routes.py)
    for name in sinks.FORMATS:
        out = tmp_path / name
        assert main(["export", "--format", name, "-o", str(out)]) == 0
        assert out.read_bytes() == api[name], name
    capsys.readouterr()
