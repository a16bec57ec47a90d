"""The web pages for policy staff (HTML, Vietnamese first, ``?lang=en`` for English).

``/`` home (one search box and the question box), ``/ui/search``, ``/ui/ask``, ``/ui/agency/{id}``,
``/ui/task/{id}``, ``/ui/document/{id}``, ``/ui/network`` and ``/ui/source/{id}`` (the kept source
text with line anchors). Every page is rendered from :mod:`graph.queries` / :mod:`graph.outline`
answers by the templates in ``viz/templates/pages``; a domain error is an HTML page with the
error's status. Pages load only ``/static/*`` (see :data:`viz.pages.CSP`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from api.deps import KBDep, StoreDep
from graph import outline as O
from graph import queries as Q
from graph.ask import ask
from graph.errors import PlangraphError
from graph.outline import agency_kind
from graph.questions import catalogue, task_ref
from loaders import sources
from ontology.store import GraphStore
from viz.graphs import Links
from viz.pages import CSP, answer_view, environment, intent_label, strings
from viz.timeline import Bar, schedule

router = APIRouter(tags=["pages"])
templates = Jinja2Templates(env=environment())
HTML = {"content": {"text/html": {}}}
_ROW = re.compile(r"^\s*(?:[ivxlc]+|\d+)(?:\s*[.\-]\s*[0-9a-z]+)+\s*$", re.IGNORECASE)


def page_lang(lang: str = Query("vi", max_length=10, description="vi (default) or en.")) -> str:
    """The page's language: English for ``en``, Vietnamese for anything else (a page never fails on it)."""
    return "en" if lang.strip().lower() == "en" else "vi"


LangQ = Depends(page_lang)


def _switch(request: Request, lang: str) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    if lang == "vi":
        params.append(("lang", "en"))
    return quote(request.url.path, safe="/") + (f"?{urlencode(params)}" if params else "")


def render(request: Request, store: GraphStore, template: str, lang: str, status: int = 200, /, **ctx: Any):
    """A page: the template with the page strings, links in ``lang`` and the security headers."""
    has_source: Callable[[str], bool] = lambda doc_id: sources.has(store.path, doc_id)  # noqa: E731
    context = {
        "lang": lang,
        "t": strings(lang),
        "links": Links(lang=lang, has_source=has_source),
        "has_source": has_source,
        "switch_url": _switch(request, lang),
        "intent_label": lambda intent: intent_label(intent, lang),
        "query": None,
        **ctx,
    }
    headers = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff"}
    return templates.TemplateResponse(request, template, context, status_code=status, headers=headers)


def guarded(request: Request, store: GraphStore, lang: str, build: Callable[[], tuple[str, dict]]):
    """Render what ``build`` returns; a domain error becomes an error page with its status."""
    try:
        template, ctx = build()
    except PlangraphError as exc:
        t = strings(lang)
        heading = t["not_found"] if exc.status == 404 else t["error"]
        return render(request, store, "error.html.j2", lang, exc.status, heading=heading, detail=str(exc))
    return render(request, store, template, lang, **ctx)


def _home(request: Request, store: GraphStore, lang: str, message: str | None = None):
    examples = [f["examples"][-1 if lang == "en" else 0] for f in catalogue()]
    documents = store.documents(limit=200)
    return render(
        request, store, "home.html.j2", lang, documents=documents, examples=examples, message=message
    )


@router.get("/", operation_id="page_home", response_class=HTMLResponse, responses={200: HTML})
def home(request: Request, store: StoreDep, lang: str = LangQ) -> HTMLResponse:
    """The home page: one search box, the question box, the loaded plans and the downloads."""
    return _home(request, store, lang)


