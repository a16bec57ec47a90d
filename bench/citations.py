"""Citations as plans write them, and the log of what was cited (the truth's ``cited_documents``).

Text is written as segments ``(kind, text)`` so that noise can treat each part as a scan would:
``p`` prose, ``n`` a name or structural word, ``s`` a document symbol, ``x`` exact (numbers,
dates, markup).

A document's truth is what the text says about it: its date only when some mention writes it,
its issuer when a mention names it or the symbol's code determines it (``CP``, ``TTg``, ``UBND``
of the plan's own province, ...). Documents named inside a written title are cited too, but are
not legal bases.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from bench.agencies import ProvinceAgencies
from bench.pools.documents import TYPE_NAMES, DocRef
from ontology.registry import get_registry

Seg = tuple[str, str]

#: Issuers a symbol's code names on its own (the citation may leave out "của ...").
CODE_ISSUERS = {"CP": "vn/chinh-phu", "TTg": "vn/thu-tuong-chinh-phu", "BTTTT": "vn/bo-tttt"}

_NATIONAL_FORMS = {
    "vn/chinh-phu": ("Chính phủ",),
    "vn/thu-tuong-chinh-phu": ("Thủ tướng Chính phủ",),
    "vn/bo-tttt": ("Bộ Thông tin và Truyền thông",),
    "vn/ban-bi-thu": ("Ban Bí thư", "Ban Bí thư Trung ương Đảng"),
    "vn/bo-chinh-tri": ("Bộ Chính trị",),
    "vn/bch-trung-uong": ("Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương"),
    "vn/ban-tuyen-giao-trung-uong": ("Ban Tuyên giáo Trung ương",),
}


def write_date(rng: random.Random, d: dt.date) -> str:
    r = rng.random()
    if r < 0.55:
        return (
            f"ngày {d.day:02d}/{d.month}/{d.year}"
            if rng.random() < 0.5
            else f"ngày {d.day}/{d.month}/{d.year}"
        )
    if r < 0.75:
        return f"ngày {d.day:02d}/{d.month:02d}/{d.year}"
    return f"ngày {d.day:02d} tháng {d.month} năm {d.year}"


@dataclass
class CitationLog:
    """What the plan cites, in order of first mention; the legal bases among them."""

    province: ProvinceAgencies
    records: dict[str, dict] = field(default_factory=dict)
    legal_bases: list[str] = field(default_factory=list)

    def register(self, doc: DocRef, *, dated: bool, issuer: str | None, basis: bool) -> None:
        rec = self.records.get(doc.key)
        if rec is None:
            rec = self.records[doc.key] = {
                "full_symbol": doc.full_symbol,
                "title": doc.name,
                "doc_type": TYPE_NAMES[doc.type_code],
                "date": None,
                "issuer": None,
            }
        if dated and doc.date is not None:
            rec["date"] = doc.date.isoformat()
        if issuer is not None:
            rec["issuer"] = get_registry().body(issuer).name
        if basis and doc.key not in self.legal_bases:
            self.legal_bases.append(doc.key)

    def dated(self, key: str) -> bool:
        rec = self.records.get(key)
        return bool(rec and rec["date"])

    # -- writing -------------------------------------------------------------------------------
    def issuer_forms(self, issuer: str) -> tuple[str, ...]:
        if issuer in _NATIONAL_FORMS:
            return _NATIONAL_FORMS[issuer]
        pa = self.province
        slug = issuer.split("/", 1)[1]
        k, place = pa.K, pa.province.full
        pc = "Thành ủy" if pa.city else "Tỉnh ủy"
        if slug == "ubnd":
            return (f"UBND {k}", f"Ủy ban nhân dân {k}", f"UBND {place}", f"Ủy ban nhân dân {place}")
        if slug == "hdnd":
            return (f"HĐND {k}", f"Hội đồng nhân dân {k}", f"HĐND {place}")
        if slug.startswith("ban-thuong-vu-"):
            return (f"Ban Thường vụ {pc}", f"Ban Thường vụ {pc} {pa.province.name}")
        if slug == pa.pcs:
            return (pc, f"{pc} {pa.province.name}")
        if slug.startswith("ban-tuyen-giao-"):
            return (f"Ban Tuyên giáo {pc}",)
        return (pa.short(issuer),)

    def write(
        self,
        rng: random.Random,
        doc: DocRef,
        *,
        basis: bool = False,
        title_p: float = 0.8,
        short_ok: bool = False,
    ) -> list[Seg]:
        """The citation of ``doc`` as segments; logs it (and what its title names)."""
        if doc.name:  # a law by name and date
            if short_ok and self.dated(doc.key) and rng.random() < 0.5:
                self.register(doc, dated=False, issuer=None, basis=basis)
                return [("n", doc.name)]
            self.register(doc, dated=True, issuer=None, basis=basis)
            return [("n", doc.name), ("x", " " + write_date(rng, doc.date))]
        type_word = TYPE_NAMES[doc.type_code]
        head: list[Seg] = [("n", type_word), ("x", " số "), ("s", doc.key)]
        if short_ok and self.dated(doc.key) and rng.random() < 0.6:
            self.register(doc, dated=False, issuer=self._code_issuer(doc), basis=basis)
            return head
        segs = list(head)
        date = [("x", " " + write_date(rng, doc.date))]
        code_issuer = self._code_issuer(doc)
        omit = code_issuer is not None and rng.random() < 0.2
        issuer: list[Seg] = [] if omit else [("n", " của " + rng.choice(self.issuer_forms(doc.issuer)))]
        if issuer and rng.random() < 0.15:
            segs += issuer + date
        else:
            segs += date + issuer
        self.register(doc, dated=True, issuer=doc.issuer, basis=basis)
        if doc.title and rng.random() < title_p:
            connector = doc.connector or ""
            if connector == "về" and rng.random() < 0.2:
                connector = "về việc"
            segs.append(("p", f" {connector} {doc.title}" if connector else f" {doc.title}"))
            for nested in doc.nested:
                self.register(nested, dated=nested.name is None, issuer=nested.issuer, basis=False)
        return segs

    def _code_issuer(self, doc: DocRef) -> str | None:
        code = doc.key.rsplit("-", 1)[-1] if "/" in doc.key else ""
        if doc.key.count("/") and code in CODE_ISSUERS and doc.issuer == CODE_ISSUERS[code]:
            return doc.issuer
        own = self.province.slug
        if code == "UBND" and doc.issuer == f"{own}/ubnd":
            return doc.issuer
        if code == "HĐND" and doc.issuer == f"{own}/hdnd":
            return doc.issuer
        return None
