"""Node positions computed in Python, so big networks are drawn at once with physics off.

Both layouts are deterministic: the same graph gives the same positions, whatever the order in
which its nodes and edges were added (nodes are ordered by ``str(node)`` first).

- :func:`force_layout`: Fruchterman-Reingold from igraph (its grid variant above 1,000 nodes)
  for each connected component, components packed in rows, largest first. Measured here: 0.13 s
  for 2,000 nodes and 0.6 s for 10,000, where networkx's ``spring_layout`` needed 7.7 s for 2,000.
- :func:`layered_layout`: columns by distance from the roots, for trees (legal bases).

>>> import networkx as nx
>>> pos = force_layout(nx.path_graph(4))
>>> sorted(pos) == [0, 1, 2, 3] and pos == force_layout(nx.path_graph(4))
True
>>> layered_layout(nx.DiGraph([("t", "a"), ("t", "b"), ("a", "c")]), ["t"])
{'t': (0, 0), 'a': (260, -35), 'b': (260, 35), 'c': (520, 0)}
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable, Iterable

import igraph
import networkx as nx

SEED = 7
SPACING = 60.0

Pos = dict[Hashable, tuple[int, int]]


def ordered_nodes(g: nx.Graph) -> list[Hashable]:
    """The nodes in a stable order: by ``str(node)``, then by type name."""
    return sorted(g, key=lambda n: (str(n), type(n).__name__))


def _weight(data: dict) -> float:
    w = data.get("weight", 1)
    try:
        w = float(w)
    except (TypeError, ValueError):
        return 1.0
    return w if math.isfinite(w) and w > 0 else 1.0


def _components(n: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda c: (-len(c), c[0]))


def _fr(
    size: int, edges: list[tuple[int, int]], weights: list[float], seed: int
) -> list[tuple[float, float]]:
    """igraph's Fruchterman-Reingold from a seeded start, with igraph's RNG seeded for the call."""
    rng = random.Random(seed)
    radius = math.sqrt(size)
    start = [[rng.uniform(-radius, radius), rng.uniform(-radius, radius)] for _ in range(size)]
    g = igraph.Graph(n=size, edges=edges)
    igraph.set_random_number_generator(random.Random(seed))
    try:
        layout = g.layout_fruchterman_reingold(seed=start, niter=500, weights=weights or None, grid="auto")
    finally:
        igraph.set_random_number_generator(random)
    return [(float(x), float(y)) for x, y in layout.coords]


def _component_coords(
    comp: list[int], pairs: dict[tuple[int, int], float], spacing: float, seed: int
) -> list[tuple[float, float]]:
    if len(comp) == 1:
        return [(0.0, 0.0)]
    if len(comp) == 2:
        return [(0.0, 0.0), (spacing * 1.5, 0.0)]
    local = {g: i for i, g in enumerate(comp)}
    edges, weights = [], []
    for (a, b), w in sorted(pairs.items()):
        if a in local:
            edges.append((local[a], local[b]))
            weights.append(1.0 + math.log(w) if w > 1 else 1.0)
    coords = _fr(len(comp), edges, weights, seed)
    # Scale so that each node gets about spacing² of room, whatever the spread FR returned.
    width = max(x for x, _ in coords) - min(x for x, _ in coords)
    height = max(y for _, y in coords) - min(y for _, y in coords)
    factor = spacing * math.sqrt(len(comp) / max(width * height, 1e-9))
    return [(x * factor, y * factor) for x, y in coords]


def force_layout(g: nx.Graph, *, seed: int = SEED, spacing: float = SPACING) -> Pos:
    """Force-directed positions in canvas pixels, components packed in rows."""
    order = ordered_nodes(g)
    index = {n: i for i, n in enumerate(order)}
    pairs: dict[tuple[int, int], float] = {}
    for u, v, data in g.edges(data=True):
        if u == v:
            continue
        key = (min(index[u], index[v]), max(index[u], index[v]))
        pairs[key] = pairs.get(key, 0.0) + _weight(data)
    coords: list[tuple[float, float]] = [(0.0, 0.0)] * len(order)
    boxes = []
    for comp in _components(len(order), pairs):
        local = _component_coords(comp, pairs, spacing, seed)
        min_x = min(x for x, _ in local)
        min_y = min(y for _, y in local)
        width = max(x for x, _ in local) - min_x
        height = max(y for _, y in local) - min_y
        boxes.append((comp, [(x - min_x, y - min_y) for x, y in local], width, height))
    _pack(boxes, coords, spacing)
    if not order:
        return {}
    cx = (min(x for x, _ in coords) + max(x for x, _ in coords)) / 2
    cy = (min(y for _, y in coords) + max(y for _, y in coords)) / 2
    return {n: (round(coords[i][0] - cx), round(coords[i][1] - cy)) for i, n in enumerate(order)}


def _pack(boxes: list, coords: list[tuple[float, float]], spacing: float) -> None:
    """Shelf packing: left to right in rows about as wide as the whole drawing is tall."""
    gap = spacing * 1.5
    area = sum((w + gap) * (h + gap) for _, _, w, h in boxes)
    row_width = max([math.sqrt(area) * 1.2] + [w for _, _, w, _ in boxes])
    x = y = row_height = 0.0
    for comp, local, w, h in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        for i, (lx, ly) in zip(comp, local, strict=True):
            coords[i] = (x + lx, y + ly)
        x += w + gap
        row_height = max(row_height, h)


def layered_layout(g: nx.Graph, roots: Iterable[Hashable], *, gap_x: int = 260, gap_y: int = 70) -> Pos:
    """Columns by distance from ``roots`` (following edge direction when ``g`` is directed).

    Nodes the roots cannot reach start columns of their own after the reachable ones.
    """
    order = ordered_nodes(g)
    rank = {n: i for i, n in enumerate(order)}
    depth: dict[Hashable, int] = {}
    parents: dict[Hashable, list[Hashable]] = {}
    frontier = sorted({r for r in roots if r in g}, key=rank.__getitem__)
    base = 0
    pending = list(order)
    while True:
        for r in frontier:
            depth[r] = base
        while frontier:
            nxt: list[Hashable] = []
            for u in frontier:
                succ = g.successors(u) if g.is_directed() else g.neighbors(u)
                for v in sorted(succ, key=rank.__getitem__):
                    if v not in depth:
                        depth[v] = depth[u] + 1
                        nxt.append(v)
                    if depth[v] == depth[u] + 1:
                        parents.setdefault(v, []).append(u)
            frontier = nxt
        pending = [n for n in pending if n not in depth]
        if not pending:
            break
        base = max(depth.values(), default=-1) + 1
        frontier = [pending[0]]
    columns: dict[int, list[Hashable]] = {}
    for n in order:
        columns.setdefault(depth[n], []).append(n)
    place: dict[Hashable, float] = {}
    pos: Pos = {}
    for d in sorted(columns):
        col = columns[d]

        def key(n: Hashable) -> tuple[float, int]:
            ps = [place[p] for p in parents.get(n, []) if p in place]
            return (sum(ps) / len(ps) if ps else 0.0, rank[n])

        col.sort(key=key)
        for i, n in enumerate(col):
            place[n] = float(i)
            pos[n] = (d * gap_x, round((i - (len(col) - 1) / 2) * gap_y))
    return pos
