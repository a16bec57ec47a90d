"""The "Căn cứ" preamble: national documents of the plan's topic, and its province's own documents.

Provincial documents get numbers and dates of their own (before the plan's date): a Kế hoạch or a
Quyết định of the province's People's Committee, a Nghị quyết of its People's Council, a party
Kế hoạch that implements a national party directive, a guidance of the party committee's
propaganda board, a department's submission ("Xét đề nghị của Sở ... tại Tờ trình số ...").
"""

from __future__ import annotations

import datetime as dt
import random

from bench.citations import CitationLog, Seg
from bench.pools.documents import PROVINCIAL_TITLES, SUBMISSION_CODES, DocRef, national_for
from bench.pools.topics import Topic

_ORDER = {"L": 0, "NĐ": 1, "NQ": 2, "TT": 3, "QĐ": 4, "CT": 5, "CV": 6, "HD": 7}


def _earlier(rng: random.Random, before: dt.date, max_days: int = 700) -> dt.date:
    return before - dt.timedelta(days=rng.randint(20, max_days))


def provincial_docs(
    rng: random.Random,
    log: CitationLog,
    topic: Topic,
    plan_date: dt.date,
    used: set[str],
    national: list[DocRef],
) -> list[DocRef]:
    """Documents of the plan's own province that its preamble cites."""
    pa = log.province
    own = pa.slug
    y = plan_date.year
    fill = {"topic": topic.name, "place": pa.province.full, "y": y - 1, "period": f"{y - 1} - {y + 3}"}
    out: list[DocRef] = []

    def number(lo: int, hi: int, fmt: str) -> str:
        while True:
            key = fmt.format(n=rng.randint(lo, hi))
            if key not in used:
                used.add(key)
                return key

    def title(kind: str, **extra: str) -> str:
        return rng.choice(PROVINCIAL_TITLES[kind]).format(**fill, **extra)

    if rng.random() < 0.5:
        d = _earlier(rng, plan_date)
        out.append(DocRef(number(1, 400, "{n}/KH-UBND"), "KH", d, f"{own}/ubnd", "về", title("KH")))
    if rng.random() < 0.25:
        d = _earlier(rng, plan_date)
        key = number(1, 40, "{n:02d}/" + str(d.year) + "/NQ-HĐND")
        out.append(DocRef(key, "NQ", d, f"{own}/hdnd", "về", title("NQ-HĐND")))
    if rng.random() < 0.2:
        d = _earlier(rng, plan_date)
        if rng.random() < 0.7:
            key = number(100, 3500, "{n}/QĐ-UBND")
        else:
            key = number(1, 60, "{n:02d}/" + str(d.year) + "/QĐ-UBND")
        out.append(DocRef(key, "QĐ", d, f"{own}/ubnd", "về việc", title("QĐ-UBND")))
    party = [d for d in national if d.type_code in ("CT", "NQ") and "/TW" in d.key]
    if party and rng.random() < 0.3:
        parent = rng.choice(party)
        d = _earlier(rng, plan_date)
        while d <= parent.date:
            d = parent.date + dt.timedelta(days=rng.randint(30, 200))
        if d >= plan_date:
            d = plan_date - dt.timedelta(days=10)
        issuer = rng.choice((f"{own}/ban-thuong-vu-{pa.pcs}", f"{own}/{pa.pcs}"))
        kind = "Chỉ thị" if parent.type_code == "CT" else "Nghị quyết"
        parent_text = f"{parent.key} ngày {parent.date.day:02d}/{parent.date.month}/{parent.date.year} của "
        parent_text += log.issuer_forms(parent.issuer)[0]
        ref = DocRef(number(1, 300, "{n}-KH/TU"), "KH", d, issuer, "về", f"thực hiện {kind} số {parent_text}")
        ref.nested.append(parent)
        out.append(ref)
    if topic.slug in ("ngay-le", "ttdn") and rng.random() < 0.3:
        d = _earlier(rng, plan_date, 120)
        out.append(
            DocRef(
                number(1, 150, "{n}-HD/BTGTU"),
                "HD",
                d,
                f"{own}/ban-tuyen-giao-{pa.pcs}",
                "về",
                title("HD/BTGTU"),
            )
        )
    if rng.random() < 0.1:
        d = _earlier(rng, plan_date)
        issuer = rng.choice((f"{own}/ban-thuong-vu-{pa.pcs}", f"{own}/{pa.pcs}"))
        out.append(DocRef(number(1, 40, "{n:02d}-CT/TU"), "CT", d, issuer, "về", title("CT/TU")))
    return out


