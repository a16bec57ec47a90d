"""Loading keeps a copy of each source text beside the store, so evidence can link to its lines."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.errors import PlangraphError
from loaders import sources
from loaders.corpus import load_bytes, load_paths
from ontology.store import GraphStore
from tests.conftest import SEED

PLAN = "vn/ubnd-ha-noi/kh/2022/94"


def test_loading_a_file_keeps_its_numbered_lines(tmp_path):
    path = tmp_path / "store"
    with GraphStore.open(path) as store:
        load_paths(store, [SEED])
    src = sources.read(path, PLAN)
    assert src is not None and src.name == SEED.name and src.format
    assert src.lines == SEED.read_text(encoding="utf-8").splitlines()[: len(src.lines)]
    assert "Biển Đông – Hải đảo" in src.lines[194 - 1]  # task II.3's evidence is line 194
    assert sources.folder_of(path) == tmp_path / "store.sources"
    assert [p.name for p in sources.folder_of(path).iterdir()] == ["vn%2Fubnd-ha-noi%2Fkh%2F2022%2F94.json"]


def test_a_failed_load_keeps_no_new_copy_and_leaves_the_old_one(tmp_path, monkeypatch):
    path = tmp_path / "store"
    with GraphStore.open(path) as store:
        load_paths(store, [SEED])
        before = sources.path_of(path, PLAN).read_bytes()

        def broken(self, extraction):
            raise PlangraphError("disk on fire")

        monkeypatch.setattr(GraphStore, "load_extraction", broken)
        edited = SEED.read_bytes().replace("Biển Đông".encode(), "Biển Tây".encode())
        with pytest.raises(PlangraphError):
            load_bytes(store, edited, name="kh-94.md")
    assert sources.path_of(path, PLAN).read_bytes() == before
    assert [p.name for p in sources.folder_of(path).iterdir()] == [sources.path_of(path, PLAN).name]


def test_reloading_replaces_the_copy(tmp_path):
    path = tmp_path / "store"
    edited = SEED.read_bytes().replace("Biển Đông".encode(), "Biển Tây".encode())
    with GraphStore.open(path) as store:
        load_paths(store, [SEED])
        assert load_bytes(store, edited, name="kh-94-v2.md").changed
    src = sources.read(path, PLAN)
    assert src is not None and src.name == "kh-94-v2.md" and "Biển Tây" in src.lines[193]


def test_a_memory_store_keeps_no_copy():
    store = GraphStore.memory()
    load_paths(store, [SEED])
    assert store.path is None and sources.read(None, PLAN) is None and not sources.has(None, PLAN)


def test_deleting_a_document_forgets_its_copy(tmp_path):
    path = tmp_path / "store"
    with GraphStore.open(path) as store:
        load_paths(store, [SEED])
        with TestClient(create_app(Settings(api_key="k"), store=store)) as client:
            assert client.delete(f"/documents/{PLAN}", headers={"X-API-Key": "k"}).status_code == 204
    assert not sources.has(path, PLAN)


def test_ids_cannot_reach_outside_the_folder(tmp_path):
    path = tmp_path / "store"
    assert sources.path_of(path, "../../etc/passwd").parent == sources.folder_of(path)
    assert sources.read(path, "../../etc/passwd") is None
