"""docs/viz.md cannot drift from the code: public names, kind and role codes, thresholds."""

from __future__ import annotations

from pathlib import Path

import viz
from viz.kinds import KINDS, ROLES
from viz.options import MAX_EDGES, MAX_NODES, PHYSICS_MAX_NODES

DOC = (Path(__file__).resolve().parents[2] / "docs" / "viz.md").read_text(encoding="utf-8")


def test_every_public_name_is_documented():
    assert [name for name in viz.__all__ if name not in DOC] == []


def test_every_kind_and_role_is_in_the_tables():
    for kind in KINDS.values():
        assert f"| `{kind.code}` | {kind.vi} | {kind.en}" in DOC
        assert f"`{kind.color}`" in DOC
    for role in ROLES.values():
        assert f"| `{role.code}` | {role.vi} | {role.en} |" in DOC


def test_thresholds_match():
    assert f"≤ {PHYSICS_MAX_NODES} (`PHYSICS_MAX_NODES`)" in DOC
    assert f"> {MAX_NODES:,} (`MAX_NODES`)" in DOC
    assert f"> {MAX_EDGES:,} edges (`MAX_EDGES`)" in DOC


def test_screenshots_exist():
    for name in ("viz-coordination.png", "viz-legal.png"):
        assert (
            f"img/{name}" in DOC and (Path(__file__).resolve().parents[2] / "docs" / "img" / name).is_file()
        )
