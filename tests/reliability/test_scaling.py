"""Big and adversarial documents extract (or are refused) within CPU time and memory bounded per MB.

The shapes that blew up before a fix are in ``test_regressions.py`` (``test_no_quadratic_blow_up``).
Each shape runs in a child process under its limits (see :mod:`tests.reliability.bounded`); the test
fails when the child is killed or goes over ``10 s + 30 s/MB`` CPU or ``300 MB + 150 MB/MB`` peak RSS.
"""

from __future__ import annotations

import pytest

from loaders.parse.structure import MAX_TABLE_ROWS
from tests.reliability.bounded import bounds, extract_in_child
from tests.reliability.shapes import SHAPES

#: (shape, size): big enough that a quadratic step would blow the bound, small enough to stay quick.
CASES = [
    ("big_table", 45_000),
    ("continued_cell", 20_000),
    ("long_word", 200_000),
    ("many_lines_of_names", 20_000),
    ("deep_sections", 400),
    ("many_responsibilities", 3_000),
]


@pytest.mark.parametrize(("shape", "size"), CASES, ids=[c[0] for c in CASES])
def test_shape_extracts_within_bounds(tmp_path, shape, size):
    path = tmp_path / f"{shape}.md"
    path.write_text(SHAPES[shape](size), encoding="utf-8")
    run = extract_in_child(path)
    cpu, rss = bounds(path.stat().st_size)
    assert run.outcome in ("extracted", "ParseError"), run.stderr
    assert run.cpu_s <= cpu, f"{shape}: {run.cpu_s:.1f} s CPU for {path.stat().st_size / 1e6:.2f} MB"
    assert run.maxrss_mb <= rss, (
        f"{shape}: {run.maxrss_mb:.0f} MB peak for {path.stat().st_size / 1e6:.2f} MB"
    )


def test_a_200000_row_table_is_refused_fast_naming_the_limit(tmp_path):
    path = tmp_path / "huge-table.md"
    path.write_text(SHAPES["big_table"](200_000), encoding="utf-8")
    run = extract_in_child(path)
    cpu, rss = bounds(path.stat().st_size)
    assert run.outcome == "ParseError", run.stderr
    assert f"{MAX_TABLE_ROWS:,}" in run.result["message"]
    assert "\n" not in run.result["message"]
    assert run.cpu_s <= cpu and run.maxrss_mb <= rss
