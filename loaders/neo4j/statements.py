"""The statements of a push, as data: what the sink runs, ``--dry-run`` prints and the script inlines.

A :class:`Statement` is a function of :mod:`.cypher` with its structural
arguments (labels, a relationship type) and its parameters. ``text`` is the
parameterised Cypher a driver runs; ``inline()`` the same statement with every
parameter replaced by a literal (the Cypher script export).

>>> s = Statement(cypher.delete_document, (), {"doc": "vn/x/kh/2022/1"})
>>> s.text
'MATCH (n:Resource {doc: $doc})\\nDETACH DELETE n'
>>> s.inline()
"MATCH (n:Resource {doc: 'vn/x/kh/2022/1'})\\nDETACH DELETE n"
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from loaders.neo4j import cypher
from loaders.neo4j.model import DocumentProjection

DEFAULT_BATCH = 1000


@dataclass(frozen=True)
class Statement:
    build: Callable[..., str]
    args: tuple = ()
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.build(*self.args)

    def inline(self) -> str:
        return self.build(*self.args, **{k: cypher.literal(v) for k, v in self.params.items()})

    @property
    def name(self) -> str:
        """What the statement does, for messages: 'merge_nodes Resource:Task'."""
        what = " ".join(":".join(a) if isinstance(a, tuple) else str(a) for a in self.args)
        return f"{self.build.__name__} {what}".strip()

    @property
    def rows(self) -> int:
        return len(self.params.get("rows", ()))


def _fixed(text: str) -> str:
    return text


def schema_statements() -> list[Statement]:
    """Constraints, then indexes: they take no parameters."""
    return [Statement(_fixed, (text,)) for text in cypher.schema()]


def _batches(rows: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def document_statements(doc: DocumentProjection, batch_size: int = DEFAULT_BATCH) -> list[Statement]:
    """Replace one document: drop its own nodes and the plan's statements, then MERGE it all again.

    Nodes go in batches per label set (labels cannot be parameters), relationships
    per type; each batch is one ``UNWIND $rows`` statement of at most ``batch_size`` rows.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    out = [
        Statement(cypher.delete_document, (), {"doc": doc.key}),
        Statement(cypher.delete_plan_relationships, (), {"plan": doc.plan}),
    ]
    by_labels: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for n in doc.nodes:
        by_labels[n.labels].append({"iri": n.iri, "props": n.props})
    for labels in sorted(by_labels):
        for rows in _batches(by_labels[labels], batch_size):
            out.append(Statement(cypher.merge_nodes, (labels,), {"rows": rows}))
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in doc.rels:
        by_type[r.type].append({"start": r.start, "end": r.end, "props": r.props})
    for rel_type in sorted(by_type):
        for rows in _batches(by_type[rel_type], batch_size):
            out.append(Statement(cypher.merge_relationships, (rel_type,), {"rows": rows}))
    return out


def hash_statement(doc: DocumentProjection) -> Statement:
    return Statement(cypher.stored_hash, (), {"graph": doc.graph})
