"""The header block of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP layout).

    ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TỈNH LÀO CAI                   Độc lập - Tự do - Hạnh phúc
    Số: 34/KH-UBND             Lào Cai, ngày 29 tháng 01 năm 2021
                         KẾ HOẠCH
                  Triển khai ... năm 2021

Converters print it as lines, as a Markdown table, or not at all (then the
number and date come from an appendix caption "Kèm theo Kế hoạch số 94/KH-UBND
ngày 25/3/2022", or from a web page's metadata: "Số hiệu: ...").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from graph.values.dates import find_dates, make_date
from graph.values.doctypes import by_name, names_longest_first
from graph.values.symbols import SYMBOL_IN_TEXT
from graph.values.text import clean, fold
from loaders.parse.lines import classify, clean_line, is_upper_line
from loaders.parse.tables import is_rule, split_row

_MOTTO = (
    "cong hoa xa hoi chu nghia viet nam",
    "doc lap - tu do - hanh phuc",
    "doc lap tu do hanh phuc",
    "dang cong san viet nam",
)
_PREAMBLE = re.compile(r"^(can cu|thuc hien|xet de nghi|theo de nghi|tren co so|de trien khai|nham)\b")
_TYPE_WORDS = [fold(n) for n in names_longest_first()]
_NUMBER = re.compile(r"^(?:so|s[o6]|so hieu)\s*[:.;]?\s*(?P<rest>.*)$")
_PLACE_DATE = re.compile(r"^(?P<place>[^,\d]{2,40}?)\s*,\s*ngay\b")
_CAPTION = re.compile(
    r"\(?\s*(?:ban hanh\s+)?kem theo\s+(?P<type>" + "|".join(re.escape(t) for t in _TYPE_WORDS) + r")"
    r"\s*(?:so)?[\s.…:]*(?P<rest>.*)$"
)


@dataclass
class Header:
    issuer_lines: list[tuple[int, str]] = field(default_factory=list)
    symbol_text: str | None = None  # "34/KH-UBND" as written after "Số:"
    symbol_blank_number: bool = False  # "Số:   /KH-UBND" (a draft)
    number_line: int | None = None
    place: str | None = None
    date: dt.date | None = None
    date_as_written: str | None = None
    date_line: int | None = None
    doc_type: str | None = None  # canonical type name from the title word
    title: str | None = None
    title_as_written: str | None = None
    title_span: tuple[int, int] | None = None
    authority_line: str | None = None  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI" in decisions
    has_block: bool = False  # a real header block (motto, number or place-date) was found
    end_line: int = 0  # last line of the header zone
    caption: tuple[int, str, str, str] | None = None  # (line, type words, symbol text, text)
    metadata: dict[str, tuple[int, str]] = field(default_factory=dict)
    banner_title: tuple[int, str] | None = None


def _zone_lines(lines: list[str], limit: int) -> list[tuple[int, str]]:
    """The first lines, with Markdown table cells and <br> breaks turned into lines of their own."""
    out: list[tuple[int, str]] = []
    for i, raw in enumerate(lines[:limit], start=1):
        if is_rule(raw):
            continue
        cells = split_row(raw)
        parts = cells if cells is not None else [raw]
        for part in parts:
            for piece in re.split(r"<br\s*/?>|\\n|\s-{3,}\s?|^-{3,}|-{3,}$", part, flags=re.IGNORECASE):
                text = clean_line(piece or "")
                if text and not re.fullmatch(r"[-_=*.\s]+", text):
                    out.append((i, text))
    return out


def parse_header(lines: list[str], *, zone_limit: int = 80) -> Header:
    h = Header()
    zone = _zone_lines(lines, zone_limit)
    end = 0
    title_found = False
    i = 0
    while i < len(zone):
        lineno, text = zone[i]
        f = fold(text)
        if _PREAMBLE.match(f) or (classify(text)[0] in ("roman", "article") and title_found):
            break
        if _metadata(h, lineno, text, f):
            i += 1
            continue
        if any(f.startswith(m) for m in _MOTTO):
            h.has_block = True
            end = lineno
            i += 1
            continue
        m = _NUMBER.match(f)
        if m and h.symbol_text is None and ("/" in text or "-" in text):
            rest = text[len(text) - len(m.group("rest")) :]
            sym = SYMBOL_IN_TEXT.search(rest)
            if sym:
                h.symbol_text = sym.group("sym")
            elif re.match(r"^\s*[/-]\s*\S", rest):  # "Số:    /KH-UBND": unnumbered draft
                h.symbol_text = rest.strip()
                h.symbol_blank_number = True
            h.number_line = lineno
            h.has_block = True
            end = lineno
            # a place-date written in the same cell: "Số: 34/KH-UBND Lào Cai, ngày ..."
            tail = rest[sym.end() :] if sym else ""
            if tail and "ngay" in fold(tail):
                _place_date(h, lineno, clean(tail))
            i += 1
            continue
        if h.date is None and _place_date(h, lineno, text):
            h.has_block = True
            end = lineno
            i += 1
            continue
        tword = _type_word(text)
        if tword and not title_found and (is_upper_line(tword[0]) or len(text) < 40):
            h.doc_type = by_name(tword[0]).name
            title_lines = [tword[1]] if tword[1] else []
            first = last = lineno
            j = i + 1
            while j < len(zone) and len(title_lines) < 5:
                ln, t = zone[j]
                if (
                    ln > last + 1
                    or (
                        title_lines and _PREAMBLE.match(fold(t))
                    )  # "KẾ HOẠCH / Thực hiện Chỉ thị ..." is a title
                    or classify(t)[0] in ("roman", "article", "arabic")
                ):
                    break
                if is_upper_line(t) and any(
                    fold(t).startswith(w)
                    for w in (
                        "chu tich",
                        "bo truong",
                        "thu tuong",
                        "giam doc",
                        "ban thuong vu",
                        "uy ban",
                        "hoi dong",
                    )
                ):
                    h.authority_line = t  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH": who decides, not the title
                    last = ln
                    j += 1
                    break
                if is_upper_line(t) and title_lines and len(t) > 12 and not title_lines[-1].isupper():
                    break
                title_lines.append(t)
                last = ln
                j += 1
            if (
                h.authority_line is None
                and j < len(zone)
                and is_upper_line(zone[j][1])
                and any(
                    fold(zone[j][1]).startswith(w) for w in ("chu tich", "bo truong", "thu tuong", "giam doc")
                )
            ):
                h.authority_line = zone[j][1]
                last = zone[j][0]
                j += 1
            h.title = clean(" ".join(title_lines)) or None
            h.title_as_written = clean(f"{text} {' '.join(title_lines[1:] if tword[1] else title_lines)}")
            h.title_span = (first, last)
            title_found = True
            end = max(end, last)
            i = j
            continue
        if not title_found and is_upper_line(text) and len(text) < 80 and h.symbol_text is None:
            h.issuer_lines.append((lineno, text))
        i += 1
    h.end_line = end
    _find_caption(h, lines)
    return h


def _type_word(text: str) -> tuple[str, str] | None:
    """('Kế hoạch', 'Tổ chức ...') when a line opens with a document type word."""
    f = fold(text)
    for word in _TYPE_WORDS:
        if f == word or (f.startswith(word + " ") and text[: len(word)].isupper()):
            rest = clean(text[len(word) :]) if f != word else ""
            return word, rest
    return None


def _place_date(h: Header, lineno: int, text: str) -> bool:
    f = fold(text)
    m = _PLACE_DATE.match(f)
    if not m:
        return False
    dates = find_dates(text)
    full = [d for d in dates if d.year_given]
    place = clean(text[: m.end("place")]).strip(" ,")
    h.place = place
    h.date_line = lineno
    h.date_as_written = clean(text[m.start() :])
    if full:
        h.date = full[0].date
    else:  # "ngày    tháng 3 năm 2022": an unsigned draft; keep the month
        mm = re.search(r"thang\s*(\d{1,2})\s*nam\s*(\d{4})", f)
        if mm:
            h.date = None
    return True


_META_KEYS = {
    "so hieu": "symbol",
    "so ky hieu": "symbol",
    "loai van ban": "doc_type",
    "noi ban hanh": "issuer",
    "co quan ban hanh": "issuer",
    "ngay ban hanh": "date",
    "nguoi ky": "signer",
}


def _metadata(h: Header, lineno: int, text: str, f: str) -> bool:
    m = re.match(
        r"^(so hieu|so ky hieu|loai van ban|noi ban hanh|co quan ban hanh|ngay ban hanh|nguoi ky)\s*:\s*(.+)$",
        f,
    )
    if not m:
        return False
    key = _META_KEYS[m.group(1)]
    h.metadata.setdefault(key, (lineno, clean(text[text.index(":") + 1 :])))
    return True


def _find_caption(h: Header, lines: list[str]) -> None:
    """The appendix caption "(Kèm theo Kế hoạch số 94/KH-UBND ngày 25/3/2022 ...)"."""
    for i, raw in enumerate(lines, start=1):
        if "theo" not in raw.lower():  # cheap filter: most lines cannot be the caption
            continue
        text = clean_line(raw)
        f = fold(text)
        if "kem theo" not in f:
            continue
        m = _CAPTION.search(f)
        if not m:
            continue
        rest = text[m.start("rest") :]
        rest_clean = re.sub(r"[.…]{2,}", " ", rest)
        sym = SYMBOL_IN_TEXT.search(rest_clean)
        if not sym:
            continue
        h.caption = (i, m.group("type"), sym.group("sym"), text.strip("() "))
        return


def banner_title(lines: list[str]) -> tuple[int, str] | None:
    """A web page's title line: "Kế hoạch 94/KH-UBND năm 2022 về ... do Thành phố Hà Nội ban hành"."""
    for i, raw in enumerate(lines[:40], start=1):
        text = clean_line(raw)
        f = fold(text)
        if _type_word(text) is None and any(f.startswith(w + " ") for w in _TYPE_WORDS):
            if SYMBOL_IN_TEXT.search(text) and re.search(r"\bnam (19|20)\d{2}\b", f):
                return i, text
    return None


def year_of(date: dt.date | None, fallback: int | None = None) -> int | None:
    return date.year if date else fallback


__all__ = ["Header", "banner_title", "make_date", "parse_header"]
