"""Synthetic coordination networks that follow the attribute convention (tests, benchmarks, demos).

>>> g = coordination_graph(50, seed=1)
>>> g.number_of_nodes(), g.nodes[0]["kind"] in {"department", "district", "press", "party",
...     "central", "unit", "mass", "group"}
(50, True)
>>> nx.utils.graphs_equal(g, coordination_graph(50, seed=1))
True
"""

from __future__ import annotations

import random

import networkx as nx

_KINDS = (
    ("department", 30),
    ("district", 30),
    ("unit", 15),
    ("press", 8),
    ("party", 6),
    ("central", 5),
    ("mass", 4),
    ("group", 2),
)
_NAMES = {
    "department": "Sở",
    "district": "UBND quận",
    "unit": "Đơn vị",
    "press": "Báo",
    "party": "Ban",
    "central": "Bộ",
    "mass": "Hội",
    "group": "Các cơ quan",
}


def coordination_graph(n: int, *, seed: int = 1, plans: int = 8, edges_per_node: int = 2) -> nx.Graph:
    """An agency network of ``n`` nodes: scale-free links weighted by shared tasks, kinds, plans."""
    rng = random.Random(seed)
    g = (
        nx.barabasi_albert_graph(n, min(edges_per_node, max(n - 1, 1)), seed=seed)
        if n > 1
        else nx.empty_graph(n)
    )
    kinds = [k for k, w in _KINDS for _ in range(w)]
    for v in sorted(g):
        kind = rng.choice(kinds)
        plan_ids = sorted(rng.sample([f"kh-{i}" for i in range(plans)], rng.randint(1, 2)))
        g.nodes[v].update(
            label=f"{_NAMES[kind]} số {v}",
            kind=kind,
            size_by=g.degree(v) + rng.randint(0, 3),
            plan=plan_ids,
            title=f"{_NAMES[kind]} số {v} (Thành phố Hà Nội)",
            text=f"Chủ trì {g.degree(v)} nhiệm vụ về thông tin đối ngoại.",
            evidence={
                "document": "94/KH-UBND",
                "line_start": 10 + v,
                "line_end": 12 + v,
                "quote": "Chủ trì…",
            },
            href=f"/agency/{v}",
        )
    for u, v in sorted(g.edges()):
        g.edges[u, v].update(weight=rng.randint(1, 12), role="shared")
    return g
