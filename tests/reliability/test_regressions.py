"""Bugs that bad input found, one test each; the name says what it guards.

The blow-ups run in a child process limited in CPU time. Measured before the fixes with
``tests/reliability/shapes.py`` on this machine (see ``why``): the long word, the long paragraph and
the citation shapes grew quadratically or worse (minutes at these sizes); now each takes 0.1-3 s.
"""

from __future__ import annotations

import faulthandler
import io
import os
import zipfile

import pytest

from graph.errors import ParseError
from loaders.extract import extract_bytes
from loaders.extract.events import find_events
from loaders.parse.structure import MAX_TABLE_ROWS, parse_document
from loaders.read import MAX_BYTES, read_bytes, read_file
from loaders.read.base import Text
from tests.reliability.bounded import extract_in_child
from tests.reliability.samples import make_docx, make_pdf
from tests.reliability.shapes import HEADER, PREAMBLE, SHAPES, TABLE_HEAD

#: (shape, size, what blew up before the fix)
BLOW_UPS = [
    ("long_word", 1_000, "events.py: the month-event regex split capital words every way (n=100: 8 s)"),
    ("long_paragraph", 6_000, "structure.py: Block.join re-cleaned the paragraph per line (n=2000: 9 s)"),
    ("many_citations", 2_000, "citations.py: tails read the rest of the paragraph; symbol lookups (> 30 s)"),
    ("cited_titles", 2_000, "citations.py: nested titles, overlaps, unnumbered programmes (> 30 s)"),
    ("long_line_of_names", 10_000, "matcher.py: the words after a province-scoped name (n=2000: 3.8 s)"),
    ("group_rows", 10_000, "tasks.py: repeated task numbers must get unique ids in linear time"),
    ("many_responsibilities", 5_000, "duties.py: numbering recounted every responsibility (n=20000: 11.6 s)"),
]


@pytest.fixture(autouse=True)
def _watchdog():
    """A hang fails loudly (the process dumps its stacks and exits) instead of stalling CI."""
    faulthandler.dump_traceback_later(120, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.mark.parametrize(("shape", "size", "why"), BLOW_UPS, ids=[b[0] for b in BLOW_UPS])
def test_no_quadratic_blow_up(tmp_path, shape, size, why):
    path = tmp_path / f"{shape}.md"
    path.write_text(SHAPES[shape](size), encoding="utf-8")
    run = extract_in_child(path)
    assert run.outcome == "extracted", f"{why}: {run.outcome} {run.stderr}"
    assert run.cpu_s < 30, f"{why}: {run.cpu_s:.1f} s CPU"


def test_event_in_month_of_year_zero_is_not_an_error():
    assert find_events("tổ chức Festival Huế vào tháng 5/0000", "II.1", 3, 2022) == []  # ValueError before
    assert [e.label for e in find_events("tổ chức Festival Huế vào tháng 5/2022", "II.1", 3, 2022)] == [
        "Festival Huế"
    ]


def _plan(body: str) -> bytes:
    return (HEADER + PREAMBLE + body).encode("utf-8")


def test_a_task_number_printed_three_times_keeps_three_tasks_with_unique_ids():
    rows = "".join(f"| 1 | Nhiệm vụ lần {k} | Năm 2022 | Sở Tài chính | |\n" for k in range(3))
    ex = extract_bytes(_plan("II. NỘI DUNG\n\n" + TABLE_HEAD + rows), name="x.md")
    ids = [t.id for t in ex.tasks]
    assert len(ids) == 3 and len(set(ids)) == 3
    assert [t.content for t in ex.tasks] == [f"Nhiệm vụ lần {k}" for k in range(3)]


def test_a_responsibility_numbered_twice_keeps_unique_ids():
    body = "II. NỘI DUNG\n\n- Thực hiện.\n\nIII. TỔ CHỨC THỰC HIỆN\n\n" + (
        "1. Sở Tài chính\n\n- Bố trí kinh phí.\n\n- Hướng dẫn thanh toán.\n\n" * 2
    )
    ex = extract_bytes(_plan(body), name="x.md")
    ids = [r.id for r in ex.responsibilities]
    assert len(ids) == 4 and len(set(ids)) == 4


def test_more_table_rows_than_the_limit_are_refused_naming_it():
    lines = ["KẾ HOẠCH", "| TT | Nội dung | Cơ quan chủ trì |", "|---|---|---|"]
    lines += ["| 1 | Việc | Sở Tài chính |"] * MAX_TABLE_ROWS
    with pytest.raises(ParseError, match=f"{MAX_TABLE_ROWS:,}"):
        parse_document(Text("big.md", lines, "markdown"))


def _zip_member_offsets(data: bytes) -> int:
    """Where word/document.xml's compressed bytes start (after its local header)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo("word/document.xml")
    name_len = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_len = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    return info.header_offset + 30 + name_len + extra_len


@pytest.mark.parametrize("damage", ["deflate-stream", "truncated", "version", "not-zip"])
def test_a_damaged_docx_is_a_parse_error(damage):
    data = bytearray(make_docx(["KẾ HOẠCH", "Số: 1/KH-UBND"] * 20))
    if damage == "deflate-stream":  # zlib.error before the fix
        start = _zip_member_offsets(bytes(data))
        data[start : start + 8] = b"\xff" * 8
    elif damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "version":  # NotImplementedError before the fix
        central = bytes(data).rindex(b"PK\x01\x02")  # the last member: word/document.xml
        data[central + 6] = 0xFF  # "version needed to extract": 25.5
    else:
        data = bytearray(b"PK\x03\x04" + os.urandom(200))
    with pytest.raises(ParseError) as info:
        read_bytes(bytes(data), name="x.docx")
    assert "\n" not in str(info.value)


def test_a_damaged_pdf_is_a_parse_error():
    data = make_pdf(["KE HOACH", "So: 1/KH-UBND"])
    bad = data.replace(b"/Resources", b"/Resourcez").replace(b"/Type /Pages", b"/Type /Pagez")
    with pytest.raises(ParseError):
        read_bytes(bad, name="x.pdf")
    with pytest.raises(ParseError):
        read_bytes(data[: len(data) // 3], name="x.pdf")


def test_a_fifo_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "plan.md"
    os.mkfifo(fifo)
    with pytest.raises(ParseError, match="not a regular file"):
        read_file(fifo)  # before the fix: open() waited for a writer forever


def test_a_device_is_refused_without_reading_it():
    with pytest.raises(ParseError, match="not a regular file"):
        read_file("/dev/zero")  # before the fix: read until memory ran out


def test_file_size_is_checked_before_reading(tmp_path):
    big = tmp_path / "big.md"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: no disk space, and read in full it would cost 50 MB
    with pytest.raises(ParseError, match="larger than the limit"):
        read_file(big)
