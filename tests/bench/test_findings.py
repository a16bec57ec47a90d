"""The extractor weaknesses of bench/FINDINGS.md stay fixed: each minimal reproduction of
``bench.findings_repro`` must give what its text says."""

from __future__ import annotations

import pytest

from bench.findings_repro import cases

CASES = cases()


def test_every_finding_has_a_reproduction():
    names = [name.split()[0] for name, _, _ in CASES]
    assert names == [f"F{i}" for i in range(1, 9)] + [f"N{i}" for i in range(1, 5)]


@pytest.mark.parametrize(("name", "got", "want"), CASES, ids=[c[0].split()[0] for c in CASES])
def test_the_finding_is_fixed(name, got, want):
    assert got == want, name
