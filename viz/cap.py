"""Keep a view drawable: above a node limit, the least important nodes are grouped by kind.

Importance is ``size_by`` (e.g. tasks led), then weighted degree, then degree; ties go to the
smaller ``str(node)``, so the same graph always keeps the same nodes. Each kind's left-out nodes
become one node labelled "+N ... khác", and their edges are summed onto it. Above an edge limit the
weakest edges are left out. Either way the page shows a note saying what was left out.

>>> import networkx as nx
>>> g = nx.star_graph(9)                       # node 0 is the hub
>>> h, notes = cap_graph(g, max_nodes=4, max_edges=None, lang="en")
>>> sorted(str(n) for n in h)
['+7 more other', '0', '1', '2']
>>> h.edges[0, AggregateNode("other")]["weight"]
7.0
>>> print(notes[0])
This network has 10 nodes and 9 links, too many for a browser to draw quickly. The page shows the 3 nodes with the most tasks and links; the other 7 are grouped into 1 “+N …” nodes, one per kind.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from viz.convention import plan_list
from viz.i18n import cap_note, edge_cap_note, more_label
from viz.kinds import edge_role, node_kind


@dataclass(frozen=True)
class AggregateNode:
    """The node standing for a kind's left-out nodes (never equal to a caller's node)."""

    kind: str
    label: str = ""

    def __str__(self) -> str:
        return self.label or f"+ {self.kind}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AggregateNode) and other.kind == self.kind

    def __hash__(self) -> int:
        return hash(("AggregateNode", self.kind))


def _w(data: dict[str, Any]) -> float:
    try:
        return float(data.get("weight", 1) or 0)
    except (TypeError, ValueError):
        return 1.0


def importance(g: nx.Graph) -> list[Hashable]:
    """Nodes from most to least important."""
    strength: Counter[Hashable] = Counter()
    for u, v, data in g.edges(data=True):
        strength[u] += _w(data)
        strength[v] += _w(data)

    def key(n: Hashable) -> tuple[float, float, int, str]:
        try:
            size = float(g.nodes[n].get("size_by") or 0)
        except (TypeError, ValueError):
            size = 0.0
        return (-size, -strength[n], -g.degree(n), str(n))

    return sorted(g, key=key)


def _aggregate(g: nx.Graph, keep: set[Hashable], lang: str) -> nx.Graph:
    dropped = [n for n in g if n not in keep]
    by_kind: dict[str, list[Hashable]] = {}
    for n in dropped:
        by_kind.setdefault(node_kind(g.nodes[n].get("kind")).code, []).append(n)
    h = g.__class__()
    h.graph.update(g.graph)
    h.add_nodes_from((n, g.nodes[n]) for n in keep)
    rep: dict[Hashable, Hashable] = {n: n for n in keep}
    for code, members in sorted(by_kind.items()):
        kind = node_kind(code)
        label = more_label(len(members), kind.label(lang), lang)
        agg = AggregateNode(code, label)
        plans = sorted({p for m in members for p in plan_list(g.nodes[m].get("plan"))})
        names = sorted(str(g.nodes[m].get("label") or m) for m in members)
        text = ", ".join(names[:30]) + (", …" if len(names) > 30 else "")
        h.add_node(agg, label=label, kind=code, size_by=0, aggregate=len(members), plan=plans, text=text)
        for m in members:
            rep[m] = agg
    sums: dict[tuple[Hashable, Hashable], list] = {}
    for u, v, data in g.edges(data=True):
        a, b = rep[u], rep[v]
        if a == b and (a not in keep):
            continue
        if a in keep and b in keep:
            h.add_edge(u, v, **data)
            continue
        if not h.is_directed() and str(b) < str(a):
            a, b = b, a
        entry = sums.setdefault((a, b), [0.0, Counter(), set()])
        entry[0] += _w(data)
        entry[1][edge_role(data.get("role")).code] += 1
        entry[2].update(plan_list(data.get("plan")))
    for (a, b), (weight, roles, plans) in sums.items():
        role = min(roles.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        h.add_edge(a, b, weight=weight, role=role, plan=sorted(plans))
    return h


def _strongest_edges(g: nx.Graph, max_edges: int) -> nx.Graph:
    ranked = sorted(
        g.edges(keys=True, data=True) if g.is_multigraph() else g.edges(data=True),
        key=lambda e: (-_w(e[-1]), str(e[0]), str(e[1]), str(e[2]) if g.is_multigraph() else ""),
    )
    h = g.__class__()
    h.graph.update(g.graph)
    h.add_nodes_from(g.nodes(data=True))
    h.add_edges_from(ranked[:max_edges])
    return h


def _room(g: nx.Graph, ranked: list[Hashable], max_nodes: int) -> int:
    """How many nodes to keep so that they plus one group per left-out kind fit ``max_nodes``."""
    tail_kinds = [0] * (len(ranked) + 1)
    seen: set[str] = set()
    for i in range(len(ranked) - 1, -1, -1):
        seen.add(node_kind(g.nodes[ranked[i]].get("kind")).code)
        tail_kinds[i] = len(seen)
    room = max_nodes
    while room > 1 and room + tail_kinds[room] > max_nodes:
        room -= 1
    return room


def cap_graph(
    g: nx.Graph,
    *,
    max_nodes: int | None,
    max_edges: int | None,
    lang: str = "vi",
    keep: Iterable[Hashable] = (),
) -> tuple[nx.Graph, list[str]]:
    """The graph to draw and the notes saying what was left out (``g`` itself when within limits).

    ``keep``: nodes never grouped away (the centre of an ego network, a plan's root).
    """
    notes: list[str] = []
    n, m = g.number_of_nodes(), g.number_of_edges()
    if max_nodes is not None and n > max_nodes:
        pinned = [k for k in dict.fromkeys(keep) if k in g]
        ranked = pinned + [x for x in importance(g) if x not in set(pinned)]
        room = _room(g, ranked, max_nodes)
        chosen = set(ranked[:room])
        g = _aggregate(g, chosen, lang)
        groups = g.number_of_nodes() - len(chosen)
        notes.append(
            cap_note(lang, total=n, total_edges=m, kept=len(chosen), dropped=n - len(chosen), groups=groups)
        )
    if max_edges is not None and g.number_of_edges() > max_edges:
        total = g.number_of_edges()
        g = _strongest_edges(g, max_edges)
        notes.append(edge_cap_note(lang, kept=max_edges, total=total, dropped=total - max_edges))
    return g, notes
