"""The coordination network of one document, summarised so that networks of many documents merge fast.

A summary is a small JSON-able dict: the document's agents with how many of its tasks each takes
part in (and leads), and each pair of agents with the number of tasks they share and the first
:data:`~graph.network.EXAMPLES` of those tasks (sorted). A task belongs to one document, so the
network of any set of documents is the sum of their summaries, and :func:`merged_graph` gives
exactly the graph :func:`graph.network.coordination_graph` builds from all their assignments —
the same weights, example tasks and node attributes, with edges in the same order and orientation
(networkx orients an undirected edge by node order). The store keeps one summary per document graph (see
:mod:`ontology.network_index`), so the network of a province never scans every assignment.

>>> rows = [("p/task/1", "a", "lead"), ("p/task/1", "b", "coordinating"), ("p/task/2", "a", "lead"),
...         ("p/task/2", "b", "coordinating"), ("p/task/2", "c", "coordinating")]
>>> s = summarise(rows, prefix="p/task/")
>>> s["agents"], s["nodes"], s["edges"][0]
(['a', 'b', 'c'], [[2, 2], [2, 0], [1, 0]], [0, 1, 2, ['1', '2']])
>>> from graph.network import coordination_graph
>>> g, h = merged_graph([s]), coordination_graph(rows)
>>> list(g.edges(data=True)) == list(h.edges(data=True)) and dict(g.nodes(data=True)) == dict(h.nodes(data=True))
True
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

import networkx as nx

from graph.network import EXAMPLES

#: bump when the shape changes: summaries of another version are recomputed
VERSION = 1


def summarise(participation: Iterable[tuple[str, str, str]], *, prefix: str = "") -> dict:
    """The summary of one document's (task, agent, role) rows. Task IRIs are stored without
    ``prefix`` when they all start with it (a document's task IRIs do: it keeps summaries small)."""
    rows = list(participation)
    if prefix and not all(t.startswith(prefix) for t, _, _ in rows):
        prefix = ""
    by_task: dict[str, set[str]] = defaultdict(set)
    led: dict[str, set[str]] = defaultdict(set)
    for t, a, role in rows:
        by_task[t].add(a)
        if role == "lead":
            led[a].add(t)
    tasks: dict[str, int] = defaultdict(int)
    pairs: dict[tuple[str, str], list] = {}
    for t in sorted(by_task):
        agents = sorted(by_task[t])
        for a in agents:
            tasks[a] += 1
        for a, b in combinations(agents, 2):
            e = pairs.setdefault((a, b), [0, []])
            e[0] += 1
            if len(e[1]) < EXAMPLES:
                e[1].append(t[len(prefix) :])
    agents = sorted(tasks)
    index = {a: i for i, a in enumerate(agents)}
    return {
        "v": VERSION,
        "prefix": prefix,
        "agents": agents,
        "nodes": [[tasks[a], len(led.get(a, ()))] for a in agents],
        "edges": [[index[a], index[b], w, ex] for (a, b), (w, ex) in sorted(pairs.items())],
    }


def merged_graph(summaries: Iterable[dict]) -> nx.Graph:
    """The coordination graph of the documents summarised (see :func:`graph.network.coordination_graph`)."""
    tasks: dict[str, int] = defaultdict(int)
    led: dict[str, int] = defaultdict(int)
    edges: dict[tuple[str, str], list] = {}
    for s in summaries:
        agents, prefix = s["agents"], s["prefix"]
        for a, (n, nl) in zip(agents, s["nodes"], strict=True):
            tasks[a] += n
            led[a] += nl
        for i, j, w, ex in s["edges"]:
            full = [prefix + t for t in ex]
            e = edges.get((agents[i], agents[j]))
            if e is None:
                edges[(agents[i], agents[j])] = [w, full]
            else:
                e[0] += w
                e[1] = list(heapq.merge(e[1], full))[:EXAMPLES]
    # coordination_graph adds edges (and with them nodes) in the order of their first task, then of
    # the pair: the same order gives the same node order, edge orientation and adjacency order
    g = nx.Graph()
    for (a, b), (w, ex) in sorted(edges.items(), key=lambda kv: (kv[1][1][0], kv[0])):
        g.add_edge(a, b, weight=w, tasks=ex)
    for a, n in tasks.items():
        g.add_node(a, tasks=n, tasks_led=led[a])
    return g
