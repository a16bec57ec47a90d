"""Tasks as CSV: one row per task, for spreadsheets and scripts.

Columns (stable, English names): ``id, plan, plan_symbol, row, content, lead, lead_ids,
coordinating, coordinating_ids, start, end, timeline_as_written, legal_basis, evidence_line_start,
evidence_line_end``. Several agencies or documents in one cell are separated by ``"; "``; dates are
ISO (``2022-12-31``). UTF-8 with a byte-order mark, so that Excel shows Vietnamese correctly;
CRLF line ends (RFC 4180).
"""

from __future__ import annotations

import csv
import io

from ontology.sinks.rows import TaskRow

COLUMNS = (
    "id",
    "plan",
    "plan_symbol",
    "row",
    "content",
    "lead",
    "lead_ids",
    "coordinating",
    "coordinating_ids",
    "start",
    "end",
    "timeline_as_written",
    "legal_basis",
    "evidence_line_start",
    "evidence_line_end",
)


class CsvSink:
    """``write(row)`` each task, then ``finalize()`` gives the file's bytes."""

    media_type = "text/csv; charset=utf-8"
    extension = ".csv"

    def __init__(self) -> None:
        self.buf = io.StringIO()
        self.out = csv.writer(self.buf, lineterminator="\r\n")
        self.out.writerow(COLUMNS)

    def write(self, row: TaskRow) -> None:
        t = row.task
        tl = t.timeline
        self.out.writerow(
            [
                t.id,
                t.plan.id,
                t.plan.full_symbol or "",
                t.row,
                t.content,
                "; ".join(a.name for a in t.lead),
                "; ".join(a.id for a in t.lead),
                "; ".join(a.name for a in t.coordinating),
                "; ".join(a.id for a in t.coordinating),
                tl.start.isoformat() if tl and tl.start else "",
                tl.end.isoformat() if tl and tl.end else "",
                (tl.as_written or tl.label or "") if tl else "",
                "; ".join(row.legal_basis),
                t.evidence.line_start if t.evidence.line_start is not None else "",
                t.evidence.line_end if t.evidence.line_end is not None else "",
            ]
        )

    def finalize(self) -> bytes:
        return "\ufeff".encode() + self.buf.getvalue().encode("utf-8")
