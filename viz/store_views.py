"""The four views of the store as offline pages: what ``plangraph viz`` writes and ``/viz/...`` serves.

``render(kb, kind, ...)`` resolves the names it is given (an agency by name or id, a plan by id or
symbol, a task by id or by its row), builds the graph (:mod:`viz.graphs`) and draws it
(:mod:`viz.views`). Unknown names raise :class:`graph.errors.NotFound`, missing or contradictory
arguments :class:`graph.errors.InvalidInput`.
"""

from __future__ import annotations

import networkx as nx

from graph import queries as Q
from graph.errors import InvalidInput, NotFound
from graph.outline import agency_kind
from graph.questions import task_ref
from viz.graphs import NO_LINKS, Links, coordination_graph, legal_graph, plan_graph
from viz.i18n import check_lang
from viz.views import agency_network, coordination_network, legal_basis_tree, plan_network

KINDS = ("coordination", "plan", "agency", "legal")

_SUB = {
    "vi": {
        "all": "Toàn bộ kho dữ liệu: {plans} kế hoạch",
        "plan": "Kế hoạch {name}",
        "jur": "Địa bàn: {jur}",
        "alone": "{name} không có nhiệm vụ chung với cơ quan nào.",
        "capped": "Chỉ hiện {n} cơ quan tham gia nhiều nhiệm vụ nhất.",
        "hint": "Nhấn đúp vào một nút để mở trang của nó.",
    },
    "en": {
        "all": "The whole store: {plans} plan(s)",
        "plan": "Plan {name}",
        "jur": "Province: {jur}",
        "alone": "{name} shares no task with any other agency.",
        "capped": "Only the {n} agencies with the most tasks are shown.",
        "hint": "Double-click a node to open its page.",
    },
}


def resolve_task(kb: Q.KnowledgeBase, text: str, plan_id: str | None = None) -> str:
    """A task id from an id (``.../task/II-3``) or a row (``II.3``, ``ii-3``; with ``plan_id`` when
    several plans have that row)."""
    if "/task/" in text:
        return Q.task(kb, text).id
    found = Q.tasks_by_row(kb, task_ref(text), plan_id)
    if not found:
        raise NotFound(f"no task '{text}'" + (f" in '{plan_id}'" if plan_id else ""))
    if len(found) > 1:
        plans = ", ".join(t.plan.full_symbol or t.plan.id for t in found[:5])
        raise InvalidInput(f"row '{text}' is in {len(found)} plans ({plans}): name the plan too")
    return found[0].id


def render(
    kb: Q.KnowledgeBase,
    kind: str = "coordination",
    *,
    agency: str | None = None,
    plan: str | None = None,
    task: str | None = None,
    jurisdiction: str | None = None,
    radius: int = 1,
    lang: str = "vi",
    links: Links = NO_LINKS,
) -> str:
    """One view of the store as a self-contained HTML page."""
    lang = check_lang(lang)
    s = _SUB[lang]
    if kind not in KINDS:
        raise InvalidInput(f"unknown kind '{kind}' (known: {', '.join(KINDS)})")
    plan_id = Q.find_document(kb, plan) if plan else None
    hint = [s["hint"]]
    if kind == "coordination":
        g, plans, notes = coordination_graph(
            kb, jurisdiction=jurisdiction, plan_id=plan_id, links=links, lang=lang
        )
        scope = (
            [s["plan"].format(name=plans.get(plan_id, plan_id))]
            if plan_id
            else [s["all"].format(plans=len(plans))]
        )
        if jurisdiction:
            scope.append(s["jur"].format(jur=jurisdiction))
        notes = [s["capped"].format(n=g.number_of_nodes())] if notes else []
        return coordination_network(g, lang=lang, plans=plans, subtitle=" · ".join(scope), notes=notes + hint)
    if kind == "plan":
        if plan_id is None:
            raise InvalidInput("the plan view needs a plan (an id or a symbol such as 94/KH-UBND)")
        g = plan_graph(kb, plan_id, links=links, lang=lang)
        return plan_network(g, plan_id, lang=lang, subtitle=g.nodes[plan_id].get("text"), notes=hint)
    if kind == "agency":
        if not agency:
            raise InvalidInput("the agency view needs an agency (a name or an id)")
        if radius not in (1, 2):
            raise InvalidInput(f"radius must be 1 or 2, not {radius}")
        agency_id = Q.resolve_agency(kb, agency)
        g, plans, _ = coordination_graph(kb, plan_id=plan_id, links=links, lang=lang, max_nodes=20_000)
        notes = list(hint)
        if agency_id not in g:
            _lone(kb, g, agency_id, links)
            notes.insert(0, s["alone"].format(name=g.nodes[agency_id]["label"]))
        return agency_network(g, agency_id, radius=radius, lang=lang, plans=plans, notes=notes)
    if not task:
        raise InvalidInput("the legal view needs a task (an id, or a row such as II.3)")
    task_id = resolve_task(kb, task, plan_id)
    g = legal_graph(kb, task_id, links=links, lang=lang)
    t = g.nodes[task_id]
    return legal_basis_tree(g, task_id, lang=lang, subtitle=f"{t['title']}: {t['text']}", notes=hint)


def _lone(kb: Q.KnowledgeBase, g: nx.Graph, agency_id: str, links: Links) -> None:
    a = Q.agency(kb, agency_id)
    g.add_node(
        a.id,
        label=a.name,
        kind=agency_kind(a.category, a.jurisdiction, a.kind == "group"),
        size_by=a.tasks_led,
        href=links.agency(a.id),
    )
