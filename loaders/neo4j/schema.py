"""The property-graph vocabulary: which ontology term becomes which label, type or property.

Neo4j labels are the local names of the ontology's classes and relationship
types the local names of its properties in UPPER_SNAKE_CASE (:func:`upper_snake`),
each with the term it stands for, so a test can check them against
``ontology/plangraph.ttl`` and the reused vocabularies. Two names are chosen
rather than derived, and say why in :data:`RENAMED`.

>>> upper_snake("subOrganizationOf"), upper_snake("based_on"), upper_snake("sendTo")
('SUB_ORGANIZATION_OF', 'BASED_ON', 'SEND_TO')
>>> LABELS[str(PG.Task)], REL_TYPES[str(ELI.based_on)]
('Task', 'BASED_ON')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ontology.namespaces import DCTERMS, ELI, OA, ORG, PG, PPLAN, PROV, RDF, RDFS, SKOS, TIME

Kind = Literal["string", "int", "boolean", "date", "string[]"]

#: Every node has this label (``rdfs:Resource``) and a unique ``iri``: MERGE goes through it.
RESOURCE = "Resource"


def local_name(term: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local_name("http://purl.org/net/p-plan#isStepOfPlan")
    'isStepOfPlan'
    """
    return re.split(r"[#/]", str(term))[-1]


