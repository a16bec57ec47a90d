"""Responsibilities ("Tổ chức thực hiện") and reporting duties (who reports what to whom, when)."""

from __future__ import annotations

import re
import string

from graph.model import Deadline, ReportingDuty, Responsibility, SourceSpan
from graph.values.dates import find_dates
from graph.values.text import clean, fold
from loaders.extract.agencies import AgencyBook
from loaders.extract.citations import CitationFinder
from loaders.extract.ids import UniqueIds
from loaders.parse.structure import Block, DocumentTree

_IMPL_SECTION = (
    "to chuc thuc hien",
    "trach nhiem thuc hien",
    "phan cong nhiem vu",
    "phan cong thuc hien",
    "giao nhiem vu",
    "trach nhiem cua cac",
)
#: leading verbs of a duty (folded), longest first
_VERBS = sorted(
    [
        "chu tri",
        "phoi hop",
        "tham muu",
        "to chuc thuc hien",
        "to chuc",
        "thuc hien",
        "huong dan",
        "xay dung",
        "chi dao",
        "nang cao",
        "tang cuong",
        "theo doi",
        "kiem tra",
        "bao cao",
        "bo tri",
        "trien khai",
        "cung cap",
        "tuyen truyen",
        "day manh",
        "dam bao",
        "bao dam",
        "tong hop",
        "de xuat",
        "phan cong",
        "quan ly",
        "ban hanh",
        "ra soat",
        "nghien cuu",
        "huy dong",
        "van dong",
        "phat huy",
        "chu dong",
        "giam sat",
        "don doc",
        "danh gia",
        "phoi hop chat che",
        "tiep tuc",
        "khan truong",
        "can cu",
        "dinh ky",
        "lam tot",
        "quan tam",
    ],
    key=len,
    reverse=True,
)


def implementation_sections(tree: DocumentTree) -> list[Block]:
    return [
        b
        for b in tree.sections
        if b.kind in ("roman", "article", "arabic") and any(k in fold(b.text) for k in _IMPL_SECTION)
    ]


def _verbs(text: str) -> list[str]:
    """The coordinated leading verbs: "Chủ trì, hướng dẫn ..." -> ['chủ trì', 'hướng dẫn']."""
    body = text.split(":", 1)[1] if ":" in text[:90] and not text[:1].islower() else text
    body = body.strip()
    out: list[str] = []
    pos = 0
    f = fold(body)
    while pos < len(f) and len(out) < 4:
        for v in _VERBS:
            if f.startswith(v, pos) and (pos + len(v) == len(f) or f[pos + len(v)] in " ,;"):
                out.append(body[pos : pos + len(v)].lower())
                pos += len(v)
                while pos < len(f) and f[pos] in " ,":
                    pos += 1
                break
        else:
            break
    if not out:
        for v in _VERBS:
            m = re.search(rf"\b{v}\b", f)
            if m:
                return [body[m.start() : m.end()].lower()]
    return out


def responsibilities(tree: DocumentTree, book: AgencyBook, cites: CitationFinder) -> list[Responsibility]:
    out: list[Responsibility] = []
    seen = UniqueIds()  # a number printed twice must not give two responsibilities one id
    for section in implementation_sections(tree):
        first = len(out)  # an unnumbered item's id counts the responsibilities of its section
        for item in section.children:
            if item.kind in ("arabic", "letter", "dotted"):
                head, _, inline = item.text.partition(":")
                agency, requested = book.name(head, item.line_start)
                if agency is None:
                    continue
                bullets = [c for c in item.children if c.kind in ("dash", "plus", "letter", "para", "dotted")]
                if inline.strip() and not bullets:
                    bullets = [Block("para", "", clean(inline), item.line_start, item.line_end, item.path)]
                for k, b in enumerate(bullets):
                    rid = seen.unique(f"{item.path}.{_letter(k)}")
                    out.append(_duty(rid, agency, requested, b, book, cites))
            elif item.kind in ("dash", "plus"):
                head, sep, rest = item.text.partition(":")
                if not sep or len(head) > 120:
                    continue
                agency, requested = book.name(head, item.line_start)
                if agency is not None:
                    block = Block(
                        item.kind,
                        item.label,
                        clean(rest),
                        item.line_start,
                        item.line_end,
                        item.path,
                        offsets=item.offsets,
                    )
                    rid = seen.unique(f"{section.path}.{len(out) - first + 1}")
                    out.append(_duty(rid, agency, requested, block, book, cites))
    return out


def _letter(k: int) -> str:
    return string.ascii_lowercase[k] if k < 26 else str(k + 1)


def _duty(
    rid: str, agency: str, requested: bool, b: Block, book: AgencyBook, cites: CitationFinder
) -> Responsibility:
    verbs = _verbs(b.text)
    mentioned, _ = book.mentions(b.text, b.line_start)
    doc_ids = cites.scan(b.text, rid.rsplit(".", 1)[0], b.line_start, b.line_end, line_at=b.line_at)
    return Responsibility(
        id=rid,
        agency=agency,
        text=b.text,
        verb=verbs[0] if verbs else None,
        verbs=verbs,
        requested=requested,
        cites=doc_ids,
        mentions=mentioned,
        source=SourceSpan(line_start=b.line_start, line_end=b.line_end, quote=b.text),
    )


