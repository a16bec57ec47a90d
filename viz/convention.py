"""The attribute convention: what a networkx node or edge may carry, and the vis.js record it becomes.

Node attributes (all optional):

- ``label`` (str): the name drawn on the canvas, Vietnamese; defaults to the node id.
- ``kind`` (str): a code from :data:`viz.kinds.KINDS` (``department``, ``central``, ``party``,
  ``press``, ``district``, ``unit``, ``mass``, ``foreign``, ``group``, ``task``, ``plan``,
  ``document``, ``other``); anything else is ``other``. Sets colour and shape.
- ``size_by`` (number >= 0): what the node's size shows (e.g. tasks led); sizes are scaled per view.
- ``title`` (str): the tooltip's heading (e.g. the full name); defaults to the label.
- ``text`` (str): the tooltip's body (e.g. the task's content).
- ``details``: ``{name: value}`` or ``[(name, value), ...]`` extra lines (deadline, counts, ...).
- ``evidence``: one mapping or a list of them, each ``{document, line_start, line_end, quote,
  href}`` (any may be missing): where the fact was read.
- ``plan`` (str or list of str): the plan(s) the node belongs to, for the plan filter.
- ``href`` (str): a page about the node, relative (``/agency/...``) or http(s); others are dropped.
- ``emphasis`` (bool): draw the node stronger (the centre of an ego network, a tree's root).

Edge attributes (all optional): ``weight`` (number > 0, e.g. shared tasks; sets the width),
``role`` (``shared``, ``lead``, ``coordinating``, ``part``, ``cites``, ``based_on``, else
``other``), ``title``, ``text``, ``details``, ``evidence``, ``plan`` — as for nodes.

All text is data: the page shows it with ``textContent`` / canvas text, never as HTML.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from graph.errors import InvalidInput
from viz.kinds import edge_role, node_kind

_EVIDENCE_KEYS = ("document", "line_start", "line_end", "quote", "href")


def clean_href(value: object) -> str | None:
    """A link that is safe to follow, or None.

    >>> clean_href("/agency/so-ngoai-vu"), clean_href("task.html#I-1")
    ('/agency/so-ngoai-vu', 'task.html#I-1')
    >>> clean_href("javascript:alert(1)") is None, clean_href(" JaVaScRiPt:x") is None
    (True, True)
    >>> clean_href("https://vbpl.vn/x"), clean_href("data:text/html,x")
    ('https://vbpl.vn/x', None)
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or any(ord(c) < 32 or ord(c) == 127 for c in text):
        return None
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return None
    if scheme in ("", "http", "https"):
        return text
    return None


def wrap_label(text: str, width: int = 22, max_lines: int = 3) -> str:
    """Break a long name into short lines for the canvas; the tooltip keeps the whole text.

    >>> wrap_label("Sở Văn hóa và Thể thao"), wrap_label("Ban Tuyên giáo Thành ủy")
    ('Sở Văn hóa và Thể thao', 'Ban Tuyên giáo Thành ủy')
    >>> print(wrap_label("Ban Tuyên giáo Thành ủy Hà Nội và các cơ quan liên quan", 15, 2))
    Ban Tuyên giáo
    Thành ủy Hà Nội…
    """
    words = " ".join(text.split()).split(" ")
    lines: list[str] = []
    line = ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    if len(lines) > 1 and len(lines[-1]) <= 4 and len(lines[-2]) + 1 + len(lines[-1]) <= width + 4:
        lines[-2:] = [f"{lines[-2]} {lines[-1]}"]  # no orphan syllable on a line of its own
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" ,.;:") + "…"
    return "\n".join(x if len(x) <= width * 2 else x[: width * 2 - 1] + "…" for x in lines)


def number(value: object, name: str, *, minimum: float = 0.0) -> float:
    """A finite number >= minimum, or InvalidInput naming the attribute.

    >>> number("3", "size_by")
    3.0
    >>> number(-1, "weight")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidInput: attribute 'weight' must be a number >= 0, not -1
    """
    try:
        x = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        x = math.nan
    if isinstance(value, bool) or not math.isfinite(x) or x < minimum:
        raise InvalidInput(f"attribute {name!r} must be a number >= {minimum:g}, not {value!r}")
    return x


def plan_list(value: object) -> list[str]:
    """Plan ids as a sorted list of strings.

    >>> plan_list("kh-94"), plan_list(["b", "a", "b"]), plan_list(None)
    (['kh-94'], ['a', 'b'], [])
    """
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return sorted({str(v) for v in value if v is not None and v != ""})
    return [str(value)]


