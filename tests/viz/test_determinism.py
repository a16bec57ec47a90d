"""Same input, byte-identical HTML: no clock, no randomness, no dependence on insertion or hash order."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from viz import coordination_network, render_network
from viz.synthetic import coordination_graph

ROOT = Path(__file__).resolve().parents[2]


def _shuffled(g: nx.Graph) -> nx.Graph:
    h = g.__class__()
    h.add_nodes_from(sorted(g.nodes(data=True), key=lambda nd: str(nd[0]), reverse=True))
    h.add_edges_from(sorted(g.edges(data=True), key=lambda e: (str(e[1]), str(e[0])), reverse=True))
    return h


@pytest.mark.parametrize("n", [40, 400])  # vis physics (from Python positions), and static positions
def test_same_graph_same_bytes_whatever_the_insertion_order(n):
    g = coordination_graph(n)
    first = render_network(g, title="x", plans={"kh-1": "Kế hoạch 1"})
    assert render_network(g, title="x", plans={"kh-1": "Kế hoạch 1"}) == first
    assert render_network(_shuffled(g), title="x", plans={"kh-1": "Kế hoạch 1"}) == first


def test_capped_views_are_deterministic_too():
    g = coordination_graph(700)
    a = render_network(g, title="x", max_nodes=300, max_edges=500)
    assert a == render_network(_shuffled(g), title="x", max_nodes=300, max_edges=500)


_SCRIPT = """
import hashlib, sys
from viz import coordination_network
from viz.synthetic import coordination_graph
html = coordination_network(coordination_graph(int(sys.argv[1])), plans={"kh-2": "Hai"})
print(hashlib.sha256(html.encode()).hexdigest())
"""


@pytest.mark.parametrize("n", [60, 1200])
def test_same_bytes_across_processes_and_hash_seeds(n):
    here = hashlib.sha256(
        coordination_network(coordination_graph(n), plans={"kh-2": "Hai"}).encode()
    ).hexdigest()
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", _SCRIPT, str(n)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert out.stdout.strip() == here
