"""The four networks of issue 6, each a thin layer of styling over :func:`viz.network.render_network`.

Each takes a networkx graph that follows :mod:`viz.convention` (built from the store elsewhere),
never changes it, and returns one offline HTML page. Extra keyword options go to the renderer
(``lang``, ``plans``, ``notes``, ``max_nodes``, ...).

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_edge("so-nv", "so-dl", weight=3)
>>> g.nodes["so-nv"].update(label="Sở Ngoại vụ", kind="department", size_by=12)
>>> "Sở Ngoại vụ" in agency_network(g, "so-nv")
True
>>> agency_network(g, "so-xyz")
Traceback (most recent call last):
...
graph.errors.NotFound: no node 'so-xyz' in the graph
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable
from typing import Any

import networkx as nx

from graph.errors import InvalidInput, NotFound
from viz.i18n import check_lang
from viz.network import render_network

_TITLES = {
    "coordination": ("Mạng lưới phối hợp giữa các cơ quan", "Coordination network of agencies"),
    "plan": ("Mạng lưới kế hoạch: {name}", "Plan network: {name}"),
    "agency": ("Mạng lưới phối hợp của {name}", "Coordination network of {name}"),
    "legal": ("Căn cứ pháp lý của nhiệm vụ: {name}", "Legal basis of the task: {name}"),
}
_LEADS = ("Chủ trì (số nhiệm vụ)", "Tasks led")


def _title(view: str, lang: str, name: str = "") -> str:
    vi, en = _TITLES[view]
    return (en if check_lang(lang) == "en" else vi).format(name=name)


def _name(g: nx.Graph, node: Hashable) -> str:
    return str(g.nodes[node].get("label") or node)


def _require(g: nx.Graph, node: Hashable) -> None:
    if not isinstance(g, nx.Graph):
        raise InvalidInput(f"expected a networkx graph, not {type(g).__name__}")
    if node not in g:
        raise NotFound(f"no node {node!r} in the graph")


def _default_role(g: nx.Graph, role: str) -> None:
    for *_, data in g.edges(data=True):
        data.setdefault("role", role)


def _add_leads_detail(g: nx.Graph, lang: str) -> None:
    label = _LEADS[1] if lang == "en" else _LEADS[0]
    for _, data in g.nodes(data=True):
        if data.get("size_by") and data.get("kind") not in ("task", "plan", "document"):
            details = data.get("details") or {}
            pairs = list(details.items()) if isinstance(details, dict) else list(details)
            data["details"] = [(label, data["size_by"]), *pairs]


def coordination_network(g: nx.Graph, *, lang: str = "vi", title: str | None = None, **options: Any) -> str:
    """Agencies sized by ``size_by`` (tasks led), links weighted by ``weight`` (shared tasks).

    Edges without a ``role`` are drawn as ``shared``.
    """
    if not isinstance(g, nx.Graph):
        raise InvalidInput(f"expected a networkx graph, not {type(g).__name__}")
    h = g.copy()
    _default_role(h, "shared")
    _add_leads_detail(h, lang)
    options.setdefault("node_size", (10.0, 36.0))
    return render_network(h, title=title or _title("coordination", lang), lang=lang, **options)


def plan_network(
    g: nx.Graph, plan: Hashable, *, lang: str = "vi", title: str | None = None, **options: Any
) -> str:
    """A plan, its tasks and their agencies: what lies within two steps of ``plan``.

    Expected edges: plan -> task (``part``), task -> agency (``lead`` or ``coordinating``).
    Agencies without ``size_by`` are sized by the number of this plan's tasks they lead.
    """
    _require(g, plan)
    reach = nx.single_source_shortest_path_length(g, plan, cutoff=2)
    h = g.subgraph(reach).copy()
    h.nodes[plan]["emphasis"] = True
    h.nodes[plan].setdefault("kind", "plan")
    _default_role(h, "other")
    leads = Counter(v for _, v, data in h.edges(data=True) if data.get("role") == "lead")
    for node, data in h.nodes(data=True):
        if "size_by" not in data and leads[node]:
            data["size_by"] = leads[node]
    _add_leads_detail(h, lang)
    options.setdefault("roots", [plan])
    options.setdefault("node_size", (8.0, 36.0))
    return render_network(h, title=title or _title("plan", lang, _name(g, plan)), lang=lang, **options)


def agency_network(
    g: nx.Graph,
    agency: Hashable,
    *,
    radius: int = 1,
    lang: str = "vi",
    title: str | None = None,
    **options: Any,
) -> str:
    """An agency's ego network: the agency, its partners within ``radius`` links, and their links."""
    _require(g, agency)
    if radius < 1:
        raise InvalidInput(f"radius must be at least 1, not {radius}")
    h = nx.ego_graph(g, agency, radius=radius, undirected=True).copy()
    h.nodes[agency]["emphasis"] = True
    _default_role(h, "shared")
    _add_leads_detail(h, lang)
    options.setdefault("keep", [agency])
    options.setdefault("node_size", (10.0, 40.0))
    return render_network(h, title=title or _title("agency", lang, _name(g, agency)), lang=lang, **options)


def legal_basis_tree(
    g: nx.Graph, task: Hashable, *, lang: str = "vi", title: str | None = None, **options: Any
) -> str:
    """A task's legal basis, left to right: the task, what it cites, its plan's bases, and theirs.

    ``g`` is directed: task -> document (``cites``), task -> plan (``part``), plan or document ->
    document (``based_on``). Everything reachable from ``task`` is drawn, in columns.
    """
    _require(g, task)
    if not g.is_directed():
        raise InvalidInput("a legal-basis tree needs a directed graph (task -> documents)")
    h = g.subgraph({task} | nx.descendants(g, task)).copy()
    h.nodes[task]["emphasis"] = True
    h.nodes[task].setdefault("kind", "task")
    _default_role(h, "based_on")
    options.setdefault("layout", "layered")
    options.setdefault("roots", [task])
    options.setdefault("node_size", (14.0, 14.0))
    return render_network(h, title=title or _title("legal", lang, _name(g, task)), lang=lang, **options)


#: the views by the names ``plangraph viz --kind`` uses
VIEWS: dict[str, Callable[..., str]] = {
    "coordination": coordination_network,
    "plan": plan_network,
    "agency": agency_network,
    "legal": legal_basis_tree,
}
