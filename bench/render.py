"""A drawn plan as Markdown, with OCR noise applied to what a scan damages."""

from __future__ import annotations

import random

from bench.citations import Seg
from bench.noise import Noise
from bench.plan import Plan
from bench.table import paginate


def segs_text(noise: Noise, segs: list[Seg]) -> str:
    out = []
    for kind, text in segs:
        if kind == "p":
            out.append(noise.prose(text))
        elif kind == "n":
            out.append(noise.name(text))
        elif kind == "s":
            out.append(noise.symbol(text))
        else:
            out.append(text)
    return "".join(out)


def render(plan: Plan, layout_rng: random.Random, noise: Noise) -> str:
    """The Markdown text of ``plan``; ``layout_rng`` decides page breaks, ``noise`` the damage."""
    lines = [segs_text(noise, line) for line in plan.front]
    lines += [segs_text(noise, line) for line in plan.appendix]
    rows = [[segs_text(noise, cell).replace("|", "/") for cell in row] for row in plan.table.rows]
    header = [noise.name(h) for h in plan.table.header]
    lines += paginate(layout_rng, header, rows)
    return "\n".join(lines) + "\n"
