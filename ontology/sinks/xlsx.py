"""The Excel workbook staff file and filter: one sheet per lead agency with its tasks, and an overview.

- "Tổng quan": the plans (symbol, title, date, tasks) and every agency (name, a link to its sheet
  when it leads tasks, tasks led, tasks coordinated): leads first.
- One sheet per lead agency (agencies first, then groups, by name), named after it (≤ 31
  characters, unique, none of ``[]:*?/\\``): its full name, then one row per task it leads — plan,
  row, content, co-leads, coordinating agencies, the timeline as written, start and end (Excel
  dates), the legal basis (the task's own citations, then its plan's bases), the evidence's lines
  and the task id. Header row frozen, filters on, printed landscape one page wide.
- Tasks without a lead on a sheet of their own.

Deterministic: the same store gives the same bytes (workbook dates from the newest plan's date,
fixed ZIP entry times). openpyxl is imported when a workbook is made.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections import defaultdict

from graph.answers import AgentRef
from graph.values.text import fold
from ontology.sinks.rows import TaskRow

OVERVIEW = "Tổng quan"
NO_LEAD = "Chưa rõ cơ quan chủ trì"
HEADERS = (
    ("Kế hoạch", 14),
    ("Mục", 8),
    ("Nội dung nhiệm vụ", 60),
    ("Đồng chủ trì", 24),
    ("Cơ quan phối hợp", 36),
    ("Thời gian (theo văn bản)", 18),
    ("Bắt đầu", 12),
    ("Kết thúc", 12),
    ("Căn cứ pháp lý", 36),
    ("Nguồn (dòng)", 11),
    ("Mã nhiệm vụ", 40),
)
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_PLACE = re.compile(r"\s+(?:thành phố|tỉnh|TP\.?)\s+\S.*$")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def sheet_name(name: str, taken: set[str]) -> str:
    """An Excel sheet name for ``name``: no forbidden characters, no place suffix, ≤ 31 characters,
    unique (case-insensitively) among ``taken``, which it joins.

    >>> taken = {"tổng quan"}
    >>> sheet_name("Sở Ngoại vụ thành phố Hà Nội", taken), sheet_name("Sở Ngoại vụ tỉnh Lào Cai", taken)
    ('Sở Ngoại vụ', 'Sở Ngoại vụ (2)')
    >>> sheet_name("Sở Thông tin và Truyền thông thành phố Hà Nội", taken)
    'Sở Thông tin và Truyền thông'
    >>> sheet_name("Ban [A]: B/C*D?", taken), len(sheet_name("x" * 40, taken))
    ('Ban A B C D', 31)
    >>> sheet_name("Trung tâm Đào tạo, Tư vấn Công nghệ thông tin và Truyền thông", taken)
    'Trung tâm Đào tạo, Tư vấn…'
    """
    base = _PLACE.sub("", " ".join(_FORBIDDEN.sub(" ", name).split())).strip(" '") or "Cơ quan"
    if base.lower() == "history":  # reserved by Excel
        base = "History (1)"
    n = 1
    while True:
        suffix = f" ({n})" if n > 1 else ""
        candidate = _shorten(base, 31 - len(suffix)) + suffix
        if candidate.lower() not in taken:
            taken.add(candidate.lower())
            return candidate
        n += 1


def _shorten(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters, cut at a word with "…" when it is longer.

    >>> _shorten("Trung tâm Xúc tiến Đầu tư, Thương mại, Du lịch", 31)
    'Trung tâm Xúc tiến Đầu tư…'
    """
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;-'") + "…"


def _names(agents: list[AgentRef]) -> str:
    return "; ".join(a.name for a in agents)


def _agent_order(a: AgentRef) -> tuple:
    return (a.kind == "group", fold(a.name), a.id)


class _FixedTimeZip(zipfile.ZipFile):
    """A ZIP whose entries all carry one fixed time (openpyxl names entries by string, and zipfile
    would stamp them with the current time)."""

    def _info(self, name):
        if isinstance(name, zipfile.ZipInfo):
            return name
        info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
        info.compress_type = self.compression
        info.external_attr = 0o644 << 16
        return info

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):  # type: ignore[override]
        super().writestr(self._info(zinfo_or_arcname), data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):  # type: ignore[override]
        with open(filename, "rb") as f:  # openpyxl writes worksheets through temporary files
            self.writestr(arcname or filename, f.read(), compress_type, compresslevel)

    def open(self, name, mode="r", pwd=None, *, force_zip64=False):  # type: ignore[override]
        if mode == "w":
            name = self._info(name)
        return super().open(name, mode, pwd, force_zip64=force_zip64)


