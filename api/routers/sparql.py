"""/sparql: the SPARQL 1.1 Protocol, read-only, bounded in time and size (see docs/sparql.md).

The handlers only translate HTTP (query string, form or ``application/sparql-query`` body,
Accept) into a :class:`~ontology.sparql.endpoint.SparqlRequest` and the answer back into a
response; checking, running and serialising live in ``ontology/sparql/``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from contextlib import asynccontextmanager
from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import APIRouter, Depends, FastAPI, Query, Request, Response

from api.deps import SettingsDep, StoreDep
from api.settings import Settings
from graph.errors import InvalidInput
from ontology.sparql import endpoint
from ontology.sparql.errors import QueryTooLarge, UnsupportedMediaType, UpdateRefused
from ontology.sparql.guard import UPDATE_MESSAGE
from ontology.sparql.pool import QueryPool
from ontology.sparql.worker import Answer

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
#: A form body may percent-encode every byte of the query (3 bytes each) plus other fields.
MAX_BODY_BYTES = 3 * endpoint.MAX_QUERY_BYTES + 16_384

EXAMPLE = """PREFIX pg: <https://w3id.org/plangraph/ontology#>
SELECT ?task ?row WHERE { ?task a pg:Task ; pg:rowLabel ?row } LIMIT 5"""
_EXAMPLE_JSON = {
    "head": {"vars": ["task", "row"]},
    "results": {
        "bindings": [
            {
                "task": {
                    "type": "uri",
                    "value": "https://w3id.org/plangraph/id/eli/vn/ubnd-ha-noi/kh/2022/94/task/I-1",
                },
                "row": {"type": "literal", "value": "I.1"},
            }
        ]
    },
}


def _problem(status: int, description: str, detail: str) -> dict:
    example = {"type": "urn:plangraph:error:…", "title": "…", "status": status, "detail": detail}
    return {
        "description": description,
        "content": {"application/problem+json": {"example": {**example, "instance": "/sparql"}}},
    }


RESPONSES: dict = {
    200: {
        "description": "The result: SELECT and ASK as SPARQL JSON (default), XML, CSV or TSV; "
        "CONSTRUCT and DESCRIBE as Turtle (default), N-Triples, JSON-LD or RDF/XML. Headers "
        "`Plangraph-Result-Count`, `Plangraph-Result-Limit`, `Plangraph-Result-Truncated`.",
        "content": {
            "application/sparql-results+json": {"example": _EXAMPLE_JSON},
            "application/sparql-results+xml": {"schema": {"type": "string"}},
            "text/csv": {
                "example": "task,row\r\nhttps://w3id.org/plangraph/id/eli/vn/ubnd-ha-noi/kh/2022/94/task/I-1,I.1\r\n"
            },
            "text/tab-separated-values": {"schema": {"type": "string"}},
            "text/turtle": {"schema": {"type": "string"}},
            "application/n-triples": {"schema": {"type": "string"}},
            "application/ld+json": {"schema": {"type": "array", "items": {"type": "object"}}},
            "application/rdf+xml": {"schema": {"type": "string"}},
        },
    },
    400: _problem(
        400,
        "Syntax error, update, SERVICE, missing or repeated `query`, bad graph IRI or format.",
        "SPARQL updates (INSERT) are refused: this endpoint is read-only",
    ),
    406: _problem(
        406,
        "No acceptable format for this query form.",
        "a SELECT query can answer with application/sparql-results+json, …",
    ),
    413: _problem(
        413, "The query (or request body) is too long.", "the query is 120000 bytes long; the limit is 100000"
    ),
    415: _problem(
        415,
        "POST body neither a form nor application/sparql-query.",
        "POST /sparql takes application/x-www-form-urlencoded or application/sparql-query",
    ),
    503: _problem(
        503,
        "Every query worker stayed busy for the whole time limit, or a worker failed.",
        "all 2 query workers stayed busy for 10 s; try again later",
    ),
    504: _problem(
        504,
        "The query ran past the time limit; it was stopped.",
        "the query ran longer than the 10 s limit and was stopped; …",
    ),
}

_pool_lock = threading.Lock()


@asynccontextmanager
async def _lifespan(app: FastAPI):
    """Workers start with the first query; at shutdown they are killed."""
    yield
    pool = getattr(app.state, "sparql_pool", None)
    if pool is not None:
        app.state.sparql_pool = None
        pool.close()


def get_pool(request: Request) -> QueryPool:
    """The app's query workers, started on first use."""
    state = request.app.state
    with _pool_lock:
        if getattr(state, "sparql_pool", None) is None:
            state.sparql_pool = QueryPool()
        return state.sparql_pool


PoolDep = Annotated[QueryPool, Depends(get_pool)]
router = APIRouter(prefix="/sparql", tags=["sparql"], lifespan=_lifespan)


