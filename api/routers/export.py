"""/export/{format}: the store as a file — RDF, or the files staff use (the same bytes as ``plangraph export``)."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.concurrency import run_in_threadpool

from api.deps import KBDep, StoreDep
from ontology import exports, sinks

router = APIRouter(prefix="/export", tags=["export"])


@router.get(
    "/{fmt}",
    operation_id="export",
    response_class=Response,
    responses={
        200: {
            "content": {f.media_type: {} for f in (*exports.FORMATS.values(), *sinks.FORMATS.values())},
            "description": "The whole store in the format asked for.",
        },
        400: {"description": "Unknown format"},
    },
)
async def export(fmt: str, store: StoreDep, kb: KBDep) -> Response:
    """The whole store as RDF (``turtle``, ``jsonld``, ``ntriples``, ``nquads``, ``trig``, ``rdfxml``) or for
    staff: ``xlsx`` (a sheet per lead agency), ``ics`` (deadlines), ``csv`` (tasks), ``graphml`` / ``gexf``
    (the coordination network). Deterministic."""
    f = sinks.resolve(fmt)
    if f.staff:
        data = await run_in_threadpool(sinks.export, kb, f.name)
    else:
        data = await run_in_threadpool(exports.serialize, store.raw, f.name)
    return Response(
        data,
        media_type=f.media_type,
        headers={"Content-Disposition": f'attachment; filename="plangraph{f.extension}"'},
    )
