"""Every Cypher statement plangraph sends or writes, in one module.

Values travel as parameters (``$rows``, ``$doc``, ...). Labels, relationship
types and property keys are the only names formatted into the text; they come
from the fixed tables of :mod:`.schema` and are checked here. Each statement
function takes the expression of each value, ``$name`` by default: the Cypher
script export passes literals made by :func:`literal` instead, the one place
where values appear in Cypher text.

>>> print(delete_document())
MATCH (n:Resource {doc: $doc})
DETACH DELETE n
>>> print(delete_document(literal("vn/ubnd-ha-noi/kh/2022/94")))
MATCH (n:Resource {doc: 'vn/ubnd-ha-noi/kh/2022/94'})
DETACH DELETE n
>>> literal({"name_vi": "Sở 'Ngoại vụ'\\n", "year": 2022, "labels": ["a", "b"], "ok": True})
"{name_vi: 'Sở \\\\'Ngoại vụ\\\\'\\\\n', year: 2022, labels: ['a', 'b'], ok: true}"
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from loaders.neo4j.schema import LABELS, RESOURCE, snake

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_TYPE = re.compile(r"[A-Z][A-Z0-9_]*\Z")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _label(name: str) -> str:
    if not _NAME.match(name):
        raise ValueError(f"not a label: {name!r}")
    return name


def _rel_type(name: str) -> str:
    if not _TYPE.match(name):
        raise ValueError(f"not a relationship type: {name!r}")
    return name


# -- literals (the Cypher script export only) -------------------------------------------------
def string(text: str) -> str:
    """A Cypher string literal: quotes, backslashes and control characters escaped.

    >>> print(string("it's C:\\\\temp\\tĐà Nẵng"))
    'it\\'s C:\\\\temp\\tĐà Nẵng'
    """
    out = []
    for ch in text:
        esc = _ESCAPES.get(ch)
        if esc is None and (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029"):
            esc = f"\\u{ord(ch):04x}"
        out.append(esc or ch)
    return "'" + "".join(out) + "'"


def _key(name: str) -> str:
    return name if _NAME.match(name) else "`" + name.replace("`", "``") + "`"


def literal(value: Any) -> str:
    """A Cypher literal for a parameter value: string, int, bool, date, list, map or null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f"date({string(value.isoformat())})"
    if isinstance(value, str):
        return string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(str(k))}: {literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


# -- schema ----------------------------------------------------------------------------------
#: Range indexes besides the unique ``iri`` of every label: (label, property).
INDEXES = (
    (RESOURCE, "doc"),
    ("Agency", "name_vi"),
    ("AgencyGroup", "name_vi"),
    ("LegalDocument", "id_local"),
    ("Task", "row_label"),
    ("Task", "start"),
    ("Task", "end"),
)


def constraint(label: str) -> str:
    """A node key: ``iri`` is unique for each label (for :Resource, across the whole graph)."""
    name = f"{snake(_label(label))}_iri"
    return f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.iri IS UNIQUE"


def index(label: str, key: str) -> str:
    name = f"{snake(_label(label))}_{_label(key)}"
    return f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{key})"


def schema() -> list[str]:
    """Constraints first, then indexes (all ``IF NOT EXISTS``: running them again is harmless)."""
    labels = [RESOURCE, *LABELS.values()]
    return [constraint(label) for label in labels] + [index(label, key) for label, key in INDEXES]


# -- per document ----------------------------------------------------------------------------
def stored_hash(graph: str = "$graph") -> str:
    """The content hash of the version of a document that Neo4j holds (none if it holds none)."""
    return f"MATCH (g:DocumentGraph {{iri: {graph}}})\nRETURN g.content_hash AS content_hash"


def delete_document(doc: str = "$doc") -> str:
    """Drop a document's own nodes (tasks, spans, ...) and with them their relationships."""
    return f"MATCH (n:Resource {{doc: {doc}}})\nDETACH DELETE n"


def delete_plan_relationships(plan: str = "$plan") -> str:
    """Drop what the plan itself states (BASED_ON, CITES, PASSED_BY, WAS_ATTRIBUTED_TO): rewritten next."""
    return f"MATCH (:Resource {{iri: {plan}}})-[r]->()\nDELETE r"


def merge_nodes(labels: tuple[str, ...], rows: str = "$rows") -> str:
    """MERGE a batch of nodes on their IRI, add their labels, set their properties."""
    extra = [_label(label) for label in labels if label != RESOURCE]
    set_labels = f"SET n:{':'.join(extra)}\n" if extra else ""
    return (
        f"UNWIND {rows} AS row\n"
        f"MERGE (n:{RESOURCE} {{iri: row.iri}})\n"
        f"{set_labels}"
        "SET n += row.props\n"
        "RETURN count(n) AS written"
    )


def merge_relationships(rel_type: str, rows: str = "$rows") -> str:
    """MERGE a batch of relationships of one type between nodes written before."""
    return (
        f"UNWIND {rows} AS row\n"
        f"MATCH (a:{RESOURCE} {{iri: row.start}})\n"
        f"MATCH (b:{RESOURCE} {{iri: row.end}})\n"
        f"MERGE (a)-[r:{_rel_type(rel_type)}]->(b)\n"
        "SET r += row.props\n"
        "RETURN count(r) AS written"
    )
