"""The coordination network for Gephi and other network tools: GraphML and GEXF via networkx.

Nodes are agencies and groups (``label`` = name, ``kind`` = department / central / party / press /
unit / mass / group / ..., ``category``, ``jurisdiction``, ``tasks_led``, ``tasks``); edges are
weighted by the tasks two agencies share (``weight``) and name a few of them (``tasks``, ids
separated by spaces). Deterministic: nodes and edges sorted, GEXF's date set from the store.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import networkx as nx

from graph.answers import NetworkEdge, NetworkNode
from graph.outline import agency_kind


class GephiSink:
    """``write(node or edge)``, then ``finalize()`` gives GraphML (``fmt="graphml"``) or GEXF bytes."""

    def __init__(self, fmt: str, *, stamp: dt.datetime) -> None:
        if fmt not in ("graphml", "gexf"):
            raise ValueError(f"unknown network format {fmt!r}")
        self.fmt = fmt
        self.stamp = stamp
        self.media_type = "application/graphml+xml" if fmt == "graphml" else "application/gexf+xml"
        self.extension = f".{fmt}"
        self.nodes: list[NetworkNode] = []
        self.edges: list[NetworkEdge] = []

    def write(self, item: NetworkNode | NetworkEdge) -> None:
        (self.nodes if isinstance(item, NetworkNode) else self.edges).append(item)  # type: ignore[arg-type]

    def graph(self) -> nx.Graph:
        g = nx.Graph(name="plangraph coordination network")
        for n in sorted(self.nodes, key=lambda n: n.id):
            g.add_node(
                n.id,
                label=n.name,
                kind=agency_kind(n.category, n.jurisdiction, n.kind == "group"),
                category=n.category or "",
                jurisdiction=n.jurisdiction or "",
                tasks_led=n.tasks_led,
                tasks=n.tasks,
            )
        for e in sorted(self.edges, key=lambda e: (e.source, e.target)):
            g.add_edge(e.source, e.target, weight=e.weight, tasks=" ".join(e.tasks))
        return g

    def finalize(self) -> bytes:
        g = self.graph()
        if self.fmt == "graphml":
            return ("\n".join(nx.generate_graphml(g, prettyprint=True)) + "\n").encode("utf-8")
        buf = io.BytesIO()
        nx.write_gexf(g, buf, prettyprint=True)
        text = buf.getvalue().decode("utf-8")
        day = self.stamp.date().isoformat()
        return re.sub(r'lastmodifieddate="[^"]*"', f'lastmodifieddate="{day}"', text, count=1).encode("utf-8")
