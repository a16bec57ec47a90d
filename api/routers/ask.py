"""/ask: a question in Vietnamese (with or without diacritics) or English."""

from __future__ import annotations

from fastapi import APIRouter, Query

from api.deps import KBDep
from graph.ask import AskResult, ask
from graph.questions import catalogue

router = APIRouter(tags=["ask"])


@router.get("/ask", operation_id="ask", response_model=AskResult)
def ask_question(
    kb: KBDep,
    q: str = Query(
        ...,
        min_length=1,
        max_length=500,
        description="The question.",
        examples=["nhiệm vụ nào do Sở Ngoại vụ chủ trì", "which legal basis authorizes task V.1?"],
    ),
    limit: int = Query(100, ge=1, le=500),
) -> AskResult:
    """The interpretation (intent, resolved entities) and the answers. A question that is not understood
    gets the forms that are, and the closest ones (still 200: it is an answer, not an error)."""
    return ask(kb, q, default_year=kb.default_year(), limit=limit)


@router.get("/ask/forms", operation_id="ask_forms")
def ask_forms() -> list[dict]:
    """The question forms plangraph understands, with examples in Vietnamese and English."""
    return catalogue()
