"""The store commands: stats per class, export to stdout and files, validate with exit codes."""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from api.cli import main
from graph.model import Task
from ontology.store import GraphStore
from tests.ontology import fixtures as fx


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store_path() -> Path:
    path = Path(os.environ["PLANGRAPH_STORE"])
    with GraphStore.open(path) as s:
        s.load_extraction(fx.make_extraction())
    return path


def test_stats_counts_per_class(store_path, capsys):
    code, out, _ = run(["stats", "--documents"], capsys)
    assert code == 0
    for line in ("documents: 1", "plans: 1", "tasks: 4", "assignments: 9", "agencies: 7", "agency groups: 2",
                 "legal documents: 6", "named programmes: 1", "responsibilities: 1", "reporting duties: 1",
                 "anniversaries: 1", "recipients: 3"):  # fmt: skip
        assert line in out.splitlines()
    assert f"{fx.PLAN_ID}\tKế hoạch 94/KH-UBND\t2022-03-25\t" in out


def test_export_to_stdout_and_file(store_path, tmp_path, capsys):
    code, nt, _ = run(["export", "--format", "ntriples"], capsys)
    triples = len(list(ox.parse(nt.encode(), format=ox.RdfFormat.N_TRIPLES)))
    assert code == 0 and triples > 500
    target = tmp_path / "kg.jsonld"
    code, out, err = run(["export", "-f", "jsonld", "-o", str(target)], capsys)
    assert code == 0 and out == "" and "wrote" in err
    assert len(Graph().parse(target, format="json-ld")) == triples


def test_export_unknown_format_is_one_line(store_path, capsys):
    code, _, err = run(["export", "--format", "yaml"], capsys)
    assert code == 1 and err.count("\n") == 1 and "unknown export format" in err


def test_validate_conforming_store(store_path, capsys):
    code, out, _ = run(["validate"], capsys)
    assert code == 0 and out.strip() == "conforms: 1 document(s) checked, 0 violations"


def test_validate_broken_store(store_path, capsys):
    x = fx.make_extraction("95")
    x.tasks.append(Task(id="III.1", content="x", source=fx.S(190)))
    with GraphStore.open(store_path) as s:
        s.load_extraction(x)
    code, out, _ = run(["validate"], capsys)
    lines = out.strip().splitlines()
    assert code == 1
    assert lines[-1] == "does not conform: 2 document(s) checked, 1 violations"
    assert lines[0].startswith(
        "Vi phạm: vn/ubnd-ha-noi/kh/2022/95: Nhiệm vụ III.1 (95/KH-UBND) — nhiệm vụ chưa có"
    )
    code, out, _ = run(["validate", "--document", fx.PLAN_ID], capsys)
    assert code == 0
    code, _, err = run(["validate", "-d", "vn/x/kh/2022/1"], capsys)
    assert code == 1 and "no document" in err


def test_readers_without_a_store_say_so(capsys):
    for args in (["export", "-f", "turtle"], ["validate"], ["stats"]):
        code, _, err = run(args, capsys)
        assert code == 1 and "no store" in err and err.count("\n") == 1


def test_reindex_stores_missing_coordination_summaries(store_path, capsys):
    from ontology.ntriples import V

    with GraphStore.open(store_path) as s:  # what a store written before summaries looks like
        s.raw.update(f"DELETE WHERE {{ GRAPH ?g {{ ?g {V.pg.coordinationSummary} ?s }} }}")
    code, out, _ = run(["reindex"], capsys)
    assert code == 0 and "summary of 1 document(s)" in out
    code, out, _ = run(["reindex"], capsys)
    assert code == 0 and "summary of 0 document(s)" in out
    with GraphStore.open(store_path, read_only=True) as s:
        q = f"ASK {{ GRAPH ?g {{ ?g {V.pg.coordinationSummary} ?s }} }}"
        assert s.query(q)


def test_reindex_stores_missing_task_indexes(store_path, capsys):
    from ontology.ntriples import V
    from ontology.reads import StoreReader

    with GraphStore.open(store_path) as s:  # what a store written before task indexes looks like
        s.raw.update(f"DELETE WHERE {{ GRAPH ?g {{ ?g {V.pg.taskTable} ?t }} }}")
        assert not StoreReader(s).task_index_complete()
    code, out, _ = run(["reindex"], capsys)
    assert code == 0 and "task index of 1 document(s)" in out
    code, out, _ = run(["reindex"], capsys)
    assert code == 0 and "task index of 0 document(s)" in out
    with GraphStore.open(store_path, read_only=True) as s:
        assert StoreReader(s).task_index_complete()
        (doc,) = s.documents()  # the recorded size counts the index once (its stale keys were replaced)
        assert StoreReader(s).triple_count(doc.graph) == s.graph_size(doc.id)
