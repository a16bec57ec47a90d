"""The faster load path stores exactly what the SPARQL-update path stored (seed and a generated corpus),
and a new document that fails to load leaves nothing behind."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from bench.generate import Settings, generate
from graph.errors import PlangraphError
from loaders.corpus import _prepare, iter_files, load_paths
from ontology.mapping import DocumentGraph
from ontology.store import GraphStore, replace_update


def dump(store: GraphStore) -> list[bytes]:
    return sorted(store.raw.dump(format=ox.RdfFormat.N_QUADS).splitlines())


@pytest.fixture(scope="module")
def files(tmp_path_factory, seed_path):
    folder = tmp_path_factory.mktemp("corpus")
    generate(Settings(seed=3, noise=0), 4, folder)
    return [seed_path, *iter_files([folder])]


@pytest.fixture(scope="module")
def seed_path():
    from tests.conftest import ROOT

    return ROOT / "examples" / "ke-hoach-94-2022.md"


def test_new_documents_load_the_same_quads_as_the_update_path(tmp_path, files):
    with GraphStore.open(tmp_path / "update") as old:
        for f in files:
            dg = _prepare(str(f), old.iris.base)[2]
            old.raw.update(replace_update(dg))  # the path every document took before
        expected = dump(old)
    with GraphStore.open(tmp_path / "load") as new:
        report = load_paths(new, files)
        assert report.loaded == len(files) and report.failed == 0
        assert dump(new) == expected
    with GraphStore.open(tmp_path / "bulk") as bulk:
        load_paths(bulk, files, bulk=True)
        assert dump(bulk) == expected
    assert len(expected) > 4000


def test_reloading_changed_documents_still_replaces_them(tmp_path, files):
    with GraphStore.open(tmp_path / "store") as store:
        load_paths(store, files[:2])
        before = dump(store)
        dg = _prepare(str(files[0]), store.iris.base)[2]
        # an older version: fewer lines, and not the current content hash
        lines = [line for line in dg.lines if "contentHash" not in line][:-10]
        smaller = DocumentGraph(dg.key, dg.graph, dg.plan, lines, "another hash")
        assert store.load_graph(smaller).changed
        assert store.graph_size(dg.key) == smaller.size
        assert store.load_graph(dg).changed and dump(store) == before


def test_a_new_document_that_fails_to_load_leaves_nothing(tmp_path, files):
    with GraphStore.open(tmp_path / "store") as store:
        load_paths(store, files[1:2])
        before = dump(store)
        dg = _prepare(str(files[0]), store.iris.base)[2]
        broken = DocumentGraph(
            dg.key, dg.graph, dg.plan, [*dg.lines, '<urn:x:s> <urn:x:p> "unterminated .'], dg.content_hash
        )
        with pytest.raises(PlangraphError, match="cannot write to the store"):
            store.load_graph(broken)
        assert not store.has_document(dg.key) and dump(store) == before