def preamble(
    rng: random.Random, log: CitationLog, topic: Topic, plan_date: dt.date, plan_title: str, used: set[str],
    proposer: str | None,
) -> list[list[Seg]]:  # fmt: skip
    """The preamble's lines, the last one "Ủy ban nhân dân ... ban hành Kế hoạch ... như sau:"."""
    pa = log.province
    pool = national_for(topic.slug, plan_date)
    specific = [d for d in pool if "*" not in d.topics]
    general = [d for d in pool if "*" in d.topics]
    chosen = rng.sample(specific, min(len(specific), rng.randint(1, 4)))
    if general and rng.random() < 0.5:
        chosen.insert(0, rng.choice(general))
    chosen.sort(key=lambda d: (_ORDER.get(d.type_code, 9), d.date))
    national = [d for d in pool if "/TW" in d.key]
    local = provincial_docs(rng, log, topic, plan_date, used, national)
    items: list[tuple[str, DocRef]] = [("Căn cứ", d) for d in chosen]
    items += [
        ("Thực hiện" if d.issuer and "ubnd" not in d.issuer and "hdnd" not in d.issuer else "Căn cứ", d)
        for d in local
    ]
    items.sort(key=lambda it: it[0] != "Căn cứ")
    closing: list[Seg] = [
        ("n", f"Ủy ban nhân dân {pa.province.full}"),
        ("p", f" ban hành Kế hoạch {plan_title[0].lower()}{plan_title[1:]}"),
        ("x", rng.choice((", cụ thể như sau:", " như sau:", ", với các nội dung sau:"))),
    ]
    submission: list[Seg] = []
    if proposer and proposer.split("/", 1)[1] in SUBMISSION_CODES and rng.random() < 0.3:
        code = SUBMISSION_CODES[proposer.split("/", 1)[1]]
        d = plan_date - dt.timedelta(days=rng.randint(3, 30))
        key = f"{rng.randint(5, 300)}/TTr-{code}"
        while key in used:
            key = f"{rng.randint(5, 300)}/TTr-{code}"
        used.add(key)
        ref = DocRef(key, "TTr", d, proposer)
        log.register(ref, dated=True, issuer=proposer, basis=True)
        who = ("Giám đốc " if rng.random() < 0.4 else "") + pa.short(proposer)
        submission = [("n", f"Xét đề nghị của {who} tại Tờ trình"), ("x", " số "), ("s", key)]
        submission.append(("x", f" ngày {d.day:02d}/{d.month:02d}/{d.year}"))
    lines: list[list[Seg]] = []
    if rng.random() < 0.35:  # one paragraph, as in the seed
        para: list[Seg] = []
        word = None
        for k, (lead, d) in enumerate(items):
            if lead != word:
                para.append(("n", ("" if k == 0 else "; ") + lead + " "))
                word = lead
            elif k:
                para.append(("x", "; "))
            para += log.write(rng, d, basis=True, title_p=0.85)
        if submission:
            para += [("x", "; "), *submission]
        para += [("x", ", "), *closing]
        lines.append(para)
    else:
        for lead, d in items:
            lines.append([("n", lead + " "), *log.write(rng, d, basis=True, title_p=0.85), ("x", ";")])
            if rng.random() < 0.2:
                lines.append([])
        if submission:
            lines.append([*submission, ("x", ".")])
        lines.append([])
        lines.append(closing)
    return lines
