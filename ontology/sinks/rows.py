"""What the staff exports are made of: every task with its legal basis, and a deterministic clock.

Gathered once from the store's answers (:mod:`graph.outline`); the sinks only lay them out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph import outline as O
from graph.answers import LegalDocOut, TaskOut
from graph.queries import KnowledgeBase

#: the clock of an empty store
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def doc_symbol(d: LegalDocOut) -> str:
    """A document as staff cite it: its symbol ("72/2015/NĐ-CP"), else its type and title."""
    if d.full_symbol:
        return d.full_symbol
    if d.title and d.doc_type and not d.title.lower().startswith(d.doc_type.lower()):
        return f"{d.doc_type} {d.title}"
    return d.title or d.id


@dataclass(frozen=True)
class TaskRow:
    """One task, what it cites itself, and its plan's legal bases."""

    task: TaskOut
    cites: tuple[LegalDocOut, ...] = ()
    bases: tuple[LegalDocOut, ...] = ()

    @property
    def legal_basis(self) -> list[str]:
        """The task's own citations first, then its plan's bases (symbols, no repeats)."""
        return list(dict.fromkeys(doc_symbol(d) for d in (*self.cites, *self.bases)))

    @property
    def lines(self) -> str:
        """The evidence's line span: "194" or "232-236"."""
        ev = self.task.evidence
        if ev.line_start is None:
            return ""
        if ev.line_end and ev.line_end != ev.line_start:
            return f"{ev.line_start}-{ev.line_end}"
        return str(ev.line_start)


def task_rows(kb: KnowledgeBase) -> list[TaskRow]:
    """Every task of the store, by plan and row, with its legal basis."""
    tasks = O.all_tasks(kb)
    cites = O.task_citations(kb, [t.id for t in tasks])
    bases = O.plan_bases(kb, sorted({t.plan.id for t in tasks}))
    return [
        TaskRow(t, tuple(cites.get(t.id, ())), tuple(d for d, _ in bases.get(t.plan.id, ()))) for t in tasks
    ]


def stamp(kb: KnowledgeBase) -> dt.datetime:
    """A timestamp that changes only with the content: midnight UTC of the newest loaded plan's date."""
    dates = [d.date for d in kb.reader.store.documents() if d.date]
    if not dates:
        return EPOCH
    return dt.datetime.combine(max(dates), dt.time(0, 0), tzinfo=dt.UTC)
