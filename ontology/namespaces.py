"""Closed namespaces: code never spells an IRI string, it uses these.

``PG`` is plangraph's own vocabulary; a test keeps it in step with
``ontology/plangraph.ttl``. The others are the standard vocabularies DESIGN
lists, closed over the terms plangraph uses.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD, DefinedNamespace


class PG(DefinedNamespace):
    """plangraph's own terms."""

    _NS = Namespace("https://w3id.org/plangraph/ontology#")
    _fail = True

    AgencyGroup: object
    Agency: object
    Task: object
    Responsibility: object
    ReportingDuty: object
    SourceDocument: object
    lead: object
    coordinating: object
    rowLabel: object


class ELI(DefinedNamespace):
    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True

    LegalResource: object
    based_on: object
    cites: object
    passed_by: object
    date_document: object
    id_local: object
    type_document: object
    in_force: object
    title: object
    amends: object
    repeals: object


class PPLAN(DefinedNamespace):
    _NS = Namespace("http://purl.org/net/p-plan#")
    _fail = True

    Plan: object
    Step: object
    isStepOfPlan: object


class OA(DefinedNamespace):
    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    Annotation: object
    SpecificResource: object
    TextQuoteSelector: object
    TextPositionSelector: object
    hasSelector: object
    hasSource: object
    hasTarget: object
    exact: object
    start: object
    end: object


__all__ = ["DCTERMS", "ELI", "OA", "ORG", "OWL", "PG", "PPLAN", "PROV", "RDF", "RDFS", "SKOS", "TIME", "XSD"]
