"""An agency's own facts by queries that stop early: a cost that follows the answer, not the store.

A national body (the Party, the Government) is described in every document graph: 144,294 triples
for the Party at 10,000 plans. :meth:`ontology.reads.StoreReader.agency` used to read them all
(``SELECT ?p ?o ?g WHERE { GRAPH ?g { <a> ?p ?o } }``) and keep the first value of each property:
5 s of decoding terms into Python. Here each fact is its own query that Oxigraph answers inside
Rust: the first value with ``LIMIT 1`` (the same index order as that read — the subject's quads by
predicate, object, graph — so the same value wins when documents disagree), the aliases with
``DISTINCT`` and the group flag with ``ASK``.
"""

from __future__ import annotations

import pyoxigraph as ox

from ontology.namespaces import ORG, PG, RDF, SKOS
from ontology.task_lookup import first_object


def _n(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


TYPE, GROUP, PREF, ALT = _n(RDF.type), _n(PG.AgencyGroup), _n(SKOS.prefLabel), _n(SKOS.altLabel)
FIRSTS = {
    "level": _n(PG.level),
    "kind": _n(PG.kind),
    "jurisdiction": _n(PG.jurisdiction),
    "parent": _n(ORG.subOrganizationOf),
    "needs_review": _n(PG.needsReview),
}


def _ask(store: ox.Store, pattern: str) -> bool:
    return bool(store.query(f"ASK {{ GRAPH ?g {{ {pattern} }} }}"))


def agency_row(store: ox.Store, agent_iri: str) -> dict | None:
    """The agency's facts across every graph that describes it (None when no graph does): Vietnamese
    and English names, aliases (every ``skos:altLabel``, sorted), group flag, and the first value of
    level, kind, jurisdiction, parent and needs-review (values as strings)."""
    a = ox.NamedNode(agent_iri)
    if not _ask(store, f"{a} ?p ?o"):
        return None
    aliases = store.query(f"SELECT DISTINCT ?o WHERE {{ GRAPH ?g {{ {a} {ALT} ?o }} }}")
    row = {
        "name": _v(first_object(store, a, PREF, lang="vi")),
        "name_en": _v(first_object(store, a, PREF, lang="en")),
        "aliases": sorted({r["o"].value for r in aliases}),
        "group": _ask(store, f"{a} {TYPE} {GROUP}"),
    }
    for key, prop in FIRSTS.items():
        row[key] = _v(first_object(store, a, prop))
    return row


def _v(term) -> str | None:
    return term.value if term is not None else None
