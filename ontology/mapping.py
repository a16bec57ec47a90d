"""The model -> RDF mapping: one :class:`graph.model.Extraction` to triples.

Triples are pyoxigraph terms so they go straight into the store.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, Triple

from graph.model import Extraction
from ontology.iris import Iris
from ontology.namespaces import DCTERMS, ELI, PG, PPLAN, RDF, RDFS, XSD


@lru_cache(maxsize=512)
def _nn(term: str) -> NamedNode:
    return NamedNode(str(term))


def _vi(text: str) -> Literal:
    return Literal(text, language="vi")


def triples(extraction: Extraction, iris: Iris) -> Iterator[Triple]:
    """Every triple of one extraction (the content of its named graph)."""
    plan = extraction.document
    p = NamedNode(iris.document(plan.id))
    yield Triple(p, _nn(RDF.type), _nn(ELI.LegalResource))
    yield Triple(p, _nn(RDF.type), _nn(PPLAN.Plan))
    if plan.title:
        yield Triple(p, _nn(ELI.title), _vi(plan.title))
        yield Triple(p, _nn(RDFS.label), _vi(plan.title))
    if plan.full_symbol:
        yield Triple(p, _nn(ELI.id_local), Literal(plan.full_symbol))
    if plan.date:
        yield Triple(p, _nn(ELI.date_document), Literal(plan.date.isoformat(), datatype=_nn(XSD.date)))
    for task in extraction.tasks:
        t = NamedNode(iris.task(plan.id, task.id))
        yield Triple(t, _nn(RDF.type), _nn(PG.Task))
        yield Triple(t, _nn(RDF.type), _nn(PPLAN.Step))
        yield Triple(t, _nn(PPLAN.isStepOfPlan), p)
        yield Triple(t, _nn(PG.rowLabel), Literal(task.id))
        yield Triple(t, _nn(DCTERMS.description), _vi(task.content))
