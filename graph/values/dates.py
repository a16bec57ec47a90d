"""Vietnamese dates: "ngày 07/9/2015", "ngày 24 tháng 8 năm 2022", "25-3-2022", "07.9.2015".

>>> parse_date("ngày 07/9/2015")
datetime.date(2015, 9, 7)
>>> parse_date("Lào Cai, ngày 29 tháng 01 năm 2021")
datetime.date(2021, 1, 29)
>>> parse_date("ngày 31/02/2021") is None
True
>>> [m.date.isoformat() for m in find_dates("trước ngày 20/6 và 20/11", default_year=2022)]
['2022-06-20', '2022-11-20']
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# "ngày 24 tháng 8 năm 2022" (OCR may drop diacritics: "ngay 24 thang 8 nam 2022")
_LONG = re.compile(
    r"(?:ng[aà]y\s*)?(?P<d>\d{1,2})\s*th[aá]ng\s*(?P<m>\d{1,2})\s*n[aă]m\s*(?P<y>\d{4})",
    re.IGNORECASE,
)
# "07/9/2015", "07-9-2015", "07.9.2015" (an optional year: "20/6")
_SHORT = re.compile(
    r"(?<![\d/.\-])(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}))?(?![\d/])"
)
# "tháng 5/2022", "tháng 5 năm 2022"
_MONTH = re.compile(r"th[aá]ng\s*(?P<m>\d{1,2})\s*(?:/|n[aă]m)\s*(?P<y>\d{4})", re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    date: dt.date
    start: int
    end: int
    text: str
    year_given: bool = True


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """A valid date or None (OCR gives "31/02")."""
    if not (1800 <= year <= 2200):
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, *, default_year: int | None = None) -> list[DateMatch]:
    """Every date in ``text``, in order. Day/month without a year use ``default_year`` when given."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for m in _LONG.finditer(text):
        d = make_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            found.append(DateMatch(d, m.start(), m.end(), m.group(0)))
            taken.append((m.start(), m.end()))
    for m in _SHORT.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if m["y"] is None:
            if default_year is None or m["sep"] != "/":
                continue
            d = make_date(default_year, int(m["m"]), int(m["d"]))
            given = False
        else:
            d = make_date(int(m["y"]), int(m["m"]), int(m["d"]))
            given = True
        if d:
            found.append(DateMatch(d, m.start(), m.end(), m.group(0), year_given=given))
    return sorted(found, key=lambda x: x.start)


def parse_date(text: str) -> dt.date | None:
    """The first full date (with a year) in ``text``."""
    for m in find_dates(text):
        if m.year_given:
            return m.date
    return None


def parse_month(text: str) -> tuple[int, int] | None:
    """(year, month) of "tháng 5/2022".

    >>> parse_month("vào tháng 5/2022")
    (2022, 5)
    """
    m = _MONTH.search(text)
    if m and 1 <= int(m["m"]) <= 12:
        return int(m["y"]), int(m["m"])
    return None
