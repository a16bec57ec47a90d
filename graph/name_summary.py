"""The names of one document, summarised so that the search indexes of many documents merge fast.

A summary is a small JSON-able dict of what one document graph says about names:

- ``agents``: ``[iri, kind, [Vietnamese names], [aliases], tasks]`` per agent the document types
  (kind ``agency`` or ``group``) or assigns tasks to (kind ``""``: counted, not named here);
  ``tasks`` is the number of the document's tasks the agent leads or coordinates;
- ``documents``: ``[iri, [labels], [symbols, labels and titles]]`` per legal document it types.

A task belongs to one document, so an agent's task count in the store is the sum of its counts in
the summaries. :class:`NameTally` adds summaries (and takes them away again when a document is
replaced or deleted) and gives the search entries of the whole store: an agent or document is there
while some document types it; its name is the one most documents give (ties: the smallest), its
aliases all those any document gives. The store keeps one summary per document graph
(:mod:`ontology.name_index`), so the search index is a merge of a few thousand literals, not a scan
of every name in the store.

>>> s = summarise([("a", "agency", ["Sở A"], ["SA"], 0)], {"a": 2}, [("d", ["94/KH"], ["94/KH", "Kế hoạch"])])
>>> s["agents"], s["documents"]
([['a', 'agency', ['Sở A'], ['SA'], 2]], [['d', ['94/KH'], ['94/KH', 'Kế hoạch']]])
>>> t = NameTally(); _ = t.add(s); _ = t.add(s)
>>> t.agent("a"), t.document("d")
(('agency', 'Sở A', ('SA',), 4), ('94/KH', ('94/KH', 'Kế hoạch')))
>>> _ = t.add(s, -1); _ = t.add(s, -1); t.agent("a") is None
True
"""

from __future__ import annotations

import json
from collections.abc import Iterable

#: bump when the shape changes: summaries of another version are recomputed
VERSION = 1


def summarise(
    agents: Iterable[tuple[str, str, list[str], list[str], int]],
    tasks: dict[str, int],
    documents: Iterable[tuple[str, list[str], list[str]]],
) -> dict:
    """The summary of one document: its typed agents (iri, kind, names, aliases, _), the task count of
    every agent it assigns tasks to, and its legal documents (iri, labels, names). Sorted: the same
    document always gives the same summary."""
    rows: dict[str, list] = {}
    for a, kind, names, aliases, _ in agents:
        rows[a] = [a, kind, sorted(set(names)), sorted(set(aliases)), tasks.get(a, 0)]
    for a, n in tasks.items():
        if a not in rows:
            rows[a] = [a, "", [], [], n]
    return {
        "v": VERSION,
        "agents": [rows[a] for a in sorted(rows)],
        "documents": sorted([d, sorted(set(labels)), sorted(set(names))] for d, labels, names in documents),
    }


def decode(text: str | None) -> dict | None:
    """A stored summary (JSON text), or None when there is none or it is of another version."""
    if text is None:
        return None
    try:
        s = json.loads(text)
    except ValueError:
        return None
    return s if isinstance(s, dict) and s.get("v") == VERSION else None


def _count(counts: dict[str, int], values: list[str], sign: int) -> None:
    """Count each value once more (``sign=-1``: once less; a count that reaches 0 is dropped)."""
    for v in values:
        n = counts.get(v, 0) + sign
        if n:
            counts[v] = n
        else:
            del counts[v]


def _best(counts: dict[str, int]) -> str | None:
    """The value most documents give (ties: the smallest)."""
    live = [(-n, v) for v, n in counts.items() if n > 0]
    return min(live)[1] if live else None


def _live(counts: dict[str, int]) -> tuple[str, ...]:
    return tuple(sorted(v for v, n in counts.items() if n > 0))


class _Agent:
    __slots__ = ("agency", "aliases", "group", "names", "tasks")

    def __init__(self) -> None:
        self.agency = self.group = self.tasks = 0
        self.names: dict[str, int] = {}
        self.aliases: dict[str, int] = {}


class _Document:
    __slots__ = ("labels", "names", "typed")

    def __init__(self) -> None:
        self.typed = 0
        self.labels: dict[str, int] = {}
        self.names: dict[str, int] = {}


class NameTally:
    """The names of many documents: the sum of their summaries (see the module's doc)."""

    def __init__(self) -> None:
        self._agents: dict[str, _Agent] = {}
        self._documents: dict[str, _Document] = {}

    def add(self, summary: dict, sign: int = 1) -> tuple[set[str], set[str]]:
        """Add a document's summary (``sign=-1``: take it away); returns the agents and documents touched."""
        agents, documents = self._agents, self._documents
        for a, kind, names, aliases, tasks in summary["agents"]:
            t = agents.get(a)
            if t is None:
                t = agents[a] = _Agent()
            t.tasks += sign * tasks
            if kind == "agency":
                t.agency += sign
            elif kind == "group":
                t.group += sign
            _count(t.names, names, sign)
            _count(t.aliases, aliases, sign)
        for d, labels, names in summary["documents"]:
            t = documents.get(d)
            if t is None:
                t = documents[d] = _Document()
            t.typed += sign
            _count(t.labels, labels, sign)
            _count(t.names, names, sign)
        return {r[0] for r in summary["agents"]}, {r[0] for r in summary["documents"]}

    def agents(self) -> list[str]:
        """The agents some document types, sorted."""
        return sorted(a for a, t in self._agents.items() if t.agency > 0 or t.group > 0)

    def agent(self, a: str) -> tuple[str, str | None, tuple[str, ...], int] | None:
        """(kind, name or None, aliases, tasks) of an agent some document types, else None."""
        t = self._agents.get(a)
        if t is None or (t.agency <= 0 and t.group <= 0):
            return None
        return ("group" if t.group > 0 else "agency", _best(t.names), _live(t.aliases), t.tasks)

    def documents(self) -> list[str]:
        """The legal documents some document types, sorted."""
        return sorted(d for d, t in self._documents.items() if t.typed > 0)

    def document(self, d: str) -> tuple[str | None, tuple[str, ...]] | None:
        """(label or None, names) of a legal document some document types, else None."""
        t = self._documents.get(d)
        if t is None or t.typed <= 0:
            return None
        return _best(t.labels), _live(t.names)
