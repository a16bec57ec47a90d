"""/calendar: reporting duties and dated deadlines."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Query

from api.deps import KBDep
from graph import queries as Q
from graph.answers import Calendar

router = APIRouter(prefix="/calendar", tags=["calendar"])


@router.get("", operation_id="calendar", response_model=Calendar)
def calendar(
    kb: KBDep,
    agency: str | None = Query(None, max_length=200, description="An agency id or name: only its duties."),
    start: dt.date | None = Query(None, description="From this date (deadlines)."),
    end: dt.date | None = Query(None, description="Up to this date (deadlines)."),
) -> Calendar:
    """Who reports what to whom and when, and (for one agency and a period) its task deadlines."""
    agency_id = Q.resolve_agency(kb, agency) if agency else None
    return Q.calendar(kb, agency_id=agency_id, start=start, end=end)
