"""GET /health: is the server up, and how much does the store hold."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import StoreDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    documents: int
    triples: int


@router.get(
    "/health",
    operation_id="health",
    response_model=Health,
    responses={
        200: {"content": {"application/json": {"example": {"status": "ok", "documents": 1, "triples": 2345}}}}
    },
)
def health(store: StoreDep) -> Health:
    """Liveness plus the number of loaded documents and stored triples."""
    # counted in the store (no document listing): cheap at any size, so start-up checks stay fast
    return Health(status="ok", documents=store.count_documents(), triples=store.count_triples())
