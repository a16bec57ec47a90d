"""Tasks: the rows of a plan's task tables, or tasks assigned in prose where there is no table.

Columns are found by their header words, in any order ("Nội dung", "Thời gian
thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp", ...). An empty lead cell takes
the agency of the row's section ("| II | SỞ NGOẠI VỤ |").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.model import Assignment, SourceSpan, Task
from graph.values.periods import parse_period
from graph.values.text import clean, fold
from loaders.extract.agencies import AgencyBook, _head
from loaders.extract.citations import CitationFinder
from loaders.extract.ids import UniqueIds
from loaders.parse.structure import Block, DocumentTree
from loaders.parse.tables import Row, Table, row_label_kind


@dataclass
class Columns:
    content: int
    timeline: int | None
    lead: int | None
    coordinating: int | None


def task_columns(table: Table) -> Columns | None:
    """Which column holds what, from the header words; None when the table is not a task table."""
    header = [fold(h) for h in table.header]
    used: set[int] = set()

    def pick(*keys: str, avoid: tuple[str, ...] = ()) -> int | None:
        for key in keys:
            for i, h in enumerate(header):
                if i not in used and key in h and not any(a in h for a in avoid):
                    used.add(i)
                    return i
        return None

    timeline = pick("thoi gian", "tien do", "thoi han", "thoi diem")
    coordinating = pick("phoi hop")
    lead = pick(
        "chu tri",
        "phu trach",
        "don vi thuc hien",
        "co quan thuc hien",
        "thuc hien",
        "trach nhiem",
        "don vi",
        "co quan",
        avoid=("noi dung",),
    )
    content = pick("noi dung", "nhiem vu", "cong viec", "hoat dong", "ten", "giai phap", "chi tieu")
    if content is None or (lead is None and timeline is None and coordinating is None):
        return None
    return Columns(content, timeline, lead, coordinating)


def _cell(row: Row, i: int | None) -> str:
    return clean(row.cells[i]) if i is not None and i < len(row.cells) else ""


def _cell_line(row: Row, i: int | None) -> int:
    if i is not None and i < len(row.cell_lines) and row.cell_lines[i]:
        return row.cell_lines[i][0]
    return row.line_start


def table_tasks(
    tree: DocumentTree, book: AgencyBook, cites: CitationFinder, plan_year: int | None, warnings: list[str]
) -> list[Task]:
    tasks: list[Task] = []
    seen = UniqueIds()
    for t_index, table in enumerate(tree.tables):
        cols = task_columns(table)
        if cols is None:
            continue
        section_agency: dict[str, str | None] = {}
        for sec in table.sections:
            aid, _ = book.name(sec.heading, sec.line) if sec.heading else (None, False)
            section_agency[sec.label] = aid
        parent_id = None
        heads = {r.number.rsplit(".", 1)[0] for r in table.rows if "." in r.number}
        for row in table.rows:
            if row.number and row.number in heads:
                parent_id = None
                continue  # "| 1 | Hoàn thiện thể chế | | |" heads rows 1.1, 1.2: a group, not a task
            kind = row_label_kind(row.number)
            if not row.number or (kind == "other" and not re.match(r"^\d+(\.\d+)+$", row.number)):
                continue
            if kind == "letter" and parent_id:
                tid = f"{parent_id}.{row.number}"
            else:
                tid = f"{row.section}.{row.number}" if row.section else row.number
                parent_id = tid
            if tid in seen:
                # a number printed again (twice, three times...): each row keeps a task of its own
                kept = seen.unique(f"PL{t_index + 1}.{tid}")
                warnings.append(f"task id {tid} repeats in table {t_index + 1}; kept as {kept}")
                tid = kept
            seen.add(tid)
            content = _cell(row, cols.content)
            if not content:
                continue
            tasks.append(
                _row_task(
                    row, tid, content, cols, section_agency.get(row.section or ""), book, cites, plan_year
                )
            )
    return tasks


def _row_task(
    row: Row,
    tid: str,
    content: str,
    cols: Columns,
    section_agency: str | None,
    book: AgencyBook,
    cites: CitationFinder,
    plan_year: int | None,
) -> Task:
    span = SourceSpan(line_start=row.line_start, line_end=row.line_end, quote=content)
    lead_text = _cell(row, cols.lead)
    coord_text = _cell(row, cols.coordinating)
    lead_line = _cell_line(row, cols.lead)
    lead = book.cell(lead_text, lead_line) if lead_text else []
    inferred = False
    if not lead and section_agency:
        lead, inferred = [section_agency], True
    coordinating = [
        c
        for c in (book.cell(coord_text, _cell_line(row, cols.coordinating)) if coord_text else [])
        if c not in lead
    ]
    assignments = [
        Assignment(
            agent=a,
            role="lead",
            as_written=lead_text,
            inferred=inferred,
            source=SourceSpan(line_start=row.line_start, line_end=row.line_end, quote=lead_text or ""),
        )
        for a in lead
    ]
    assignments += [
        Assignment(
            agent=a,
            role="coordinating",
            as_written=coord_text,
            source=SourceSpan(line_start=row.line_start, line_end=row.line_end, quote=coord_text),
        )
        for a in coordinating
    ]
    timeline_text = _cell(row, cols.timeline) or None
    doc_ids = cites.scan(
        content,
        f"appendix {tid}",
        row.line_start,
        row.line_end,
        line_at=lambda off: row.line_at(cols.content, off),
    )
    mentioned, _ = book.mentions(content, row.line_start)
    return Task(
        id=tid,
        section=row.section,
        section_agency=section_agency,
        number=row.number,
        content=content,
        timeline_as_written=timeline_text,
        timeline=parse_period(timeline_text, plan_year),
        lead=lead,
        lead_as_written=lead_text or None,
        lead_inferred=inferred,
        coordinating=coordinating,
        coordinating_as_written=coord_text or None,
        assignments=assignments,
        cites=doc_ids,
        mentions=mentioned,
        origin="table",
        source=span,
    )


# -- tasks in prose ---------------------------------------------------------------------------------
_DUTY_VERBS = (
    r"tổ chức|triển khai|thực hiện|xây dựng|tham mưu|hướng dẫn|theo dõi|kiểm tra|rà soát|nghiên cứu|tuyên truyền|"
    r"cung cấp|biên soạn|sản xuất|đăng tải|phát hành|bố trí|đôn đốc|tổng hợp|đánh giá|chỉ đạo|quản lý|vận hành|"
    r"duy trì|phát triển|nâng cao|đẩy mạnh|tăng cường|đề xuất|ban hành|hoàn thiện|treo|phổ biến|quán triệt|"
    r"thông tin|trình|lập|soạn thảo|tập huấn|bồi dưỡng|theo dõi"
)
_COORD = rf"(?:\s*,?\s*phối hợp(?:\s+(?:chặt chẽ\s+)?với)?\s+(?P<coord>[^;.]{{3,200}}?))?(?=\s+(?:{_DUTY_VERBS})\b|[;.]|$)"
_LEAD_PATTERNS = [
    # "Giao Sở X chủ trì, phối hợp với Y tổ chức ..."
    re.compile(
        r"(?:giao(?:\s+cho)?|đề nghị|yêu cầu)\s+(?P<lead>.{3,120}?)\s+(?:là cơ quan\s+|làm\s+)?"
        r"(?:chủ trì|chịu trách nhiệm chính)" + _COORD,
        re.IGNORECASE,
    ),
    # "Sở X chủ trì, phối hợp với Y ..." at the start of an item or sentence
    re.compile(r"(?:^|[.;:]\s*)(?P<lead>[A-ZĐ][^;.:]{2,100}?)\s+chủ trì" + _COORD),
]
_KV = re.compile(
    r"^(?P<key>(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện|phụ trách|phối hợp)|chủ trì|phối hợp|"
    r"thời gian(?:\s+(?:thực hiện|hoàn thành))?|tiến độ|thời hạn)\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_IMPL_SECTION = ("to chuc thuc hien", "trach nhiem", "phan cong", "giao nhiem vu")


def prose_tasks(
    tree: DocumentTree, book: AgencyBook, cites: CitationFinder, plan_year: int | None
) -> list[Task]:
    """Numbered items that assign a lead ("giao Sở X chủ trì, phối hợp với Y ...", "Cơ quan chủ trì: X")."""
    tasks: list[Task] = []
    ids: set[str] = set()  # an item numbered like an earlier one is not a second task of that id
    for top in tree.sections:
        if top.kind in ("roman",) and any(k in fold(top.text) for k in _IMPL_SECTION):
            continue
        for block in top.walk():
            if block.kind not in ("arabic", "dotted", "letter", "article", "dash", "plus", "para"):
                continue
            task = _prose_task(block, book, cites, plan_year)
            if task is not None and task.id not in ids:
                ids.add(task.id)
                tasks.append(task)
    return tasks


def _prose_task(block: Block, book: AgencyBook, cites: CitationFinder, plan_year: int | None) -> Task | None:
    lead_text = coord_text = timeline_text = None
    kv_lines: list[int] = []
    for child in block.children:
        m = _KV.match(child.text)
        if not m:
            continue
        key = fold(m.group("key"))
        kv_lines.append(child.line_end)
        if any(k in key for k in ("thoi gian", "tien do", "thoi han")):
            timeline_text = m.group("value")
        elif "phoi hop" in key:
            coord_text = m.group("value")
        else:
            lead_text = m.group("value")
    if lead_text is None:
        for pattern in _LEAD_PATTERNS:
            m = pattern.search(block.text)
            if m and (pattern is _LEAD_PATTERNS[0] or _head(m.group("lead")) is not None):
                lead_text, coord_text = m.group("lead"), m.group("coord")
                break
    if lead_text is None or (block.kind in ("dash", "plus", "para") and not block.path):
        return None
    line = block.line_start
    lead = [x for x in book.cell(lead_text, line) if "/group/" not in x] or book.cell(lead_text, line)
    if not lead:
        return None
    coordinating = [c for c in (book.cell(coord_text, line) if coord_text else []) if c not in lead]
    if timeline_text is None:
        tm = re.search(
            r"(?:thời gian(?: thực hiện| hoàn thành)?|hoàn thành)\s*:?\s*(?P<t>(?:trước|trong|quý|tháng|năm|"
            r"thường xuyên|hằng|hàng)[^;.]{0,60})",
            block.text,
            re.IGNORECASE,
        )
        timeline_text = tm.group("t") if tm else None
    tid = block.path or block.label
    end = max([block.line_end, *kv_lines])
    span = SourceSpan(line_start=block.line_start, line_end=end, quote=block.text)
    content = block.text
    doc_ids = cites.scan(content, tid, block.line_start, block.line_end, line_at=block.line_at)
    mentioned, _ = book.mentions(content, line)
    assignments = [Assignment(agent=a, role="lead", as_written=clean(lead_text), source=span) for a in lead]
    assignments += [
        Assignment(agent=a, role="coordinating", as_written=clean(coord_text or ""), source=span)
        for a in coordinating
    ]
    return Task(
        id=tid,
        section=tid.split(".")[0],
        number=tid.split(".")[-1],
        content=content,
        timeline_as_written=clean(timeline_text) if timeline_text else None,
        timeline=parse_period(timeline_text, plan_year) if timeline_text else None,
        lead=lead,
        lead_as_written=clean(lead_text),
        coordinating=coordinating,
        coordinating_as_written=clean(coord_text) if coord_text else None,
        assignments=assignments,
        cites=doc_ids,
        mentions=mentioned,
        origin="prose",
        source=span,
    )
