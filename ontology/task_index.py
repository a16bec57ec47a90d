"""The tasks of each document kept ready for paging: a task table per document graph, and page keys
per agent.

An agency's tasks were paged by decoding every one of its task IRIs to sort them (pyoxigraph hands
each term out of RocksDB: 20–36 µs a term in a 45 M-triple store, 6,239 tasks → 0.2 s) and then
read ~20 index lookups per task of the page (100 tasks → 0.1–0.2 s). Two things are written with
each document instead, in the document's own graph and so in the same transaction (a replace drops
them with the old graph, a delete removes them, the bulk loader imports them):

* ``<graph> pg:taskTable "{...}"^^rdf:JSON`` — the document's tasks in document order (by first
  source line, then IRI), each with everything a task answer shows (:func:`ontology.task_lookup.task_rows`
  computed over the document's own triples, so the answer is the same as read from the store);
* ``<agent>#tasks pg:leadTaskKey K`` / ``pg:coordinatingTaskKey K`` — one integer per task and
  role: :func:`page_key` (document newest first, then the task's position in the table); keys of
  documents of the same date are told apart by their graph (the page sorts by key, then graph).
  Keys stay below 2**31: wider integers come back from Virtuoso as ``xsd:decimal``
  (``plangraph push sparql`` copies graphs whole and checks them).

Integers are stored inline in Oxigraph, so counting an agency's tasks and sorting out one page is
one index range read and a sort of integers inside Rust, with nothing decoded but the page's keys
and graphs; the page then reads the tables of the few documents it spans. A store written before
this (no table in some document) is completed by :func:`backfill` (``plangraph reindex``); until
then :mod:`graph.queries` pages by the old path.

>>> page_key(None, 5) == (0x7FFF << 16) | 5
True
>>> page_key("2024-01-02", 0) < page_key("2023-12-31", 0)   # newer documents first
True
"""

from __future__ import annotations

import datetime as dt
import json

import pyoxigraph as ox

from ontology.namespaces import ELI, PG, RDF
from ontology.ntriples import V, integer, iri, lit
from ontology.task_lookup import task_rows

#: bits of a page key: 15 for the document's date (days since 1970, up to 2059), 16 for the position
_POS_BITS, _DATE_BITS = 16, 15
_EPOCH = dt.date(1970, 1, 1)
_PROPS = {"lead": V.pg.leadTaskKey, "coordinating": V.pg.coordinatingTaskKey}
VERSION = 3
_TASK, _TYPE, _DATE = (
    ox.NamedNode(str(PG.Task)),
    ox.NamedNode(str(RDF.type)),
    ox.NamedNode(str(ELI.date_document)),
)


def index_node(agent_iri: str) -> str:
    """The node an agent's page keys hang on (not the agent itself: its description stays as it was)."""
    return f"{agent_iri}#tasks"


def page_key(date: str | None, position: int) -> int:
    """A task's key: newer documents first (undated last), then the task's position (< 2**31)."""
    if not 0 <= position < 1 << _POS_BITS:
        raise ValueError(f"a document with more than {1 << _POS_BITS} tasks cannot be indexed")
    try:
        days = (dt.date.fromisoformat(date) - _EPOCH).days if date else None
    except ValueError:
        days = None
    top = (1 << _DATE_BITS) - 1
    dpart = top if days is None else top - 1 - min(max(days, 0), top - 1)
    return (dpart << _POS_BITS) | position


def position_of(key: int) -> int:
    return key & ((1 << _POS_BITS) - 1)


def _record(t: str, d: dict, agents: dict[tuple, int]) -> dict:
    """One task of a table: its fields, its agents by role as indexes into the table's agents."""
    rec = {k: d[k] for k in ("row", "content", "as_written", "start", "end", "label", "l1", "l2")}
    rec["t"] = t
    rec["quote"] = None if d["content"] else d["quote"]  # the answer quotes the content when there is one
    for role in ("lead", "coordinating"):
        rec[role] = [agents.setdefault(tuple(a), len(agents)) for a in d["roles"].get(role, [])]
    return rec