# -- reporting ------------------------------------------------------------------------------------
_FREQ = [
    (r"dinh ky\s*6\s*thang|6 thang mot lan|hang nam va 6 thang|6 thang", "định kỳ 6 tháng", "semiannual"),
    (r"hang quy|dinh ky hang quy|theo quy", "hằng quý", "quarterly"),
    (r"hang thang|dinh ky hang thang", "hằng tháng", "monthly"),
    (r"hang tuan", "hằng tuần", "weekly"),
    (r"tong ket nam|hang nam|dinh ky hang nam|cuoi nam", "hằng năm", "annual"),
    (r"dot xuat|khi co yeu cau|khi phat sinh", "đột xuất", "ad_hoc"),
]
_REPORT = re.compile(r"\bbao cao\b")


def reporting_duties(
    tree: DocumentTree, book: AgencyBook, resp: list[Responsibility], tasks, plan_year: int | None
) -> list[ReportingDuty]:
    """Sentences that order a report: reporter, addressee, where to send it, how often, deadlines."""
    items: list[
        tuple[str, str | None, str, int, int]
    ] = []  # (location, reporter, text, line_start, line_end)
    for r in resp:
        items.append((r.id, r.agency, r.text, r.source.line_start, r.source.line_end))
    for b in tree.closing:
        items.append(("closing", None, b.text, b.line_start, b.line_end))
    for sec in implementation_sections(tree):
        for b in sec.walk():
            if b.kind == "para" and b is not sec:
                items.append((sec.path, None, b.text, b.line_start, b.line_end))
    for t in tasks:
        items.append(
            (
                f"appendix {t.id}" if t.origin == "table" else t.id,
                t.lead[0] if t.lead else None,
                t.content,
                t.source.line_start,
                t.source.line_end,
            )
        )
    out: list[ReportingDuty] = []
    for location, reporter, text, a, b in items:
        for sentence in _sentences(text):
            f = fold(sentence)
            m = _REPORT.search(f)
            if not m or re.search(
                r"\b(ban tin|bao cao vien|hoi nghi bao cao)\b", f[max(0, m.start() - 12) : m.end() + 4]
            ):
                continue
            out.extend(_duties(location, reporter, sentence, m.start(), a, b, book, plan_year, len(out)))
    return out


def _sentences(text: str) -> list[str]:
    """Sentences: split after '.' or ';' where the next word starts with a capital letter."""
    out, start = [], 0
    for m in re.finditer(r"[.;]\s+(?=\S)", text):
        if text[m.end()].isupper():
            out.append(text[start : m.end()].strip())
            start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def _duties(location, reporter, sentence, at, a, b, book: AgencyBook, plan_year, n) -> list[ReportingDuty]:
    f = fold(sentence)
    matches = book.matcher.scan(sentence)
    before = [m for m in matches if m.end <= at]
    after = [m for m in matches if m.start >= at]
    reporter_as_written = None
    if reporter is None and before:
        reporter = book._targets(before[-1], a)[0] if before[-1].targets or before[-1].district else None
        reporter_as_written = before[-1].surface
    addressed = next((m for m in after if m.start - at <= 12), None)
    addressed_to = (
        book._targets(addressed, a)[0] if addressed and (addressed.targets or addressed.district) else None
    )
    send = re.search(r"\bgui(?:\s+ve)?\s+", f[at:])
    send_to = addressed_to
    if send:
        sm = next((m for m in matches if m.start >= at + send.end() - 1), None)
        if sm and (sm.targets or sm.district):
            send_to = book._targets(sm, a)[0]
    deadlines = []
    dm = re.search(r"(truoc|cham nhat|han chot)\s+(ngay\s+)?", f)
    if dm:
        for d in find_dates(sentence[dm.start() :], default_year=plan_year):
            deadlines.append(Deadline(as_written=d.text, date=d.date, type="before"))
    freqs = [(label, code) for pat, label, code in _FREQ if re.search(pat, f)]
    if not freqs:
        freqs = [(None, None)]
    subject = None
    sm = re.search(r"\bve\s+", f[at:])
    if sm:
        s_start = at + sm.end()
        s_end = re.search(r"[(;.]|\s+(dinh ky|truoc ngay|gui)\b", f[s_start:])
        subject = clean(sentence[s_start : s_start + (s_end.start() if s_end else len(f) - s_start)]) or None
    out = []
    for k, (label, code) in enumerate(freqs):
        out.append(
            ReportingDuty(
                id=f"rep-{n + k + 1}",
                location=location,
                reporter=reporter,
                reporter_as_written=reporter_as_written,
                addressed_to=addressed_to,
                send_to=send_to,
                frequency=label,
                frequency_code=code,
                deadlines=deadlines,
                subject=subject,
                text=re.sub(r"\s*\./\S*$", ".", clean(sentence.replace("*", ""))),
                source=SourceSpan(line_start=a, line_end=b, quote=clean(sentence)),
            )
        )
    return out
