"""Cited documents: numbered documents in the three grammars, laws by name, treaties, named programmes.

A :class:`CitationFinder` finds every citation in a piece of text and keeps one
entry per distinct document across the whole plan, with where it is cited.

>>> from loaders.extract.agencies import AgencyBook
>>> cf = CitationFinder(AgencyBook("ha-noi"), plan_title="Kế hoạch X", own_symbols=set())
>>> ids = cf.scan("Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ về quản lý "
...               "hoạt động thông tin đối ngoại;", "preamble", 6, 6)
>>> d = cf.documents[ids[0]]
>>> (d.id, d.doc_type, d.full_symbol, d.date.isoformat(), d.issuer, d.title)
('vn/chinh-phu/nd/2015/72', 'Nghị định', '72/2015/NĐ-CP', '2015-09-07', 'Chính phủ', 'quản lý hoạt động thông tin đối ngoại')
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass

from graph.model import LegalDocument, SourceSpan
from graph.values.dates import find_dates
from graph.values.doctypes import by_code, by_name, names_longest_first
from graph.values.names import name_key
from graph.values.symbols import SYMBOL_IN_TEXT, parse_symbol
from graph.values.text import clean, fold, fold_chars, slugify
from loaders.extract.agencies import AgencyBook

_TYPES_F = [fold(n) for n in names_longest_first()]
_TYPE_BEFORE = re.compile(
    r"(?P<type>" + "|".join(re.escape(t) for t in _TYPES_F) + r")\s*(?:so\s*|so hieu\s*)?[:.]?\s*$"
)
_PROGRAM_TYPES = [
    "cuoc van dong",
    "chien luoc",
    "chuong trinh",
    "quy hoach",
    "de an",
    "du an",
    "phong trao",
    "ke hoach",
]
_PROGRAM_RE = re.compile(r"(?<![\w])(?P<type>" + "|".join(_PROGRAM_TYPES) + r")(?![\w])")
_LAW_RE = re.compile(r"(?<![\w])(?P<type>bo luat|luat|hien phap)\s+(?=\S)")
_TREATY_RE = re.compile(
    r"(?<![\w])(?P<type>nghi dinh thu|cong uoc|hiep dinh|hiep uoc|ban ghi nho|tuyen bo chung)"
    r"(?![\w])"
)
_ACRONYMS = re.compile(
    r"(?<![\w-])(CPTPP|EVFTA|UKVFTA|RCEP|EVIPA|AFTA|ATIGA|VKFTA|AANZFTA|ACFTA|AJCEP|VJEPA|"
    r"AIFTA|AHKFTA|VCFTA|VN-EAEU FTA|UNCLOS|DOC|COC)(?![\w-])"
)
_RESOLUTION_RE = re.compile(r"(?<![\w])nghi quyet (?=(dai hoi|hoi nghi)\b)")
_PLURAL_BEFORE = re.compile(r"(cac|nhung|moi|mot so|cung)\s*$")
#: words that cannot open the name of a programme ("Chương trình phối hợp công tác", "Kế hoạch này")
_GENERIC_NAME = re.compile(
    r"^(phoi hop|cong tac|nay|tren|da |duoc|de ra|chung|cu the|hop tac|do |cua |tai |cac |nhung |nhu |"
    r"va |thuc hien|trien khai|nam \d|giai doan|hang nam|sau|tiep|moi|chi tiet|hanh dong cua)"
)
_NAME_STOPS = re.compile(
    r"\s+(?:và|trong|theo|do|nhằm|để|được|tại|trên địa bàn|của|với|khi|đã|đến nay|từ)\s+|\s+(?:như sau|này)\b|"
    r"[;:()\[\]]|\.(?=\s|$)|,(?!\s*"
    r"(?:định hướng|tầm nhìn|giai đoạn|đến năm|\d))",
    re.IGNORECASE,
)
# matched on the folded text (diacritics off), so OCR damage to a tone ("phe duyệt") does not matter
#: How far after a match the citation rules look (a title ends within 400 characters, a name within 300):
#: every rule reads a window, never the rest of the paragraph, so a paragraph of thousands of citations
#: costs linear time.
_WINDOW = 1000
_TITLE_LEAD = re.compile(r"^\s*,?\s*(?:ve viec|ve|v/v|v/v:)\s+")
_TITLE_VERB = re.compile(
    r"^\s*,?\s*(?=(?:ban hanh|phe duyet|quy dinh|huong dan|sua doi|trien khai|bai bo|thay the|bo sung)[\s,])"
)
_DATE_LEAD = re.compile(r"^\s*,?\s*(?:ban hanh\s+)?ngay\s+")
_ISSUER_LEAD = re.compile(r"^\s*,?\s*(?:cua|do)\s+")
#: "Xét đề nghị của Sở X tại Tờ trình số ...": the proposer issued the document that follows
_PROPOSER = re.compile(
    r"(?:de nghi|to trinh|bao cao|van ban|cong van) cua\s+(?P<who>.{3,120}?)\s+(?:tai|theo)\s*$"
)
_POSITIONS = re.compile(
    r"^(Bộ trưởng|Thứ trưởng|Chủ tịch|Phó Chủ tịch|Thủ tướng|Phó Thủ tướng|Tổng Bí thư|"
    r"Bí thư|Giám đốc|Trưởng ban)\s+",
    re.IGNORECASE,
)
_MERGE_MARK = re.compile(
    r"\(?\s*(?:được\s+)?ban hành\s+(?:tại|kèm theo)\s*$|\(?\s*được\s+ban hành\s+tại\s*$|"
    r"\(?\s*tại\s*$",
    re.IGNORECASE,
)


@dataclass
class _Cand:
    start: int
    end: int  # end of the part that names the document (type, symbol, name)
    doc: LegalDocument
    title_span: tuple[int, int] | None = None


class CitationFinder:
    def __init__(
        self,
        book: AgencyBook,
        *,
        plan_title: str | None,
        own_symbols: set[str],
        plan_type: str | None = None,
        plan_year: int | None = None,
    ) -> None:
        self.book = book
        self.registry = book.registry
        self.jurisdiction = book.jurisdiction
        self.plan_title_key = name_key(plan_title or "")
        self.plan_type = plan_type
        self.plan_year = plan_year
        self.own = {re.sub(r"\s+", "", fold(s)) for s in own_symbols if s}
        self.documents: dict[str, LegalDocument] = {}
        self._program_keys = _ProgramKeys()
        self._by_symbol: dict[str, str] = {}  # normalised full symbol -> the first document's key
        self._line = 1
        self._weak_issuer: set[str] = set()  # documents whose issuer only came from a symbol code
        self._weak_objs: set[int] = set()

    # -- public --------------------------------------------------------------------------------
    def scan(
        self,
        text: str,
        location: str,
        line_start: int,
        line_end: int,
        *,
        preamble: bool = False,
        line_at=None,
    ) -> list[str]:
        """Find the citations in ``text`` (a block at ``location``); returns their document ids.

        ``line_at(offset)`` maps a character offset of ``text`` to its source line, for exact spans.
        """
        text = text.replace("\u00a0", " ")
        self._line = line_start
        self._weak_objs.clear()
        f = fold_chars(text)
        cands = self._numbered(text, f)
        cands += self._laws(text, f)
        cands += self._treaties(text, f)
        cands += self._resolutions(text, f)
        cands += self._programs(text, f, cands)
        cands = self._drop_overlaps(cands)
        spans = sorted(c.title_span for c in cands if c.title_span)
        open_ends: list[int] = []  # ends of the title spans that started before the candidate
        k = 0
        ids: list[str] = []
        for c in sorted(cands, key=lambda c: c.start):
            a, b = (line_at(c.start), line_at(max(c.start, c.end - 1))) if line_at else (line_start, line_end)
            while k < len(spans) and spans[k][0] <= c.start:
                heapq.heappush(open_ends, spans[k][1])
                k += 1
            while open_ends and open_ends[0] <= c.start:
                heapq.heappop(open_ends)
            nested = bool(open_ends)  # named inside another citation's title
            doc = self._merge(c.doc, location, preamble and not nested, a, b)
            if doc is not None and doc.id not in ids:
                ids.append(doc.id)
        return ids

    # -- numbered documents ----------------------------------------------------------------------
    def _numbered(self, text: str, f: str) -> list[_Cand]:
        out: list[_Cand] = []
        prev_type: str | None = None
        prev_end = -100
        for m in SYMBOL_IN_TEXT.finditer(text):
            sym = parse_symbol(m.group("sym"))
            if sym is None:
                continue
            before = f[max(0, m.start() - 45) : m.start()]
            tm = _TYPE_BEFORE.search(before)
            start = m.start()
            type_name = None
            if tm:
                type_name = by_name(tm.group("type")).name
                start = m.start() - (len(before) - tm.start())
            elif prev_type and m.start() - prev_end < 12 and re.search(r"(,|va)\s*(so\s*)?$", before):
                type_name = prev_type  # "các Nghị quyết số 35-NQ/TW và 36-NQ/TW"
            elif sym.type_code and by_code(sym.type_code):
                type_name = by_code(sym.type_code).name
            elif not re.search(r"(so|so hieu)\s*[:.]?\s*$", before):
                continue  # a bare "12/2022" is not a citation
            else:
                type_name = "Công văn"
            if re.sub(r"\s+", "", fold(sym.full_symbol)) in self.own:
                prev_type, prev_end = type_name, m.end()
                continue
            doc, end, title_span = self._tail(
                text, m.end(), type_name, sym, prefix=text[max(0, start - 160) : start]
            )
            as_written = clean(text[start:end])
            doc.as_written = as_written
            out.append(_Cand(start, m.end(), doc, title_span))
            prev_type, prev_end = type_name, m.end()
            # "Quy chế ... (được ban hành tại Quyết định số ...)": the named text is the decision's title
            self._absorb_named(text, f, start, doc)
        return out

    def _absorb_named(self, text: str, f: str, start: int, doc: LegalDocument) -> None:
        head = text[max(0, start - 200) : start]
        mm = _MERGE_MARK.search(head)
        if not mm:
            return
        chunk = head[: mm.start()]
        fm = list(
            re.finditer(
                r"(?<![\w])(Quy chế|Quy định|Chương trình|Kế hoạch|Đề án|Chiến lược|Điều lệ)"
                r"(?![\w])",
                chunk,
            )
        )
        if fm:
            named = clean(chunk[fm[-1].start() :]).strip(" (,;")
            if len(named.split()) >= 2 and ";" not in named:
                doc.notes.append(f"issues: {named}")
                if not doc.title:
                    doc.title = named

    def _tail(self, text: str, pos: int, type_name: str, sym, prefix: str = ""):
        """Date, issuer and title after a symbol: "ngày 07/9/2015 của Chính phủ về ..." in any order."""
        date = None
        issuer = issuer_id = None
        title = None
        title_span = None
        end = pos
        for _ in range(4):
            rest = text[end : end + _WINDOW]
            frest = fold_chars(rest)
            m = _DATE_LEAD.match(frest)
            if m and date is None:
                dates = find_dates(rest[m.end() : m.end() + 30])
                if (dates and dates[0].start == 0) or (dates and dates[0].start < 3):
                    date = dates[0].date
                    end += m.end() + dates[0].end
                    continue
            m = _ISSUER_LEAD.match(frest)
            if m and issuer is None:
                got = self._issuer(rest[m.end() :])
                if got:
                    issuer, issuer_id, n = got
                    end += m.end() + n
                    continue
            m = _TITLE_LEAD.match(frest) or _TITLE_VERB.match(frest)
            if m and title is None:
                t_start = end + m.end()
                t_end = t_start + _title_end(text[t_start : t_start + _WINDOW], self.book)
                title = clean(text[t_start:t_end]).rstrip(" ,.") or None
                title_span = (t_start, t_end)
                end = t_end
                break
            break
        dtype = by_name(type_name)
        year = sym.year or (date.year if date else None)
        notes = []
        if (
            sym.year
            and date
            and date.year != sym.year
            and not (date.year == sym.year - 1 and date.month == 12)
        ):
            notes.append(
                f"the date {date.isoformat()} contradicts the year {sym.year} of the number; kept as written"
            )
        if issuer is None and prefix:
            # "Xét đề nghị của Sở X tại Tờ trình số ...": the proposer is the issuer
            pm = _PROPOSER.search(fold_chars(prefix))
            if pm:
                got = self._issuer(prefix[pm.start("who") :])
                if got:
                    issuer, issuer_id, _ = got
        weak = False
        if issuer is None and sym.issuer_code:
            body = self.registry.issuer_for_code(sym.issuer_code, self.jurisdiction)
            if body is not None:
                issuer, issuer_id = body.name, body.id
                weak = True  # read from the symbol's code: a mention that names the issuer wins
        issuer_slug = self._eli_issuer(issuer_id)
        type_slug = (
            slugify(dtype.code) if dtype and dtype.kind != "program" else slugify(sym.type_code or "cv")
        )
        if type_name == "Công văn":
            type_slug = "cv"
        doc_id = f"vn/{issuer_slug}/{type_slug}/{year or '_'}/{slugify(sym.number)}"
        doc = LegalDocument(
            id=doc_id,
            kind="legal_document",
            doc_type=type_name,
            type_code=dtype.code if dtype else sym.type_code,
            number=sym.number,
            year=year,
            symbol=sym.symbol,
            full_symbol=sym.full_symbol,
            date=date,
            issuer=issuer,
            issuer_id=issuer_id,
            title=title,
            notes=notes,
            source=SourceSpan(line_start=1, line_end=1),
        )
        if weak:
            self._weak_objs.add(id(doc))
        return doc, end, title_span

    def _eli_issuer(self, issuer_id: str | None) -> str:
        return self.registry.eli_slug(issuer_id)

    def _issuer(self, rest: str) -> tuple[str, str | None, int] | None:
        """The body named at the start of ``rest`` ("Chính phủ", "Bộ trưởng Bộ Y tế", "UBND Thành phố")."""
        pos_m = _POSITIONS.match(rest)
        offset = pos_m.end() if pos_m else 0
        matches = self.book.matcher.scan(rest[offset : offset + 120])
        if not matches or matches[0].start > 1:
            if (
                pos_m
                and re.match(r"^(Thủ tướng)", pos_m.group(0))
                and rest[offset:].lower().startswith("chính phủ")
            ):
                pass
            return None
        m = matches[0]
        ids = self.book._targets(m, self._line) if m.targets or m.district else []
        if not ids:
            return None
        agency = self.book.agencies.get(ids[0])
        name = agency.name if agency else m.surface
        end = offset + m.end
        km = re.match(r"\s+khóa\s+[IVXL]+", rest[end:], re.IGNORECASE)
        if km:
            end += km.end()
        if pos_m and not fold(name).startswith(fold(pos_m.group(1))):
            name = f"{pos_m.group(1).capitalize()} {name}"
        return name, ids[0], end

    # -- documents cited by name ---------------------------------------------------------------
    def _named(
        self,
        text: str,
        f: str,
        start: int,
        type_end: int,
        type_name: str,
        kind: str,
        *,
        need_cap: bool = True,
    ) -> _Cand | None:
        """A document cited by its type and name: 'Chiến lược văn hóa đối ngoại', 'Đề án “...”'."""
        if need_cap and not text[start].isupper():
            return None
        rest = text[type_end : type_end + _WINDOW]
        issuer = issuer_id = None
        offset = 0
        im = re.match(r"\s+của\s+", rest)
        if im and type_name == "Kế hoạch":
            got = self._issuer(rest[im.end() :])
            if got is None:
                # "Kế hoạch của Thành phố": the plan's own issuing committee
                tm = re.match(r"(Thành phố|Tỉnh|tỉnh|thành phố)\b", rest[im.end() :])
                if tm:
                    body = self.registry.body(f"{self.jurisdiction}/ubnd")
                    got = (body.name, body.id, tm.end()) if body else None
            if got is None:
                return None
            issuer, issuer_id, n = got
            offset = im.end() + n
        qm = re.match(r"\s*[“\"]([^”\"]{3,300})[”\"]", rest[offset:])
        if qm:
            name = clean(qm.group(1))
            name_end = type_end + offset + qm.end()
            title = name
        else:
            seg = rest[offset:]
            lead = len(seg) - len(seg.lstrip())
            seg = seg.lstrip()
            stop = _NAME_STOPS.search(seg)
            name = clean(seg[: stop.start()] if stop else seg[:200])
            name_end = type_end + offset + lead + (stop.start() if stop else min(len(seg), 200))
            if type_name == "Kế hoạch" and issuer is not None:
                # "Kế hoạch của Thành phố triển khai Đề án “...”": keep the quoted name in the title
                qe = re.match(r"([^;:()]*?[“\"][^”\"]{3,300}[”\"])", seg)
                if qe:
                    name = clean(qe.group(1))
                    name_end = type_end + offset + lead + qe.end()
            title = name
        min_words = 2 if (qm or issuer is not None) else 3  # "Chương trình hành động" alone names nothing
        if (
            not title
            or len(title.split()) < min_words
            or (issuer is None and _GENERIC_NAME.match(fold(title) + " "))
        ):
            return None
        if type_name == "Kế hoạch" and issuer is None and not qm:
            return None  # "Kế hoạch tổ chức ..." without an issuer or quoted name: usually the plan itself
        if self._is_self(type_name, title):
            return None
        dtype = by_name(type_name)
        dates = [d for d in find_dates(text[name_end : name_end + 40]) if d.start < 8 and d.year_given]
        date = dates[0].date if dates else None
        ym = re.search(r"\b(?:năm|nam)\s+((?:19|20)\d{2})\s*$", title)
        year = date.year if date else (int(ym.group(1)) if ym and kind == "legal_document" else None)
        as_written = clean(text[start:name_end])
        if kind == "legal_document" and dtype and dtype.kind in ("normative", "treaty"):
            title = clean(f"{type_name} {title}") if type_name not in ("Hiệp định",) or qm is None else title
            title = (
                re.sub(r"\s+(?:năm|nam)\s+(?:19|20)\d{2}$", "", title) if dtype.kind == "normative" else title
            )
        code = slugify(dtype.code) if dtype else "x"
        key_title = slugify(
            re.sub(rf"^{re.escape(type_name)}\s+", "", title, flags=re.IGNORECASE), max_len=60
        )
        doc = LegalDocument(
            id=f"vn/{self._eli_issuer(issuer_id)}/{code}/{year or '_'}/{key_title}",
            kind=kind,
            doc_type=type_name,
            type_code=dtype.code if dtype else None,
            year=year,
            date=date,
            issuer=issuer,
            issuer_id=issuer_id,
            title=title,
            as_written=as_written,
            source=SourceSpan(line_start=1, line_end=1),
        )
        tspan = (type_end + offset, name_end) if type_name == "Kế hoạch" or qm else None
        return _Cand(start, name_end if tspan is None else type_end + offset, doc, tspan)

    def _is_self(self, type_name: str, title: str) -> bool:
        if not self.plan_title_key or type_name != (self.plan_type or type_name):
            return False
        a = set(name_key(title).split())
        b = set(self.plan_title_key.split())
        return bool(b) and len(a & b) / len(b) >= 0.7

    def _programs(self, text: str, f: str, numbered: list[_Cand]) -> list[_Cand]:
        out = []
        by_start = sorted(numbered, key=_start)
        for m in _PROGRAM_RE.finditer(f):
            if _PLURAL_BEFORE.search(f[max(0, m.start() - 12) : m.start()]):
                continue
            after_quote = m.start() > 0 and text[m.start() - 1] in '“"'
            type_name = by_name(m.group("type")).name
            if after_quote:
                close = re.search(r"[”\"]", text[m.start() : m.start() + _WINDOW])
                if not close:
                    continue
                name = clean(text[m.start() : m.start() + close.start()])
                if len(name.split()) < 3:
                    continue
                kind = "legal_document" if type_name == "Kế hoạch" else "named_program"
                if self._is_self(type_name, name):
                    continue
                doc = LegalDocument(
                    id=f"vn/_/{slugify(by_name(type_name).code)}/_/{slugify(name, max_len=60)}",
                    kind=kind,
                    doc_type=type_name,
                    type_code=by_name(type_name).code,
                    title=name,
                    as_written=name,
                    source=SourceSpan(line_start=1, line_end=1),
                )
                out.append(_Cand(m.start(), m.start() + close.start(), doc))
                continue
            if self._absorbed(text, m.start(), by_start):
                continue
            kind = "legal_document" if type_name == "Kế hoạch" else "named_program"
            cand = self._named(text, f, m.start(), m.end(), type_name, kind)
            if cand is not None:
                out.append(cand)
        return out

    def _absorbed(self, text: str, pos: int, numbered: list[_Cand]) -> bool:
        """A named text that a following "(được) ban hành tại Quyết định số ..." turns into that decision's title.

        ``numbered`` is sorted by start: only the candidates starting within 220 characters are read.
        """
        for c in numbered[bisect_right(numbered, pos, key=_start) :]:
            if c.start - pos >= 220:
                break
            if any(n.startswith("issues: ") for n in c.doc.notes):
                between = text[pos : c.start]
                if ";" not in between and _MERGE_MARK.search(between[-40:]):
                    return True
        return False

    def _laws(self, text: str, f: str) -> list[_Cand]:
        out = []
        for m in _LAW_RE.finditer(f):
            if not text[m.start()].isupper() or _PLURAL_BEFORE.search(f[max(0, m.start() - 12) : m.start()]):
                continue
            type_name = by_name(m.group("type")).name
            rest = text[m.end() : m.end() + _WINDOW]
            if type_name == "Hiến pháp" and not re.match(r"(nước|năm)\b", rest):
                continue
            amending = bool(re.match(r"sửa đổi|bổ sung", rest, re.IGNORECASE))
            if not rest[:1].isupper() and type_name != "Hiến pháp" and not amending:
                continue
            # "Luật sửa đổi, bổ sung một số điều của Luật A và Luật B ngày ...": one law, commas and all
            stop = _law_name_end(rest, amending)
            name_end = m.end() + (stop.start() if stop else min(len(rest), 150))
            if stop and re.match(r"\s+năm\s+(?:19|20)\d{2}", stop.group(0)):
                name_end = m.end() + stop.end()
            name = clean(text[m.end() : name_end])
            if not name or len(name.split()) < 1:
                continue
            end = name_end
            date = None
            dm = re.match(r"\s*,?\s*ngày\s+", text[end : end + 40])
            if dm:
                dates = find_dates(text[end + dm.end() : end + dm.end() + 30])
                if dates and dates[0].start < 3:
                    date = dates[0].date
                    end = end + dm.end() + dates[0].end
            ym = re.search(r"năm\s+((?:19|20)\d{2})$", name)
            year = date.year if date else (int(ym.group(1)) if ym else None)
            bare = re.sub(r"\s+năm\s+(?:19|20)\d{2}$", "", name)
            title = clean(f"{type_name} {bare}")
            doc = LegalDocument(
                id=f"vn/quoc-hoi/{slugify(by_name(type_name).code)}/{year or '_'}/{slugify(title, max_len=60)}",
                kind="legal_document",
                doc_type=type_name,
                type_code=by_name(type_name).code,
                year=year,
                date=date,
                title=title,
                as_written=clean(text[m.start() : end]),
                source=SourceSpan(line_start=1, line_end=1),
            )
            out.append(_Cand(m.start(), end, doc))
        return out

    def _treaties(self, text: str, f: str) -> list[_Cand]:
        out = []
        for m in _TREATY_RE.finditer(f):
            if _PLURAL_BEFORE.search(f[max(0, m.start() - 12) : m.start()]):
                continue
            type_name = (
                by_name(m.group("type")).name
                if by_name(m.group("type"))
                else clean(text[m.start() : m.end()])
            )
            rest = text[m.end() : m.end() + _WINDOW]
            stop = re.search(r"\s*\(|[;:]|\.(?=\s|$)|,\s|\s+(?:đã|được|là|trong|và các)\s+", rest)
            name = clean(rest[: stop.start()] if stop else rest[:150])
            fname = fold(name)
            parties = re.search(
                r"viet nam\s*-\s*\w+|lien (hiep|hop) quoc|asean|chau au|\b[A-Z]{3,}\b", fname + " " + name
            )
            if (
                not name
                or len(name.split()) < 2
                or (not name[:1].isupper() and not parties)
                or _GENERIC_NAME.match(fname + " ")
            ):
                continue
            end = m.end() + (stop.start() if stop else len(name))
            abbr = None
            pm = re.match(r"\s*\(([A-Z][A-Z0-9 ]{2,20})\)", text[end : end + 40])
            if pm:
                abbr = pm.group(1).strip()
                end += pm.end()
            date = None
            dm = re.match(r"\s*\((\d{1,2}/\d{1,2}/\d{4})\s*-", text[end : end + 40])
            if dm:
                dates = find_dates(dm.group(1))
                date = dates[0].date if dates else None
            ym = re.search(r"(?:năm\s+)?((?:19|20)\d{2})", name + " " + (abbr or ""))
            year = date.year if date else (int(ym.group(1)) if ym else None)
            title = clean(f"{type_name} {name}")
            title = title[0].upper() + title[1:]
            doc = LegalDocument(
                id=f"vn/_/{slugify(by_name(type_name).code if by_name(type_name) else 'hd')}/{year or '_'}/"
                f"{slugify(abbr or name, max_len=60)}",
                kind="legal_document",
                doc_type=type_name[0].upper() + type_name[1:],
                year=year,
                date=date,
                title=title,
                as_written=clean(text[m.start() : end]),
                source=SourceSpan(line_start=1, line_end=1),
                notes=[f"abbreviation: {abbr}"] if abbr else [],
            )
            out.append(_Cand(m.start(), end, doc))
        for m in _ACRONYMS.finditer(text):
            name = m.group(1)
            year = None
            ym = re.match(r"\s+((?:19|20)\d{2})", text[m.end() : m.end() + 20])
            end = m.end() + (ym.end() if ym else 0)
            if ym:
                year = int(ym.group(1))
            doc = LegalDocument(
                id=f"vn/_/hdi/{year or '_'}/{slugify(name)}",
                kind="legal_document",
                doc_type="Công ước" if name == "UNCLOS" else "Hiệp định",
                year=year,
                title=name,
                as_written=clean(text[m.start() : end]),
                source=SourceSpan(line_start=1, line_end=1),
            )
            out.append(_Cand(m.start(), end, doc))
        return out

    def _resolutions(self, text: str, f: str) -> list[_Cand]:
        """Party resolutions cited by their congress: "Nghị quyết Đại hội lần thứ XIII của Đảng"."""
        out = []
        for m in _RESOLUTION_RE.finditer(f):
            if not text[m.start()].isupper():
                continue
            rest = text[m.end() : m.end() + _WINDOW]
            lm = re.search(
                r"lần thứ\s+([IVXL]+|\d+)(\s+của\s+Đảng(?:\s+Cộng sản Việt Nam)?)?|khóa\s+[IVXL]+", rest
            )
            if not lm or lm.start() > 120 or re.search(r"[;:.]", rest[: lm.start()]):
                continue
            end = m.end() + lm.end()
            body = clean(text[m.end() : end])
            fb = fold(body)
            num = lm.group(1) or ""
            if "dang bo" in fb:
                prov = self.registry.province(self.jurisdiction)
                place = prov.full if prov else ""
                issuer = clean(f"Đại hội đại biểu Đảng bộ {place} lần thứ {num}")
            elif "hoi nghi" in fb:
                issuer = "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"
            else:
                issuer = clean(f"Đại hội đại biểu toàn quốc lần thứ {num} của Đảng Cộng sản Việt Nam")
            title = clean(text[m.start() : end])
            doc = LegalDocument(
                id=f"vn/_/nq/_/{slugify(fold(body), max_len=60)}",
                kind="legal_document",
                doc_type="Nghị quyết",
                type_code="NQ",
                issuer=issuer,
                title=title,
                as_written=title,
                source=SourceSpan(line_start=1, line_end=1),
            )
            out.append(_Cand(m.start(), end, doc))
        return out

    # -- bookkeeping -----------------------------------------------------------------------------
    def finalize(self) -> dict[str, str]:
        """Re-key numbered documents whose year or issuer was learned from a later mention.

        Returns the renames (old id -> new id) so references can follow.
        """
        renames: dict[str, str] = {}
        for old, doc in list(self.documents.items()):
            if not doc.number:
                continue
            parts = old.split("/")
            issuer = self._eli_issuer(doc.issuer_id) if doc.issuer_id else parts[1]
            new = "/".join([parts[0], issuer, parts[2], str(doc.year or "_"), *parts[4:]])
            if new != old and new not in self.documents:
                doc.id = new
                renames[old] = new
        if renames:
            self.documents = {renames.get(k, k): v for k, v in self.documents.items()}
        return renames

    @staticmethod
    def _drop_overlaps(cands: list[_Cand]) -> list[_Cand]:
        cands = sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))
        kept: list[_Cand] = []
        live: list[_Cand] = []  # the kept candidates that may still cover a later start
        for c in cands:
            inside = False
            live = [k for k in live if max(k.end, k.start + 1) > c.start]
            for k in live:
                in_title = k.title_span is not None and k.title_span[0] <= c.start < k.title_span[1]
                if k.start <= c.start < max(k.end, k.start + 1) and not in_title and c is not k:
                    inside = True
                    break
                if k.title_span is None and k.start <= c.start < k.end:
                    inside = True
                    break
            if not inside:
                kept.append(c)
                live.append(c)
        return kept

    def _merge(
        self, doc: LegalDocument, location: str, preamble: bool, line_start: int, line_end: int
    ) -> LegalDocument | None:
        key = doc.id
        if not doc.full_symbol:
            key = self._program_keys.find_or_add(
                doc.doc_type or "", name_key(doc.title or doc.as_written), key
            )
        else:
            key = self._by_symbol.setdefault(re.sub(r"\s+", "", fold(doc.full_symbol)), key)
        existing = self.documents.get(key)
        weak = id(doc) in self._weak_objs
        self._weak_objs.discard(id(doc))
        if existing is None:
            doc.source = SourceSpan(line_start=line_start, line_end=line_end, quote=doc.as_written)
            doc.in_preamble = preamble
            doc.cited_in = [location]
            self.documents[key] = doc
            if weak:
                self._weak_issuer.add(key)
            return doc
        if key in self._weak_issuer and not weak and doc.issuer_id:
            # a mention that names the issuer ("của Bộ Chính trị") beats the symbol's code ("TW")
            existing.issuer, existing.issuer_id = doc.issuer, doc.issuer_id
            self._weak_issuer.discard(key)
        if location not in existing.cited_in:
            existing.cited_in.append(location)
        existing.in_preamble = existing.in_preamble or preamble
        for field_ in ("date", "issuer", "issuer_id", "title", "year"):
            if getattr(existing, field_) is None and getattr(doc, field_) is not None:
                setattr(existing, field_, getattr(doc, field_))
        return existing


def _start(c: _Cand) -> int:
    return c.start


class _ProgramKeys:
    """Documents cited without a number, keyed by (type, name key): a name that starts another
    (both longer than 8 characters) is the same document, and the first one known wins.

    >>> keys = _ProgramKeys()
    >>> keys.find_or_add("Đề án", "de an chuyen doi so", "a"), keys.find_or_add("Đề án", "de an chuyen doi so 2022", "b")
    ('a', 'a')
    >>> keys.find_or_add("Đề án", "de an chuyen", "c"), keys.find_or_add("Đề án", "de an", "d")
    ('a', 'd')
    """

    def __init__(self) -> None:
        self._first: dict[tuple[str, str], tuple[int, str]] = {}  # (type, name key) -> (order, doc key)
        self._sorted: dict[str, list[str]] = {}  # per type, the name keys in sort order
        self._lengths: dict[str, set[int]] = {}  # per type, the lengths of the name keys

    def find_or_add(self, doc_type: str, name: str, key: str) -> str:
        best: tuple[int, str] | None = None
        if len(name) > 8:
            names = self._sorted.get(doc_type, [])
            # known names that start with this one: a run of the sorted list
            for known in names[bisect_left(names, name) :]:
                if not known.startswith(name):
                    break
                best = min(best or self._first[doc_type, known], self._first[doc_type, known])
            # known names this one starts with: its prefixes of a known length
            for n in self._lengths.get(doc_type, ()):
                if 8 < n < len(name) and (hit := self._first.get((doc_type, name[:n]))) is not None:
                    best = min(best or hit, hit)
        if best is not None:
            return best[1]
        if (doc_type, name) not in self._first:
            self._first[doc_type, name] = (len(self._first), key)
            insort(self._sorted.setdefault(doc_type, []), name)
            self._lengths.setdefault(doc_type, set()).add(len(name))
        return key


_LAW_STOP = re.compile(
    r"\s+(?:ngày|số)\s+\d|\s+năm\s+(?:19|20)\d{2}|[;:()]|\.(?=\s|$)|(?P<comma>,)"
    r"|\s+(?:và|đã|được|của|tại|trong|ở|trên địa bàn|cho|đối với|nhằm|để|theo|với|khi|là|có|sẽ|giai đoạn)\s+",
    re.IGNORECASE,
)
_AFTER_COMMA_STOP = {
    "cac",
    "nhung",
    "va",
    "cung",
    "dong",
    "trong",
    "theo",
    "nham",
    "de",
    "duoc",
    "da",
    "tang",
    "day",
    "trien",
    "thuc",
    "to",
    "xay",
    "tuyen",
    "nang",
    "bao",
    "dam",
    "ngay",
    "so",
    "nam",
    "tai",
    "tren",
    "cho",
    "huong",
    "quy",
    "ke",
    "chuong",
    "nghi",
    "thong",
    "chi",
    "quyet",
}


def _law_name_end(rest: str, amending: bool) -> re.Match | None:
    """Where a law's name ends. Commas end it, except inside short names that go on in lower case:
    "Luật Phòng, chống bệnh truyền nhiễm", "Luật Phổ biến, giáo dục pháp luật"."""
    for m in _LAW_STOP.finditer(rest):
        if m.group("comma") is not None:
            if amending:
                continue
            words = rest[: m.start()].split()
            nxt = rest[m.end() :].split()[:1]
            if len(words) <= 3 and nxt and nxt[0][:1].islower() and fold(nxt[0]) not in _AFTER_COMMA_STOP:
                continue
            return m
        if amending and not re.match(r"\s+(?:ngày|số)\s+\d|\s+năm\s|[;:()]|\.", m.group(0)):
            continue
        return m
    return None


def _title_end(s: str, book: AgencyBook) -> int:
    """Where the title of a cited document ends in ``s``."""
    depth = 0
    i = 0
    n = min(len(s), 400)
    while i < n:
        ch = s[i]
        if ch in "“":
            depth += 1
        elif ch in "”":
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = 0 if depth else 1
        elif depth == 0:
            if ch in ";:(\n":
                return i
            if ch == "." and (i + 1 >= len(s) or s[i + 1] in " \n"):
                return i
            if ch == ",":
                nxt = s[i + 1 : i + 60].lstrip()
                fn = fold(nxt)
                if re.match(r"(cu the|trong do|theo do|nham|dong thoi|de |tao |gop phan)", fn):
                    return i
                if any(
                    fn.startswith(t + " so") or (fn.startswith(t + " ") and nxt[:1].isupper())
                    for t in _TYPES_F
                ):
                    return i
                if nxt[:1].isupper():
                    ms = book.matcher.scan(nxt[:80])
                    if ms and ms[0].start == 0:
                        return i
            if ch == " " and s[i : i + 4].lower() == " và ":
                nxt = fold(s[i + 4 : i + 40])
                if any(nxt.startswith(t) for t in _TYPES_F) and s[i + 4 : i + 5].isupper():
                    return i
        i += 1
    return n