def task_at(table: dict, position: int) -> dict | None:
    """The task at ``position`` of a decoded table, in the shape of :func:`ontology.task_lookup.task_rows`."""
    if not 0 <= position < len(table["tasks"]):
        return None
    rec, agents = table["tasks"][position], table["agents"]
    roles = {role: [tuple(agents[i]) for i in rec[role]] for role in ("lead", "coordinating")}
    return {**rec, "plan": table["plan"], "roles": roles}


def index_of(store: ox.Store, graph_iri: str, plan_iri: str) -> tuple[str, list[str]]:
    """(the task table line, the page key lines) of the document graph ``graph_iri`` in ``store``."""
    g = ox.NamedNode(graph_iri)
    tasks = sorted({q.subject.value for q in store.quads_for_pattern(None, _TYPE, _TASK, g)})
    rows = task_rows(store, tasks)
    order = sorted(rows, key=lambda t: (rows[t]["l1"] is None, rows[t]["l1"] or 0, t))
    dates = [q.object.value for q in store.quads_for_pattern(ox.NamedNode(plan_iri), _DATE, None, g)]
    keys: dict[str, None] = {}
    for pos, t in enumerate(order):
        k = integer(page_key(min(dates) if dates else None, pos))
        for role, agents in rows[t]["roles"].items():
            for a, _name, _group in agents:
                keys[f"{iri(index_node(a))} {_PROPS[role]} {k} ."] = None
    agents: dict[tuple, int] = {}
    tasks = [_record(t, rows[t], agents) for t in order]
    table = {"v": VERSION, "plan": plan_iri, "agents": [list(a) for a in agents], "tasks": tasks}
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"{iri(graph_iri)} {V.pg.taskTable} {lit(text)}^^{V.rdf.JSON} .", list(keys)


def index_lines(graph_iri: str, lines: list[str], plan_iri: str) -> tuple[str, list[str]]:
    """:func:`index_of` the document graph given as N-Triples lines (when the graph is built)."""
    store = ox.Store()
    data = ("\n".join(lines) + "\n").encode("utf-8")
    store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph_iri))
    return index_of(store, graph_iri, plan_iri)


def decode(text: str) -> dict | None:
    """A stored table (read its tasks with :func:`task_at`), or None when it is of another version."""
    try:
        table = json.loads(text)
    except ValueError:
        return None
    return table if isinstance(table, dict) and table.get("v") == VERSION else None


def backfill(store) -> int:
    """Store the task table and page keys of every document graph that lacks them (a store written by
    an older version), one transaction per document. Returns how many documents were updated."""
    q = f"""SELECT ?g ?p WHERE {{ GRAPH ?g {{ ?g a {V.pg.DocumentGraph} ; {V.pg.describes} ?p
              FILTER NOT EXISTS {{ ?g {V.pg.taskTable} ?x }} }} }}"""
    todo = sorted((r["g"].value, r["p"].value) for r in store.raw.query(q))
    for g, plan in todo:
        index_graph(store.raw, g, plan)
    store.flush()
    return len(todo)


def index_graph(raw: ox.Store, g: str, plan: str) -> None:
    """(Re)write the task index of one document graph from its triples, in one transaction."""
    index_props = {str(p)[1:-1] for p in (*_PROPS.values(), V.pg.taskTable)}
    mem = ox.Store()
    mem.extend(list(raw.quads_for_pattern(None, None, None, ox.NamedNode(g))))
    table, keys = index_of(mem, g, plan)
    kept = sum(1 for q in mem if q.predicate.value not in index_props)  # a stale index is replaced
    gt = iri(g)
    raw.update(
        f"""DELETE WHERE {{ GRAPH {gt} {{ {gt} {V.pg.tripleCount} ?n }} }} ;
            DELETE WHERE {{ GRAPH {gt} {{ {gt} {V.pg.taskTable} ?t }} }} ;
            DELETE WHERE {{ GRAPH {gt} {{ ?s {V.pg.leadTaskKey} ?k }} }} ;
            DELETE WHERE {{ GRAPH {gt} {{ ?s {V.pg.coordinatingTaskKey} ?k }} }} ;
            INSERT DATA {{ GRAPH {gt} {{ {" ".join([table, *keys])}
              {gt} {V.pg.tripleCount} {integer(kept + 1 + len(keys))} }} }}"""
    )
