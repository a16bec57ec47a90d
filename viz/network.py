"""The shared renderer: a networkx graph in, one self-contained offline HTML page out.

The page inlines vis-network, its own script and stylesheet, and the graph as JSON; it loads
nothing else (a Content-Security-Policy in the page forbids it). The same graph and arguments give
byte-identical HTML.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_node("a", label="Sở Ngoại vụ", kind="department", size_by=3)
>>> g.add_node("b", label="Sở Du lịch", kind="department", size_by=1)
>>> g.add_edge("a", "b", weight=2, role="shared")
>>> html = render_network(g, title="Mạng lưới phối hợp")
>>> html.startswith("<!DOCTYPE html>") and "Sở Ngoại vụ" in html
True
>>> html == render_network(g, title="Mạng lưới phối hợp")
True
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx

from graph.errors import InvalidInput
from viz.assets import VIS_JS, asset, vis_network_version
from viz.cap import cap_graph
from viz.convention import edge_record, node_record, number, scale
from viz.i18n import check_lang, fmt_int, ui
from viz.kinds import KINDS, ROLES
from viz.layout import force_layout, layered_layout, ordered_nodes
from viz.options import MAX_EDGES, MAX_NODES, PHYSICS_MAX_NODES, choose_mode, vis_options


@dataclass
class NetworkView:
    """Everything a page shows, as plain data (``data`` is what the page's script receives)."""

    title: str
    lang: str
    mode: str
    notes: list[str]
    subtitle: str | None
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def node_count(self) -> int:
        return len(self.data["nodes"])

    @property
    def edge_count(self) -> int:
        return len(self.data["edges"])


def _positions(g: nx.Graph, mode: str, roots: Sequence[Hashable]) -> dict[Hashable, tuple[int, int]]:
    if mode == "layered":
        return layered_layout(g, roots or ordered_nodes(g)[:1])
    return force_layout(g)


def _node_records(
    g: nx.Graph, order: list[Hashable], pos: dict[Hashable, tuple[int, int]], node_size: tuple[float, float]
) -> list[dict[str, Any]]:
    nodes = [node_record(i, n, g.nodes[n]) for i, n in enumerate(order)]
    sizes = scale([number(g.nodes[n].get("size_by") or 0, "size_by") for n in order], *node_size)
    for rec, n, size in zip(nodes, order, sizes, strict=True):
        rec["size"] = size
        rec["x"], rec["y"] = pos[n]
        if rec.get("agg"):
            rec["size"] = round(sum(node_size) / 2, 1)
            rec["borderWidth"] = 3
            rec["shapeProperties"] = {"borderDashes": [5, 4]}
        if rec.get("emph"):
            rec["size"] = max(rec["size"], node_size[1])
            rec["borderWidth"] = 4
            rec["font"] = {"size": 18}
    return nodes


def _edge_records(g: nx.Graph, index: dict[Hashable, int]) -> list[dict[str, Any]]:
    """Edges ordered by their endpoints' positions (undirected endpoints sorted), then by key."""
    multi, directed = g.is_multigraph(), g.is_directed()
    rows = []
    for e in g.edges(keys=True, data=True) if multi else g.edges(data=True):
        a, b = index[e[0]], index[e[1]]
        if not directed and b < a:
            a, b = b, a
        rows.append((a, b, str(e[2]) if multi else "", e[-1]))
    rows.sort(key=lambda t: t[:3])
    edges = [edge_record(i, a, b, data) for i, (a, b, _, data) in enumerate(rows)]
    weighted = [e for e in edges if "w" in e]
    if len({e["w"] for e in weighted}) > 1:
        for e, width in zip(weighted, scale([e["w"] for e in weighted], 1.0, 8.0), strict=True):
            e["width"] = width
    return edges


def build_view(
    g: nx.Graph,
    *,
    title: str,
    lang: str = "vi",
    subtitle: str | None = None,
    notes: Sequence[str] = (),
    plans: Mapping[str, str] | None = None,
    layout: str = "auto",
    roots: Iterable[Hashable] = (),
    keep: Iterable[Hashable] = (),
    node_size: tuple[float, float] = (10.0, 40.0),
    max_nodes: int | None = MAX_NODES,
    max_edges: int | None = MAX_EDGES,
    physics_max_nodes: int = PHYSICS_MAX_NODES,
) -> NetworkView:
    """Cap, lay out and convert ``g`` into the data of one page (see :func:`render_network`)."""
    if not isinstance(g, nx.Graph):
        raise InvalidInput(f"expected a networkx graph, not {type(g).__name__}")
    check_lang(lang)
    roots = [r for r in roots if r in g]
    total_nodes, total_edges = g.number_of_nodes(), g.number_of_edges()
    g, cap_notes = cap_graph(g, max_nodes=max_nodes, max_edges=max_edges, lang=lang, keep=[*roots, *keep])
    mode = choose_mode(layout, g.number_of_nodes(), physics_max_nodes)
    pos = _positions(g, mode, roots)
    order = ordered_nodes(g)
    nodes = _node_records(g, order, pos, node_size)
    edges = _edge_records(g, {n: i for i, n in enumerate(order)})

    kind_counts = Counter(rec["group"] for rec in nodes)
    role_counts = Counter(rec["role"] for rec in edges)
    plan_ids = sorted({p for item in [*nodes, *edges] for p in item.get("plans", ())} | set(plans or {}))
    data = {
        "lang": lang,
        "mode": mode,
        "directed": g.is_directed(),
        "ui": ui(lang),
        "total": {"nodes": total_nodes, "edges": total_edges},
        "kinds": [
            {
                "code": k.code,
                "label": k.label(lang),
                "color": k.color,
                "glyph": k.glyph,
                "count": kind_counts[k.code],
            }
            for k in KINDS.values()
            if kind_counts[k.code]
        ],
        "roles": [
            {
                "code": r.code,
                "label": r.label(lang),
                "color": r.color,
                "dashes": list(r.dashes),
                "count": role_counts[r.code],
            }
            for r in ROLES.values()
            if role_counts[r.code]
        ],
        "plans": [{"id": p, "label": str((plans or {}).get(p) or p)} for p in plan_ids],
        "nodes": nodes,
        "edges": edges,
        "options": vis_options(mode, len(nodes)),
    }
    return NetworkView(title, lang, mode, [*cap_notes, *notes], subtitle, data)


def _json_for_html(value: Any) -> str:
    """JSON that cannot end the <script> element it sits in (``<``, ``>``, ``&`` escaped)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(ch, esc)
    return text


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("viz", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)


def render_view(view: NetworkView) -> str:
    """The HTML page of a :class:`NetworkView`."""
    vis_js, app_js = asset(VIS_JS), asset("network.js")
    csp = "; ".join(
        (
            "default-src 'none'",
            f"script-src {_sha256(vis_js)} {_sha256(app_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )
    data = view.data
    return _ENV.get_template("network.html.j2").render(
        lang=view.lang,
        title=view.title,
        subtitle=view.subtitle,
        notes=view.notes,
        ui=data["ui"],
        kinds=data["kinds"],
        roles=data["roles"],
        plans=data["plans"],
        shown=data["ui"]["shown"].format(
            nodes=fmt_int(len(data["nodes"]), view.lang),
            total=fmt_int(len(data["nodes"]), view.lang),
            edges=fmt_int(len(data["edges"]), view.lang),
        ),
        csp=csp,
        css=asset("network.css"),
        data_json=_json_for_html(data),
        vis_js=vis_js,
        app_js=app_js,
        vis_version=vis_network_version(),
    )


def render_network(g: nx.Graph, *, title: str, **options: Any) -> str:
    """One self-contained offline HTML page drawing ``g``.

    ``g`` follows the attribute convention of :mod:`viz.convention`. Options (all keyword):
    ``lang`` ('vi' | 'en'), ``subtitle``, ``notes`` (extra lines shown on the page), ``plans``
    ({plan id: label} for the plan filter), ``layout`` ('auto' | 'physics' | 'force' | 'layered'),
    ``roots`` (a layered layout's first column; never grouped away), ``keep`` (nodes never grouped
    away), ``node_size`` ((smallest, largest) radius), ``max_nodes`` / ``max_edges`` (the cap;
    None for none), ``physics_max_nodes``.
    """
    return render_view(build_view(g, title=title, **options))


def write_network(g: nx.Graph, path: str | Path, *, title: str, **options: Any) -> Path:
    """Render ``g`` (as :func:`render_network`) into ``path``; return the path."""
    out = Path(path)
    out.write_text(render_network(g, title=title, **options), encoding="utf-8")
    return out
