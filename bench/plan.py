"""One synthetic plan: its content drawn from a seeded generator, and the truth about it.

A plan belongs to one province (its People's Committee issues it) and one topic. Its header is
a block of lines, a Markdown table, or absent — then, as in the seed, the number and date are in
the appendix caption "(Kèm theo Kế hoạch số N/KH-UBND ngày d/m/yyyy)".
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from bench import body
from bench.agencies import plan_provinces, province_agencies
from bench.citations import CitationLog, Seg
from bench.pools import phrases
from bench.pools.documents import national_for
from bench.pools.topics import TOPICS
from bench.preamble import preamble
from bench.table import ROMANS, TableBuilder, TableSpec

Line = list[Seg]
YEARS = (2019, 2020, 2021, 2022, 2023, 2024)


@dataclass
class Options:
    """What the generator may produce; every feature is on by default (see docs/performance.md)."""

    header_forms: tuple[str, ...] = ("none", "lines", "table")
    min_tasks: int = 20
    max_tasks: int = 100


@dataclass
class Plan:
    front: list[Line]
    table: TableSpec
    appendix: list[Line]
    truth: dict
    features: dict = field(default_factory=dict)


def _place(pa) -> str:
    return "Thành phố Hồ Chí Minh" if pa.slug == "ho-chi-minh" else pa.province.name


def _title_lines(rng: random.Random, title: str) -> list[Line]:
    words = title.split(" ")
    parts = [title]
    if len(title) > 60 and rng.random() < 0.3:
        cut = len(words) // 2 + rng.randint(-1, 1)
        parts = [" ".join(words[:cut]), " ".join(words[cut:])]
    style = rng.choices(("bold-one", "bold-each", "plain"), weights=(40, 20, 40))[0]
    if style == "plain":
        return [[("n", "KẾ HOẠCH")], *[[("n", p)] for p in parts]]
    if style == "bold-each":
        return [
            [("x", "**"), ("n", "KẾ HOẠCH"), ("x", "**")],
            *[[("x", "**"), ("n", p), ("x", "**")] for p in parts],
        ]
    lines: list[Line] = [[("x", "**"), ("n", "KẾ HOẠCH")], *[[("n", p)] for p in parts]]
    lines[-1] = [*lines[-1], ("x", "**")]
    return lines


def _header(rng: random.Random, form: str, pa, number: int, date: dt.date) -> list[Line]:
    issuer = ["ỦY BAN NHÂN DÂN", pa.province.full.upper()]
    day = f"{date.day:02d}" if rng.random() < 0.7 else str(date.day)
    month = f"{date.month:02d}" if date.month < 3 and rng.random() < 0.5 else str(date.month)
    place_date: Line = [("n", _place(pa)), ("x", f", ngày {day} tháng {month} năm {date.year}")]
    number_segs: Line = [("n", "Số"), ("x", ": "), ("s", f"{number}/KH-UBND")]
    if form == "lines":
        return [
            [("n", issuer[0])], [("n", issuer[1])], [("x", "-------")], [],
            [("n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")], [("n", "Độc lập - Tự do - Hạnh phúc")],
            [("x", "---------------")], [], number_segs, [], place_date, [],
        ]  # fmt: skip
    return [
        [("x", "| "), ("n", " ".join(issuer)), ("x", " -------- | "), ("n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
         ("x", " "), ("n", "Độc lập - Tự do - Hạnh phúc"), ("x", " --------------- |")],
        [("x", "|---|---|")],
        [("x", "| "), *number_segs, ("x", " | "), *place_date, ("x", " |")],
        [],
    ]  # fmt: skip


def _caption(rng: random.Random, pa, number: int, date: dt.date) -> Line:
    num = f".....{number}....." if rng.random() < 0.2 else f"{number}"
    d = f"{date.day}/{date.month}/{date.year}"
    tail = f" của UBND {pa.province.full}" if rng.random() < 0.4 else ""
    lead = "Ban hành kèm theo" if rng.random() < 0.2 else "Kèm theo"
    return [("x", "("), ("n", f"{lead} Kế hoạch số"), ("x", num if num.startswith(".") else " " + num),
            ("s", "/KH-UBND"), ("x", f" ngày {d}"), ("n", tail), ("x", ")")]  # fmt: skip


def _recipients(rng: random.Random, pa, ministry: str | None) -> list[Line]:
    k = pa.K
    pc = "Thành ủy" if pa.city else "Tỉnh ủy"
    items = [f"{ministry};"] if ministry else []
    items += [f"TT. {pc}, TT. HĐND {k};", f"Chủ tịch, các PCT UBND {k};", f"Các sở, ban, ngành {k};"]
    items += [("UBND các quận, huyện, thị xã;" if pa.city else "UBND các huyện, thị xã, thành phố;")]
    items += [f"Lưu: VT, {rng.choice(('KGVX', 'VX', 'TH', 'NC'))}{rng.randint(1, 3)}."]
    return [[("n", "Nơi nhận:")], *[[("x", "- "), ("n", t)] for t in items], []]


def _signature(rng: random.Random) -> list[Line]:
    name = f"{rng.choice(phrases.SURNAMES)} {rng.choice(phrases.MIDDLE)} {rng.choice(phrases.GIVEN)}"
    pos = [[("n", "KT. CHỦ TỊCH")], [("n", "PHÓ CHỦ TỊCH")]] if rng.random() < 0.7 else [[("n", "CHỦ TỊCH")]]
    return [[("n", "TM. ỦY BAN NHÂN DÂN")], *pos, [], [], [("n", name)], []]


def build(rng: random.Random, options: Options | None = None) -> Plan:
    """Draw one plan."""
    options = options or Options()
    pa = province_agencies(rng.choice(plan_provinces()))
    topic = rng.choice(TOPICS)
    year = rng.choice(YEARS)
    date = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(10, 340))
    number = rng.randint(1, 450)
    used = {f"{number}/KH-UBND"}
    fill = {"topic": topic.name, "place": pa.province.full, "P": pa.K, "y": year}
    title = rng.choice(topic.titles).format(place=pa.province.full, y=year)
    form = rng.choice(options.header_forms)
    log = CitationLog(pa)
    ranking = pa.ranking(topic)

    front: list[Line] = [] if form == "none" else _header(rng, form, pa, number, date)
    front += [[]] if form == "none" else []
    front += [*_title_lines(rng, title), []]
    front += [*preamble(rng, log, topic, date, title, used, ranking[0]), []]
    docs = national_for(topic.slug, date)
    sections = [body.purpose_section(rng, "I", fill)]
    sections.append(body.content_section(rng, "II", fill, log, docs, pa, ranking))
    if rng.random() < 0.3:
        solution: list[Line] = [[("n", "III. GIẢI PHÁP THỰC HIỆN")], []]
        for text in rng.sample(phrases.CONTENT_BULLETS, 3):
            solution += body.bullet(rng, [("p", text.format(**fill))])
        sections.append(solution)
    sections.append(body.funding_section(rng, ROMANS[len(sections)]))
    n_tasks = rng.randint(options.min_tasks, options.max_tasks)
    table = TableBuilder(rng, pa, topic, year, log, date).build(n_tasks)
    leads = table.section_agencies or ranking
    impl, duties = body.implementation_section(rng, ROMANS[len(sections)], fill, pa, leads)
    sections.append(impl)
    for s in sections:
        front += s
    closing = rng.choice(phrases.CLOSING).format(
        title_lower=title[0].lower() + title[1:], place=pa.province.full, P=pa.K, agency=pa.short(leads[0])
    )
    front += [[("p", closing)], []]
    ministry = next((pa.bodies[i].name for i in (pa.id("vn/" + s) for s in topic.national) if i), None)
    front += _recipients(rng, pa, ministry) + _signature(rng)

    caption = form == "none" or rng.random() < 0.7
    appendix: list[Line] = [[("n", "PHỤ LỤC")]]
    appendix.append(
        [("n", rng.choice(("NỘI DUNG CÔNG VIỆC, TIẾN ĐỘ THỜI GIAN THỰC HIỆN", "DANH MỤC NHIỆM VỤ")))]
    )
    if rng.random() < 0.5:
        appendix.append([("n", "KẾ HOẠCH " + title.upper())])
    if caption:
        appendix.append(_caption(rng, pa, number, date))
    appendix.append([])

    truth = {
        "document": {
            "doc_type": "Kế hoạch",
            "number": str(number),
            "symbol": "KH-UBND",
            "full_symbol": f"{number}/KH-UBND",
            "date": date.isoformat(),
            "issuer": pa.bodies[f"{pa.slug}/ubnd"].name,
            "year": year,
            "title": title,
        },
        "legal_bases": list(log.legal_bases),
        "cited_documents": list(log.records.values()),
        "tasks": table.tasks,
        "responsibilities": duties,
    }
    features = {
        "province": pa.slug,
        "topic": topic.slug,
        "header": form,
        "caption": caption,
        "layout": table.layout,
        "columns": list(table.roles),
        "tasks": len(table.tasks),
    }
    return Plan(front, table, appendix, truth, features)
