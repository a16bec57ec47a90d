"""Done-when of issue 4 on the real seed (examples/ke-hoach-94-2022.md via loaders.extract)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph

from loaders.extract import extract_file
from ontology import exports
from ontology.namespaces import ELI, PPLAN
from ontology.store import GraphStore
from ontology.validate import validate_store
from tests.conftest import SEED


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("seed") / "store"
    with GraphStore.open(path) as s:
        s.load_extraction(extract_file(SEED))
    with GraphStore.open(path, read_only=True) as reader:
        yield reader


def plan_iri(store: GraphStore) -> str:
    [doc] = store.documents()
    return doc.iri


def test_the_54_rows_are_steps_of_the_plan(seed_store):
    plan = plan_iri(seed_store)
    q = f"SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE {{ GRAPH ?g {{ ?t a <{PPLAN.Step}> ; <{PPLAN.isStepOfPlan}> <{plan}> }} }}"
    assert int(next(iter(seed_store.query(q)))["n"].value) == 54


def test_reloading_the_seed_changes_nothing(tmp_path):
    with GraphStore.open(tmp_path / "store") as s:
        assert s.load_extraction(extract_file(SEED)).changed
        before = sorted(s.raw.dump(format=ox.RdfFormat.N_QUADS).splitlines())
        assert not s.load_extraction(extract_file(SEED)).changed
        assert sorted(s.raw.dump(format=ox.RdfFormat.N_QUADS).splitlines()) == before


@pytest.mark.parametrize(
    ("fmt", "rdflib_format", "ox_format"),
    [("turtle", "turtle", ox.RdfFormat.TURTLE), ("jsonld", "json-ld", ox.RdfFormat.JSON_LD)],
)
def test_exports_of_the_seed_parse_in_two_parsers(seed_store, fmt, rdflib_format, ox_format):
    data = exports.serialize(seed_store.raw, fmt)
    n = len(exports.ntriples(seed_store.raw).splitlines())
    assert (
        len(Graph().parse(data=data, format=rdflib_format))
        == len(list(ox.parse(data, format=ox_format)))
        == n
    )


def test_validate_passes_on_the_seed(seed_store):
    report = validate_store(seed_store)
    assert report.conforms, report.text()


def test_the_plan_is_based_on_exactly_its_three_preamble_documents(seed_store):
    plan = plan_iri(seed_store)
    q = f"""SELECT ?id WHERE {{ GRAPH ?g {{ <{plan}> <{ELI.based_on}> ?d . OPTIONAL {{ ?d <{ELI.id_local}> ?id }} }} }}"""
    found = sorted(row["id"].value for row in seed_store.query(q) if row["id"] is not None)
    assert found == ["22/2016/TT-BTTTT", "5406/BTTTT-TTĐN", "72/2015/NĐ-CP"]
