"""The vis-network options of a page, by drawing mode, and the thresholds that choose the mode.

Modes: ``physics`` (small views: vis's barnesHut from positions computed in Python, at most 400
stabilisation steps before the first frame, then physics stops so nothing drifts), ``static`` (positions from Python, physics off, straight edges) and ``layered`` (trees,
positions from Python, physics off).

>>> choose_mode("auto", 150), choose_mode("auto", 151), choose_mode("layered", 10)
('physics', 'static', 'layered')
>>> vis_options("static", 2000, big=True)["physics"]
False
"""

from __future__ import annotations

from typing import Any

from graph.errors import InvalidInput
from viz.kinds import KINDS
from viz.layout import SEED

#: at most this many nodes are laid out by the browser's physics; above, positions come from Python
PHYSICS_MAX_NODES = 150
#: above this many nodes a view is capped: the rest is grouped by kind, with a note on the page
MAX_NODES = 5000
#: above this many edges only the strongest are drawn, with a note on the page
MAX_EDGES = 20000
#: above this many nodes edges are hidden while dragging or zooming
BIG_NODES = 1000

LAYOUTS = ("auto", "physics", "force", "layered")
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif'


def choose_mode(layout: str, n_nodes: int, physics_max_nodes: int = PHYSICS_MAX_NODES) -> str:
    """The drawing mode for a requested ``layout`` and a view of ``n_nodes``."""
    if layout not in LAYOUTS:
        raise InvalidInput(f"layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    if layout == "layered":
        return "layered"
    if layout == "physics" or (layout == "auto" and n_nodes <= physics_max_nodes):
        return "physics"
    return "static"


def _groups() -> dict[str, Any]:
    groups: dict[str, Any] = {}
    for kind in KINDS.values():
        border = kind.border or kind.color
        group: dict[str, Any] = {
            "shape": kind.shape,
            "color": {
                "background": kind.color,
                "border": border,
                "highlight": {"background": kind.color, "border": "#000000"},
                "hover": {"background": kind.color, "border": "#000000"},
            },
        }
        if kind.dashed:
            group["shapeProperties"] = {"borderDashes": [4, 3]}
            group["borderWidth"] = 2
        groups[kind.code] = group
    return groups


def vis_options(mode: str, n_nodes: int, *, big: bool | None = None) -> dict[str, Any]:
    """The options object passed to ``new vis.Network``."""
    big = n_nodes > BIG_NODES if big is None else big
    options: dict[str, Any] = {
        "autoResize": True,
        "height": "100%",
        "width": "100%",
        "layout": {"improvedLayout": False, "randomSeed": SEED},
        "groups": _groups(),
        "nodes": {
            "borderWidth": 1,
            "font": {
                "size": 14,
                "face": FONT,
                "color": "#1b1b1b",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
        },
        "edges": {"smooth": False, "width": 1, "selectionWidth": 2, "hoverWidth": 1},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "navigationButtons": True,
            "keyboard": False,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
        },
        "physics": False,
    }
    if mode == "physics":
        options["physics"] = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000,
                "centralGravity": 0.3,
                "springLength": 140,
                "springConstant": 0.04,
                "damping": 0.12,
                "avoidOverlap": 0.4,
            },
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 25, "fit": True},
            "minVelocity": 0.75,
        }
        options["edges"]["smooth"] = {"enabled": True, "type": "continuous", "roundness": 0.3}
    elif mode == "layered":
        options["edges"]["smooth"] = {
            "enabled": True,
            "type": "cubicBezier",
            "forceDirection": "horizontal",
            "roundness": 0.5,
        }
    return options
