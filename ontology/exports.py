"""RDF exports of the whole store, deterministic so that exports diff well.

- ``nquads`` and ``trig`` keep the dataset: one named graph per document.
- ``ntriples``, ``turtle``, ``jsonld`` and ``rdfxml`` give the merged graph
  (the union of the document graphs; shared agencies and documents once).

N-Triples and N-Quads are written from pyoxigraph with their lines sorted
(fast at any size). Turtle, TriG, JSON-LD and RDF/XML go through rdflib,
which groups triples by subject and reads well, but needs memory and time in
proportion to the store: for a large store use ``nquads``.

>>> sorted(FORMATS)
['jsonld', 'nquads', 'ntriples', 'rdfxml', 'trig', 'turtle']
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from graph.errors import InvalidInput
from ontology.namespaces import PREFIXES


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    extension: str
    dataset: bool  # keeps the named graphs


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", "text/turtle", ".ttl", False),
        Format("jsonld", "application/ld+json", ".jsonld", False),
        Format("ntriples", "application/n-triples", ".nt", False),
        Format("nquads", "application/n-quads", ".nq", True),
        Format("trig", "application/trig", ".trig", True),
        Format("rdfxml", "application/rdf+xml", ".rdf", False),
    )
}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name.lower()]
    except KeyError:
        known = ", ".join(FORMATS)
        raise InvalidInput(f"unknown export format '{name}' (known: {known})") from None


def sorted_lines(data: bytes) -> bytes:
    """Unique lines, sorted (N-Triples / N-Quads)."""
    lines = sorted(set(data.splitlines()))
    return b"".join(line + b"\n" for line in lines if line)


def ntriples(store: ox.Store) -> bytes:
    """The merged graph as sorted N-Triples."""
    return sorted_lines(ox.serialize((q.triple for q in store), format=ox.RdfFormat.N_TRIPLES))


def nquads(store: ox.Store) -> bytes:
    """The dataset as sorted N-Quads."""
    return sorted_lines(store.dump(format=ox.RdfFormat.N_QUADS))


def _bind(g) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)


def _rdflib_graph(store: ox.Store):
    from rdflib import Graph

    g = Graph(bind_namespaces="none")
    _bind(g)
    return g.parse(data=ntriples(store).decode("utf-8"), format="nt")


def _rdflib_dataset(store: ox.Store):
    from rdflib import Dataset

    ds = Dataset(default_union=False)
    _bind(ds)
    return ds.parse(data=nquads(store).decode("utf-8"), format="nquads")


def _stable(value):
    """JSON-LD with every list in a stable order (rdflib's order follows Python's string hashing)."""
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_stable(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def jsonld(store: ox.Store) -> bytes:
    """The merged graph as compact JSON-LD with the project's prefixes as its context."""
    text = _rdflib_graph(store).serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
    doc = _stable(json.loads(text))
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def rdfxml(store: ox.Store) -> bytes:
    """The merged graph as RDF/XML, subjects in sorted order (pyoxigraph's writer)."""
    triples = ox.parse(ntriples(store), format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize(triples, format=ox.RdfFormat.RDF_XML, prefixes=PREFIXES)


def serialize(store: ox.Store, fmt: str) -> bytes:
    """The whole store in one format, as bytes."""
    f = get_format(fmt)
    if f.name == "ntriples":
        return ntriples(store)
    if f.name == "nquads":
        return nquads(store)
    if f.name == "jsonld":
        return jsonld(store)
    if f.name == "rdfxml":
        return rdfxml(store)
    if f.name == "trig":
        return _rdflib_dataset(store).serialize(format="trig", encoding="utf-8")
    return _rdflib_graph(store).serialize(format="turtle", encoding="utf-8")


def write(store: ox.Store, fmt: str, output: str | Path = "-") -> int:
    """Write an export to a file (atomically) or to stdout (``-``); returns the number of bytes."""
    return write_bytes(serialize(store, fmt), output)


def write_bytes(data: bytes, output: str | Path = "-") -> int:
    """Write serialized data to a file (atomically) or to stdout (``-``)."""
    if str(output) == "-":
        out: BinaryIO = sys.stdout.buffer
        out.write(data)
        out.flush()
        return len(data)
    path = Path(output)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return len(data)