class XlsxSink:
    """``write(row)`` each task, then ``finalize()`` gives the workbook's bytes."""

    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    extension = ".xlsx"

    def __init__(self, *, stamp: dt.datetime, plans: list[tuple[str, str, str, dt.date | None]]) -> None:
        """``plans``: (id, symbol, title, date) of the loaded plans, in order."""
        self.stamp = stamp.replace(tzinfo=None)
        self.plans = plans
        self.rows: list[TaskRow] = []

    def write(self, row: TaskRow) -> None:
        self.rows.append(row)

    def finalize(self) -> bytes:
        from openpyxl import Workbook
        from openpyxl.writer.excel import ExcelWriter

        by_lead: dict[str, list[TaskRow]] = defaultdict(list)
        agents: dict[str, AgentRef] = {}
        agents_all: dict[str, AgentRef] = {}
        coordinated: dict[str, int] = defaultdict(int)
        for r in self.rows:
            for a in r.task.lead or [AgentRef(id="", name=NO_LEAD)]:
                by_lead[a.id].append(r)
                agents.setdefault(a.id, a)
            for a in r.task.coordinating:
                coordinated[a.id] += 1
                agents_all.setdefault(a.id, a)
        wb = Workbook()
        overview = wb.active
        overview.title = OVERVIEW
        taken = {OVERVIEW.lower()}
        sheets = []
        for a in sorted(agents.values(), key=lambda a: (a.id == "", *_agent_order(a))):
            ws = wb.create_sheet(sheet_name(a.name, taken))
            self._agency_sheet(ws, a, by_lead[a.id])
            sheets.append((a, ws.title, len(by_lead[a.id])))
        leads = {a.id for a, _, _ in sheets}
        others = [(a, None, 0) for a in sorted(agents_all.values(), key=_agent_order) if a.id not in leads]
        self._overview(overview, [*sheets, *others], coordinated)
        wb.properties.creator = "plangraph"
        wb.properties.title = "Nhiệm vụ theo cơ quan chủ trì"
        wb.properties.created = wb.properties.modified = self.stamp
        buf = io.BytesIO()
        with _FixedTimeZip(buf, "w", zipfile.ZIP_DEFLATED) as archive:
            ExcelWriter(wb, archive).write_data()
        return buf.getvalue()

    def _overview(
        self, ws, sheets: list[tuple[AgentRef, str | None, int]], coordinated: dict[str, int]
    ) -> None:
        from openpyxl.styles import Font

        bold = Font(bold=True)
        ws.append(["Nhiệm vụ theo cơ quan chủ trì"])
        ws["A1"].font = Font(bold=True, size=14)
        ws.append(
            [f"{len(self.rows)} nhiệm vụ của {len(self.plans)} kế hoạch; mỗi cơ quan chủ trì một trang."]
        )
        ws.append([])
        ws.append(["Kế hoạch", "Trích yếu", "Ngày ban hành", "Số nhiệm vụ"])
        for cell in ws[ws.max_row]:
            cell.font = bold
        per_plan: dict[str, int] = defaultdict(int)
        for r in self.rows:
            per_plan[r.task.plan.id] += 1
        for pid, symbol, title, date in self.plans:
            ws.append([symbol or pid, title, date, per_plan.get(pid, 0)])
            if date:
                ws.cell(ws.max_row, 3).number_format = "DD/MM/YYYY"
        ws.append([])
        ws.append(["Cơ quan", "Trang tính (nhiệm vụ chủ trì)", "Số nhiệm vụ chủ trì", "Số nhiệm vụ phối hợp"])
        for cell in ws[ws.max_row]:
            cell.font = bold
        for a, title, n in sheets:
            ws.append([a.name, title, n, coordinated.get(a.id, 0) if a.id else None])
            if title:
                link = ws.cell(ws.max_row, 2)
                link.hyperlink = f"#'{title}'!A1"
                link.style = "Hyperlink"
        for col, width in zip("ABCD", (48, 60, 18, 20), strict=True):
            ws.column_dimensions[col].width = width

    def _agency_sheet(self, ws, agent: AgentRef, rows: list[TaskRow]) -> None:
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        ws.append([agent.name])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append([f"{len(rows)} nhiệm vụ chủ trì"])
        ws.append([h for h, _ in HEADERS])
        for cell in ws[3]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        wrap = Alignment(wrap_text=True, vertical="top")
        for r in rows:
            t = r.task
            tl = t.timeline
            ws.append(
                [
                    t.plan.full_symbol or t.plan.id,
                    t.row,
                    t.content,
                    _names([a for a in t.lead if a.id != agent.id]) or None,
                    _names(t.coordinating) or None,
                    tl.as_written or tl.label if tl else None,
                    tl.start if tl else None,
                    tl.end if tl else None,
                    "; ".join(r.legal_basis) or None,
                    r.lines or None,
                    t.id,
                ]
            )
            for cell in ws[ws.max_row]:
                cell.alignment = wrap
            for col in (7, 8):
                ws.cell(ws.max_row, col).number_format = "DD/MM/YYYY"
        for i, (_, width) in enumerate(HEADERS, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = "C4"
        ws.auto_filter.ref = f"A3:{get_column_letter(len(HEADERS))}{max(ws.max_row, 3)}"
        ws.print_title_rows = "3:3"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