def upper_snake(name: str) -> str:
    """camelCase or snake_case -> UPPER_SNAKE_CASE (the Neo4j convention for relationship types)."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()


def snake(name: str) -> str:
    """camelCase -> snake_case (property keys).

    >>> snake("timelineAsWritten")
    'timeline_as_written'
    """
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


#: class IRI -> label, in the order labels are listed (general before specific). A node gets the
#: label of every rdf:type it has in this table, and :data:`RESOURCE`.
LABELS: dict[str, str] = {
    str(ELI.LegalResource): "LegalDocument",
    str(PPLAN.Plan): "Plan",
    str(PG.NamedProgram): "NamedProgram",
    str(PG.Agency): "Agency",
    str(PG.AgencyGroup): "AgencyGroup",
    str(PROV.Person): "Person",
    str(PG.Task): "Task",
    str(PG.Responsibility): "Responsibility",
    str(PG.ReportingDuty): "ReportingDuty",
    str(PG.Deadline): "Deadline",
    str(PG.Anniversary): "Anniversary",
    str(PG.Recipient): "Recipient",
    str(PG.SourceSpan): "SourceSpan",
    str(PG.SourceDocument): "SourceDocument",
    str(PG.DocumentGraph): "DocumentGraph",
}
LABEL_CLASSES: dict[str, str] = {label: cls for cls, label in LABELS.items()} | {RESOURCE: str(RDFS.Resource)}

#: Nodes that belong to one document (they carry ``doc``, its key): a newer version of the document
#: deletes them and writes them again. Every other node is shared between documents and merged.
DOC_SCOPED = frozenset(
    {
        "Task",
        "Responsibility",
        "ReportingDuty",
        "Deadline",
        "Anniversary",
        "Recipient",
        "SourceSpan",
        "SourceDocument",
        "DocumentGraph",
    }
)

#: rdf:types that get no label, and why.
FOLDED_CLASSES: dict[str, str] = {
    str(PPLAN.Step): "every pg:Task is a p-plan:Step (pg:Task rdfs:subClassOf p-plan:Step)",
    str(
        ORG.Organization
    ): "every pg:Agency is an org:Organization (pg:Agency rdfs:subClassOf org:Organization)",
    str(PG.Assignment): "an assignment is the LEAD / COORDINATING relationship, with its properties",
    str(PROV.Attribution): "the signature is the WAS_ATTRIBUTED_TO relationship, with its properties",
    str(OA.FragmentSelector): "its lines are line_start / line_end of the SourceSpan",
    str(OA.TextQuoteSelector): "its text is the quote of the SourceSpan",
    str(TIME.Interval): "its dates are start / end (and its label period) of the task or anniversary",
    str(TIME.Instant): "its date is start / end of the task or anniversary",
    str(SKOS.Concept): "the document type is type_document / type_code of the document",
}

#: object property IRI -> relationship type (IRI objects only).
REL_TYPES: dict[str, str] = {
    str(ELI.based_on): "BASED_ON",
    str(ELI.cites): "CITES",
    str(ELI.passed_by): "PASSED_BY",
    str(PPLAN.isStepOfPlan): "STEP_OF",
    str(PG.lead): "LEAD",
    str(PG.coordinating): "COORDINATING",
    str(PG.sectionAgency): "SECTION_AGENCY",
    str(PG.mentions): "MENTIONS",
    str(ORG.subOrganizationOf): "SUB_ORGANIZATION_OF",
    str(PG.assignedTo): "ASSIGNED_TO",
    str(PG.reporter): "REPORTER",
    str(PG.addressedTo): "ADDRESSED_TO",
    str(PG.sendTo): "SEND_TO",
    str(PG.deadline): "DEADLINE",
    str(PG.refersTo): "REFERS_TO",
    str(DCTERMS.isPartOf): "IS_PART_OF",
    str(PROV.wasDerivedFrom): "WAS_DERIVED_FROM",
    str(OA.hasSource): "HAS_SOURCE",
    str(PG.describes): "DESCRIBES",
    # not written as such: the unqualified form of prov:qualifiedAttribution (the signer)
    str(PROV.wasAttributedTo): "WAS_ATTRIBUTED_TO",
}
REL_PROPERTIES: dict[str, str] = {t: p for p, t in REL_TYPES.items()}

#: Names chosen rather than derived from the local name, and why.
RENAMED: dict[str, str] = {
    "LegalDocument": "eli:LegalResource: the model's, the API's and the users' name; 'resource' says nothing"
    " to policy staff (and :Resource is the label every node has)",
    "STEP_OF": "p-plan:isStepOfPlan: IS_STEP_OF_PLAN repeats what the end node's :Plan label says",
}


@dataclass(frozen=True)
class Prop:
    """A datatype property projected as a node or relationship property."""

    key: str
    kind: Kind = "string"


#: datatype property IRI -> property. Keys are the snake_case local names, except the labels
#: (``name_vi`` / ``name_en`` / ``name``, by language) and lists, which are plural.
PROPS: dict[str, Prop] = {
    str(SKOS.altLabel): Prop("alt_labels", "string[]"),
    str(SKOS.hiddenLabel): Prop("hidden_labels", "string[]"),
    str(SKOS.editorialNote): Prop("editorial_notes", "string[]"),
    str(ELI.number): Prop("number"),
    str(PG.symbol): Prop("symbol"),
    str(ELI.id_local): Prop("id_local"),
    str(ELI.date_document): Prop("date_document", "date"),
    str(PG.year): Prop("year", "int"),
    str(ELI.title): Prop("title"),
    str(PG.issuerName): Prop("issuer_name"),
    str(PG.jurisdiction): Prop("jurisdiction"),
    str(PG.place): Prop("place"),
    str(PG.numberSource): Prop("number_source"),
    str(PG.rowLabel): Prop("row_label"),
    str(PG.section): Prop("section"),
    str(DCTERMS.description): Prop("description"),
    str(PG.origin): Prop("origin"),
    str(PG.timelineAsWritten): Prop("timeline_as_written"),
    str(PG.leadAsWritten): Prop("lead_as_written"),
    str(PG.coordinatingAsWritten): Prop("coordinating_as_written"),
    str(PG.level): Prop("level"),
    str(PG.kind): Prop("kind"),
    str(PG.needsReview): Prop("needs_review", "boolean"),
    str(PG.mainVerb): Prop("main_verb"),
    str(PG.verb): Prop("verbs", "string[]"),
    str(PG.requested): Prop("requested", "boolean"),
    str(PG.reporterAsWritten): Prop("reporter_as_written"),
    str(PG.frequency): Prop("frequency"),
    str(PG.frequencyCode): Prop("frequency_code"),
    str(PG.location): Prop("location"),
    str(DCTERMS.subject): Prop("subject"),
    str(PG.deadlineType): Prop("deadline_type"),
    str(TIME.inXSDDate): Prop("date", "date"),
    str(PG.anniversaryKind): Prop("anniversary_kind"),
    str(PG.years): Prop("years", "int"),
    str(PG.originDate): Prop("origin_date", "date"),
    str(DCTERMS.date): Prop("date", "date"),
    str(PG.citedIn): Prop("cited_in", "string[]"),
    str(PG.recipientKind): Prop("recipient_kind"),
    str(PG.sha256): Prop("sha256"),
    str(DCTERMS.format): Prop("format"),
    str(PG.lineCount): Prop("line_count", "int"),
    str(PG.contentHash): Prop("content_hash"),
    str(PG.tripleCount): Prop("triple_count", "int"),
    # of assignments and the signature (they become relationship properties)
    str(PG.asWritten): Prop("as_written"),
    str(PG.inferred): Prop("inferred", "boolean"),
    str(PG.position): Prop("position"),
    str(PG.signingAuthority): Prop("signing_authority"),
    str(PG.onBehalfOf): Prop("on_behalf_of"),
    # of selectors (they become properties of the source span)
    str(PG.lineStart): Prop("line_start", "int"),
    str(PG.lineEnd): Prop("line_end", "int"),
    str(OA.exact): Prop("quote"),
    str(RDF.value): Prop("fragment"),
}

#: Keys that are not a datatype property of the node itself, with their type.
DERIVED: dict[str, Kind] = {
    "iri": "string",  # the node's IRI (unique)
    "doc": "string",  # the document a document-scoped node or an assignment belongs to
    "name_vi": "string",  # skos:prefLabel / rdfs:label @vi
    "name_en": "string",  # skos:prefLabel / rdfs:label @en
    "name": "string",  # rdfs:label without a language (a file name)
    "type_document": "string",  # eli:type_document -> skos:prefLabel of the type
    "type_code": "string",  # eli:type_document -> skos:notation
    "start": "date",  # time:hasTime -> time:hasBeginning -> time:inXSDDate
    "end": "date",  # time:hasTime -> time:hasEnd -> time:inXSDDate
    "period": "string",  # time:hasTime -> rdfs:label (a period without dates)
    "row": "string",  # LEAD / COORDINATING: the task's row label
    "role": "string",  # WAS_ATTRIBUTED_TO: prov:hadRole (signer)
}

#: The kind of every property key (node and relationship properties).
KINDS: dict[str, Kind] = {p.key: p.kind for p in PROPS.values()} | DERIVED

#: Predicates read but not turned into a property or relationship of their own, and why.
FOLDED_PREDICATES: dict[str, str] = {
    str(RDF.type): "the labels",
    str(RDFS.label): "name_vi / name_en / name",
    str(SKOS.prefLabel): "name_vi / name_en (and type_document of a document type)",
    str(SKOS.notation): "type_code of the document",
    str(ELI.type_document): "type_document / type_code of the document",
    str(TIME.hasTime): "start / end / period",
    str(TIME.hasBeginning): "start",
    str(TIME.hasEnd): "end",
    str(PROV.qualifiedAssociation): "the LEAD / COORDINATING relationship's properties",
    str(PROV.qualifiedAttribution): "the WAS_ATTRIBUTED_TO relationship",
    str(PROV.agent): "the end of LEAD / COORDINATING / WAS_ATTRIBUTED_TO",
    str(PROV.hadRole): "the type of LEAD / COORDINATING, the role of WAS_ATTRIBUTED_TO",
    str(OA.hasSelector): "line_start / line_end / quote / fragment of the SourceSpan",
    str(DCTERMS.conformsTo): "always RFC 5147 (line= fragments): nothing to keep",
    str(
        PG.coordinationSummary
    ): "the store's own index of shared tasks: Neo4j has the LEAD / COORDINATING edges it is made of",
    str(
        PG.namesSummary
    ): "the store's own index of names: Neo4j has the names and LEAD / COORDINATING edges it is made of",
    str(PG.taskTable): "the store's own page index of a document's tasks: Neo4j has the tasks themselves",
    str(PG.leadTaskKey): "the store's own page keys of an agency's tasks: Neo4j has the LEAD edges",
    str(
        PG.coordinatingTaskKey
    ): "the store's own page keys of an agency's tasks: Neo4j has the COORDINATING edges",
}
