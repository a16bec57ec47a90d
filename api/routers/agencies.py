"""/agencies: search by name, one agency, its tasks by role, its partners."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query

from api.deps import KBDep
from graph import queries as Q
from graph.answers import AgencyHit, AgencyOut, Partners, TaskPage

router = APIRouter(prefix="/agencies", tags=["agencies"])

_NOT_FOUND = {404: {"description": "No agency with this id"}}
_HIT = {
    "id": "ha-noi/so-ngoai-vu",
    "name": "Sở Ngoại vụ thành phố Hà Nội",
    "kind": "agency",
    "score": 100.0,
    "matched": "so ngoai vu",
}


@router.get(
    "",
    operation_id="search_agencies",
    response_model=list[AgencyHit],
    responses={200: {"content": {"application/json": {"example": [_HIT]}}}},
)
def search_agencies(
    kb: KBDep,
    q: str = Query(
        ...,
        min_length=1,
        max_length=200,
        description="A name, with or without diacritics or "
        "abbreviations: 'so ngoai vu', 'Sở TT&TT', 'ban tuyen giao TU'.",
        examples=["so ngoai vu"],
    ),
    limit: int = Query(10, ge=1, le=100),
) -> list[AgencyHit]:
    """Agencies and groups whose names match ``q`` (best first)."""
    return [
        AgencyHit(id=h.id, name=h.label, kind=h.kind, score=h.score, matched=h.matched)
        for h in Q.search_agencies(kb, q, limit=limit)
    ]


@router.get(
    "/{agency_id:path}/tasks", operation_id="agency_tasks", response_model=TaskPage, responses=_NOT_FOUND
)
def agency_tasks(
    agency_id: str,
    kb: KBDep,
    role: Literal["lead", "coordinating", "any"] = Query("any", description="lead, coordinating or any"),
    include_subunits: bool = Query(False, description="Also the tasks of its sub-units."),
    limit: int = Query(100, ge=1, le=Q.MAX_PAGE),
    offset: int = Query(0, ge=0),
) -> TaskPage:
    """The tasks an agency leads or coordinates, each with its evidence (paginated; ``total`` counts all).

    Ordered by document, newest first, then in the order of the document (a stable order: pages
    never overlap); on a store written before the task index, by task id until ``plangraph reindex``."""
    roles = Q.ROLES if role == "any" else (role,)
    return Q.tasks_for_agency(
        kb, agency_id, roles=roles, include_subunits=include_subunits, limit=limit, offset=offset
    )


@router.get(
    "/{agency_id:path}/partners",
    operation_id="agency_partners",
    response_model=Partners,
    responses=_NOT_FOUND,
)
def agency_partners(agency_id: str, kb: KBDep) -> Partners:
    """The agencies and groups this agency shares tasks with, most shared first, with example tasks."""
    return Q.partners(kb, agency_id)


@router.get("/{agency_id:path}", operation_id="get_agency", response_model=AgencyOut, responses=_NOT_FOUND)
def get_agency(agency_id: str, kb: KBDep) -> AgencyOut:
    """One agency or group: names, level, parent, sub-units, task counts, where it is first named."""
    return Q.agency(kb, agency_id)
