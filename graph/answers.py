"""The shapes of answers: what every query returns, and what the API and the CLI print.

Every task carries its evidence (the document, the line span and the quoted text),
every legal document its identity, so a user can check an answer against the original.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(Answer):
    """Where a fact came from: the plan (document), the 1-based line span and the quoted text."""

    document: str  # the plan's id ("vn/ubnd-ha-noi/kh/2022/94")
    document_symbol: str | None = None  # "94/KH-UBND"
    line_start: int | None = None
    line_end: int | None = None
    quote: str | None = None


class PlanRef(Answer):
    id: str
    full_symbol: str | None = None
    title: str | None = None


class AgentRef(Answer):
    """An agency or a group, by id and name (a group is never expanded)."""

    id: str
    name: str
    kind: str = "agency"  # agency | group


class TimelineOut(Answer):
    start: dt.date | None = None
    end: dt.date | None = None
    label: str | None = None
    as_written: str | None = None


class TaskOut(Answer):
    id: str  # global, usable in URLs: "vn/ubnd-ha-noi/kh/2022/94/task/I-1"
    row: str  # its row in the plan: "I.1"
    plan: PlanRef
    content: str
    timeline: TimelineOut | None = None
    lead: list[AgentRef] = Field(default_factory=list)
    coordinating: list[AgentRef] = Field(default_factory=list)
    evidence: Evidence


class LegalDocOut(Answer):
    id: str
    full_symbol: str | None = None
    doc_type: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    title: str | None = None
    kind: str = "legal_document"  # legal_document | named_program | plan
    loaded: bool = False  # a plan of this store (its own tasks and bases are known)


class BasisItem(Answer):
    """One document in a task's legal-basis chain, with how it authorizes the task."""

    document: LegalDocOut
    via: str  # "cited by task I.6", "legal basis of 94/KH-UBND", ...
    via_vi: str = ""  # the same in Vietnamese: "được nhiệm vụ I.6 trích dẫn", "căn cứ của 94/KH-UBND"
    relation: str  # cites | based_on
    depth: int  # 0: the task's own citation; 1: the plan's basis; 2+: bases of bases
    through: str | None = None  # the document whose basis this is
    evidence: Evidence | None = None


class LegalBasis(Answer):
    task: TaskOut
    chain: list[BasisItem]


class Citation(Answer):
    """A plan (and, when a task cites it, the task) citing a document."""

    plan: PlanRef
    relation: str  # based_on | cites
    task: TaskOut | None = None
    evidence: Evidence | None = None


class CitedBy(Answer):
    document: LegalDocOut
    total: int
    citations: list[Citation]


class AgencyOut(Answer):
    id: str
    name: str
    kind: str = "agency"  # agency | group
    name_en: str | None = None
    aliases: list[str] = Field(default_factory=list)
    level: str | None = None
    category: str | None = None  # department, press, party, ... (colour/filter)
    jurisdiction: str | None = None
    parent: AgentRef | None = None
    subunits: list[AgentRef] = Field(default_factory=list)
    needs_review: bool = False
    tasks_led: int = 0
    tasks_coordinated: int = 0
    evidence: Evidence | None = None


class AgencyHit(Answer):
    id: str
    name: str
    kind: str
    score: float
    matched: str


class TaskPage(Answer):
    total: int
    offset: int
    limit: int
    tasks: list[TaskOut]


class Partner(Answer):
    agency: AgentRef
    shared_tasks: int
    tasks: list[TaskOut] = Field(default_factory=list)  # the first few, with evidence


class Partners(Answer):
    agency: AgentRef
    total: int
    partners: list[Partner]


class Deadline(Answer):
    date: dt.date | None = None
    as_written: str | None = None
    type: str | None = None


class ReportingOut(Answer):
    id: str
    plan: PlanRef
    reporter: AgentRef | None = None
    addressed_to: AgentRef | None = None
    send_to: AgentRef | None = None
    frequency: str | None = None
    frequency_code: str | None = None
    deadlines: list[Deadline] = Field(default_factory=list)
    subject: str | None = None
    text: str
    evidence: Evidence


class CalendarEntry(Answer):
    """A dated item: a reporting deadline or the end of a task."""

    date: dt.date
    kind: str  # reporting | task-end
    title: str
    plan: PlanRef
    agencies: list[AgentRef] = Field(default_factory=list)
    ref: str  # the reporting duty's or task's id
    evidence: Evidence | None = None


class Calendar(Answer):
    start: dt.date | None = None
    end: dt.date | None = None
    reporting: list[ReportingOut]
    entries: list[CalendarEntry]


class NetworkNode(Answer):
    id: str
    name: str
    kind: str  # agency | group
    category: str | None = None
    jurisdiction: str | None = None
    tasks_led: int = 0
    tasks: int = 0  # tasks it takes part in, any role
    centrality: float | None = None


class NetworkEdge(Answer):
    source: str
    target: str
    weight: int  # shared tasks
    tasks: list[str] = Field(default_factory=list)  # the first few shared task ids


class Network(Answer):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    notes: list[str] = Field(default_factory=list)


class PathOut(Answer):
    source: AgentRef
    target: AgentRef
    paths: list[list[AgentRef]]
    edges: list[NetworkEdge]


class Ranked(Answer):
    agency: AgentRef
    value: float
    tasks_led: int = 0


class CitedDoc(Answer):
    """A document a plan names: as a legal basis of the plan, in its tasks, or both."""

    document: LegalDocOut
    basis: bool = False  # one of the plan's legal bases (căn cứ)
    tasks: list[str] = Field(default_factory=list)  # ids of the plan's tasks that cite it
    evidence: Evidence | None = None  # where the plan names it


class PlanOutline(Answer):
    """A loaded plan at a glance: what it rests on and cites, its tasks and its reporting duties."""

    document: LegalDocOut
    bases: list[CitedDoc]
    cited: list[CitedDoc]  # cited, not a legal basis
    tasks: list[TaskOut]
    reporting: list[ReportingOut] = Field(default_factory=list)


class AgentInfo(Answer):
    """What a drawing or a table needs to know about an agency beyond its name."""

    id: str
    name: str
    group: bool = False
    category: str | None = None  # department, central, party, press, unit, mass, police, ...
    jurisdiction: str | None = None
