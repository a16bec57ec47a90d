"""Timelines of the genre ("Tiến độ thời gian") with the interval they stand for.

The interval is computed here, independently of the extractor: a quarter is its first to its
last day, "trước ngày 30/6/2022" has no start, "Thường xuyên" has no dates at all.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from dataclasses import dataclass

ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Timeline:
    text: str
    start: dt.date | None
    end: dt.date | None

    def truth(self) -> dict:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _quarter(y: int, q: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q)


# (weight, kind)
_KINDS = (
    (30, "year"),
    (8, "ca-nam"),
    (4, "nam"),
    (12, "thuong-xuyen"),
    (10, "quy"),
    (6, "quy2"),
    (2, "quy-va"),
    (10, "thang"),
    (3, "thang-range"),
    (2, "tu-thang"),
    (7, "truoc"),
    (3, "nua-nam"),
    (2, "su-kien"),
    (1, "hang-quy"),
    (2, "giai-doan"),
)
_CUM = []
_total = 0
for _w, _k in _KINDS:
    _total += _w
    _CUM.append(_total)


def draw(rng: random.Random, year: int) -> Timeline:
    """One timeline of a plan of ``year``."""
    kind = _KINDS[_bisect(rng.random() * _total)][1]
    y = year
    if kind == "year":
        return Timeline(f"Trong năm {y}", dt.date(y, 1, 1), dt.date(y, 12, 31))
    if kind == "ca-nam":
        return Timeline("Cả năm", dt.date(y, 1, 1), dt.date(y, 12, 31))
    if kind == "nam":
        return Timeline(f"Năm {y}", dt.date(y, 1, 1), dt.date(y, 12, 31))
    if kind == "thuong-xuyen":
        return Timeline(rng.choice(("Thường xuyên", "Thường xuyên", "Thường xuyên, liên tục")), None, None)
    if kind == "quy":
        q = rng.randint(1, 4)
        return Timeline(f"Quý {ROMAN[q - 1]}/{y}", *_quarter(y, q))
    if kind in ("quy2", "quy-va"):
        q = rng.randint(1, 3)
        sep = ", " if kind == "quy2" else " và "
        return Timeline(f"Quý {ROMAN[q - 1]}{sep}{ROMAN[q]}/{y}", _quarter(y, q)[0], _quarter(y, q + 1)[1])
    if kind == "thang":
        m = rng.randint(1, 12)
        return Timeline(f"Tháng {m}/{y}", dt.date(y, m, 1), _month_end(y, m))
    if kind in ("thang-range", "tu-thang"):
        m1 = rng.randint(1, 9)
        m2 = rng.randint(m1 + 1, min(12, m1 + 5))
        text = f"Tháng {m1} - {m2}/{y}" if kind == "thang-range" else f"Từ tháng {m1} đến tháng {m2}/{y}"
        return Timeline(text, dt.date(y, m1, 1), _month_end(y, m2))
    if kind == "truoc":
        m = rng.randint(2, 12)
        d = rng.choice((10, 15, 20, 25, 30)) if m != 2 else rng.choice((10, 15, 20, 25))
        lead = rng.choice(("Trước ngày", "trước ngày", "Hoàn thành trước ngày"))
        return Timeline(f"{lead} {d}/{m}/{y}", None, dt.date(y, m, d))
    if kind == "nua-nam":
        if rng.random() < 0.5:
            return Timeline("6 tháng đầu năm", dt.date(y, 1, 1), dt.date(y, 6, 30))
        return Timeline(f"6 tháng cuối năm {y}", dt.date(y, 7, 1), dt.date(y, 12, 31))
    if kind == "su-kien":
        return Timeline(rng.choice(("Theo từng sự kiện cụ thể", "Khi có yêu cầu")), None, None)
    if kind == "hang-quy":
        return Timeline("Hằng quý", None, None)
    span = rng.randint(2, 4)
    return Timeline(f"Giai đoạn {y} - {y + span}", dt.date(y, 1, 1), dt.date(y + span, 12, 31))


def _bisect(x: float) -> int:
    for i, c in enumerate(_CUM):
        if x < c:
            return i
    return len(_CUM) - 1
