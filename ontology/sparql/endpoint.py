"""The SPARQL endpoint's logic, independent of HTTP: check a request, run it, return its result.

>>> from ontology.sparql.endpoint import SparqlRequest, prepare
>>> prepare(SparqlRequest("ASK { ?s ?p ?o }", accept="application/sparql-results+xml")).formats["boolean"]
'xml'
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import pyoxigraph as ox

from graph.errors import InvalidInput
from ontology.sparql import formats, guard
from ontology.sparql.errors import NotAcceptable, QueryTooLarge
from ontology.sparql.pool import QueryPool
from ontology.sparql.worker import Answer, Job
from ontology.store import GraphStore

#: The longest query accepted, in UTF-8 bytes.
MAX_QUERY_BYTES = 100_000
#: The most default-graph-uri plus named-graph-uri values accepted.
MAX_GRAPHS = 100


@dataclass(frozen=True)
class SparqlRequest:
    """A query as the SPARQL 1.1 Protocol delivers it."""

    query: str
    accept: str | None = None
    format: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Prepared:
    """A request that passed the checks the server makes itself, ready for a worker."""

    query: str
    formats: dict[str, str | None]
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None


def _iris(values: tuple[str, ...], name: str) -> tuple[str, ...]:
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError:
            raise InvalidInput(f"{name} must be an absolute IRI, not '{value[:100]}'") from None
    return values


def prepare(request: SparqlRequest) -> Prepared:
    """Length, the lexical guard, content negotiation and graph IRIs: cheap checks, in the server.

    Raises QueryTooLarge (413), UpdateRefused / ServiceRefused / InvalidInput (400) or
    NotAcceptable (406) before any worker is involved.
    """
    size = len(request.query.encode("utf-8", "surrogatepass"))
    if size > MAX_QUERY_BYTES:
        raise QueryTooLarge(f"the query is {size} bytes long; the limit is {MAX_QUERY_BYTES}")
    if not request.query.strip():
        raise InvalidInput("the query is empty")
    if len(request.default_graphs) + len(request.named_graphs) > MAX_GRAPHS:
        raise InvalidInput(f"at most {MAX_GRAPHS} default-graph-uri and named-graph-uri values are accepted")
    scanned = guard.scan(request.query)
    chosen = {}
    for kind in formats.KINDS:
        f = formats.negotiate(request.accept, request.format, kind)
        chosen[kind] = f.name if f else None
    if scanned.form is not None and chosen[formats.FORM_KIND[scanned.form]] is None:
        kind = formats.FORM_KIND[scanned.form]
        offered = ", ".join(formats.FORMATS[n].media_type for n in formats.KINDS[kind])
        raise NotAcceptable(
            f"a {scanned.form} query can answer with {offered}, and none of them was accepted"
        )
    given = bool(request.default_graphs or request.named_graphs)
    return Prepared(
        query=request.query,
        formats=chosen,
        default_graphs=_iris(request.default_graphs, "default-graph-uri") if given else None,
        named_graphs=_iris(request.named_graphs, "named-graph-uri") if given else None,
    )


def source_of(store: GraphStore) -> tuple[str, object]:
    """How a worker reaches ``store``: its folder, or (in-memory stores) a copy as N-Quads."""
    if store.path is not None:
        return ("path", str(store.path.resolve()))
    return ("snapshot", store.raw.dump(format=ox.RdfFormat.N_QUADS))


async def answer(
    request: SparqlRequest, store: GraphStore, pool: QueryPool, *, timeout: float, max_results: int
) -> Answer:
    """Check ``request``, run it in a worker within ``timeout`` seconds, at most ``max_results`` rows."""
    prepared = await asyncio.to_thread(prepare, request)  # scanning 100 kB takes a few ms: not in the loop

    def job() -> Job:  # built in a pool thread: copying an in-memory store takes a moment
        return Job(
            query=prepared.query,
            source=source_of(store),
            formats=prepared.formats,
            max_results=max_results,
            default_graphs=prepared.default_graphs,
            named_graphs=prepared.named_graphs,
        )

    return await pool.run(job, timeout)
