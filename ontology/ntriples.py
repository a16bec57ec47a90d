"""N-Triples terms as text: the fast path from the model to the store.

The mapping writes N-Triples lines directly (no rdflib, no per-term Python
objects), because the store ingests serialized data far faster than objects.
Vocabulary terms come precomputed from the closed namespaces (:data:`V`), data
IRIs from :class:`ontology.iris.Iris` (percent-encoded ASCII), and every user
value goes through :func:`lit` / :func:`vi`, which escape exactly what
N-Triples and SPARQL require.

>>> vi('Sở "TT&TT"\\nHà Nội')
'"Sở \\\\"TT&TT\\\\"\\\\nHà Nội"@vi'
>>> V.pg.Task
'<https://w3id.org/plangraph/ontology#Task>'
>>> V.pg.Tsak
Traceback (most recent call last):
...
AttributeError: 'types.SimpleNamespace' object has no attribute 'Tsak'
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from ontology.namespaces import (
    DCTERMS,
    ELI,
    OA,
    ORG,
    OWL,
    PG,
    PPLAN,
    PROV,
    RDF,
    RDFS,
    RFC5147,
    SKOS,
    TIME,
    XSD,
)

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def iri(value: str) -> str:
    """An IRI term; ``value`` must come from :class:`Iris` or a namespace (never raw user text)."""
    return f"<{value}>"


def lit(text: str) -> str:
    """A plain (xsd:string) literal."""
    return f'"{text.translate(_ESCAPES)}"'


def vi(text: str) -> str:
    """A Vietnamese literal (``@vi``)."""
    return f'"{text.translate(_ESCAPES)}"@vi'


def en(text: str) -> str:
    return f'"{text.translate(_ESCAPES)}"@en'


def _typed(lexical: str, datatype: str) -> str:
    return f'"{lexical}"^^{datatype}'


def date(day: dt.date) -> str:
    """An xsd:date literal.

    >>> date(dt.date(2022, 3, 25))
    '"2022-03-25"^^<http://www.w3.org/2001/XMLSchema#date>'
    """
    return _typed(day.isoformat(), V.xsd.date)


def integer(n: int) -> str:
    return _typed(str(int(n)), V.xsd.integer)


def boolean(b: bool) -> str:
    return _typed("true" if b else "false", V.xsd.boolean)


def year(y: int) -> str:
    return _typed(f"{int(y):04d}", V.xsd.gYear)


def _terms(ns) -> SimpleNamespace:
    """Every term a closed namespace declares, as N-Triples text (unknown names raise)."""
    names = [n for n in getattr(ns, "__annotations__", {}) if not n.startswith("_")]
    return SimpleNamespace(**{n: iri(str(ns[n])) for n in names})


V = SimpleNamespace(
    pg=_terms(PG),
    eli=_terms(ELI),
    pplan=_terms(PPLAN),
    oa=_terms(OA),
    prov=_terms(PROV),
    org=_terms(ORG),
    time=_terms(TIME),
    skos=_terms(SKOS),
    dcterms=_terms(DCTERMS),
    rdf=_terms(RDF),
    rdfs=_terms(RDFS),
    owl=_terms(OWL),
    xsd=_terms(XSD),
    rfc5147=iri(str(RFC5147)),
)
