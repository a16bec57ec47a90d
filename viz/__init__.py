"""Offline network pages: networkx graphs drawn with a vendored vis-network, no CDN.

The attribute convention is in :mod:`viz.convention`; the renderer in :mod:`viz.network`; the four
views of issue 6 in :mod:`viz.views`. See docs/viz.md.
"""

from viz.network import NetworkView, build_view, render_network, render_view, write_network
from viz.views import VIEWS, agency_network, coordination_network, legal_basis_tree, plan_network

__all__ = [
    "VIEWS",
    "NetworkView",
    "agency_network",
    "build_view",
    "coordination_network",
    "legal_basis_tree",
    "plan_network",
    "render_network",
    "render_view",
    "write_network",
]
