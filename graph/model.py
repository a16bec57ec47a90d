"""The typed model between parsing and every sink.

Plain pydantic records with no rdflib, neo4j or FastAPI import. Parsers
produce them; the RDF mapping, the Neo4j sink, the exports and the API consume
them. The JSON form of :class:`Extraction` *is* the extraction contract of
``DESIGN.md`` (``plangraph extract`` prints ``Extraction.to_json()``): fields
may be added, none of the contract's may be renamed.

Identity: every record's ``id`` is derived from normalised content, so
extracting the same file twice gives the same ids.

- ``LegalDocument.id`` / ``Plan.id``: the ELI path ``vn/{issuer}/{type}/{year}/{number}``
  (e.g. ``vn/chinh-phu/nd/2015/72``); unnumbered documents get
  ``vn/{issuer or "_"}/{type}/{year or "_"}/{slug of the title}``.
- ``Agency.id``: ``{jurisdiction}/{slug}`` (``ha-noi/so-tttt``, ``vn/chinh-phu``).
- ``AgencyGroup.id``: ``{jurisdiction}/group/{slug}``.
- ``Task.id``: the row as printed, ``I.1``; its global key is
  ``{plan id}/task/I-1`` (:meth:`Task.key`).

>>> span = SourceSpan(line_start=3, line_end=4, quote="KẾ HOẠCH")
>>> span.lines
(3, 4)
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Role = Literal["lead", "coordinating"]
AgencyLevel = Literal[
    "central", "province", "city", "district", "commune", "party", "press", "unit", "mass", "foreign", "other"
]


class Record(BaseModel):
    """Base for every record: unknown fields are refused, values validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class SourceSpan(Record):
    """Where a fact came from: 1-based line numbers of the source text and the quoted text."""

    line_start: int = Field(ge=1)
    line_end: int = Field(ge=1)
    quote: str = ""

    @property
    def lines(self) -> tuple[int, int]:
        return (self.line_start, self.line_end)


class Timeline(Record):
    """A period as an interval. ``label`` keeps non-dated periods ("Thường xuyên")."""

    start: dt.date | None = None
    end: dt.date | None = None
    label: str | None = None


class Signer(Record):
    name: str | None = None
    name_as_written: str | None = None
    position: str | None = None
    signing_authority: str | None = None  # "KT. Chủ tịch"
    on_behalf_of: str | None = None  # "TM. Ủy ban nhân dân"
    source: SourceSpan | None = None


class LegalDocument(Record):
    """A document the plan cites (or the plan itself, see :class:`Plan`)."""

    id: str
    kind: Literal["legal_document", "named_program"] = "legal_document"
    doc_type: str | None = None  # "Nghị định"
    type_code: str | None = None  # "nd" (Nghị định 30/2020/NĐ-CP, Appendix III)
    number: str | None = None
    year: int | None = None
    symbol: str | None = None  # "NĐ-CP"
    full_symbol: str | None = None  # "72/2015/NĐ-CP"
    date: dt.date | None = None
    issuer: str | None = None  # canonical name of the issuing body
    issuer_id: str | None = None  # Agency.id of the issuer when resolved
    title: str | None = None
    as_written: str = ""
    in_preamble: bool = False  # a legal basis of the plan (eli:based_on)
    cited_in: list[str] = Field(default_factory=list)  # "preamble", "II.5", "appendix I.6"
    notes: list[str] = Field(default_factory=list)
    source: SourceSpan


class Plan(Record):
    """The document being extracted: header fields, signer and where its number came from."""

    id: str
    doc_type: str | None = None
    type_code: str | None = None
    number: str | None = None
    symbol: str | None = None
    full_symbol: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    issuer_id: str | None = None
    title: str | None = None
    signer: Signer | None = None
    year: int | None = None
    jurisdiction: str = "vn"  # slug of the province/city the plan belongs to ("ha-noi")
    place: str | None = None  # "Hà Nội" in "Hà Nội, ngày 25 tháng 3 năm 2022"
    number_source: Literal["header", "caption", "filename", "none"] = "none"
    notes: list[str] = Field(default_factory=list)
    source: SourceSpan


class Agency(Record):
    id: str
    name: str  # canonical, full and correct
    aliases: list[str] = Field(default_factory=list)  # surface forms as written
    abbreviations: list[str] = Field(default_factory=list)
    name_en: str | None = None
    level: AgencyLevel = "other"
    kind: str = "other"  # for colour/filter: department, central, party, press, district, ...
    parent: str | None = None
    jurisdiction: str = "vn"
    needs_review: bool = False  # unknown to the registry, kept as written
    source: SourceSpan
    occurrence_lines: list[int] = Field(default_factory=list)


