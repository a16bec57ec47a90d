"""Markdown tables as they come out of OCR converters, merged across page breaks.

A plan's appendix is one logical table printed over several pages. The
converter emits one Markdown table per page, each starting with the repeated
header row. This module turns them back into one table of logical rows:

- a repeated header row (and its ``|---|`` rule) starts a page, not a row;
- a row whose first (TT) cell is empty continues the previous row, cell by cell;
- a row such as ``| II | SỞ NGOẠI VỤ | | |`` (roman numeral, one filled cell)
  opens a section.

>>> lines = ["| TT | Nội dung | Cơ quan |", "|--|--|--|", "| I | SỞ A | |",
...          "| 1 | Việc một | Sở A |", "", "| TT | Nội dung | Cơ quan |", "|--|--|--|",
...          "| | tiếp theo | |"]
>>> t = find_tables(lines)[0]
>>> [(r.section, r.number, r.cells[1]) for r in t.rows]
[('I', '1', 'Việc một tiếp theo')]
>>> t.sections[0].heading
'SỞ A'
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from operator import itemgetter

from graph.values.text import fold

_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-*:?\s*)*\|?\s*$")
_ROMAN = re.compile(r"^(?=[IVXLC]+$)M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_ARABIC = re.compile(r"^\d{1,3}[a-z]?$")
_LETTER = re.compile(r"^[a-zđ]$")


@dataclass
class Cell:
    text: str
    lines: list[int] = field(default_factory=list)


@dataclass
class Section:
    label: str  # "II"
    heading: str  # "SỞ NGOẠI VỤ"
    line: int


@dataclass
class Row:
    number: str  # "3" (or "" for a row with no TT)
    section: str | None
    cells: list[str]
    line_start: int
    line_end: int
    continued: bool = False  # merged with a continuation row on a later page
    cell_lines: list[list[int]] = field(default_factory=list)
    cell_offsets: list[list[tuple[int, int]]] = field(default_factory=list)  # (offset, line) per cell piece

    def line_at(self, column: int, offset: int) -> int:
        """The source line of a character offset in a (merged) cell."""
        pieces = self.cell_offsets[column] if column < len(self.cell_offsets) else []
        k = bisect_right(pieces, offset, key=itemgetter(0))
        return pieces[k - 1][1] if k else self.line_start


@dataclass
class Table:
    header: list[str]
    line_start: int
    line_end: int
    rows: list[Row] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    pages: int = 1

    def column(self, *keys: str) -> int | None:
        """Index of the first header cell whose folded text contains one of ``keys``."""
        for key in keys:
            for i, name in enumerate(self.header):
                if key in fold(name):
                    return i
        return None


def split_row(line: str) -> list[str] | None:
    """Cells of a Markdown table row, or None when the line is not a row.

    >>> split_row("| 1 | a \\\\| b | c |")
    ['1', 'a | b', 'c']
    """
    s = line.strip()
    if not s.startswith("|"):
        return None
    s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    parts = re.split(r"(?<!\\)\|", s)
    return [p.replace("\\|", "|").strip() for p in parts]


def is_rule(line: str) -> bool:
    return bool(_RULE.match(line.strip())) and "-" in line


def row_label_kind(label: str) -> str:
    """'roman', 'arabic', 'letter' or '' for the TT cell of a row."""
    label = label.strip().rstrip(".")
    if not label:
        return ""
    if _ROMAN.match(label.upper()) and label.isupper():
        return "roman"
    if _ARABIC.match(label):
        return "arabic"
    if _LETTER.match(label.lower()):
        return "letter"
    return "other"


def _same_header(a: list[str], b: list[str]) -> bool:
    fa, fb = [fold(x) for x in a if x], [fold(x) for x in b if x]
    if not fa or not fb:
        return False
    same = sum(1 for x, y in zip(fa, fb, strict=False) if x == y)
    return same >= max(2, min(len(fa), len(fb)) - 1)


def _join(a: str, b: str) -> str:
    if not a:
        return b
    if not b:
        return a
    return f"{a} {b}"


def find_tables(lines: list[str], *, max_rows: int | None = None) -> list[Table]:
    """Every logical table in ``lines`` (0-based list; line numbers reported 1-based).

    Tables separated only by blank lines, page-break noise or a repeated header
    are one logical table.
    """
    tables: list[Table] = []
    current: Table | None = None
    section: str | None = None
    i = 0
    n = len(lines)
    while i < n:
        cells = split_row(lines[i])
        if cells is None:
            # Non-table text between pages ends the table only when it is real prose.
            if current is not None and lines[i].strip() and not _is_page_noise(lines[i]):
                current = None
                section = None
            i += 1
            continue
        lineno = i + 1
        if is_rule(lines[i]):
            i += 1
            continue
        nxt_is_rule = i + 1 < n and is_rule(lines[i + 1])
        if nxt_is_rule:  # a header row
            if current is not None and _same_header(current.header, cells):
                current.pages += 1
                current.line_end = lineno + 1
                i += 2
                continue
            current = Table(header=cells, line_start=lineno, line_end=lineno + 1)
            tables.append(current)
            section = None
            i += 2
            continue
        if current is None:
            # A table with no header rule: treat the first row as its header.
            current = Table(header=cells, line_start=lineno, line_end=lineno)
            tables.append(current)
            section = None
            i += 1
            continue
        current.line_end = lineno
        width = len(current.header)
        cells = (cells + [""] * width)[:width] if len(cells) < width else cells
        label = cells[0].strip().rstrip(".")
        kind = row_label_kind(label)
        filled = [c for c in cells[1:] if c]
        if kind == "roman" and len(filled) <= 1:
            section = label
            current.sections.append(Section(label=label, heading=filled[0] if filled else "", line=lineno))
        elif not label and current.rows and _continues(cells):
            row = current.rows[-1]
            for k, c in enumerate(cells):
                if k == 0 or not c:
                    continue
                while len(row.cells) <= k:
                    row.cells.append("")
                while len(row.cell_lines) <= k:
                    row.cell_lines.append([])
                while len(row.cell_offsets) <= k:
                    row.cell_offsets.append([])
                row.cell_offsets[k].append((len(row.cells[k]) + 1 if row.cells[k] else 0, lineno))
                row.cells[k] = _join(row.cells[k], c)
                row.cell_lines[k].append(lineno)
            if lineno > row.line_end + 1 or not row.continued:
                row.continued = True
            row.line_end = lineno
        elif not any(cells):
            pass
        else:
            current.rows.append(
                Row(
                    number=label,
                    section=section,
                    cells=list(cells),
                    line_start=lineno,
                    line_end=lineno,
                    cell_lines=[[lineno] if c else [] for c in cells],
                )
            )
            if max_rows is not None and len(current.rows) > max_rows:
                return tables
        i += 1
    return tables


def _continues(cells: list[str]) -> bool:
    return any(c for c in cells[1:])


def _is_page_noise(line: str) -> bool:
    """Lines that converters leave between pages: page numbers, stamps, rules."""
    s = line.strip()
    return bool(re.fullmatch(r"[\d\s\-–./*✓]*|(trang|page)\s*\d+.*", s, flags=re.IGNORECASE))