@router.get("/ui/search", operation_id="page_search", response_class=HTMLResponse, responses={200: HTML})
def search(
    request: Request, kb: KBDep, store: StoreDep, q: str = Query("", max_length=200), lang: str = LangQ
) -> HTMLResponse:
    """Agencies (diacritics optional), documents (id, symbol, title) and tasks (by row) matching ``q``."""
    text = q.strip()
    if not text:
        return _home(request, store, lang, strings(lang)["empty_query"])

    def build():
        row_like = bool(_ROW.match(text))
        agencies = [] if row_like else Q.search_agencies(kb, text, limit=10)
        documents = [] if row_like else O.search_documents(kb, text, limit=10)
        tasks = sorted(Q.tasks_by_row(kb, task_ref(text)), key=O.task_order) if row_like else []
        return "search.html.j2", {"query": text, "agencies": agencies, "documents": documents, "tasks": tasks}

    return guarded(request, store, lang, build)


@router.get("/ui/ask", operation_id="page_ask", response_class=HTMLResponse, responses={200: HTML})
def ask_page(
    request: Request,
    kb: KBDep,
    store: StoreDep,
    q: str = Query("", max_length=500),
    lang: str = LangQ,
) -> HTMLResponse:
    """The answer to a question, readable, every task with its evidence (the same answer as ``/ask``)."""
    if not q.strip():
        return _home(request, store, lang, strings(lang)["empty_question"])

    def build():
        result = ask(kb, q, default_year=kb.default_year(), limit=100)
        shape, answer = answer_view(result.answer)
        entities = []
        for key, value in result.entities.items():
            if key.endswith("_alternatives") or key == "mentioned":
                continue
            if isinstance(value, dict):
                shown = value.get("name") or value.get("as_written") or value.get("label")
                if shown is None and ("start" in value or "end" in value):
                    shown = f"{value.get('start') or '…'} – {value.get('end') or '…'}"
                entities.append((key, shown or ""))
            else:
                entities.append((key, str(value)))
        return "ask.html.j2", {"result": result, "shape": shape, "answer": answer, "entities": entities}

    return guarded(request, store, lang, build)


@router.get(
    "/ui/agency/{agency_id:path}",
    operation_id="page_agency",
    response_class=HTMLResponse,
    responses={200: HTML},
)
def agency_page(
    request: Request, agency_id: str, kb: KBDep, store: StoreDep, lang: str = LangQ
) -> HTMLResponse:
    """An agency: the tasks it leads and coordinates (schedule, deadlines, evidence), its partners."""

    def build():
        a = Q.agency(kb, agency_id)
        led = Q.tasks_for_agency(kb, a.id, roles=("lead",), limit=Q.MAX_PAGE)
        coord = Q.tasks_for_agency(kb, a.id, roles=("coordinating",), limit=Q.MAX_PAGE)
        led.tasks.sort(key=O.task_order)
        coord.tasks.sort(key=O.task_order)
        links = Links(lang=lang)
        both = [(x, "lead") for x in led.tasks] + [(x, "coordinating") for x in coord.tasks]
        bars = [
            Bar(
                x.row,
                links.task(x.id),
                x.timeline.start if x.timeline else None,
                x.timeline.end if x.timeline else None,
                role,
                f"{x.row} ({x.plan.full_symbol or x.plan.id}): {x.content}",
            )
            for x, role in sorted(both, key=lambda p: O.task_order(p[0]))
        ]
        cal = Q.calendar(kb, agency_id=a.id)
        deadlines = [
            {"date": e.date, "kind": e.kind, "title": e.title, "href": None, "evidence": e.evidence}
            for e in cal.entries
        ]
        title = strings(lang)["task_n"]
        deadlines += [
            {
                "date": x.timeline.end,
                "kind": "task-end",
                "title": f"{title.format(row=x.row)}: {x.content}",
                "href": links.task(x.id),
                "evidence": x.evidence,
            }
            for x, _ in both
            if x.timeline and x.timeline.end
        ]
        deadlines.sort(key=lambda e: (e["date"], e["kind"], e["title"]))
        return "agency.html.j2", {
            "agency": a,
            "kind": agency_kind(a.category, a.jurisdiction, a.kind == "group"),
            "led": led,
            "coordinated": coord,
            "partners": Q.partners(kb, a.id),
            "schedule": schedule(bars),
            "deadlines": deadlines,
            "reporting": cal.reporting,
        }

    return guarded(request, store, lang, build)


