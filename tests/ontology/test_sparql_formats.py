"""Result formats: negotiation, and serialisation that round-trips through independent parsers."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib import Graph

from graph.errors import InvalidInput
from ontology.sparql import formats
from ontology.sparql.formats import FORMATS, negotiate

EX = "http://example.org/"


@pytest.mark.parametrize(
    ("accept", "fmt", "kind", "expected"),
    [
        (None, None, "solutions", "json"),
        ("", None, "boolean", "json"),
        ("*/*", None, "graph", "turtle"),
        ("text/*", None, "solutions", "csv"),
        ("application/*", None, "graph", "ntriples"),
        ("application/json", None, "solutions", "json"),
        ("text/xml", None, "boolean", "xml"),
        ("text/tab-separated-values, text/csv", None, "solutions", "tsv"),
        ("text/csv;q=0.5, application/sparql-results+xml", None, "solutions", "xml"),
        ("application/rdf+xml;q=0.9, */*;q=0.1", None, "graph", "rdfxml"),
        ("*/*;q=0.5, application/ld+json;q=0", None, "graph", "turtle"),
        ("text/turtle;q=0, */*", None, "graph", "ntriples"),
        ("text/csv;q=bogus", None, "solutions", "csv"),
        ("application/sparql-results+json", "tsv", "solutions", "tsv"),
        (None, "text/turtle", "graph", "turtle"),
        (None, "JSONLD", "graph", "jsonld"),
    ],
)
def test_negotiation(accept, fmt, kind, expected):
    assert negotiate(accept, fmt, kind).name == expected


@pytest.mark.parametrize(
    ("accept", "fmt", "kind"),
    [
        ("image/png", None, "solutions"),
        ("text/csv", None, "graph"),
        ("text/turtle", None, "boolean"),
        ("*/*;q=0", None, "graph"),
        ("garbage", None, "solutions"),
        (None, "csv", "graph"),
        (None, "turtle", "solutions"),
    ],
)
def test_nothing_acceptable(accept, fmt, kind):
    assert negotiate(accept, fmt, kind) is None


def test_an_unknown_format_name_is_invalid_input():
    with pytest.raises(InvalidInput, match="known: json, xml, csv"):
        negotiate(None, "png", "solutions")


def _store() -> ox.Store:
    s = ox.Store()
    g = ox.NamedNode(EX + "g")
    p = ox.NamedNode(EX + "p")
    for o in (
        ox.Literal("Sở Ngoại vụ", language="vi"),
        ox.Literal("42", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        ox.Literal('a "quoted"\nline, with comma'),
        ox.NamedNode(EX + "o"),
        ox.BlankNode("b1"),
    ):
        s.add(ox.Quad(ox.NamedNode(EX + "s"), p, o, g))
    return s


QUERY = "SELECT ?s ?o ?unbound WHERE { ?s ?p ?o }"


@pytest.mark.parametrize("name", ["json", "xml", "tsv"])
def test_solutions_round_trip(name):
    store = _store()
    expected = {
        tuple(str(t) if t is not None else None for t in row)
        for row in store.query(QUERY, use_default_graph_as_union=True)
    }
    out = formats.solutions(store.query(QUERY, use_default_graph_as_union=True), FORMATS[name], 100)
    assert (out.count, out.truncated) == (5, False)
    parsed = ox.parse_query_results(out.data, format=formats._RESULTS_FORMAT[name])
    assert [v.value for v in parsed.variables] == ["s", "o", "unbound"]
    got = {tuple(str(t) if t is not None else None for t in row) for row in parsed}
    assert got == expected


def test_solutions_json_is_plain_sparql_json():
    out = formats.solutions(_store().query(QUERY, use_default_graph_as_union=True), FORMATS["json"], 100)
    doc = json.loads(out.data)
    lit = [b["o"] for b in doc["results"]["bindings"] if b["o"].get("xml:lang")]
    assert lit == [{"type": "literal", "value": "Sở Ngoại vụ", "xml:lang": "vi"}]
    assert all("unbound" not in b for b in doc["results"]["bindings"])


def test_solutions_are_cut_at_the_limit():
    out = formats.solutions(_store().query(QUERY, use_default_graph_as_union=True), FORMATS["csv"], 2)
    assert (out.count, out.truncated) == (2, True)
    assert len(out.data.decode().strip().splitlines()) == 3


@pytest.mark.parametrize(
    ("name", "rdflib_format"),
    [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld"), ("rdfxml", "xml")],
)
def test_triples_round_trip_through_rdflib(name, rdflib_format):
    store = _store()
    out = formats.triples(
        store.query("CONSTRUCT WHERE { ?s ?p ?o }", use_default_graph_as_union=True), FORMATS[name], 100
    )
    g = Graph().parse(data=out.data, format=rdflib_format)
    assert len(g) == out.count == 5 and not out.truncated


def test_triples_are_cut_at_the_limit():
    out = formats.triples(
        _store().query("CONSTRUCT WHERE { ?s ?p ?o }", use_default_graph_as_union=True),
        FORMATS["ntriples"],
        3,
    )
    assert (out.count, out.truncated) == (3, True) and len(out.data.splitlines()) == 3


def test_an_empty_graph_serialises():
    empty = formats.triples(iter(()), FORMATS["turtle"], 10)
    assert empty.count == 0 and len(Graph().parse(data=empty.data, format="turtle")) == 0


def test_content_types_say_utf8_for_text():
    assert FORMATS["csv"].content_type == "text/csv; charset=utf-8"
    assert FORMATS["json"].content_type == "application/sparql-results+json"
