"""The coordination network kept with each document: one ``pg:coordinationSummary`` per document graph.

The summary (:mod:`graph.network_summary`) is computed from the document's own ``pg:lead`` /
``pg:coordinating`` lines when its graph is built, and stored in that graph next to its content
hash and triple count. So it is written in the same transaction as the document (a replace drops
the old summary with the old graph; a delete removes it; the bulk loader imports it with the
document; :meth:`GraphStore.repair` counts it among the document's triples), and the store can
never hold a network that disagrees with its documents. The network of a province merges the
summaries of its documents (37 for the largest province at 1,000 plans), instead of a scan of
every assignment and an all-pairs aggregate.

Stores written before summaries existed (or with an older summary version) still answer
correctly — :func:`graph.queries.coordination_network` summarises such documents from their
assignments on the fly — and :func:`backfill` (``plangraph reindex``) stores the missing ones.

>>> from graph.model import Extraction, Plan, SourceSpan, Task
>>> from ontology.iris import Iris
>>> from ontology.mapping import document_graph
>>> plan = Plan(id="vn/ubnd-ha-noi/kh/2022/94", source=SourceSpan(line_start=1, line_end=1))
>>> task = Task(id="I.1", content="x", lead=["ha-noi/so-a"], coordinating=["ha-noi/so-b"],
...             source=SourceSpan(line_start=2, line_end=2))
>>> dg = document_graph(Extraction(document=plan, tasks=[task]), Iris())
>>> s = summary_of(dg.lines, dg.plan)
>>> [a.rsplit("/", 1)[1] for a in s["agents"]], s["edges"]
(['so-a', 'so-b'], [[0, 1, 1, ['I-1']]])
"""

from __future__ import annotations

import json

import pyoxigraph as ox

from graph.network_summary import VERSION, summarise
from ontology.ntriples import V, integer, iri, lit

_ROLES = {V.pg.lead: "lead", V.pg.coordinating: "coordinating"}
_MARKERS = tuple(f" {p} " for p in _ROLES)


def task_prefix(plan_iri: str) -> str:
    """What every task IRI of a plan starts with (see :meth:`ontology.iris.Iris.task`)."""
    return f"{plan_iri}/task/"


def summary_of(lines: list[str], plan_iri: str) -> dict:
    """The summary of a document graph given as N-Triples lines."""
    picked = [line for line in lines if any(m in line for m in _MARKERS)]
    rows = []
    if picked:
        for t in ox.parse(("\n".join(picked) + "\n").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
            rows.append((t.subject.value, t.object.value, _ROLES[f"<{t.predicate.value}>"]))
    return summarise(rows, prefix=task_prefix(plan_iri))


def encode(summary: dict) -> str:
    """The summary as an ``rdf:JSON`` literal (compact, keys sorted: the same bytes every time)."""
    text = json.dumps(summary, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"{lit(text)}^^{V.rdf.JSON}"


def summary_line(graph_iri: str, lines: list[str], plan_iri: str) -> str:
    """The N-Triples line that stores a document graph's summary in that graph."""
    return f"{iri(graph_iri)} {V.pg.coordinationSummary} {encode(summary_of(lines, plan_iri))} ."


def decode(text: str) -> dict | None:
    """A stored summary, or None when it is of another version (recompute it)."""
    try:
        s = json.loads(text)
    except ValueError:
        return None
    return s if isinstance(s, dict) and s.get("v") == VERSION else None


def backfill(store) -> int:
    """Store a current summary in every document graph that lacks one (a store written by an
    older version); one transaction per document. Returns how many documents were updated."""
    from ontology.reads import StoreReader

    reader = StoreReader(store)
    done = 0
    for g, plan, text in reader.summary_rows():
        if text is not None and decode(text) is not None:
            continue
        rows = reader.participation(plan_iri=plan)
        value = encode(summarise(rows, prefix=task_prefix(plan)))
        store_summary(
            store, g, V.pg.coordinationSummary, value, count=reader.triple_count(g) + (text is None)
        )
        done += 1
    store.flush()
    return done


def store_summary(store, graph_iri: str, prop: str, value: str, *, count: int) -> None:
    """Replace a document graph's ``prop`` summary by ``value`` (an N-Triples literal) and set its
    triple count to ``count``, in one update (one transaction): what a backfill writes."""
    g = iri(graph_iri)
    store.raw.update(
        f"""DELETE {{ GRAPH {g} {{ {g} {prop} ?s . {g} {V.pg.tripleCount} ?n }} }}
            INSERT {{ GRAPH {g} {{ {g} {prop} {value} . {g} {V.pg.tripleCount} {integer(count)} }} }}
            WHERE {{ GRAPH {g} {{ {g} {V.pg.tripleCount} ?n OPTIONAL {{ {g} {prop} ?s }} }} }}"""
    )
