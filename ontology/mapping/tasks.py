"""Tasks (P-Plan steps of their plan) and their assignments.

Every role is written twice: as a qualified association (``prov:qualifiedAssociation``
to a ``pg:Assignment`` with ``prov:agent``, ``prov:hadRole`` and its evidence)
and as a direct property (``pg:lead`` / ``pg:coordinating``), so simple
queries stay simple. Agents listed in ``Task.lead`` / ``Task.coordinating``
without an :class:`Assignment` get one whose evidence is the task's row.
"""

from __future__ import annotations

from graph.model import Assignment, Task
from ontology.mapping._builder import Builder
from ontology.ntriples import V, boolean, iri, lit, vi

_ROLE = {"lead": (V.pg.lead, V.pg.LeadRole), "coordinating": (V.pg.coordinating, V.pg.CoordinatingRole)}


def map_tasks(b: Builder) -> None:
    symbol = b.x.document.full_symbol
    for task in b.x.tasks:
        raw = b.iris.task(b.key, task.id)
        t = iri(raw)
        b.add(t, V.rdf.type, V.pg.Task)
        b.add(t, V.rdf.type, V.pplan.Step)
        b.add(t, V.pplan.isStepOfPlan, b.plan)
        b.add(t, V.pg.rowLabel, lit(task.id))
        b.add(t, V.rdfs.label, vi(f"Nhiệm vụ {task.id} ({symbol})" if symbol else f"Nhiệm vụ {task.id}"))
        b.add(t, V.dcterms.description, vi(task.content))
        b.add(t, V.pg.origin, lit(task.origin))
        if task.section:
            b.add(t, V.pg.section, lit(task.section))
        if task.section_agency:
            b.add(t, V.pg.sectionAgency, b.agent(task.section_agency))
        if task.timeline_as_written:
            b.add(t, V.pg.timelineAsWritten, vi(task.timeline_as_written))
        b.timeline(t, raw, task.timeline)
        if task.lead_as_written:
            b.add(t, V.pg.leadAsWritten, vi(task.lead_as_written))
        if task.coordinating_as_written:
            b.add(t, V.pg.coordinatingAsWritten, vi(task.coordinating_as_written))
        for key in task.cites:
            b.add(t, V.eli.cites, b.doc(key))
        for key in task.mentions:
            b.add(t, V.pg.mentions, b.agent(key))
        b.span(t, task.source)
        for (role, agent), assignment in _assignments(task).items():
            _assignment(b, t, task, role, agent, assignment)


def _assignments(task: Task) -> dict[tuple[str, str], Assignment | None]:
    """(role, agent) -> the assignment with its evidence, or None when only listed on the task."""
    out: dict[tuple[str, str], Assignment | None] = {}
    for a in task.assignments:
        out.setdefault((a.role, a.agent), a)
    for role, agents in (("lead", task.lead), ("coordinating", task.coordinating)):
        for agent in agents:
            out.setdefault((role, agent), None)
    return out


def _assignment(b: Builder, t: str, task: Task, role: str, agent: str, a: Assignment | None) -> None:
    direct, role_node = _ROLE[role]
    who = b.agent(agent)
    node = iri(b.iris.assignment(b.key, task.id, role, agent))
    b.add(t, direct, who)
    b.add(t, V.prov.qualifiedAssociation, node)
    b.add(node, V.rdf.type, V.pg.Assignment)
    b.add(node, V.prov.agent, who)
    b.add(node, V.prov.hadRole, role_node)
    if a is not None:
        if a.as_written:
            b.add(node, V.pg.asWritten, vi(a.as_written))
        if a.inferred:
            b.add(node, V.pg.inferred, boolean(True))
        b.span(node, a.source, a.as_written)
    else:
        if role == "lead" and task.lead_inferred:
            b.add(node, V.pg.inferred, boolean(True))
        b.span(node, task.source)
