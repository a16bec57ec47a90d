"""The names kept with each document: one ``pg:namesSummary`` per document graph.

The summary (:mod:`graph.name_summary`) is computed from the document's own lines when its graph is
built and stored in that graph next to its coordination summary, so it is written in the same
transaction as the document and can never disagree with it (a replace drops the old summary with
the old graph, a delete removes it, the bulk loader imports it). The search indexes of the whole
store (:class:`graph.queries.KnowledgeBase`) merge these summaries — one literal per document —
instead of reading every agent's and document's names and a store-wide count of assignments.

Stores written before summaries existed still answer correctly: a document without a current
summary is summarised from its graph when the index is built (:func:`summary_of_graph`, a dozen
index scans inside that graph), and :func:`backfill` (``plangraph reindex``) stores the missing ones.

>>> from graph.model import Agency, Extraction, Plan, SourceSpan, Task
>>> from ontology.iris import Iris
>>> from ontology.mapping import document_graph
>>> sp = SourceSpan(line_start=1, line_end=1)
>>> plan = Plan(id="vn/ubnd-ha-noi/kh/2022/94", full_symbol="94/KH-UBND", source=sp)
>>> a = Agency(id="ha-noi/so-a", name="Sở A", aliases=["SA"], source=sp)
>>> dg = document_graph(Extraction(document=plan, agencies=[a],
...                                tasks=[Task(id="I.1", content="x", lead=["ha-noi/so-a"], source=sp)]), Iris())
>>> s = summary_of(dg.lines)
>>> [(r[0].rsplit("/", 1)[1], r[1:]) for r in s["agents"]]
[('so-a', ['agency', ['Sở A'], ['SA'], 1])]
>>> [r[2] for r in s["documents"]]
[['94/KH-UBND']]
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from graph.name_summary import decode, summarise
from ontology.network_index import store_summary
from ontology.ntriples import V, lit

_KINDS = {V.pg.Agency: "agency", V.pg.AgencyGroup: "group"}
_DOC = V.eli.LegalResource
_AGENT_NAMES = (V.skos.prefLabel, V.skos.altLabel)
_DOC_NAMES = (V.eli.id_local, V.rdfs.label, V.eli.title)
_ROLES = (V.pg.lead, V.pg.coordinating)
#: the predicates a summary reads (types are read for the classes above only)
_MARKERS = tuple(f" {p} " for p in (*_AGENT_NAMES, *_DOC_NAMES, *_ROLES)) + tuple(
    f" {V.rdf.type} {c} ." for c in (*_KINDS, _DOC)
)


def _bare(term: str) -> str:
    return term[1:-1]


def summarise_triples(triples: Iterable[tuple[str, str, ox.Literal | ox.NamedNode | ox.BlankNode]]) -> dict:
    """The summary of a document graph's (subject, predicate IRI, object) triples (others are ignored)."""
    kinds: dict[str, str] = {}
    docs: set[str] = set()
    values: dict[tuple[str, str], list] = defaultdict(list)
    tasks: dict[str, set[str]] = defaultdict(set)
    kind_of = {_bare(k): v for k, v in _KINDS.items()}
    rdf_type, doc_cls = _bare(V.rdf.type), _bare(_DOC)
    roles = {_bare(r) for r in _ROLES}
    for s, p, o in triples:
        if p == rdf_type:
            if o.value in kind_of:
                # typed both ways: a group (as the store-wide reading always did)
                kinds[s] = "group" if "group" in (kinds.get(s), kind_of[o.value]) else kind_of[o.value]
            elif o.value == doc_cls:
                docs.add(s)
        elif p in roles:
            tasks[o.value].add(s)
        else:
            values[(s, p)].append(o)
    pref, alt = _bare(V.skos.prefLabel), _bare(V.skos.altLabel)
    agents = [
        (
            a,
            kind,
            [o.value for o in values[(a, pref)] if getattr(o, "language", None) == "vi"],
            [o.value for o in values[(a, alt)]],
            0,
        )
        for a, kind in kinds.items()
    ]
    doc_props = [_bare(p) for p in _DOC_NAMES]
    documents = [
        (
            d,
            [o.value for o in values[(d, _bare(V.rdfs.label))]],
            [o.value for p in doc_props for o in values[(d, p)]],
        )
        for d in docs
    ]
    return summarise(agents, {a: len(ts) for a, ts in tasks.items()}, documents)


def summary_of(lines: list[str]) -> dict:
    """The summary of a document graph given as N-Triples lines."""
    picked = [line for line in lines if any(m in line for m in _MARKERS)]
    if not picked:
        return summarise([], {}, [])
    data = ("\n".join(picked) + "\n").encode("utf-8")
    return summarise_triples(
        (t.subject.value, t.predicate.value, t.object) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    )


def summary_of_graph(store: ox.Store, graph_iri: str) -> dict:
    """The summary of a stored document graph (an older store), read by a dozen index scans inside
    that graph: one per class and predicate the summary reads."""
    g = ox.NamedNode(graph_iri)
    rdf_type = ox.NamedNode(_bare(V.rdf.type))
    found = []
    for cls in (*_KINDS, _DOC):
        found += [
            (q.subject.value, rdf_type.value, q.object)
            for q in store.quads_for_pattern(None, rdf_type, ox.NamedNode(_bare(cls)), g)
        ]
    for p in (*_AGENT_NAMES, *_DOC_NAMES, *_ROLES):
        found += [
            (q.subject.value, q.predicate.value, q.object)
            for q in store.quads_for_pattern(None, ox.NamedNode(_bare(p)), None, g)
        ]
    return summarise_triples(found)


def encode(summary: dict) -> str:
    """The summary as JSON text (compact, keys sorted: the same bytes every time)."""
    return json.dumps(summary, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def literal(text: str) -> str:
    """A summary's JSON text as the ``rdf:JSON`` literal stored in its document graph."""
    return f"{lit(text)}^^{V.rdf.JSON}"


def stored_text(store: ox.Store, graph_iri: str) -> str | None:
    """The names summary stored in a document graph (one index lookup), or None."""
    g = ox.NamedNode(graph_iri)
    found = list(store.quads_for_pattern(g, ox.NamedNode(V.pg.namesSummary[1:-1]), None, g))
    return found[0].object.value if found else None


def backfill(store) -> int:
    """Store a current names summary in every document graph that lacks one (a store written by an
    older version); one transaction per document. Returns how many documents were updated."""
    from ontology.reads import StoreReader

    reader = StoreReader(store)
    done = 0
    for g, text in reader.names_summary_rows():
        if decode(text) is not None:
            continue
        value = literal(encode(summary_of_graph(store.raw, g)))
        store_summary(store, g, V.pg.namesSummary, value, count=reader.triple_count(g) + (text is None))
        done += 1
    store.flush()
    return done
