"""Anniversaries and dated events: "60 năm ngày thiết lập quan hệ ngoại giao Việt Nam - Lào (5/9/1962 - 5/9/2022)".

>>> items = find_events("kỷ niệm 60 năm ngày thiết lập quan hệ ngoại giao Việt Nam - Lào (5/9/1962 - 5/9/2022)",
...                     "II.5", 80, 2022)
>>> [(e.years, e.start.isoformat(), e.date.isoformat()) for e in items]
[(60, '1962-09-05', '2022-09-05')]
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from graph.model import Anniversary, SourceSpan, Timeline
from graph.values.dates import find_dates
from graph.values.text import clean, slugify

_ANNIV = re.compile(
    r"(?P<years>\d{1,4})\s+năm\s+(?P<label>[^();]{5,160}?)\s*\((?P<d1>\d{1,2}/\d{1,2}/\d{4})\s*[-–]\s*"
    r"(?P<d2>\d{1,2}/\d{1,2}/\d{4})\)",
    re.IGNORECASE,
)
_INTL_DAY = re.compile(
    r"(?P<label>Ngày\s+(?:Quốc tế|quốc tế|Thế giới|thế giới)[^();,]{3,100}?)\s*\((?P<d>\d{1,2}/\d{1,2})\)"
)
# Words start at a word boundary and are taken whole (possessive), so a long word is scanned once:
# the old ``(?:[A-ZĐ][\w-]*\s?){1,4}`` split an all-capital word every possible way (exponential).
_EVENT_MONTH = re.compile(
    r"(?<![\w-])(?P<label>[A-ZĐ][\w-]*+(?:\s[A-ZĐ][\w-]*+){0,3}(?:\s?\d{1,3})?(?:\s+do\s+[^,;()]{2,40}?)?)"
    r"\s+vào\s+tháng\s+(?P<m>\d{1,2})/(?P<y>\d{4})"
)


def find_events(text: str, location: str, line: int, plan_year: int | None) -> list[Anniversary]:
    out: list[Anniversary] = []
    for m in _ANNIV.finditer(text):
        d1 = find_dates(m.group("d1"))
        d2 = find_dates(m.group("d2"))
        label = clean(re.sub(r"^(ngày|Ngày)\s+", "", m.group("label")))
        full = clean(f"{m.group('years')} năm {label}")
        out.append(
            Anniversary(
                id=slugify(full, max_len=70),
                kind="anniversary",
                label=full,
                as_written=clean(m.group(0)),
                years=int(m.group("years")),
                start=d1[0].date if d1 else None,
                date=d2[0].date if d2 else None,
                cited_in=[location],
                source=SourceSpan(line_start=line, line_end=line, quote=clean(m.group(0))),
            )
        )
    for m in _INTL_DAY.finditer(text):
        if plan_year is None:
            continue
        d = find_dates(m.group("d"), default_year=plan_year)
        if not d:
            continue
        label = clean(m.group("label"))
        out.append(
            Anniversary(
                id=f"{slugify(label, max_len=60)}-{plan_year}",
                kind="international_day",
                label=label,
                as_written=clean(m.group(0)),
                date=d[0].date,
                cited_in=[location],
                source=SourceSpan(line_start=line, line_end=line, quote=clean(m.group(0))),
            )
        )
    for m in _EVENT_MONTH.finditer(text):
        y, mo = int(m.group("y")), int(m.group("m"))
        if not (1 <= mo <= 12 and dt.MINYEAR <= y):
            continue
        label = clean(m.group("label"))
        if len(label) < 4:
            continue
        start = dt.date(y, mo, 1)
        end = dt.date(y, mo, calendar.monthrange(y, mo)[1])
        out.append(
            Anniversary(
                id=slugify(label, max_len=60),
                kind="event",
                label=label,
                as_written=clean(m.group(0)),
                period=Timeline(start=start, end=end),
                cited_in=[location],
                source=SourceSpan(line_start=line, line_end=line, quote=clean(m.group(0))),
            )
        )
    return out