def _request_from(items: Iterable[tuple[str, str]], accept: str | None) -> endpoint.SparqlRequest:
    """A protocol request from its parameters (query string and/or form fields)."""
    fields: dict[str, list[str]] = {}
    for key, value in items:
        fields.setdefault(key, []).append(value)
    if "update" in fields:
        raise UpdateRefused(UPDATE_MESSAGE.format("the update operation"))
    queries = fields.get("query", [])
    if not queries:
        raise InvalidInput("a 'query' parameter is required (SPARQL 1.1 Protocol)")
    if len(queries) > 1:
        raise InvalidInput("exactly one 'query' parameter is allowed")
    formats = fields.get("format", [])
    return endpoint.SparqlRequest(
        query=queries[0],
        accept=accept,
        format=formats[-1] if formats else None,
        default_graphs=tuple(fields.get("default-graph-uri", ())),
        named_graphs=tuple(fields.get("named-graph-uri", ())),
    )


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise QueryTooLarge(f"the request body is larger than {limit} bytes")
    data = bytearray()
    async for chunk in request.stream():
        data.extend(chunk)
        if len(data) > limit:
            raise QueryTooLarge(f"the request body is larger than {limit} bytes")
    return bytes(data)


def _utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput("the request body is not UTF-8") from None


async def _answer(req: endpoint.SparqlRequest, store, settings: Settings, pool: QueryPool) -> Response:
    answer: Answer = await endpoint.answer(
        req, store, pool, timeout=settings.sparql_timeout_s, max_results=settings.sparql_max_results
    )
    headers = {
        "Vary": "Accept",
        "Plangraph-Result-Count": str(answer.count),
        "Plangraph-Result-Limit": str(settings.sparql_max_results),
        "Plangraph-Result-Truncated": "true" if answer.truncated else "false",
    }
    return Response(answer.data, headers=headers, media_type=answer.content_type)


@router.get("", operation_id="sparql_query_get", response_class=Response, responses=RESPONSES)
async def sparql_query_get(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    pool: PoolDep,
    query: Annotated[
        str | None,
        Query(
            description="The SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE); required.",
            openapi_examples={"tasks": {"summary": "Five tasks and their rows", "value": EXAMPLE}},
        ),
    ] = None,
    default_graph_uri: Annotated[
        list[str] | None,
        Query(alias="default-graph-uri", description="Graphs merged into the default graph."),
    ] = None,
    named_graph_uri: Annotated[
        list[str] | None, Query(alias="named-graph-uri", description="Graphs available to GRAPH.")
    ] = None,
    format: Annotated[
        str | None,
        Query(description="Overrides Accept: json, xml, csv, tsv, turtle, ntriples, jsonld, rdfxml."),
    ] = None,
) -> Response:
    """Run a read-only SPARQL query (SPARQL 1.1 Protocol, query via GET).

    Without `default-graph-uri`, `named-graph-uri` or FROM, the default graph is the union of
    every document's graph. Updates and SERVICE are refused (400); queries are stopped at the
    time limit (504); results beyond the result limit are cut (`Plangraph-Result-Truncated: true`).
    """
    req = _request_from(request.query_params.multi_items(), request.headers.get("accept"))
    return await _answer(req, store, settings, pool)


_POST_BODY = {
    "required": True,
    "content": {
        FORM: {
            "schema": {
                "type": "object",
                "required": ["query"],
                "properties": {
                    "query": {"type": "string"},
                    "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                    "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                },
            },
            "example": {"query": EXAMPLE},
        },
        SPARQL_QUERY: {"schema": {"type": "string"}, "example": EXAMPLE},
    },
}


@router.post(
    "",
    operation_id="sparql_query_post",
    response_class=Response,
    responses=RESPONSES,
    openapi_extra={"requestBody": _POST_BODY},
)
async def sparql_query_post(
    request: Request, store: StoreDep, settings: SettingsDep, pool: PoolDep
) -> Response:
    """Run a read-only SPARQL query (SPARQL 1.1 Protocol, query via POST).

    The body is a form (`query=…`, and `default-graph-uri` / `named-graph-uri`) or the query
    itself as `application/sparql-query` (graph IRIs then in the URL). `format` may be given in
    the URL. Same rules as GET.
    """
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    url_items = request.query_params.multi_items()
    if media == FORM:
        text = _utf8(await _body(request, MAX_BODY_BYTES))
        try:
            items = parse_qsl(text, keep_blank_values=True, max_num_fields=1_000)
        except ValueError:
            raise InvalidInput("the form has too many fields") from None
    elif media == SPARQL_QUERY:
        items = [("query", _utf8(await _body(request, MAX_BODY_BYTES)))]
    elif media == "application/sparql-update":
        raise UpdateRefused(UPDATE_MESSAGE.format("application/sparql-update"))
    else:
        raise UnsupportedMediaType(f"POST /sparql takes {FORM} (query=…) or {SPARQL_QUERY}")
    req = _request_from([*items, *url_items], request.headers.get("accept"))
    return await _answer(req, store, settings, pool)