def details_list(value: object) -> list[list[str]]:
    """``{name: value}`` or pairs, as ``[[name, value], ...]`` of strings (None values dropped)."""
    if not value:
        return []
    pairs = value.items() if isinstance(value, Mapping) else value
    if isinstance(pairs, str | bytes) or not isinstance(pairs, Iterable):
        raise InvalidInput(f"details must be a mapping or (name, value) pairs, not {value!r}")
    out: list[list[str]] = []
    for pair in pairs:  # type: ignore[union-attr]
        try:
            name, val = pair
        except (TypeError, ValueError):
            raise InvalidInput(f"details must be a mapping or (name, value) pairs, not {value!r}") from None
        if val is not None and val != "":
            out.append([str(name), str(val)])
    return out


def evidence_list(value: object) -> list[dict[str, Any]]:
    """Evidence as a list of ``{doc, from, to, quote, href}`` records (missing parts left out).

    >>> evidence_list({"document": "94/KH-UBND", "line_start": 12, "line_end": 14, "quote": "Sở..."})
    [{'doc': '94/KH-UBND', 'from': 12, 'to': 14, 'quote': 'Sở...'}]
    """
    if not value:
        return []
    if not isinstance(value, Mapping) and (isinstance(value, str | bytes) or not isinstance(value, Iterable)):
        raise InvalidInput(f"evidence must be a mapping or a list of mappings, not {value!r}")
    items = [value] if isinstance(value, Mapping) else list(value)
    out = []
    for item in items:
        if not isinstance(item, Mapping):
            raise InvalidInput(f"evidence must be a mapping or a list of mappings, not {item!r}")
        rec: dict[str, Any] = {}
        if item.get("document"):
            rec["doc"] = str(item["document"])
        for key, short in (("line_start", "from"), ("line_end", "to")):
            if item.get(key) is not None:
                rec[short] = int(number(item[key], key, minimum=1))
        if item.get("quote"):
            rec["quote"] = str(item["quote"])
        href = clean_href(item.get("href"))
        if href:
            rec["href"] = href
        if rec:
            out.append(rec)
    return out


def _tip(attrs: Mapping[str, Any], heading: str | None) -> dict[str, Any]:
    tip: dict[str, Any] = {}
    if heading:
        tip["h"] = heading
    if attrs.get("text"):
        tip["text"] = str(attrs["text"])
    details = details_list(attrs.get("details"))
    if details:
        tip["d"] = details
    evidence = evidence_list(attrs.get("evidence"))
    if evidence:
        tip["ev"] = evidence
    href = clean_href(attrs.get("href"))
    if href:
        tip["href"] = href
    return tip


def node_record(index: int, node: object, attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The vis record of one node, before sizes and positions are added.

    >>> node_record(0, "so-nv", {"label": "Sở Ngoại vụ", "kind": "department", "plan": "kh-94"})
    {'id': 0, 'label': 'Sở Ngoại vụ', 'group': 'department', 'plans': ['kh-94']}
    """
    full = " ".join(str(attrs.get("label") if attrs.get("label") not in (None, "") else node).split())
    label = wrap_label(full)
    rec: dict[str, Any] = {"id": index, "label": label, "group": node_kind(attrs.get("kind")).code}
    plans = plan_list(attrs.get("plan"))
    if plans:
        rec["plans"] = plans
    title = attrs.get("title")
    heading = str(title) if title not in (None, "") else (full if label.replace("\n", " ") != full else None)
    tip = _tip(attrs, heading)
    if tip:
        rec["tip"] = tip
    if attrs.get("emphasis"):
        rec["emph"] = 1
    if attrs.get("aggregate"):
        rec["agg"] = int(attrs["aggregate"])
    return rec


def edge_record(index: int, source: int, target: int, attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The vis record of one edge (endpoints are node record ids), before widths are added.

    >>> edge_record(0, 1, 2, {"role": "lead", "weight": 3})
    {'id': 0, 'from': 1, 'to': 2, 'role': 'lead', 'w': 3}
    """
    rec: dict[str, Any] = {
        "id": index,
        "from": source,
        "to": target,
        "role": edge_role(attrs.get("role")).code,
    }
    if attrs.get("weight") is not None:
        w = number(attrs["weight"], "weight")
        rec["w"] = int(w) if w.is_integer() else round(w, 3)
    plans = plan_list(attrs.get("plan"))
    if plans:
        rec["plans"] = plans
    title = attrs.get("title")
    tip = _tip(attrs, str(title) if title not in (None, "") else None)
    if tip:
        rec["tip"] = tip
    return rec


def scale(values: list[float], lo: float, hi: float) -> list[float]:
    """Map values >= 0 onto [lo, hi] by square root (area follows value), rounded to 0.1.

    >>> scale([0, 1, 4], 10, 30)
    [10.0, 20.0, 30.0]
    >>> scale([5, 5], 10, 30)
    [20.0, 20.0]
    """
    if not values:
        return []
    top = max(values)
    if top <= 0 or all(v == values[0] for v in values):
        mid = round((lo + hi) / 2, 1)
        return [mid] * len(values)
    return [round(lo + (hi - lo) * math.sqrt(v / top), 1) for v in values]
