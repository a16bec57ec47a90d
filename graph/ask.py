"""Answering a question in words: interpret it (:mod:`graph.questions`), run the query, shape the answer.

The API's ``GET /ask`` and ``plangraph ask`` both call :func:`ask`, so they give
the same answers.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from graph import queries as Q
from graph.answers import AgencyHit
from graph.errors import NotFound
from graph.questions import catalogue, interpret


class AskResult(BaseModel):
    question: str
    understood: bool
    intent: str | None = None
    role: str | None = None
    language: str = "vi"
    entities: dict[str, Any] = Field(default_factory=dict)
    answer: dict[str, Any] | None = None
    message: str | None = None
    suggestions: list[str] = Field(default_factory=list)
    forms: list[dict] = Field(default_factory=list)


def _hit(h) -> dict:
    return AgencyHit(id=h.id, name=h.label, kind=h.kind, score=h.score, matched=h.matched).model_dump()


def ask(
    kb: Q.KnowledgeBase, question: str, *, default_year: int | None = None, limit: int = 100
) -> AskResult:
    it = interpret(question, kb.agents, default_year=default_year)
    res = AskResult(
        question=it.question, understood=it.understood, intent=it.intent, role=it.role, language=it.language
    )
    for k, v in it.entities.items():
        if k.endswith("_alternatives") or k == "mentioned":
            res.entities[k] = [_hit(h) for h in v]
        elif hasattr(v, "id") and hasattr(v, "score"):
            res.entities[k] = _hit(v)
        elif hasattr(v, "model_dump"):
            res.entities[k] = v.model_dump(mode="json")
        elif hasattr(v, "__dataclass_fields__"):
            res.entities[k] = {f: getattr(v, f) for f in v.__dataclass_fields__}
        else:
            res.entities[k] = v
    if it.intent is None:
        res.message = (
            "Chưa hiểu câu hỏi. Các dạng câu hỏi được hỗ trợ ở bên dưới. / "
            "The question was not understood; the supported forms are listed."
        )
        res.suggestions = it.suggestions
        res.forms = catalogue()
        return res
    if it.problems:
        res.message = "; ".join(it.problems)
        res.suggestions = [f["examples"][0] for f in catalogue() if f["intent"] == it.intent][:2]
        return res
    try:
        res.answer = _run(kb, it, limit=limit)
    except NotFound as exc:
        res.understood = False
        res.message = str(exc)
    return res


def _run(kb: Q.KnowledgeBase, it, *, limit: int) -> dict:
    e = it.entities
    if it.intent == "tasks_for_agency":
        roles = (it.role,) if it.role else Q.ROLES
        return Q.tasks_for_agency(kb, e["agency"].id, roles=roles, limit=limit).model_dump(mode="json")
    if it.intent == "partners":
        return Q.partners(kb, e["agency"].id).model_dump(mode="json")
    if it.intent == "legal_basis":
        tasks = Q.tasks_by_row(kb, e["task"])
        if not tasks:
            raise NotFound(f"no task {e['task']} in any plan")
        return {"results": [Q.legal_basis(kb, t.id).model_dump(mode="json") for t in tasks]}
    if it.intent == "tasks_in_period":
        p = e["period"]
        return Q.tasks_in_period(kb, p.start, p.end, limit=limit).model_dump(mode="json")
    if it.intent == "cited_by":
        doc = Q.find_document(kb, e["document"].as_written)
        return Q.cited_by(kb, doc).model_dump(mode="json")
    if it.intent == "reporting":
        agency = e.get("agency")
        return Q.calendar(kb, agency_id=agency.id if agency else None).model_dump(mode="json")
    if it.intent == "path":
        return Q.path(kb, e["agency"].id, e["agency2"].id).model_dump(mode="json")
    if it.intent == "rank_load":
        return {
            "ranking": [{"agency": a.model_dump(), "tasks_led": n} for a, n in Q.rank_by_load(kb, limit=10)]
        }
    if it.intent == "rank_centrality":
        return {"ranking": [r.model_dump() for r in Q.rank_by_centrality(kb, limit=10)]}
    raise NotFound(f"no answer for intent {it.intent}")  # pragma: no cover
