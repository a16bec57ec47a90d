"""The plan's own identity: type, number, symbol, date, issuer, title, signer, jurisdiction.

Sources, best first: the header block; a web page's metadata ("Số hiệu: ...");
the appendix caption ("Kèm theo Kế hoạch số 94/KH-UBND ngày 25/3/2022"); a web
page's title line. Where the jurisdiction is not in the header, the text names it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from graph.model import Plan, Signer, SourceSpan
from graph.values.dates import find_dates, parse_date
from graph.values.doctypes import by_code, by_name
from graph.values.names import name_key
from graph.values.symbols import SYMBOL_IN_TEXT, parse_symbol
from graph.values.text import clean, fold, slugify
from loaders.extract.agencies import AgencyBook
from loaders.parse.header import banner_title
from loaders.parse.structure import DocumentTree
from ontology.registry import get_registry


def detect_jurisdiction(tree: DocumentTree) -> str:
    """The province (slug) the plan belongs to; 'vn' when nothing names one."""
    reg = get_registry()
    h = tree.header
    for _, line in h.issuer_lines:
        prov = _province_in(line)
        if prov:
            return prov
    if "issuer" in h.metadata:
        prov = _province_in(h.metadata["issuer"][1])
        if prov:
            return prov
    if h.place:
        p = reg.province_by_name(h.place)
        if p:
            return p.slug
    counts: Counter[str] = Counter()
    keys = reg.province_keys()
    # words only (a hyphen is a space): "tỉnh Bà Rịa - Vũng Tàu" -> "tinh ba ria vung tau"
    text = " ".join(re.findall(r"[a-z0-9]+", fold(" ".join(tree.text.lines))))
    for m in _province_pattern(tuple(sorted(keys, key=len, reverse=True))).finditer(text):
        counts[keys[m.group("name")].slug] += 1
    counts["ha-noi"] += text.count("thu do ha noi") + (1 if "thu do" in text and counts.get("ha-noi") else 0)
    if counts:
        best, n = counts.most_common(1)[0]
        if n > 0:
            return best
    return "vn"


@lru_cache(maxsize=1)
def _province_pattern(names: tuple[str, ...]) -> re.Pattern:
    alts = "|".join(re.escape(n) for n in names)
    return re.compile(rf"\b(?:tinh|thanh pho|tp)\s+(?P<name>{alts})\b")


def _province_in(text: str) -> str | None:
    reg = get_registry()
    key = name_key(text)
    for pk, prov in sorted(reg.province_keys().items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b(tinh|thanh pho|tinh uy)\s+{pk}\b|\b{pk}\s*$", key):
            return prov.slug
    return None


def build_plan(tree: DocumentTree, book: AgencyBook, warnings: list[str]) -> Plan:
    reg = book.registry
    h = tree.header
    lines = tree.text.lines
    number = symbol = full_symbol = None
    type_code = None
    date = None
    number_source = "none"
    span = None
    sym_text = h.symbol_text
    if sym_text and not h.symbol_blank_number:
        number_source = "header"
        span = (h.number_line, h.number_line)
    elif "symbol" in h.metadata:
        sym_text = h.metadata["symbol"][1]
        number_source = "header"
        span = (h.metadata["symbol"][0],) * 2
    elif h.caption:
        sym_text = h.caption[2]
        number_source = "caption"
        span = (h.caption[0], h.caption[0])
        warnings.append(
            f"no header block: number and date taken from the appendix caption (line {h.caption[0]})"
        )
    else:
        bt = banner_title(lines)
        if bt:
            m = SYMBOL_IN_TEXT.search(bt[1])
            if m:
                sym_text = m.group("sym")
                number_source = "header"
                span = (bt[0], bt[0])
                warnings.append(f"number taken from the page title (line {bt[0]})")
    sym = parse_symbol(sym_text) if sym_text and not h.symbol_blank_number else None
    if sym is not None:
        number, symbol, full_symbol, type_code = sym.number, sym.symbol, sym.full_symbol, sym.type_code
    elif h.symbol_blank_number and sym_text:
        symbol = clean(sym_text).strip("/ -")
        warnings.append("the number is blank (an unsigned draft)")

    # date: the place-date line, then metadata, then the caption
    if h.date:
        date = h.date
    elif "date" in h.metadata:
        date = parse_date(h.metadata["date"][1])
    elif h.caption and number_source == "caption":
        date = parse_date(h.caption[3])
    elif number_source == "header" and span and not h.has_block:
        found = [d for d in find_dates(lines[span[0] - 1]) if d.year_given]
        date = found[0].date if found else None

    # document type: the title word, then the caption's type, then the symbol
    doc_type = h.doc_type
    if doc_type is None and "doc_type" in h.metadata:
        t = by_name(h.metadata["doc_type"][1])
        doc_type = t.name if t else None
    if doc_type is None and h.caption and number_source == "caption":
        doc_type = by_name(h.caption[1]).name
    if doc_type is None and type_code and by_code(type_code):
        doc_type = by_code(type_code).name
    dtype = by_name(doc_type) if doc_type else None

    # issuer: the header's issuer lines, then the symbol's code in this jurisdiction
    issuer = issuer_id = None
    if h.issuer_lines:
        joined = clean(" ".join(t for _, t in h.issuer_lines))
        lineno = h.issuer_lines[-1][0]
        iid = _issuer_from_lines(h.issuer_lines, book)
        if iid:
            issuer_id = iid
            issuer = book.agencies[iid].name if iid in book.agencies else joined
    if issuer_id is None and sym is not None and sym.issuer_code:
        body = reg.issuer_for_code(sym.issuer_code, book.jurisdiction)
        if body is not None:
            issuer_id, issuer = body.id, body.name
            lineno = span[0] if span else 1
            book._touch(body.id, "", lineno)
    if issuer_id is None and "issuer" in h.metadata:
        iid, _ = book.name(h.metadata["issuer"][1], h.metadata["issuer"][0])
        if iid:
            issuer_id = iid
            issuer = book.agencies[iid].name if iid in book.agencies else h.metadata["issuer"][1]

    issuer_agency = book.agencies.get(issuer_id) if issuer_id else None
    if issuer_agency is not None and issuer_agency.level == "district":
        dm = re.search(r"\b(huyện|quận|thị xã|thành phố)\s+(.+)$", issuer_agency.name)
        if dm:
            book.home_district = (dm.group(1), dm.group(2))
    year = (sym.year if sym and sym.year else None) or (date.year if date else None)
    issuer_slug = reg.eli_slug(issuer_id)
    type_slug = slugify(dtype.code) if dtype else slugify(type_code or "vb")
    key = number or slugify(h.title or tree.text.name, max_len=40)
    plan_id = f"vn/{issuer_slug}/{type_slug}/{year or '_'}/{key}"
    title_span = h.title_span or (span if span else (1, 1))
    return Plan(
        id=plan_id,
        doc_type=doc_type,
        type_code=dtype.code if dtype else type_code,
        number=number,
        symbol=symbol,
        full_symbol=full_symbol,
        date=date,
        issuer=issuer,
        issuer_id=issuer_id,
        title=h.title,
        signer=_signer(tree),
        year=year,
        jurisdiction=book.jurisdiction,
        place=h.place,
        number_source=number_source,
        source=SourceSpan(line_start=title_span[0], line_end=title_span[1], quote=h.title_as_written or ""),
    )


def _issuer_from_lines(issuer_lines: list[tuple[int, str]], book: AgencyBook) -> str | None:
    """'ỦY BAN NHÂN DÂN' + 'TỈNH LÀO CAI' -> the province's committee; under a parent, the last body issues
    ("UBND TỈNH QUẢNG NINH / SỞ THÔNG TIN VÀ TRUYỀN THÔNG" -> the department)."""
    joined = clean(" ".join(t for _, t in issuer_lines))
    line = issuer_lines[-1][0]
    matches = [m for m in book.matcher.scan(joined) if m.kind == "agency"]
    if matches:
        ids = book._targets(matches[-1], line)
        if ids:
            return ids[0]
    iid, _ = book.name(joined, line)
    return iid if iid and "/group/" not in iid else None


_POSITION_CASE = {
    fold(p): p
    for p in (
        "Chủ tịch",
        "Phó Chủ tịch",
        "Giám đốc",
        "Phó Giám đốc",
        "Bí thư",
        "Phó Bí thư",
        "Trưởng ban",
        "Phó Trưởng ban",
        "Bộ trưởng",
        "Thứ trưởng",
        "Thủ tướng",
        "Phó Thủ tướng",
        "Chánh Văn phòng",
        "Phó Chánh Văn phòng",
        "Tổng Giám đốc",
        "Trưởng phòng",
        "Chánh Thanh tra",
        "Viện trưởng",
        "Tổng Bí thư",
        "Thường trực",
    )
}


def _signer(tree: DocumentTree) -> Signer | None:
    sigs = [s for s in tree.signatures if s.name or s.position]
    if not sigs:
        return None
    s = sigs[0]

    def nice(t: str | None) -> str | None:
        if t and fold(t) in _POSITION_CASE:
            return _POSITION_CASE[fold(t)]
        if not t:
            return None
        t = clean(t.replace("✓", ""))
        if t.isupper():
            low = t.lower()
            low = re.sub(r"^(tm|kt|tl|tuq|q)\.", lambda m: m.group(1).upper() + ".", low)
            parts = low.split(" ", 1)
            if parts[0].endswith("."):
                rest = parts[1] if len(parts) > 1 else ""
                return clean(f"{parts[0]} {rest[:1].upper()}{rest[1:]}")
            return low[:1].upper() + low[1:]
        return t

    return Signer(
        name=s.name,
        name_as_written=s.name,
        position=nice(s.position),
        signing_authority=nice(s.authority),
        on_behalf_of=nice(s.on_behalf_of),
        source=SourceSpan(
            line_start=s.lines[0][0],
            line_end=s.name_line or s.lines[-1][0],
            quote=clean(" ".join(t for _, t in s.lines) + " " + (s.name or "")),
        ),
    )
