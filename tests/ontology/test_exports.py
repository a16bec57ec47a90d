"""Exports parse in rdflib and pyoxigraph alike, keep tidy prefixes and are byte-identical run to run."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from graph.errors import InvalidInput
from ontology import exports
from ontology.store import GraphStore
from tests.conftest import ROOT
from tests.ontology import fixtures as fx
from tests.ontology.rdfcompare import assert_isomorphic, graph_from_nt


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = GraphStore.memory()
    s.load_extraction(fx.make_extraction("94"))
    s.load_extraction(fx.make_extraction("95"))
    return s.raw


def union_size(store: ox.Store) -> int:
    return len({q.triple for q in store})


@pytest.mark.parametrize(
    ("fmt", "rdflib_format", "ox_format"),
    [
        ("turtle", "turtle", ox.RdfFormat.TURTLE),
        ("jsonld", "json-ld", ox.RdfFormat.JSON_LD),
        ("ntriples", "nt", ox.RdfFormat.N_TRIPLES),
        ("rdfxml", "xml", ox.RdfFormat.RDF_XML),
    ],
)
def test_graph_exports_parse_in_both_parsers_to_the_same_triples(store, fmt, rdflib_format, ox_format):
    data = exports.serialize(store, fmt)
    in_rdflib = Graph().parse(data=data, format=rdflib_format)
    in_oxigraph = list(ox.parse(data, format=ox_format))
    assert len(in_rdflib) == len(in_oxigraph) == union_size(store)


def test_turtle_export_is_isomorphic_to_the_store(store):
    data = exports.serialize(store, "turtle")
    assert_isomorphic(graph_from_nt(exports.ntriples(store)), Graph().parse(data=data, format="turtle"))


@pytest.mark.parametrize(
    ("fmt", "rdflib_format", "ox_format"),
    [("nquads", "nquads", ox.RdfFormat.N_QUADS), ("trig", "trig", ox.RdfFormat.TRIG)],
)
def test_dataset_exports_keep_one_graph_per_document(store, fmt, rdflib_format, ox_format):
    data = exports.serialize(store, fmt)
    ds = Dataset()
    ds.parse(data=data, format=rdflib_format)
    assert len(list(ox.parse(data, format=ox_format))) == len(list(ds.quads())) == len(store)
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert {g for g in graphs if g.endswith(("/kh/2022/94", "/kh/2022/95"))} == graphs


def test_prefixes_are_tidy(store):
    turtle = exports.serialize(store, "turtle").decode()
    for prefix in ("pg", "eli", "org", "prov", "p-plan", "skos", "dcterms", "time", "oa", "xsd"):
        assert f"@prefix {prefix}: <" in turtle
    assert "ns1:" not in turtle and "@prefix schema" not in turtle
    assert '"@context"' in exports.serialize(store, "jsonld").decode()


def test_line_formats_are_sorted(store):
    for fmt in ("ntriples", "nquads"):
        lines = exports.serialize(store, fmt).decode().splitlines()
        assert lines == sorted(lines) and len(lines) == len(set(lines))


RUN = textwrap.dedent(
    """
    import hashlib, sys
    sys.path.insert(0, {root!r})
    from ontology import exports
    from ontology.store import GraphStore
    from tests.ontology import fixtures as fx
    s = GraphStore.memory()
    for n in ("95", "94"):
        s.load_extraction(fx.make_extraction(n))
    for fmt in exports.FORMATS:
        print(fmt, hashlib.sha256(exports.serialize(s.raw, fmt)).hexdigest())
    """
)


def test_exports_are_byte_identical_across_runs():
    """Separate processes with different string hashing: rdflib's set order must not leak out."""
    outputs = []
    for seed in ("1", "2"):
        env = {"PYTHONHASHSEED": seed, "PATH": ""}
        run = subprocess.run(
            [sys.executable, "-c", RUN.format(root=str(ROOT))], capture_output=True, text=True, env=env
        )
        assert run.returncode == 0, run.stderr
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == len(exports.FORMATS)


def test_write_to_a_file(store, tmp_path):
    out = tmp_path / "kg.ttl"
    size = exports.write(store, "turtle", out)
    assert out.stat().st_size == size > 0
    assert not list(tmp_path.glob(".*.tmp"))


def test_unknown_format():
    with pytest.raises(InvalidInput, match="known: turtle"):
        exports.get_format("yaml")
