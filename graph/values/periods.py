"""Periods ("Tiến độ thời gian") as date intervals.

The plan's year fills in what the text leaves out ("Cả năm" in a 2022 plan).
Periods that are not dates keep their label and no dates.

>>> def show(text, year=2022):
...     t = parse_period(text, year)
...     return (t.start.isoformat() if t.start else None, t.end.isoformat() if t.end else None, t.label)
>>> show("Trong năm 2022")
('2022-01-01', '2022-12-31', None)
>>> show("Cả năm")
('2022-01-01', '2022-12-31', None)
>>> show("Quý II, III/2022")
('2022-04-01', '2022-09-30', None)
>>> show("Tháng 5/2022")
('2022-05-01', '2022-05-31', None)
>>> show("trước ngày 30/6/2022")
(None, '2022-06-30', None)
>>> show("Thường xuyên")
(None, None, 'thường xuyên')
>>> show("Theo từng sự kiện cụ thể")
(None, None, 'theo sự kiện')
>>> show("Năm 2022 - 2025")
('2022-01-01', '2025-12-31', None)
>>> show("6 tháng đầu năm")
('2022-01-01', '2022-06-30', None)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from graph.model import Timeline
from graph.values.dates import find_dates
from graph.values.text import clean, fold

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"(?:19|20)\d{2}"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_of(text: str, default: int | None) -> int | None:
    m = re.search(_YEAR, text)
    return int(m.group(0)) if m else default


def quarter(year: int, q: int) -> tuple[dt.date, dt.date]:
    """First and last day of quarter ``q``.

    >>> quarter(2022, 3)
    (datetime.date(2022, 7, 1), datetime.date(2022, 9, 30))
    """
    first = 3 * (q - 1) + 1
    return dt.date(year, first, 1), _month_end(year, first + 2)


_LABELS = (
    (r"thuong xuyen|lien tuc|hang ngay|hang tuan", "thường xuyên"),
    (
        r"theo (tung )?su kien|khi co su kien|theo tinh hinh|khi co yeu cau|dot xuat|khi phat sinh",
        "theo sự kiện",
    ),
    (r"hang nam|moi nam", "hằng năm"),
    (r"hang quy|moi quy", "hằng quý"),
    (r"hang thang|moi thang", "hằng tháng"),
)


def parse_period(text: str | None, plan_year: int | None = None) -> Timeline | None:
    """A period phrase as a :class:`Timeline`; None for empty text."""
    if not text or not text.strip():
        return None
    f = fold(text).replace("–", "-")
    year = _year_of(f, plan_year)

    # quarters: "Quý II, III/2022", "quý 3 năm 2022", "Quý I - II"
    qm = re.search(r"quy\s+((?:[ivx]+|[1-4])(?:\s*(?:,|-|va|den)\s*(?:quy\s+)?(?:[ivx]+|[1-4]))*)", f)
    if qm and year:
        qs = [_ROMAN[q] for q in re.findall(r"[ivx]+|[1-4]", qm.group(1)) if q in _ROMAN]
        if qs:
            return Timeline(start=quarter(year, min(qs))[0], end=quarter(year, max(qs))[1])

    # halves: "6 tháng đầu năm", "6 tháng cuối năm 2022"
    hm = re.search(r"6 thang (dau|cuoi) nam", f)
    if hm and year:
        if hm.group(1) == "dau":
            return Timeline(start=dt.date(year, 1, 1), end=dt.date(year, 6, 30))
        return Timeline(start=dt.date(year, 7, 1), end=dt.date(year, 12, 31))

    # before a date: "trước ngày 30/6/2022", "hoàn thành trước 30/6"
    if re.search(r"\b(truoc|cham nhat|han chot|hoan thanh truoc|den het ngay)\b", f):
        dates = find_dates(text, default_year=year)
        if dates:
            return Timeline(start=None, end=dates[-1].date)

    # months: "Tháng 5/2022", "tháng 5 - 6/2022", "tháng 5"
    mm = re.search(r"thang\s+(\d{1,2})(?:\s*(?:-|,|den|va)\s*(?:thang\s+)?(\d{1,2}))?", f)
    if mm and year and not re.search(r"\d+\s*thang\s*(dau|cuoi)", f):
        a = int(mm.group(1))
        b = int(mm.group(2)) if mm.group(2) else a
        if 1 <= a <= b <= 12:
            return Timeline(start=dt.date(year, a, 1), end=_month_end(year, b))

    # explicit dates: "từ 01/3/2022 đến 30/6/2022", "ngày 25/3/2022"
    dates = find_dates(text, default_year=year)
    if len(dates) >= 2:
        return Timeline(start=dates[0].date, end=dates[-1].date)
    if len(dates) == 1:
        d = dates[0].date
        if re.search(r"\b(tu|bat dau)\b", f):
            return Timeline(start=d, end=None)
        return Timeline(start=d, end=d)

    label = next((lab for pattern, lab in _LABELS if re.search(pattern, f)), None)
    # year ranges: "2022 - 2025", "giai đoạn 2021-2025"
    years = [int(y) for y in re.findall(_YEAR, f)]
    if len(years) >= 2 and years[0] <= years[-1]:
        return Timeline(start=dt.date(years[0], 1, 1), end=dt.date(years[-1], 12, 31), label=label)
    if len(years) == 1:
        return Timeline(start=dt.date(years[0], 1, 1), end=dt.date(years[0], 12, 31), label=label)
    if label:
        return Timeline(label=label)
    # "Cả năm", "Trong năm", "Năm" without a year: the plan's year
    if plan_year and re.search(r"\b(ca nam|trong nam|nam|suot nam)\b", f):
        return Timeline(start=dt.date(plan_year, 1, 1), end=dt.date(plan_year, 12, 31))
    return Timeline(label=clean(text)[:120])
