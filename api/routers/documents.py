"""/documents: list the loaded documents, upload one (load it), delete one."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Query, Response, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from api.deps import KBDep, SettingsDep, StoreDep, WriterDep
from graph import queries as Q
from graph.answers import CitedBy, LegalDocOut
from graph.errors import PayloadTooLarge
from loaders import sources
from loaders.corpus import load_bytes
from ontology.store import GraphStore, LoadResult

router = APIRouter(prefix="/documents", tags=["documents"])

_EXAMPLE = {
    "id": "vn/ubnd-ha-noi/kh/2022/94",
    "iri": "https://w3id.org/plangraph/id/eli/vn/ubnd-ha-noi/kh/2022/94",
    "title": "Tổ chức hoạt động thông tin đối ngoại năm 2022",
    "label": "Kế hoạch 94/KH-UBND",
    "symbol": "94/KH-UBND",
    "date": "2022-03-25",
    "triples": 5210,
}


class DocumentOut(BaseModel):
    id: str
    iri: str
    title: str | None
    label: str | None
    symbol: str | None
    date: dt.date | None
    triples: int


class DocumentList(BaseModel):
    total: int
    documents: list[DocumentOut]


class Loaded(BaseModel):
    id: str
    triples: int
    changed: bool


@router.get(
    "",
    operation_id="list_documents",
    response_model=DocumentList,
    responses={200: {"content": {"application/json": {"example": {"total": 1, "documents": [_EXAMPLE]}}}}},
)
def list_documents(
    store: StoreDep,
    limit: int = Query(100, ge=1, le=1000, description="Page size."),
    offset: int = Query(0, ge=0, description="Documents to skip."),
) -> DocumentList:
    """The loaded documents, sorted by id, with their triple counts."""
    docs = store.documents()  # one query, one snapshot: the total always matches the list, even mid-write
    page = docs[offset : offset + limit]
    return DocumentList(
        total=len(docs),
        documents=[DocumentOut(**{k: getattr(d, k) for k in DocumentOut.model_fields}) for d in page],
    )


@router.post(
    "",
    operation_id="upload_document",
    status_code=201,
    response_model=Loaded,
    dependencies=[WriterDep],
    responses={
        201: {
            "content": {
                "application/json": {"example": {"id": _EXAMPLE["id"], "triples": 5210, "changed": True}}
            }
        }
    },
)
async def upload_document(file: UploadFile, store: StoreDep, settings: SettingsDep, kb: KBDep) -> Loaded:
    """Upload a plan (.md, .txt): it is extracted and loaded, replacing any older version (needs X-API-Key)."""
    data = await file.read(settings.max_upload_bytes + 1)
    if len(data) > settings.max_upload_bytes:
        raise PayloadTooLarge(f"the upload is larger than {settings.max_upload_bytes} bytes")
    result = await run_in_threadpool(_load, store, data, display_name(file.filename))
    if result.changed:  # off the event loop: it waits while the name indexes are being merged
        await run_in_threadpool(kb.apply, result.id, result.names_before, result.names)
    return Loaded(id=result.id, triples=result.triples, changed=result.changed)


def _load(store: GraphStore, data: bytes, name: str) -> LoadResult:
    """Load an upload; flush a change at once, so that read-only readers (the SPARQL workers, the CLI)
    open in milliseconds instead of replaying the writer's log (seconds after a few large loads)."""
    result = load_bytes(store, data, name=name)
    if result.changed:
        store.flush()
    return result


def display_name(filename: str | None) -> str:
    """The uploaded file's name for display and its extension only: its last path component.

    The upload is read from memory (or the multipart parser's private temporary file); nothing is
    ever opened or created under a name the client chose.

    >>> display_name("../../etc/passwd.md"), display_name("C:\\\\x\\\\kế-hoạch.md"), display_name(None)
    ('passwd.md', 'kế-hoạch.md', 'upload.md')
    """
    last = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip().replace("\x00", "")
    return last if last not in ("", ".", "..") else "upload.md"


@router.delete("/{id:path}", operation_id="delete_document", status_code=204, dependencies=[WriterDep])
def delete_document(id: str, store: StoreDep, kb: KBDep) -> Response:
    """Remove a document's graph from the store, and the kept copy of its text (needs X-API-Key)."""
    before = store.delete_document(id)
    store.flush()
    sources.remove(store.path, id)
    kb.apply(id, before, None)
    return Response(status_code=204)


_DOC_EXAMPLE = {
    "id": "vn/chinh-phu/nd/2015/72",
    "full_symbol": "72/2015/NĐ-CP",
    "doc_type": "Nghị định",
    "date": "2015-09-07",
    "issuer": "Chính phủ",
    "title": "quản lý hoạt động thông tin đối ngoại",
    "kind": "legal_document",
    "loaded": False,
}


@router.get(
    "/{id:path}/cited-by",
    operation_id="document_cited_by",
    response_model=CitedBy,
    responses={404: {"description": "No such document"}},
)
def document_cited_by(id: str, kb: KBDep) -> CitedBy:
    """Which plans are based on, or cite, this document — and which of their tasks cite it — with evidence.

    ``id`` is a document id (``vn/chinh-phu/nd/2015/72``) or a symbol (``72/2015/NĐ-CP``, ``nd 72/2015``).
    """
    return Q.cited_by(kb, Q.find_document(kb, id))


@router.get(
    "/{id:path}",
    operation_id="get_document",
    response_model=LegalDocOut,
    responses={
        200: {"content": {"application/json": {"example": _DOC_EXAMPLE}}},
        404: {"description": "No such document"},
    },
)
def get_document(id: str, kb: KBDep) -> LegalDocOut:
    """One document, loaded plan or cited document, by id or symbol."""
    return Q.document(kb, Q.find_document(kb, id))
