"""/viz: the network views as self-contained HTML pages (the same pages as ``plangraph viz``).

Node links go to the web pages (``/ui/...``) of this server, evidence to the kept source lines.
Unknown agencies, plans and tasks are ``application/problem+json`` 404s; bad parameters 400/422.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from api.deps import KBDep, StoreDep
from loaders import sources
from ontology.store import GraphStore
from viz.graphs import Links
from viz.store_views import render

router = APIRouter(prefix="/viz", tags=["viz"])

_RESPONSES = {
    200: {"content": {"text/html": {}}, "description": "An offline HTML page drawing the network."},
    404: {"description": "No such agency, plan or task"},
}
#: the page's own Content-Security-Policy (a meta element) forbids every load; this only limits framing
_HEADERS = {
    "Content-Security-Policy": "frame-ancestors 'self'",
    "X-Frame-Options": "SAMEORIGIN",
    "X-Content-Type-Options": "nosniff",
}
Lang = Literal["vi", "en"]


def _links(store: GraphStore, lang: str) -> Links:
    return Links(lang=lang, has_source=lambda doc_id: sources.has(store.path, doc_id))


def _page(html: str) -> HTMLResponse:
    return HTMLResponse(html, headers=_HEADERS)


@router.get(
    "/coordination", operation_id="viz_coordination", response_class=HTMLResponse, responses=_RESPONSES
)
def viz_coordination(
    kb: KBDep,
    store: StoreDep,
    jurisdiction: str | None = Query(None, max_length=60, description="Only one province's plans: 'ha-noi'."),
    plan: str | None = Query(None, max_length=200, description="Only one plan (id or symbol)."),
    lang: Lang = Query("vi"),
) -> HTMLResponse:
    """Agencies sized by tasks led, linked by shared tasks, coloured by kind; filters by kind and plan."""
    links = _links(store, lang)
    return _page(render(kb, "coordination", jurisdiction=jurisdiction, plan=plan, lang=lang, links=links))


@router.get(
    "/plan/{plan_id:path}", operation_id="viz_plan", response_class=HTMLResponse, responses=_RESPONSES
)
def viz_plan(plan_id: str, kb: KBDep, store: StoreDep, lang: Lang = Query("vi")) -> HTMLResponse:
    """A loaded plan, its tasks and the agencies that lead or coordinate them."""
    return _page(render(kb, "plan", plan=plan_id, lang=lang, links=_links(store, lang)))


@router.get(
    "/agency/{agency_id:path}", operation_id="viz_agency", response_class=HTMLResponse, responses=_RESPONSES
)
def viz_agency(
    agency_id: str,
    kb: KBDep,
    store: StoreDep,
    radius: int = Query(1, ge=1, le=2, description="1: its partners; 2: their partners too."),
    lang: Lang = Query("vi"),
) -> HTMLResponse:
    """An agency (id or name), its partners within ``radius`` shared tasks, and their links."""
    return _page(render(kb, "agency", agency=agency_id, radius=radius, lang=lang, links=_links(store, lang)))


@router.get(
    "/task/{task_id:path}", operation_id="viz_task", response_class=HTMLResponse, responses=_RESPONSES
)
def viz_task(task_id: str, kb: KBDep, store: StoreDep, lang: Lang = Query("vi")) -> HTMLResponse:
    """A task's legal-basis tree: what it cites, its plan's bases, and what those rest on."""
    return _page(render(kb, "legal", task=task_id, lang=lang, links=_links(store, lang)))
