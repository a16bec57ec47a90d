"""Result formats of the SPARQL endpoint: content negotiation and serialisation, with a size limit.

Three kinds of result: ``solutions`` (SELECT), ``boolean`` (ASK) and ``graph`` (CONSTRUCT,
DESCRIBE); each has its formats, the first being the default when Accept allows anything.

>>> negotiate("text/csv;q=0.5, application/sparql-results+xml", None, "solutions").name
'xml'
>>> negotiate(None, None, "graph").media_type
'text/turtle'
>>> negotiate("text/csv", None, "graph") is None
True
>>> negotiate("*/*", "ntriples", "graph").name
'ntriples'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

import pyoxigraph as ox

from graph.errors import InvalidInput
from ontology.namespaces import PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        """The Content-Type header (UTF-8 said explicitly for text/* types)."""
        return f"{self.media_type}; charset=utf-8" if self.media_type.startswith("text/") else self.media_type


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", "application/sparql-results+json", ("application/json",)),
        Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml")),
        Format("csv", "text/csv"),
        Format("tsv", "text/tab-separated-values"),
        Format("turtle", "text/turtle", ("application/x-turtle",)),
        Format("ntriples", "application/n-triples"),
        Format("jsonld", "application/ld+json"),
        Format("rdfxml", "application/rdf+xml"),
    )
}
#: The formats of each kind of result, the default first.
KINDS: dict[str, tuple[str, ...]] = {
    "solutions": ("json", "xml", "csv", "tsv"),
    "boolean": ("json", "xml", "csv", "tsv"),
    "graph": ("turtle", "ntriples", "jsonld", "rdfxml"),
}
#: The kind of result of each query form.
FORM_KIND = {"SELECT": "solutions", "ASK": "boolean", "CONSTRUCT": "graph", "DESCRIBE": "graph"}

_RESULTS_FORMAT = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_RDF_FORMAT = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def format_named(value: str) -> Format:
    """The format a ``format=`` parameter names: a short name or a media type."""
    key = value.strip().lower()
    if key in FORMATS:
        return FORMATS[key]
    for f in FORMATS.values():
        if key == f.media_type or key in f.aliases:
            return f
    raise InvalidInput(f"unknown result format '{value[:50]}' (known: {', '.join(FORMATS)})")


def _ranges(accept: str) -> list[tuple[str, float]]:
    """Media ranges of an Accept header with their q values, in the client's order."""
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 1.0
        ranges.append((media, q))
    return ranges


def _quality(f: Format, ranges: list[tuple[str, float]]) -> tuple[float, int, int]:
    """(q, specificity, -position) of the most specific range matching ``f``."""
    best = (0.0, -1, 0)
    major = f.media_type.split("/")[0]
    for position, (media, q) in enumerate(ranges):
        if media == f.media_type or media in f.aliases:
            rank = 2
        elif media == f"{major}/*":
            rank = 1
        elif media == "*/*":
            rank = 0
        else:
            continue
        if rank > best[1]:
            best = (q, rank, -position)
    return best


def negotiate(accept: str | None, format_param: str | None, kind: str) -> Format | None:
    """The format to answer a ``kind`` of result with, or None when nothing acceptable fits.

    ``format_param`` (a name or media type) overrides Accept. Among acceptable formats the
    highest q wins, then the most specific match, then the client's order, then ours.
    """
    candidates = [FORMATS[name] for name in KINDS[kind]]
    if format_param:
        chosen = format_named(format_param)
        return chosen if chosen in candidates else None
    if not accept or not accept.strip():
        return candidates[0]
    ranges = _ranges(accept)
    scored = [(_quality(f, ranges), -i, f) for i, f in enumerate(candidates)]
    scored = [s for s in scored if s[0][0] > 0]
    if not scored:
        return None
    return max(scored, key=lambda s: (s[0][0], s[0][1], s[0][2], s[1]))[2]


# -- serialisation ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Serialized:
    """A serialised result: its bytes, how many rows or triples it holds, and whether more were cut."""

    data: bytes
    count: int
    truncated: bool


def _term(term) -> dict:
    """One RDF term in the SPARQL 1.1 JSON results format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {k: _term(getattr(term, k)) for k in ("subject", "predicate", "object")},
        }
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _bounded(items: Iterable, limit: int) -> tuple[list, bool]:
    taken = list(islice(items, limit + 1))
    return taken[:limit], len(taken) > limit


def solutions(results: ox.QuerySolutions, fmt: Format, limit: int) -> Serialized:
    """At most ``limit`` rows of a SELECT, in ``fmt``.

    The rows are written as SPARQL JSON here, then (for every format) re-read and written by
    Oxigraph's own result writers, so the output is exactly Oxigraph's.
    """
    names = [v.value for v in results.variables]
    rows, truncated = _bounded(results, limit)
    bindings = [
        {name: _term(value) for name, value in zip(names, row, strict=True) if value is not None}
        for row in rows
    ]
    document = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False)
    parsed = ox.parse_query_results(document.encode("utf-8"), format=ox.QueryResultsFormat.JSON)
    return Serialized(parsed.serialize(format=_RESULTS_FORMAT[fmt.name]), len(rows), truncated)


def boolean(result: ox.QueryBoolean, fmt: Format) -> Serialized:
    """An ASK answer (CSV and TSV: Oxigraph's plain ``true`` / ``false``)."""
    return Serialized(result.serialize(format=_RESULTS_FORMAT[fmt.name]), 1, False)


def triples(results: Iterator[ox.Triple], fmt: Format, limit: int) -> Serialized:
    """At most ``limit`` triples of a CONSTRUCT or DESCRIBE, in ``fmt`` (Oxigraph's writers)."""
    kept, truncated = _bounded(results, limit)
    prefixes = dict(PREFIXES) if fmt.name in ("turtle", "rdfxml") else None
    data = ox.serialize(kept, format=_RDF_FORMAT[fmt.name], prefixes=prefixes)
    return Serialized(data or b"", len(kept), truncated)
