"""Extraction: a parsed document -> :class:`graph.model.Extraction`.

(The thin first version: the plan's identity and its appendix rows. Issue 3
deepens it with citations, agencies, responsibilities and reporting duties.)
"""

from __future__ import annotations

import re
from pathlib import Path

from graph.errors import ParseError
from graph.model import Extraction, Plan, SourceFile, SourceSpan, Task
from graph.values.text import clean, fold, slugify
from loaders.parse.tables import find_tables
from loaders.read import Text, read_file

_CAPTION = re.compile(
    r"k[eè]m theo (?P<type>k[eế] ho[aạ]ch|quy[eế]t [dđ][iị]nh|ch[uư][oơ]ng tr[iì]nh)\s*s[oố][\s.…]*"
    r"(?P<num>\d+)[\s.…]*/(?P<sym>[\wĐđ-]+).*?ng[aà]y\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})",
    re.IGNORECASE,
)


def extract_file(path: str | Path) -> Extraction:
    return extract_text(read_file(path))


def extract_text(text: Text) -> Extraction:
    lines = text.lines
    title, title_span = _title(lines)
    number = symbol = date = None
    year = None
    span = title_span
    for i, line in enumerate(lines, start=1):
        m = _CAPTION.search(line)
        if m:
            number, symbol = m["num"], m["sym"]
            year = int(m["y"])
            date = f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}"
            span = SourceSpan(line_start=i, line_end=i, quote=clean(line))
            break
    tables = find_tables(lines)
    if not tables and number is None:
        raise ParseError("no plan structure found (no header, caption or task table)", source=text.name)
    type_code = (symbol or "kh").split("-")[0].lower()
    issuer = slugify(symbol.split("-", 1)[1]) if symbol and "-" in symbol else "_"
    plan_id = f"vn/{issuer}/{slugify(type_code)}/{year or '_'}/{number or slugify(title or text.name)}"
    plan = Plan(
        id=plan_id,
        doc_type="Kế hoạch",
        number=number,
        symbol=symbol,
        full_symbol=f"{number}/{symbol}" if number and symbol else None,
        date=date,
        title=title,
        year=year,
        source=span or SourceSpan(line_start=1, line_end=1),
    )
    tasks = []
    for table in tables:
        for row in table.rows:
            if not row.number or not row.section:
                continue
            tasks.append(
                Task(
                    id=f"{row.section}.{row.number}",
                    section=row.section,
                    number=row.number,
                    content=row.cells[1] if len(row.cells) > 1 else "",
                    source=SourceSpan(line_start=row.line_start, line_end=row.line_end),
                )
            )
    return Extraction(
        document=plan,
        tasks=tasks,
        source_file=SourceFile(name=text.name, sha256=text.sha256, format=text.format, lines=len(lines)),
    )


def _title(lines: list[str]) -> tuple[str | None, SourceSpan | None]:
    for i, line in enumerate(lines, start=1):
        s = clean(line.replace("*", ""))
        if fold(s).startswith(("ke hoach", "quyet dinh", "chuong trinh")) and s.isupper():
            rest = clean(lines[i].replace("*", "")) if i < len(lines) else ""
            return rest or s, SourceSpan(line_start=i, line_end=i + 1, quote=f"{s} {rest}".strip())
    return None, None
