"""An iCalendar file (RFC 5545) of reporting deadlines and task end dates, for staff calendars.

One all-day event per dated reporting deadline ("Hạn báo cáo: ...") and per task with an end date
("Hạn nhiệm vụ II.3 (94/KH-UBND): ..."), Vietnamese summaries, who reports to whom or who leads
and coordinates in the description, and the evidence (document, lines, quote). UIDs come from the
ids (``task-end/{task id}@plangraph``), ``DTSTAMP`` from the newest plan's date: the same store
gives the same bytes. Written by hand (text escaped, lines folded at 75 octets, CRLF).

>>> fold("SUMMARY:" + "á" * 40).split("\\r\\n")[1].startswith(" ")
True
>>> escape("a; b, c\\\\d\\ne")
'a\\\\; b\\\\, c\\\\\\\\d\\\\ne'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.answers import Evidence

PRODID = "-//plangraph//plangraph 0.1//VI"


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newlines escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
    out, current, size = [], "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > (75 if not out else 74):
            out.append(current)
            current, size = "", 0
        current += ch
        size += n
    out.append(current)
    return "\r\n ".join(out)


def _date(d: dt.date) -> str:
    return d.strftime("%Y%m%d")


def where(ev: Evidence | None) -> str:
    """'Nguồn: 94/KH-UBND, dòng 194: «...»'."""
    if ev is None:
        return ""
    lines = ""
    if ev.line_start is not None:
        lines = (
            f", dòng {ev.line_start}–{ev.line_end}"
            if ev.line_end and ev.line_end != ev.line_start
            else f", dòng {ev.line_start}"
        )
    quote = f": «{ev.quote}»" if ev.quote else ""
    return f"Nguồn: {ev.document_symbol or ev.document}{lines}{quote}"


@dataclass(frozen=True)
class Event:
    """One all-day event."""

    uid: str
    date: dt.date
    summary: str
    description: str
    category: str  # "Báo cáo" | "Nhiệm vụ"


class IcsSink:
    """``write(event)`` each event, then ``finalize()`` gives the calendar's bytes (sorted events)."""

    media_type = "text/calendar; charset=utf-8"
    extension = ".ics"

    def __init__(self, *, stamp: dt.datetime, name: str = "plangraph: hạn báo cáo và hạn nhiệm vụ") -> None:
        self.stamp = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        self.name = name
        self.events: dict[str, Event] = {}

    def write(self, event: Event) -> None:
        self.events.setdefault(event.uid, event)

    def finalize(self) -> bytes:
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:{PRODID}",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            f"X-WR-CALNAME:{escape(self.name)}",
        ]
        for e in sorted(self.events.values(), key=lambda e: (e.date, e.category, e.uid)):
            lines += [
                "BEGIN:VEVENT",
                f"UID:{escape(e.uid)}",
                f"DTSTAMP:{self.stamp}",
                f"DTSTART;VALUE=DATE:{_date(e.date)}",
                f"DTEND;VALUE=DATE:{_date(e.date + dt.timedelta(days=1))}",
                f"SUMMARY:{escape(e.summary)}",
                f"DESCRIPTION:{escape(e.description)}",
                f"CATEGORIES:{escape(e.category)}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        lines.append("END:VCALENDAR")
        return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")
