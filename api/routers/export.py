"""/export/{format}: the store as a file (RDF formats; the same bytes as ``plangraph export``)."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.concurrency import run_in_threadpool

from api.deps import StoreDep
from ontology import exports

router = APIRouter(prefix="/export", tags=["export"])


@router.get(
    "/{fmt}",
    operation_id="export",
    response_class=Response,
    responses={
        200: {
            "content": {f.media_type: {} for f in exports.FORMATS.values()},
            "description": "The whole store in the format asked for.",
        },
        400: {"description": "Unknown format"},
    },
)
async def export(fmt: str, store: StoreDep) -> Response:
    """The whole store as ``turtle``, ``jsonld``, ``ntriples``, ``nquads``, ``trig`` or ``rdfxml`` (deterministic)."""
    f = exports.get_format(fmt)
    data = await run_in_threadpool(exports.serialize, store.raw, f.name)
    return Response(
        data,
        media_type=f.media_type,
        headers={"Content-Disposition": f'attachment; filename="plangraph{f.extension}"'},
    )
