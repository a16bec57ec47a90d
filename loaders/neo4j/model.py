"""The property-graph projection of the RDF: nodes and relationships read from the store.

The projection is computed from a document's named graph (the RDF the one
mapping wrote), never from the Python model, so Neo4j cannot drift from the
RDF. The vocabulary (labels, types, property keys) is in :mod:`.schema`.

- A node per subject with a labelled rdf:type; IRIs that are only objects of a
  projected relationship (a parent agency the document does not describe)
  become bare ``:Resource`` nodes.
- Qualified associations become ``LEAD`` / ``COORDINATING`` relationships whose
  properties are the assignment's evidence; the signature becomes
  ``WAS_ATTRIBUTED_TO``; selectors, intervals and document types become
  properties (see ``schema.FOLDED_CLASSES``).
- Document-scoped nodes carry ``doc`` and their evidence (``line_start``,
  ``line_end``, ``quote``) besides their ``WAS_DERIVED_FROM`` span.

>>> from tests.ontology import fixtures as fx
>>> from ontology.store import GraphStore
>>> store = GraphStore.memory()
>>> _ = store.load_extraction(fx.make_extraction())
>>> [doc] = project_store(store)
>>> task = doc.node(store.iris.task(doc.key, "I.1"))
>>> task.labels, task.props["row_label"], task.props["doc"] == doc.key
(('Resource', 'Task'), 'I.1', True)
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from loaders.neo4j.schema import DOC_SCOPED, LABELS, PROPS, REL_TYPES, RESOURCE, local_name
from ontology.namespaces import ELI, OA, PG, PROV, RDF, RDFS, SKOS, TIME

_TYPE, _LABEL, _PREF = str(RDF.type), str(RDFS.label), str(SKOS.prefLabel)
_ORDER = {label: i for i, label in enumerate(LABELS.values())}
_EVIDENCE = ("line_start", "line_end", "quote")
_ROLES = {str(PG.LeadRole): "LEAD", str(PG.CoordinatingRole): "COORDINATING"}


@dataclass
class Node:
    iri: str
    labels: tuple[str, ...]
    props: dict[str, Any] = field(default_factory=dict)

    @property
    def primary(self) -> str:
        """The most specific label (the file a node goes to in the CSV export)."""
        return self.labels[-1]


@dataclass
class Rel:
    type: str
    start: str
    end: str
    props: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type, self.start, self.end)


@dataclass
class DocumentProjection:
    """One document's part of the property graph."""

    key: str
    graph: str
    plan: str
    content_hash: str | None
    nodes: list[Node]
    rels: list[Rel]

    def node(self, iri: str) -> Node:
        return next(n for n in self.nodes if n.iri == iri)


def sort_labels(labels: Iterable[str]) -> tuple[str, ...]:
    """``Resource`` first, then the table's order (general before specific)."""
    rest = sorted(set(labels) - {RESOURCE}, key=lambda label: _ORDER.get(label, len(_ORDER)))
    return (RESOURCE, *rest)


def _value(term: Any, kind: str) -> Any:
    text = term.value
    if kind == "int":
        return int(text[:4]) if str(term.datatype).endswith("#gYear") else int(text)
    if kind == "boolean":
        return text == "true"
    if kind == "date":
        return dt.date.fromisoformat(text)
    return text


