"""A schedule of tasks as SVG geometry: one bar per dated task, month ticks, no script, no inline style.

The page draws the bars with ``<rect>`` attributes only (the pages' Content-Security-Policy allows
no inline style), and lists the undated tasks in words.

>>> import datetime as dt
>>> s = schedule([Bar("II.1", "/ui/task/x", dt.date(2022, 1, 1), dt.date(2022, 12, 31), "lead", "…"),
...               Bar("II.3", "/ui/task/y", dt.date(2022, 7, 1), dt.date(2022, 12, 31), "coordinating", "…"),
...               Bar("II.4", "/ui/task/z", None, None, "lead", "…")])
>>> [(b.row, b.x, b.w) for b in s.bars]
[('II.1', 90, 670), ('II.3', 422, 338)]
>>> [t.label for t in s.ticks][:3], s.undated
(['1/2022', '2/2022', '3/2022'], ['II.4'])
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

WIDTH, LABEL_W, ROW_H, TOP = 760, 90, 22, 24


@dataclass(frozen=True)
class Bar:
    row: str
    href: str
    start: dt.date | None
    end: dt.date | None
    role: str  # lead | coordinating
    title: str  # the tooltip: row, dates, content
    x: int = 0
    y: int = 0
    w: int = 0


@dataclass(frozen=True)
class Tick:
    x: int
    label: str


@dataclass
class Schedule:
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    width: int = WIDTH
    height: int = 0


def _months(start: dt.date, end: dt.date) -> list[dt.date]:
    out, d = [], start.replace(day=1)
    while d <= end:
        out.append(d)
        d = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out


def schedule(bars: list[Bar], *, max_ticks: int = 12) -> Schedule:
    """Lay out dated bars on a shared time axis (first to last month); undated rows listed apart."""
    dated = [b for b in bars if b.start or b.end]
    out = Schedule(undated=[b.row for b in bars if not (b.start or b.end)])
    if not dated:
        return out
    lo = min(b.start or b.end for b in dated).replace(day=1)  # type: ignore[type-var]
    last = max(b.end or b.start for b in dated)  # type: ignore[type-var]
    hi = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    span = max((hi - lo).days, 1)
    plot = WIDTH - LABEL_W

    def x(d: dt.date) -> int:
        return LABEL_W + round(plot * (d - lo).days / span)

    months = _months(lo, last)
    step = max(1, -(-len(months) // max_ticks))
    out.ticks = [Tick(x(m), f"{m.month}/{m.year}") for m in months[::step]]
    for i, b in enumerate(dated):
        start, end = b.start or b.end, b.end or b.start
        x0, x1 = x(start), x(end + dt.timedelta(days=1))  # type: ignore[operator, arg-type]
        out.bars.append(
            Bar(b.row, b.href, b.start, b.end, b.role, b.title, x=x0, y=TOP + i * ROW_H, w=max(x1 - x0, 3))
        )
    out.height = TOP + len(dated) * ROW_H + 4
    return out
