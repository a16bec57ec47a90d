"""RDF graphs compared as isomorphic, with a readable diff when they are not."""

from __future__ import annotations

from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic


def graph_from_nt(text: str | bytes) -> Graph:
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    return Graph().parse(data=text, format="nt")


def assert_isomorphic(expected: Graph, actual: Graph, *, limit: int = 20) -> None:
    """Fail with the triples only in one graph or the other (sorted N-Triples, at most ``limit`` each)."""
    iso_expected, iso_actual = to_isomorphic(expected), to_isomorphic(actual)
    if iso_expected == iso_actual:
        return
    _both, only_expected, only_actual = graph_diff(iso_expected, iso_actual)

    def show(g: Graph) -> str:
        lines = sorted(g.serialize(format="nt").strip().splitlines())
        more = f"\n    ... and {len(lines) - limit} more" if len(lines) > limit else ""
        return "\n".join(f"    {line}" for line in lines[:limit]) + more

    raise AssertionError(
        f"graphs differ: {len(only_expected)} triple(s) only expected, {len(only_actual)} only actual\n"
        f"  only in expected:\n{show(only_expected)}\n  only in actual:\n{show(only_actual)}"
    )
