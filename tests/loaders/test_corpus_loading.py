"""Corpus loading: folders, failures reported while good files still load, idempotent re-loads."""

from __future__ import annotations

import pytest

from graph.errors import ParseError
from loaders.corpus import iter_files, load_bytes, load_paths
from ontology.store import GraphStore


def test_iter_files_sorted_known_formats(tmp_path):
    (tmp_path / "b.md").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "notes.pdfx").write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])] == ["b.md", "sub/a.txt"]


def test_a_folder_with_a_bad_file(tmp_path, seed_path):
    (tmp_path / "94.md").write_bytes(seed_path.read_bytes())
    (tmp_path / "shopping.md").write_text("milk\neggs\n", encoding="utf-8")
    seen = []
    with GraphStore.open(tmp_path / "store") as store:
        report = load_paths(store, [tmp_path], on_file=lambda p, r, e: seen.append((p.name, e is None)))
        assert (report.loaded, report.unchanged, report.failed) == (1, 0, 1)
        assert report.summary() == "loaded 1 document(s), 1 failed"
        assert "shopping.md" in report.errors[0]
        assert seen == [("94.md", True), ("shopping.md", False)]
        again = load_paths(store, [tmp_path / "94.md"])
        assert (again.loaded, again.unchanged) == (0, 1)
        assert again.summary() == "loaded 1 document(s) (1 unchanged), 0 failed"
        assert len(store.documents()) == 1


def test_nothing_to_load(tmp_path):
    with pytest.raises(ParseError, match="no documents found"):
        load_paths(GraphStore.memory(), [tmp_path])


def test_load_bytes(seed_path):
    store = GraphStore.memory()
    result = load_bytes(store, seed_path.read_bytes(), name="ke-hoach.md")
    assert result.changed and store.documents()[0].id == result.id
    with pytest.raises(ParseError, match="unsupported file type"):
        load_bytes(store, b"x", name="plan.exe")


def _three_plans(tmp_path, seed_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    text = seed_path.read_text(encoding="utf-8")
    for n in (94, 95, 96):
        (folder / f"kh-{n}.md").write_text(text.replace("số.....94.....", f"số {n}"), encoding="utf-8")
    return folder


@pytest.mark.parametrize("workers,bulk", [(1, True), (2, False), (2, True)])
def test_workers_and_bulk_give_the_same_store(tmp_path, seed_path, workers, bulk):
    from ontology import exports

    folder = _three_plans(tmp_path, seed_path)
    with GraphStore.open(tmp_path / "plain") as plain:
        load_paths(plain, [folder])
        expected = exports.nquads(plain.raw)
    with GraphStore.open(tmp_path / "other") as other:
        report = load_paths(other, [folder], workers=workers, bulk=bulk, batch_size=2)
        assert (report.loaded, report.failed) == (3, 0)
        assert exports.nquads(other.raw) == expected
        again = load_paths(other, [folder], workers=workers, bulk=bulk)
        assert (again.loaded, again.unchanged) == (0, 3)


def test_a_bulk_load_that_died_is_repaired_on_open(tmp_path, seed_path):
    """A marker left by a bulk load that never finished: the next writer drops its incomplete documents."""
    import json

    from loaders.extract import extract_file
    from ontology.mapping import document_graph

    path = tmp_path / "store"
    with GraphStore.open(path) as store:
        dg = document_graph(extract_file(seed_path), store.iris)
        partial = dg.nquads().splitlines()[: dg.size // 2]
        store.raw.bulk_load(
            ("\n".join(partial) + "\n").encode(), format=__import__("pyoxigraph").RdfFormat.N_QUADS
        )
    marker = path.with_name(path.name + ".bulk.json")
    marker.write_text(json.dumps([dg.key]), encoding="utf-8")
    with GraphStore.open(path) as store:
        assert not store.has_document(dg.key) and store.graph_size(dg.key) == 0
    assert not marker.exists()


def test_a_finished_bulk_load_is_kept_on_open(tmp_path, seed_path):
    import json

    path = tmp_path / "store"
    with GraphStore.open(path) as store:
        load_paths(store, [seed_path], bulk=True)
        key = store.documents()[0].id
    path.with_name(path.name + ".bulk.json").write_text(json.dumps([key]), encoding="utf-8")
    with GraphStore.open(path) as store:
        assert store.has_document(key)


@pytest.mark.parametrize("bulk", [False, True])
def test_two_files_of_one_document_are_reported_and_the_later_kept(tmp_path, seed_path, bulk):
    folder = tmp_path / "plans"
    folder.mkdir()
    text = seed_path.read_text(encoding="utf-8")
    (folder / "a.md").write_text(text, encoding="utf-8")
    (folder / "b.md").write_text(text.replace("Ngoại vụ", "Ngoại  vụ", 1), encoding="utf-8")
    with GraphStore.open(tmp_path / "store") as store:
        report = load_paths(store, [folder], bulk=bulk)
        [(doc, earlier, later)] = report.repeated
        assert (earlier.name, later.name) == ("a.md", "b.md") and doc == report.documents[0]
        assert report.summary().endswith("1 file(s) the same document as an earlier file (the later kept)")
        assert len(store.documents()) == 1
        again = load_paths(store, [folder / "b.md"])
        assert (again.unchanged, again.repeated) == (1, [])
