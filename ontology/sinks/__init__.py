"""The exports staff use: an Excel workbook, an iCalendar file, a task table, Gephi networks.

One module per sink (:mod:`~ontology.sinks.xlsx`, :mod:`~ontology.sinks.ics`,
:mod:`~ontology.sinks.tasks_csv`, :mod:`~ontology.sinks.gephi`), each with ``write(item)`` and
``finalize() -> bytes``; :func:`export` feeds them the store's answers (:mod:`graph.queries`,
:mod:`graph.outline`). ``plangraph export --format F`` and ``GET /export/{F}`` serve them next to
the RDF formats of :mod:`ontology.exports`; :func:`resolve` knows both. Every export is
deterministic: the same store gives the same bytes.

>>> sorted(FORMATS)
['csv', 'gexf', 'graphml', 'ics', 'xlsx']
>>> resolve("XLSX").extension, resolve("turtle").media_type
('.xlsx', 'text/turtle')
"""

from __future__ import annotations

from dataclasses import dataclass

from graph import queries as Q
from graph.errors import InvalidInput
from ontology import exports
from ontology.sinks.gephi import GephiSink
from ontology.sinks.ics import Event, IcsSink, where
from ontology.sinks.rows import TaskRow, doc_symbol, stamp, task_rows
from ontology.sinks.tasks_csv import CsvSink
from ontology.sinks.xlsx import XlsxSink


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    extension: str
    staff: bool  # one of these exports (else an RDF format of ontology.exports)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("xlsx", XlsxSink.media_type, ".xlsx", True),
        Format("ics", IcsSink.media_type, ".ics", True),
        Format("csv", CsvSink.media_type, ".csv", True),
        Format("graphml", "application/graphml+xml", ".graphml", True),
        Format("gexf", "application/gexf+xml", ".gexf", True),
    )
}


def known() -> list[str]:
    """Every export format: RDF first, then the staff exports."""
    return [*exports.FORMATS, *FORMATS]


def resolve(name: str) -> Format:
    """A staff or RDF format by name (case-insensitive); InvalidInput naming them all otherwise."""
    key = name.lower()
    if key in FORMATS:
        return FORMATS[key]
    if key in exports.FORMATS:
        f = exports.FORMATS[key]
        return Format(f.name, f.media_type, f.extension, False)
    raise InvalidInput(f"unknown export format '{name}' (known: {', '.join(known())})")


def events(kb: Q.KnowledgeBase, rows: list[TaskRow]) -> list[Event]:
    """Dated reporting deadlines and task end dates as calendar events."""
    cal = Q.calendar(kb)
    duties = {d.id: d for d in cal.reporting}
    out = []
    for e in cal.entries:
        d = duties.get(e.ref)
        if e.kind != "reporting" or d is None:
            continue
        plan = d.plan.full_symbol or d.plan.id
        to = d.send_to or d.addressed_to
        who = f"{d.reporter.name if d.reporter else '?'} báo cáo {to.name if to else '?'}"
        when = "; ".join(
            f"{'trước ngày ' if x.type == 'before' else ''}{x.as_written}"
            for x in d.deadlines
            if x.as_written
        )
        desc = [
            who,
            f"Tần suất: {d.frequency}" if d.frequency else "",
            f"Hạn: {when}" if when else "",
            where(d.evidence),
        ]
        out.append(
            Event(
                uid=f"reporting/{d.id}/{e.date.isoformat()}@plangraph",
                date=e.date,
                summary=f"Hạn báo cáo ({plan}): {d.subject or d.text[:100]}",
                description="\n".join(x for x in desc if x),
                category="Báo cáo",
            )
        )
    for r in rows:
        t = r.task
        if not (t.timeline and t.timeline.end):
            continue
        desc = [
            t.content,
            f"Chủ trì: {'; '.join(a.name for a in t.lead) or '—'}",
            f"Phối hợp: {'; '.join(a.name for a in t.coordinating)}" if t.coordinating else "",
            f"Thời gian: {t.timeline.as_written}" if t.timeline.as_written else "",
            f"Căn cứ: {'; '.join(r.legal_basis)}" if r.legal_basis else "",
            where(t.evidence),
        ]
        short = t.content if len(t.content) <= 100 else t.content[:99].rstrip() + "…"
        out.append(
            Event(
                uid=f"task-end/{t.id}@plangraph",
                date=t.timeline.end,
                summary=f"Hạn nhiệm vụ {t.row} ({t.plan.full_symbol or t.plan.id}): {short}",
                description="\n".join(x for x in desc if x),
                category="Nhiệm vụ",
            )
        )
    return out


def export(kb: Q.KnowledgeBase, name: str) -> bytes:
    """One staff export of the whole store, as bytes."""
    f = resolve(name)
    if not f.staff:
        raise InvalidInput(f"'{f.name}' is an RDF format: use ontology.exports")
    clock = stamp(kb)
    if f.name in ("graphml", "gexf"):
        net = Q.coordination_network(kb, max_nodes=10**9)
        sink = GephiSink(f.name, stamp=clock)
        for item in (*net.nodes, *net.edges):
            sink.write(item)
        return sink.finalize()
    rows = task_rows(kb)
    if f.name == "ics":
        cal = IcsSink(stamp=clock)
        for event in events(kb, rows):
            cal.write(event)
        return cal.finalize()
    if f.name == "csv":
        table = CsvSink()
        for r in rows:
            table.write(r)
        return table.finalize()
    plans = [(d.id, d.symbol or "", d.title or "", d.date) for d in kb.reader.store.documents()]
    book = XlsxSink(stamp=clock, plans=plans)
    for r in rows:
        book.write(r)
    return book.finalize()


__all__ = ["FORMATS", "Format", "doc_symbol", "events", "export", "known", "resolve"]
