"""The closed vocabularies of a drawing: node kinds and edge roles, with their labels and styles.

A node's ``kind`` and an edge's ``role`` are stable codes; anything else falls back to ``other``.

>>> node_kind("department").label("vi")
'Sở, ngành thành phố'
>>> node_kind("Department").code, node_kind("spaceship").code
('department', 'other')
>>> edge_role("based_on").label("en")
'is based on'
"""

from __future__ import annotations

from dataclasses import dataclass

#: one glyph per vis-network shape, for the legend (system fonts have them all)
GLYPHS = {
    "dot": "●",
    "diamond": "◆",
    "star": "★",
    "triangle": "▲",
    "triangleDown": "▼",
    "square": "■",
    "hexagon": "⬢",
}


@dataclass(frozen=True)
class NodeKind:
    """How one kind of node is named and drawn."""

    code: str
    vi: str
    en: str
    color: str
    shape: str
    border: str = ""
    dashed: bool = False

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi

    @property
    def glyph(self) -> str:
        return GLYPHS[self.shape]


@dataclass(frozen=True)
class EdgeRole:
    """How one kind of edge is named and drawn."""

    code: str
    vi: str
    en: str
    color: str
    dashes: tuple[int, ...] = ()

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


# Okabe-Ito colours first (safe for colour-blind readers); shapes tell kinds apart as well.
_KINDS = (
    NodeKind("department", "Sở, ngành thành phố", "City department", "#0072B2", "dot"),
    NodeKind("central", "Cơ quan Trung ương", "Central body", "#D55E00", "diamond"),
    NodeKind("party", "Ban Đảng", "Party board", "#A50026", "star"),
    NodeKind("press", "Cơ quan báo chí", "Press", "#E69F00", "triangle"),
    NodeKind("district", "Quận, huyện, thị xã", "District", "#009E73", "square"),
    NodeKind("unit", "Đơn vị trực thuộc", "Unit", "#56B4E9", "triangleDown"),
    NodeKind("mass", "Tổ chức chính trị - xã hội", "Mass organisation", "#CC79A7", "hexagon"),
    NodeKind("foreign", "Đối tác nước ngoài", "Foreign partner", "#8C510A", "diamond"),
    NodeKind("group", "Nhóm cơ quan", "Group of agencies", "#8A8A8A", "dot", dashed=True),
    NodeKind("task", "Nhiệm vụ", "Task", "#F0E442", "square", border="#7A6F00"),
    NodeKind("plan", "Kế hoạch", "Plan", "#1B1B1B", "star"),
    NodeKind("document", "Văn bản pháp lý", "Legal document", "#6A3D9A", "hexagon"),
    NodeKind("other", "Khác", "Other", "#B0B0B0", "dot"),
)
KINDS: dict[str, NodeKind] = {k.code: k for k in _KINDS}

_ROLES = (
    EdgeRole("shared", "cùng thực hiện nhiệm vụ", "share tasks", "#9AA5B1"),
    EdgeRole("lead", "chủ trì", "leads", "#0072B2"),
    EdgeRole("coordinating", "phối hợp", "coordinates", "#7F7F7F", (6, 4)),
    EdgeRole("part", "thuộc kế hoạch", "part of the plan", "#555555"),
    EdgeRole("cites", "dẫn chiếu", "cites", "#6A3D9A", (2, 4)),
    EdgeRole("based_on", "căn cứ", "is based on", "#A50026"),
    EdgeRole("other", "liên quan", "related", "#B0B0B0"),
)
ROLES: dict[str, EdgeRole] = {r.code: r for r in _ROLES}


def node_kind(code: object) -> NodeKind:
    """The kind for a code (case-insensitive); unknown or missing codes are ``other``."""
    key = str(code).strip().lower() if code is not None else "other"
    return KINDS.get(key, KINDS["other"])


def edge_role(code: object) -> EdgeRole:
    """The role for a code (case-insensitive); unknown or missing codes are ``other``."""
    key = str(code).strip().lower() if code is not None else "other"
    return ROLES.get(key, ROLES["other"])
