"""The on-disk store: one graph per document, atomic replacement, idempotent loads, deletion, readers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pyoxigraph as ox
import pytest

from graph.errors import NotFound, PlangraphError, StoreBusy
from ontology import store as store_module
from ontology.iris import Iris
from ontology.mapping import document_graph
from ontology.namespaces import PG
from ontology.store import GraphStore
from tests.conftest import ROOT
from tests.ontology import fixtures as fx


def dump(store: GraphStore) -> bytes:
    """The whole dataset as sorted N-Quads (what 'nothing changed' is measured against)."""
    return b"\n".join(sorted(store.raw.dump(format=ox.RdfFormat.N_QUADS).splitlines()))


@pytest.fixture
def disk(tmp_path):
    with GraphStore.open(tmp_path / "store") as s:
        yield s


def test_load_and_list(disk):
    result = disk.load_extraction(fx.make_extraction())
    assert result.changed and result.id == fx.PLAN_ID
    [doc] = disk.documents()
    assert doc.id == fx.PLAN_ID and doc.symbol == "94/KH-UBND" and doc.label == "Kế hoạch 94/KH-UBND"
    assert doc.title == "Tổ chức hoạt động thông tin đối ngoại năm 2022" and str(doc.date) == "2022-03-25"
    assert doc.triples == result.triples == disk.graph_size(fx.PLAN_ID) == disk.count_triples()
    assert disk.count_documents() == 1 and disk.has_document(fx.PLAN_ID)


def test_loading_the_same_file_twice_changes_no_triple(disk):
    disk.load_extraction(fx.make_extraction())
    before = dump(disk)
    again = disk.load_extraction(fx.make_extraction())
    assert not again.changed
    assert dump(disk) == before


def test_a_changed_document_replaces_its_graph(disk):
    disk.load_extraction(fx.make_extraction())
    x = fx.make_extraction()
    x.tasks = x.tasks[:1]
    assert disk.load_extraction(x).changed
    rows = list(disk.query(f"SELECT ?t WHERE {{ GRAPH ?g {{ ?t a <{PG.Task}> }} }}"))
    assert len(rows) == 1
    assert disk.graph_size(fx.PLAN_ID) == document_graph(x, Iris()).size


def test_delete_then_reload_gives_the_same_graph(disk):
    disk.load_extraction(fx.make_extraction("94"))
    disk.load_extraction(fx.make_extraction("95"))
    before = dump(disk)
    disk.delete_document(fx.PLAN_ID)
    assert [d.id for d in disk.documents()] == ["vn/ubnd-ha-noi/kh/2022/95"]
    assert not disk.has_document(fx.PLAN_ID)
    disk.load_extraction(fx.make_extraction("94"))
    assert dump(disk) == before


def test_delete_unknown_document(disk):
    with pytest.raises(NotFound, match="no document"):
        disk.delete_document("vn/x/kh/2022/1")


def test_a_failure_inside_the_load_transaction_keeps_the_old_version(disk, monkeypatch):
    """Inject a failure after DROP and INSERT DATA ran inside the update: nothing may change."""
    disk.load_extraction(fx.make_extraction())
    before = dump(disk)
    real = store_module.replace_update

    def failing(dg):
        return real(dg) + " ;\nDROP GRAPH <urn:plangraph:test:no-such-graph>"

    monkeypatch.setattr(store_module, "replace_update", failing)
    changed = fx.make_extraction()
    changed.tasks = changed.tasks[:1]
    with pytest.raises(PlangraphError, match="does not exist"):
        disk.load_extraction(changed)
    assert dump(disk) == before
    monkeypatch.setattr(store_module, "replace_update", real)
    assert disk.load_extraction(changed).changed and dump(disk) != before


CRASHER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from ontology.store import GraphStore, replace_update
    from tests.ontology.test_store import big_graph
    store = GraphStore.open({path!r})
    update = replace_update(big_graph("new", 60000))
    print("go", flush=True)
    store.raw.update(update)
    print("done", flush=True)
    """
)


def big_graph(tag: str, n: int):
    """A document graph of ``n`` task lines, all marked with ``tag``."""
    from ontology.mapping import DocumentGraph

    iris = Iris()
    g = iris.graph(fx.PLAN_ID)
    lines = [f'<{iris.task(fx.PLAN_ID, f"I.{i}")}> <urn:x:p> "{tag} {i}" .' for i in range(n)]
    return DocumentGraph(
        key=fx.PLAN_ID, graph=g, plan=iris.document(fx.PLAN_ID), lines=lines, content_hash=tag
    )


@pytest.mark.slow
def test_a_killed_writer_leaves_the_old_or_the_new_version_never_half(tmp_path):
    path = tmp_path / "store"
    with GraphStore.open(path) as s:
        s.load_graph(big_graph("old", 2000))
    code = CRASHER.format(root=str(ROOT), path=str(path))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "go"
    os.kill(proc.pid, signal.SIGKILL)  # somewhere inside (or just after) the update
    proc.wait()
    with GraphStore.open(path, read_only=True) as s:
        values = {q.object.value.split()[0] for q in s.raw.quads_for_pattern(None, None, None, None)}
        size = s.graph_size(fx.PLAN_ID)
    assert (values, size) in [({"old"}, 2000), ({"new"}, 60000)]


def test_readers_work_while_a_writer_holds_the_store(tmp_path):
    path = tmp_path / "store"
    with GraphStore.open(path) as writer:
        writer.load_extraction(fx.make_extraction())
        with pytest.raises(StoreBusy) as busy:
            GraphStore.open(path)
        assert "in use by another process" in str(busy.value) and "\n" not in str(busy.value)
        ids, triples = GraphStore.reading(path, lambda r: ([d.id for d in r.documents()], r.count_triples()))
        assert ids == [fx.PLAN_ID] and triples == writer.count_triples()


def test_read_only_open_of_a_missing_store(tmp_path):
    with pytest.raises(NotFound, match="no store"):
        GraphStore.open(tmp_path / "nope", read_only=True)


def test_class_counts_and_pages():
    s = GraphStore.memory()
    for n in ("94", "95", "96"):
        s.load_extraction(fx.make_extraction(n))
    counts = s.class_counts()
    assert counts["plans"] == 3 and counts["tasks"] == 12
    assert counts["agencies"] == 7 and counts["agency groups"] == 2  # shared: counted once
    assert counts["legal documents"] == 3 + 5 and counts["named programmes"] == 1
    assert counts["assignments"] == 3 * 9
    assert [d.id[-2:] for d in s.documents(limit=2, offset=1)] == ["95", "96"]


def test_reading_retries_when_the_writer_moves_files_away(tmp_path):
    """A reader next to a live writer can meet a just-compacted file: it opens again and succeeds."""
    path = tmp_path / "store"
    with GraphStore.open(path) as s:
        s.load_extraction(fx.make_extraction())
    calls = []

    def flaky(store: GraphStore) -> int:
        calls.append(1)
        if len(calls) < 3:
            raise RuntimeError(
                "IO error: No such file or directory: While open a file for random read: 000042.sst"
            )
        return store.count_documents()

    assert GraphStore.reading(path, flaky) == 1 and len(calls) == 3

    def broken(store: GraphStore) -> int:
        raise RuntimeError("something else")

    with pytest.raises(PlangraphError, match="cannot read the store"):
        GraphStore.reading(path, broken)
    with pytest.raises(NotFound):
        GraphStore.reading(tmp_path / "missing", broken)
