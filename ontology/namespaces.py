"""Closed namespaces: code never spells an IRI string, it uses these.

``PG`` is plangraph's own vocabulary, generated from ``ontology/plangraph.ttl``
(``python -m ontology.gen_namespace``; a test keeps the two in step). The
others are the standard vocabularies DESIGN lists, closed over the terms
plangraph uses. :data:`PREFIXES` is the one prefix table every export uses.

>>> str(PG.Task)
'https://w3id.org/plangraph/ontology#Task'
>>> PG.Taks
Traceback (most recent call last):
...
AttributeError: term 'Taks' not in namespace 'https://w3id.org/plangraph/ontology#'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, TIME, XSD, DefinedNamespace


# --- BEGIN GENERATED from ontology/plangraph.ttl by `python -m ontology.gen_namespace` ---
class PG(DefinedNamespace):
    """plangraph's own terms (generated: edit ontology/plangraph.ttl, not this class)."""

    _NS = Namespace("https://w3id.org/plangraph/ontology#")
    _fail = True

    # classes
    Agency: URIRef  # Cơ quan / Agency
    AgencyGroup: URIRef  # Nhóm cơ quan / Agency group
    Anniversary: URIRef  # Ngày kỷ niệm, sự kiện / Anniversary or event
    Assignment: URIRef  # Phân công / Assignment
    Deadline: URIRef  # Hạn / Deadline
    DocumentGraph: URIRef  # Đồ thị văn bản / Document graph
    NamedProgram: URIRef  # Chương trình, đề án được nêu tên / Named programme
    Recipient: URIRef  # Nơi nhận / Recipient
    ReportingDuty: URIRef  # Chế độ báo cáo / Reporting duty
    Responsibility: URIRef  # Trách nhiệm / Responsibility
    Role: URIRef  # Vai trò / Role
    SourceDocument: URIRef  # Tệp nguồn / Source file
    SourceSpan: URIRef  # Đoạn nguồn / Source span
    Task: URIRef  # Nhiệm vụ / Task

    # roles
    CoordinatingRole: URIRef  # phối hợp / coordinating
    LeadRole: URIRef  # chủ trì / lead
    SignerRole: URIRef  # người ký / signer

    # object properties
    addressedTo: URIRef  # báo cáo lên / addressed to
    assignedTo: URIRef  # giao cho / assigned to
    coordinating: URIRef  # cơ quan phối hợp / coordinating agency
    deadline: URIRef  # hạn báo cáo / deadline
    describes: URIRef  # mô tả / describes
    lead: URIRef  # cơ quan chủ trì / lead agency
    mentions: URIRef  # có nhắc đến / mentions
    refersTo: URIRef  # chỉ cơ quan / refers to
    reporter: URIRef  # đơn vị báo cáo / reporter
    sectionAgency: URIRef  # cơ quan của mục / section agency
    sendTo: URIRef  # gửi về / send to

    # datatype properties
    anniversaryKind: URIRef  # loại sự kiện / kind of occasion
    asWritten: URIRef  # như ghi / as written
    citedIn: URIRef  # nêu tại / cited in
    contentHash: URIRef  # mã băm nội dung / content hash
    coordinatingAsWritten: URIRef  # cơ quan phối hợp như ghi / coordinating as written
    coordinatingTaskKey: URIRef  # khóa nhiệm vụ phối hợp / coordinating task key
    coordinationSummary: URIRef  # tóm tắt mạng phối hợp / coordination summary
    deadlineType: URIRef  # loại hạn / deadline type
    frequency: URIRef  # định kỳ / frequency
    frequencyCode: URIRef  # mã kỳ báo cáo / frequency code
    inferred: URIRef  # suy ra / inferred
    issuerName: URIRef  # tên cơ quan ban hành / issuer name
    jurisdiction: URIRef  # địa bàn / jurisdiction
    kind: URIRef  # loại / kind
    leadAsWritten: URIRef  # cơ quan chủ trì như ghi / lead as written
    leadTaskKey: URIRef  # khóa nhiệm vụ chủ trì / lead task key
    level: URIRef  # cấp / level
    lineCount: URIRef  # số dòng / line count
    lineEnd: URIRef  # dòng cuối / last line
    lineStart: URIRef  # dòng đầu / first line
    location: URIRef  # vị trí trong văn bản / location in the text
    mainVerb: URIRef  # động từ chính / main verb
    namesSummary: URIRef  # tóm tắt tên gọi / names summary
    needsReview: URIRef  # cần rà soát / needs review
    numberSource: URIRef  # nguồn số hiệu / number source
    onBehalfOf: URIRef  # thay mặt / on behalf of
    origin: URIRef  # nguồn nhiệm vụ / origin
    originDate: URIRef  # ngày gốc / origin date
    place: URIRef  # địa danh / place of issue
    position: URIRef  # chức vụ / position
    recipientKind: URIRef  # loại nơi nhận / recipient kind
    reporterAsWritten: URIRef  # đơn vị báo cáo như ghi / reporter as written
    requested: URIRef  # đề nghị / requested
    rowLabel: URIRef  # số thứ tự / row label
    section: URIRef  # mục / section
    sha256: URIRef  # mã băm SHA-256 / SHA-256
    signingAuthority: URIRef  # thẩm quyền ký / signing authority
    symbol: URIRef  # ký hiệu / symbol
    taskTable: URIRef  # bảng nhiệm vụ / task table
    timelineAsWritten: URIRef  # tiến độ như ghi / timeline as written
    tripleCount: URIRef  # số bộ ba / triple count
    verb: URIRef  # động từ / verb
    year: URIRef  # năm / year
    years: URIRef  # số năm / years


