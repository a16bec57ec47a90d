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