@router.get(
    "/ui/task/{task_id:path}", operation_id="page_task", response_class=HTMLResponse, responses={200: HTML}
)
def task_page(request: Request, task_id: str, kb: KBDep, store: StoreDep, lang: str = LangQ) -> HTMLResponse:
    """A task: content, roles, timeline, evidence and its legal-basis chain."""

    def build():
        basis = Q.legal_basis(kb, task_id)
        return "task.html.j2", {"task": basis.task, "basis": basis}

    return guarded(request, store, lang, build)


@router.get(
    "/ui/document/{doc_id:path}",
    operation_id="page_document",
    response_class=HTMLResponse,
    responses={200: HTML},
)
def document_page(
    request: Request, doc_id: str, kb: KBDep, store: StoreDep, lang: str = LangQ
) -> HTMLResponse:
    """A document (by id or symbol): for a loaded plan its bases, citations and tasks; what cites it."""

    def build():
        found = Q.find_document(kb, doc_id)
        doc = Q.document(kb, found)
        outline = O.plan_outline(kb, found) if doc.loaded else None
        rows = {x.id: x.row for x in outline.tasks} if outline else {}
        return "document.html.j2", {
            "doc": doc,
            "outline": outline,
            "rows": rows,
            "cited_by": Q.cited_by(kb, found),
        }

    return guarded(request, store, lang, build)


@router.get("/ui/network", operation_id="page_network", response_class=HTMLResponse, responses={200: HTML})
def network_page(
    request: Request,
    kb: KBDep,
    store: StoreDep,
    plan: str | None = Query(None, max_length=200),
    lang: str = LangQ,
) -> HTMLResponse:
    """The coordination network (drawn by ``/viz/coordination`` in a frame) and its figures as a table."""

    def build():
        plan_id = Q.find_document(kb, plan) if plan else None
        net = Q.coordination_network(kb, plan_id=plan_id)
        degree: dict[str, int] = {}
        for e in net.edges:
            degree[e.source] = degree.get(e.source, 0) + 1
            degree[e.target] = degree.get(e.target, 0) + 1
        nodes = [
            {
                "id": n.id,
                "name": n.name,
                "kind_code": agency_kind(n.category, n.jurisdiction, n.kind == "group"),
                "tasks_led": n.tasks_led,
                "tasks": n.tasks,
                "partners": degree.get(n.id, 0),
            }
            for n in sorted(net.nodes, key=lambda n: (-n.tasks_led, -n.tasks, n.name))
        ]
        return "network.html.j2", {
            "documents": store.documents(limit=200),
            "plan": plan_id,
            "frame_url": Links(lang=lang).viz("coordination", plan=plan_id),
            "nodes": nodes,
        }

    return guarded(request, store, lang, build)


@router.get(
    "/ui/source/{doc_id:path}", operation_id="page_source", response_class=HTMLResponse, responses={200: HTML}
)
def source_page(
    request: Request,
    doc_id: str,
    kb: KBDep,
    store: StoreDep,
    start: int | None = Query(None, alias="from", ge=1, description="First line to mark."),
    end: int | None = Query(None, alias="to", ge=1, description="Last line to mark."),
    lang: str = LangQ,
) -> HTMLResponse:
    """The kept source text of a loaded document, one anchor per line (``#L194``), lines marked."""
    t = strings(lang)
    src = sources.read(store.path, doc_id)
    if src is None:
        return render(
            request, store, "error.html.j2", lang, 404, heading=t["not_found"], detail=t["source_missing"]
        )

    def build():
        doc = Q.document(kb, doc_id)
        a = start or 0
        b = max(end or a, a)
        marked = (t["line"].format(a=a) if a == b else t["lines"].format(a=a, b=b)) if a else None
        ctx = {"doc_id": doc.id, "name": doc.full_symbol or doc.title or doc.id, "source": src}
        return "source.html.j2", {**ctx, "marked": marked, "mark_from": a or 1, "mark_to": b if a else 0}

    return guarded(request, store, lang, build)