# --- END GENERATED ---


class ELI(DefinedNamespace):
    """European Legislation Identifier ontology."""

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True

    LegalResource: URIRef
    based_on: URIRef
    cites: URIRef
    passed_by: URIRef
    date_document: URIRef
    id_local: URIRef
    number: URIRef
    type_document: URIRef
    in_force: URIRef
    title: URIRef
    amends: URIRef
    repeals: URIRef


class PPLAN(DefinedNamespace):
    """P-Plan: plans and their steps."""

    _NS = Namespace("http://purl.org/net/p-plan#")
    _fail = True

    Plan: URIRef
    Step: URIRef
    isStepOfPlan: URIRef


class OA(DefinedNamespace):
    """W3C Web Annotation vocabulary (source spans)."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    Annotation: URIRef
    SpecificResource: URIRef
    Selector: URIRef
    FragmentSelector: URIRef
    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    hasSelector: URIRef
    hasSource: URIRef
    hasTarget: URIRef
    exact: URIRef
    start: URIRef
    end: URIRef


#: RFC 5147 (text/plain fragment identifiers): what a ``line=`` FragmentSelector conforms to.
RFC5147 = URIRef("http://tools.ietf.org/rfc/rfc5147")

#: Prefixes used by every export, in this order.
PREFIXES: dict[str, str] = {
    "pg": str(PG._NS),
    "eli": str(ELI._NS),
    "org": str(ORG._NS),
    "prov": str(PROV._NS),
    "p-plan": str(PPLAN._NS),
    "skos": str(SKOS._NS),
    "dcterms": str(DCTERMS._NS),
    "time": str(TIME._NS),
    "oa": str(OA._NS),
    "rdf": str(RDF._NS),
    "rdfs": str(RDFS._NS),
    "owl": str(OWL._NS),
    "xsd": str(XSD._NS),
}

__all__ = [
    "DCTERMS",
    "ELI",
    "OA",
    "ORG",
    "OWL",
    "PG",
    "PPLAN",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "RFC5147",
    "SH",
    "SKOS",
    "TIME",
    "XSD",
]
