"""The store's answers as networkx graphs in the attribute convention (:mod:`viz.convention`).

Four builders, one per view: the coordination network, a plan's network, an agency's ego network
(from the coordination network) and a task's legal-basis tree. Each node and edge carries a
Vietnamese label, a kind, tooltips with the task text and its evidence (document, line span,
quote, a link to the line), and a link to its web page. They call :mod:`graph.queries` and
:mod:`graph.outline` only; they never query the store themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import networkx as nx

from graph import outline as O
from graph import queries as Q
from graph.answers import AgentInfo, AgentRef, Evidence, LegalDocOut, TaskOut
from graph.errors import NotFound
from graph.outline import agency_kind

#: example tasks kept per node and per link of the coordination network, and at most in all
EXAMPLES_PER_NODE, EXAMPLES_PER_EDGE, EXAMPLES_MAX = 3, 2, 4000

_L = {
    "vi": {
        "tasks": "Số nhiệm vụ tham gia",
        "shared": "Số nhiệm vụ chung",
        "task": "Nhiệm vụ {row}",
        "timeline": "Thời gian",
        "dates": "Từ – đến",
        "lead": "Chủ trì",
        "coordinating": "Phối hợp",
        "date": "Ngày ban hành",
        "issuer": "Cơ quan ban hành",
        "via": "Căn cứ vì",
        "plan": "Kế hoạch",
        "in_task": "{doc}, nhiệm vụ {row}",
    },
    "en": {
        "tasks": "Tasks taken part in",
        "shared": "Shared tasks",
        "task": "Task {row}",
        "timeline": "Timeline",
        "dates": "From – to",
        "lead": "Lead",
        "coordinating": "Coordinating",
        "date": "Issued",
        "issuer": "Issued by",
        "via": "Authorizes the task as",
        "plan": "Plan",
        "in_task": "{doc}, task {row}",
    },
}


@dataclass(frozen=True)
class Links:
    """Where nodes and pages link to: the web pages under ``base`` ("" = relative to the server's
    root; an absolute ``http://host:port`` for a page saved to disk), in ``lang`` (``?lang=en``),
    and the source text of a plan when ``has_source(plan id)`` says a copy is kept.

    >>> links = Links(lang="en", has_source=lambda doc: True)
    >>> links.agency("ha-noi/so-ngoai-vu")
    '/ui/agency/ha-noi/so-ngoai-vu?lang=en'
    >>> links.source(Evidence(document="vn/ubnd-ha-noi/kh/2022/94", line_start=194, line_end=195))
    '/ui/source/vn/ubnd-ha-noi/kh/2022/94?from=194&to=195&lang=en#L194'
    """

    base: str = ""
    has_source: Callable[[str], bool] | None = None
    lang: str = "vi"

    def url(self, path: str, **params: object) -> str:
        """``path`` under ``base``, with ``params`` (empty ones dropped) and the language."""
        query = {k: v for k, v in params.items() if v is not None and v != ""}
        if self.lang != "vi":
            query["lang"] = self.lang
        return f"{self.base.rstrip('/')}{path}" + (f"?{urlencode(query)}" if query else "")

    def _page(self, kind: str, ident: str, **params: object) -> str:
        return self.url(f"/ui/{kind}/{quote(ident, safe='/')}", **params)

    def agency(self, agency_id: str) -> str:
        return self._page("agency", agency_id)

    def task(self, task_id: str) -> str:
        return self._page("task", task_id)

    def document(self, doc_id: str) -> str:
        return self._page("document", doc_id)

    def viz(self, kind: str, ident: str | None = None, **params: object) -> str:
        """A network page: ``/viz/coordination``, ``/viz/plan/{id}``, ``/viz/agency/{id}``, ``/viz/task/{id}``."""
        return self.url(f"/viz/{kind}" + (f"/{quote(ident, safe='/')}" if ident else ""), **params)

    def source_page(self, doc_id: str, **params: object) -> str:
        """The kept source text of a document."""
        return self._page("source", doc_id, **params)

    def source(self, ev: Evidence | None) -> str | None:
        """The evidence's lines in the kept source text, or None when no copy is kept."""
        if ev is None or ev.line_start is None or not (self.has_source and self.has_source(ev.document)):
            return None
        end = ev.line_end or ev.line_start
        return self.source_page(ev.document, **{"from": ev.line_start, "to": end}) + f"#L{ev.line_start}"


#: links relative to the server's root, evidence to the tasks' pages
NO_LINKS = Links()


def _labels(lang: str) -> dict[str, str]:
    return _L["en" if lang == "en" else "vi"]


def doc_name(d: LegalDocOut) -> str:
    """A short name for a document node: its symbol, else its title."""
    return d.full_symbol or d.title or d.id


def evidence(ev: Evidence | None, links: Links, *, fallback: str | None = None, what: str | None = None):
    """One evidence record of the convention, linking to the source line (or to ``fallback``)."""
    if ev is None:
        return None
    return {
        "document": what or ev.document_symbol or ev.document,
        "line_start": ev.line_start,
        "line_end": ev.line_end,
        "quote": ev.quote,
        "href": links.source(ev) or fallback,
    }


def task_evidence(t: TaskOut, links: Links, lang: str):
    what = _labels(lang)["in_task"].format(doc=t.plan.full_symbol or t.plan.id, row=t.row)
    return evidence(t.evidence, links, fallback=links.task(t.id), what=what)


def _task_node(g: nx.Graph, t: TaskOut, links: Links, lang: str, **extra) -> None:
    L = _labels(lang)
    tl = t.timeline
    dates = None
    if tl and (tl.start or tl.end):
        dates = f"{tl.start.strftime('%d/%m/%Y') if tl.start else '…'} – {tl.end.strftime('%d/%m/%Y') if tl.end else '…'}"
    g.add_node(
        t.id,
        label=t.row,
        kind="task",
        title=f"{L['task'].format(row=t.row)} ({t.plan.full_symbol or t.plan.id})",
        text=t.content,
        details=[
            (L["timeline"], tl.as_written if tl else None),
            (L["dates"], dates),
            (L["lead"], ", ".join(a.name for a in t.lead) or None),
            (L["coordinating"], ", ".join(a.name for a in t.coordinating) or None),
        ],
        evidence=task_evidence(t, links, lang),
        plan=t.plan.id,
        href=links.task(t.id),
        **extra,
    )


def _agency_node(g: nx.Graph, a: AgentRef, info: AgentInfo | None, links: Links, **extra) -> None:
    if a.id in g:
        return
    kind = agency_kind(info.category, info.jurisdiction, a.kind == "group") if info else "other"
    g.add_node(a.id, label=a.name, kind=kind, href=links.agency(a.id), **extra)


def _doc_node(g: nx.Graph, d: LegalDocOut, links: Links, lang: str) -> None:
    L = _labels(lang)
    heading = " ".join(x for x in (d.doc_type, d.full_symbol) if x) or d.title or d.id
    g.add_node(
        d.id,
        label=doc_name(d),
        kind="plan" if d.loaded else "document",
        title=heading,
        text=d.title,
        details=[(L["date"], d.date.strftime("%d/%m/%Y") if d.date else None), (L["issuer"], d.issuer)],
        href=links.document(d.id),
    )


def coordination_graph(
    kb: Q.KnowledgeBase,
    *,
    jurisdiction: str | None = None,
    plan_id: str | None = None,
    links: Links = NO_LINKS,
    lang: str = "vi",
    max_nodes: int = 2000,
) -> tuple[nx.Graph, dict[str, str], list[str]]:
    """Agencies sized by tasks led, links weighted by shared tasks, coloured by kind; tooltips with
    counts and example tasks with their evidence. Returns (graph, plan labels, notes)."""
    L = _labels(lang)
    net = Q.coordination_network(kb, jurisdiction=jurisdiction, plan_id=plan_id, max_nodes=max_nodes)
    node_plans, edge_plans = O.participation_plans(kb, jurisdiction=jurisdiction, plan_id=plan_id)
    infos = {n.id: AgentInfo(id=n.id, name=n.name, group=n.kind == "group", category=n.category,
                             jurisdiction=n.jurisdiction) for n in net.nodes}  # fmt: skip
    examples: dict[str, list[str]] = {}
    for e in net.edges:
        for n in (e.source, e.target):
            mine = examples.setdefault(n, [])
            mine += [t for t in e.tasks if t not in mine][: EXAMPLES_PER_NODE - len(mine)]
    wanted = [t for ts in examples.values() for t in ts] + [
        t for e in net.edges for t in e.tasks[:EXAMPLES_PER_EDGE]
    ]
    tasks = {t.id: t for t in O.tasks_by_ids(kb, list(dict.fromkeys(wanted))[:EXAMPLES_MAX])}
    g = nx.Graph()
    for n in net.nodes:
        ev = [task_evidence(tasks[t], links, lang) for t in examples.get(n.id, []) if t in tasks]
        g.add_node(
            n.id,
            label=n.name,
            kind=agency_kind(n.category, n.jurisdiction, n.kind == "group"),
            size_by=n.tasks_led,
            title=n.name,
            details=[(L["tasks"], n.tasks)],
            evidence=ev,
            plan=sorted(node_plans.get(n.id, ())),
            href=links.agency(n.id),
        )
    for e in net.edges:
        shared = [tasks[t] for t in e.tasks[:EXAMPLES_PER_EDGE] if t in tasks]
        g.add_edge(
            e.source,
            e.target,
            weight=e.weight,
            role="shared",
            title=f"{infos[e.source].name} — {infos[e.target].name}",
            text="\n".join(f"{t.row}: {t.content}" for t in shared) or None,
            details=[(L["shared"], e.weight)],
            evidence=[task_evidence(t, links, lang) for t in shared],
            plan=sorted(edge_plans.get(tuple(sorted((e.source, e.target))), ())),  # type: ignore[arg-type]
        )
    plans = O.plan_labels(kb, {p for ps in node_plans.values() for p in ps})
    return g, plans, list(net.notes)


def plan_graph(kb: Q.KnowledgeBase, plan_id: str, *, links: Links = NO_LINKS, lang: str = "vi") -> nx.DiGraph:
    """A loaded plan -> its tasks (``part``) -> their agencies (``lead`` / ``coordinating``)."""
    doc = Q.document(kb, plan_id)
    if not doc.loaded:
        raise NotFound(f"'{doc_name(doc)}' is cited, not loaded: it has no tasks to draw")
    tasks = O.all_tasks(kb, doc.id)
    infos = O.agent_infos(kb, {a.id for t in tasks for a in (*t.lead, *t.coordinating)})
    g = nx.DiGraph()
    _doc_node(g, doc, links, lang)
    g.nodes[doc.id]["plan"] = doc.id
    for t in tasks:
        _task_node(g, t, links, lang)
        g.add_edge(doc.id, t.id, role="part", plan=doc.id)
        for role, agents in (("lead", t.lead), ("coordinating", t.coordinating)):
            for a in agents:
                _agency_node(g, a, infos.get(a.id), links)
                g.add_edge(t.id, a.id, role=role, plan=doc.id, evidence=task_evidence(t, links, lang))
    return g


def legal_graph(
    kb: Q.KnowledgeBase, task_id: str, *, links: Links = NO_LINKS, lang: str = "vi"
) -> nx.DiGraph:
    """A task -> what it cites (``cites``), its plan (``part``) -> the plan's bases (``based_on``)
    -> theirs; each edge says how it authorizes the task (``via``) and where it is written."""
    lb = Q.legal_basis(kb, task_id)
    t = lb.task
    g = nx.DiGraph()
    _task_node(g, t, links, lang, emphasis=True)
    plan = Q.document(kb, t.plan.id)
    _doc_node(g, plan, links, lang)
    g.add_edge(t.id, plan.id, role="part")
    for item in lb.chain:
        _doc_node(g, item.document, links, lang)
        via = item.via if lang == "en" else (item.via_vi or item.via)
        g.nodes[item.document.id]["details"].append((_labels(lang)["via"], via))
        source = t.id if item.relation == "cites" else (item.through or plan.id)
        if source not in g:
            g.add_node(source, label=source, kind="plan", href=links.document(source))
        g.add_edge(
            source,
            item.document.id,
            role=item.relation,
            title=via,
            evidence=evidence(item.evidence, links, fallback=links.document(item.document.id)),
        )
    return g
