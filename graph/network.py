"""The coordination network: agencies (and groups) linked by the tasks they share.

Built from (task, agent, role) triples into a networkx graph; paths and
centrality run on it. Pure: the reader supplies the triples.

>>> g = coordination_graph([("t1", "a", "lead"), ("t1", "b", "coordinating"), ("t2", "a", "lead"),
...                         ("t2", "b", "coordinating"), ("t2", "c", "coordinating")])
>>> sorted((u, v, d["weight"]) for u, v, d in g.edges(data=True))
[('a', 'b', 2), ('a', 'c', 1), ('b', 'c', 1)]
>>> g.nodes["a"]["tasks_led"], g.nodes["b"]["tasks"]
(2, 2)
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations, pairwise

import networkx as nx

#: edges keep this many example tasks
EXAMPLES = 5


def coordination_graph(participation) -> nx.Graph:
    """Nodes: agents with ``tasks`` (any role) and ``tasks_led``; edges: ``weight`` = shared tasks."""
    by_task: dict[str, set[str]] = defaultdict(set)
    led: dict[str, set[str]] = defaultdict(set)
    for t, a, role in participation:
        by_task[t].add(a)
        if role == "lead":
            led[a].add(t)
    g = nx.Graph()
    counts: dict[str, int] = defaultdict(int)
    for t in sorted(by_task):
        agents = sorted(by_task[t])
        for a in agents:
            counts[a] += 1
        for a, b in combinations(agents, 2):
            if g.has_edge(a, b):
                d = g.edges[a, b]
                d["weight"] += 1
                if len(d["tasks"]) < EXAMPLES:
                    d["tasks"].append(t)
            else:
                g.add_edge(a, b, weight=1, tasks=[t])
    for a, n in counts.items():
        g.add_node(a, tasks=n, tasks_led=len(led.get(a, ())))
    return g


def centrality(g: nx.Graph) -> dict[str, float]:
    """Weighted degree centrality normalised to 0..1 (cheap at any size)."""
    if g.number_of_nodes() < 2:
        return {n: 0.0 for n in g}
    deg = dict(g.degree(weight="weight"))
    top = max(deg.values()) or 1
    return {n: round(v / top, 4) for n, v in deg.items()}


def betweenness(g: nx.Graph, *, k: int | None = None) -> dict[str, float]:
    """Betweenness centrality (sampled with ``k`` pivots on large graphs)."""
    if g.number_of_nodes() > 2000 and k is None:
        k = 200
    return nx.betweenness_centrality(g, k=k, seed=7 if k else None)


def shortest_paths(g: nx.Graph, source: str, target: str, *, limit: int = 5) -> list[list[str]]:
    """Up to ``limit`` shortest paths between two agents (fewest hops; ties by shared weight)."""
    if source not in g or target not in g:
        return []
    try:
        gen = nx.all_shortest_paths(g, source, target)
        paths = []
        for p in gen:
            paths.append(p)
            if len(paths) >= 50:
                break
    except nx.NetworkXNoPath:
        return []

    def strength(p: list[str]) -> int:
        return sum(g.edges[a, b]["weight"] for a, b in pairwise(p))

    paths.sort(key=lambda p: (-strength(p), p))
    return paths[:limit]