class _Graph:
    """The triples of one document graph, indexed by subject."""

    def __init__(self, triples: Iterable[Any]) -> None:
        self.out: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for t in triples:
            self.out[t.subject.value][t.predicate.value].append(t.object)

    def objects(self, s: str, p: str) -> list[Any]:
        return self.out.get(s, {}).get(p, [])

    def iri(self, s: str, p: str) -> str | None:
        found = sorted(o.value for o in self.objects(s, p) if isinstance(o, ox.NamedNode))
        return found[0] if found else None

    def types(self, s: str) -> set[str]:
        return {o.value for o in self.objects(s, _TYPE)}

    def literal(self, s: str, p: str, kind: str = "string") -> Any:
        values = sorted(_value(o, kind) for o in self.objects(s, p) if isinstance(o, ox.Literal))
        return values[0] if values else None

    def names(self, s: str) -> dict[str, str]:
        """name_vi / name_en / name from skos:prefLabel, else rdfs:label, by language."""
        out: dict[str, str] = {}
        for p in (_LABEL, _PREF):  # prefLabel last: it wins
            for o in sorted(self.objects(s, p), key=lambda o: o.value, reverse=True):
                lang = getattr(o, "language", None)
                out[f"name_{lang}" if lang in ("vi", "en") else "name"] = o.value
        return out

    def props(self, s: str) -> dict[str, Any]:
        """The datatype properties of ``s`` (``schema.PROPS``), lists sorted."""
        out: dict[str, Any] = {}
        for p, objects in self.out.get(s, {}).items():
            prop = PROPS.get(p)
            literals = [o for o in objects if isinstance(o, ox.Literal)]
            if prop is None or not literals:
                continue
            if prop.kind == "string[]":
                out[prop.key] = sorted({o.value for o in literals})
            else:
                out[prop.key] = min(_value(o, prop.kind) for o in literals)
        return out

    def evidence(self, s: str) -> dict[str, Any]:
        """line_start / line_end / quote of the (first) span ``s`` was derived from."""
        span = self.iri(s, str(PROV.wasDerivedFrom))
        found = self.span(span) if span else {}
        return {k: v for k, v in found.items() if k in _EVIDENCE}

    def span(self, span: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for selector in sorted(o.value for o in self.objects(span, str(OA.hasSelector))):
            out.update(self.props(selector))
        return out

    def time(self, s: str) -> dict[str, Any]:
        interval = self.iri(s, str(TIME.hasTime))
        if interval is None:
            return {}
        out: dict[str, Any] = {}
        for key, p in (("start", TIME.hasBeginning), ("end", TIME.hasEnd)):
            instant = self.iri(interval, str(p))
            day = instant and self.literal(instant, str(TIME.inXSDDate), "date")
            if day:
                out[key] = day
        period = self.literal(interval, _LABEL)
        if period:
            out["period"] = period
        return out

    def doc_type(self, s: str) -> dict[str, Any]:
        concept = self.iri(s, str(ELI.type_document))
        if concept is None:
            return {}
        out = {
            "type_document": self.literal(concept, _PREF),
            "type_code": self.literal(concept, str(SKOS.notation)),
        }
        return {k: v for k, v in out.items() if v is not None}


def project(triples: Iterable[Any], key: str, graph: str, plan: str) -> DocumentProjection:
    """The property graph of one document graph (its triples)."""
    g = _Graph(triples)
    nodes: dict[str, Node] = {}
    for s in g.out:
        labels = [LABELS[t] for t in g.types(s) if t in LABELS]
        if not labels:
            continue
        props = {**g.props(s), **g.names(s), **g.time(s), **g.doc_type(s)}
        if DOC_SCOPED & set(labels):
            props["doc"] = key
            props.update(g.evidence(s))
        if "SourceSpan" in labels:
            props.update(g.span(s))
        nodes[s] = Node(s, sort_labels(labels), dict(sorted(props.items())))
    rels = _relationships(g, nodes, key)
    for r in rels:
        if r.end not in nodes:  # described by another document (or by none): a bare node
            nodes[r.end] = Node(r.end, (RESOURCE,), {})
    content_hash = g.literal(graph, str(PG.contentHash))
    return DocumentProjection(
        key=key,
        graph=graph,
        plan=plan,
        content_hash=content_hash,
        nodes=[nodes[i] for i in sorted(nodes)],
        rels=sorted(rels, key=lambda r: r.key),
    )


def _relationships(g: _Graph, nodes: dict[str, Node], key: str) -> list[Rel]:
    rels: dict[tuple[str, str, str], Rel] = {}
    for s in nodes:
        for p, objects in g.out[s].items():
            rel_type = REL_TYPES.get(p)
            if rel_type is None:
                continue
            for o in objects:
                if isinstance(o, ox.NamedNode):
                    rels.setdefault((rel_type, s, o.value), Rel(rel_type, s, o.value))
        for a in sorted(o.value for o in g.objects(s, str(PROV.qualifiedAssociation))):
            agent, role = g.iri(a, str(PROV.agent)), _ROLES.get(g.iri(a, str(PROV.hadRole)) or "")
            if agent is None or role is None:
                continue
            rel = rels.setdefault((role, s, agent), Rel(role, s, agent))
            row = g.literal(s, str(PG.rowLabel))
            rel.props = {"iri": a, "doc": key, **({"row": row} if row else {}), **g.props(a), **g.evidence(a)}
            rel.props.setdefault("inferred", False)
            rel.props = dict(sorted(rel.props.items()))
        for att in sorted(o.value for o in g.objects(s, str(PROV.qualifiedAttribution))):
            agent = g.iri(att, str(PROV.agent))
            if agent is None:
                continue
            role = g.iri(att, str(PROV.hadRole))
            rel = Rel("WAS_ATTRIBUTED_TO", s, agent)
            rel.props = {"iri": att, "doc": key, **g.props(att), **g.evidence(att)}
            if role:
                rel.props["role"] = local_name(role).removesuffix("Role").lower()
            rel.props = dict(sorted(rel.props.items()))
            rels[rel.key] = rel
    return list(rels.values())


def document_projection(store: Any, key: str) -> DocumentProjection:
    """The projection of one loaded document, read from its named graph."""
    graph = store.iris.graph(key)
    # consumed here, on this thread (see GraphStore.stored_hash)
    triples = [q.triple for q in store.raw.quads_for_pattern(None, None, None, ox.NamedNode(graph))]
    return project(triples, key, graph, store.iris.document(key))


def project_store(store: Any, keys: Iterable[str] | None = None) -> Iterator[DocumentProjection]:
    """The projection of every loaded document (or of ``keys``), sorted by document key."""
    wanted = sorted(keys) if keys is not None else [d.id for d in store.documents()]
    for key in wanted:
        yield document_projection(store, key)


def merge(docs: Iterable[DocumentProjection]) -> tuple[list[Node], list[Rel]]:
    """The whole graph: shared nodes merged, later documents' properties winning (as a push does)."""
    nodes: dict[str, Node] = {}
    rels: dict[tuple[str, str, str], Rel] = {}
    for doc in docs:
        for n in doc.nodes:
            old = nodes.get(n.iri)
            if old is None:
                nodes[n.iri] = Node(n.iri, n.labels, dict(n.props))
            else:
                old.labels = sort_labels((*old.labels, *n.labels))
                old.props.update(n.props)
        for r in doc.rels:
            if r.key in rels:
                rels[r.key].props.update(r.props)
            else:
                rels[r.key] = Rel(r.type, r.start, r.end, dict(r.props))
    return [nodes[i] for i in sorted(nodes)], [rels[k] for k in sorted(rels)]


__all__ = [
    "DocumentProjection",
    "Node",
    "Rel",
    "document_projection",
    "merge",
    "project",
    "project_store",
    "sort_labels",
]