class AgencyGroup(Record):
    """A collective mention ("các cơ quan, đơn vị liên quan"): never expanded into agencies."""

    id: str
    label: str
    aliases: list[str] = Field(default_factory=list)
    jurisdiction: str = "vn"
    source: SourceSpan
    occurrence_lines: list[int] = Field(default_factory=list)


class Assignment(Record):
    """One role of one agent on one task, with the evidence of that role."""

    agent: str  # Agency.id or AgencyGroup.id
    role: Role
    as_written: str = ""
    inferred: bool = False  # lead taken from the section heading when the cell is empty
    source: SourceSpan


class Task(Record):
    id: str  # the row as printed: "I.1"
    section: str | None = None
    section_agency: str | None = None
    number: str | None = None
    content: str
    timeline_as_written: str | None = None
    timeline: Timeline | None = None
    lead: list[str] = Field(default_factory=list)
    lead_as_written: str | None = None
    lead_inferred: bool = False
    coordinating: list[str] = Field(default_factory=list)
    coordinating_as_written: str | None = None
    assignments: list[Assignment] = Field(default_factory=list)
    cites: list[str] = Field(default_factory=list)  # LegalDocument.id
    mentions: list[str] = Field(default_factory=list)  # Agency.id named in the content
    origin: Literal["table", "prose"] = "table"
    source: SourceSpan

    def key(self, plan_id: str) -> str:
        """The global key of the task under its plan.

        >>> Task(id="I.1", content="x", source=SourceSpan(line_start=1, line_end=1)).key("vn/a/kh/2022/9")
        'vn/a/kh/2022/9/task/I-1'
        """
        return f"{plan_id}/task/{self.id.replace('.', '-')}"


class Responsibility(Record):
    """A duty given to one agency (or group) in "Tổ chức thực hiện"."""

    id: str  # "IV.1.a"
    agency: str
    text: str
    verb: str | None = None
    verbs: list[str] = Field(default_factory=list)
    requested: bool = False  # "Đề nghị ..." (asked, not ordered: e.g. a party body)
    cites: list[str] = Field(default_factory=list)
    mentions: list[str] = Field(default_factory=list)
    source: SourceSpan


class Deadline(Record):
    as_written: str
    date: dt.date | None = None
    type: Literal["before", "on", "after"] = "before"


class ReportingDuty(Record):
    id: str
    location: str | None = None
    reporter: str | None = None
    reporter_as_written: str | None = None
    addressed_to: str | None = None
    send_to: str | None = None
    frequency: str | None = None
    frequency_code: str | None = None  # monthly, quarterly, semiannual, annual, ad_hoc
    deadlines: list[Deadline] = Field(default_factory=list)
    subject: str | None = None
    text: str
    source: SourceSpan


class Anniversary(Record):
    id: str
    kind: Literal["anniversary", "event", "international_day"] = "anniversary"
    label: str
    as_written: str
    years: int | None = None
    start: dt.date | None = None
    date: dt.date | None = None
    period: Timeline | None = None
    cited_in: list[str] = Field(default_factory=list)
    source: SourceSpan


class Recipient(Record):
    as_written: str
    refs: list[str] = Field(default_factory=list)
    kind: Literal["recipient", "archive"] = "recipient"
    source: SourceSpan


class SourceFile(Record):
    """The file an extraction came from (no timestamps: outputs stay deterministic)."""

    name: str
    sha256: str
    format: str
    lines: int


class Extraction(Record):
    """Everything extracted from one document: the extraction contract."""

    document: Plan
    legal_bases: list[str] = Field(default_factory=list)  # LegalDocument.id, in preamble order
    cited_documents: list[LegalDocument] = Field(default_factory=list)
    agencies: list[Agency] = Field(default_factory=list)
    collectives: list[AgencyGroup] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    responsibilities: list[Responsibility] = Field(default_factory=list)
    reporting: list[ReportingDuty] = Field(default_factory=list)
    anniversaries: list[Anniversary] = Field(default_factory=list)
    recipients: list[Recipient] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    source_file: SourceFile | None = None

    def to_json(self, *, indent: int | None = 2) -> str:
        """The contract as JSON text: stable key order, Vietnamese kept as is."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str) -> Extraction:
        return cls.model_validate_json(text)

    def agency(self, agency_id: str) -> Agency | AgencyGroup | None:
        for item in (*self.agencies, *self.collectives):
            if item.id == agency_id:
                return item
        return None
