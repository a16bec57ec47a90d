"""The appendix task table: logical rows (with their truth), then pages as an OCR converter prints them.

Layouts, as real plans have them: sections by lead agency (``| II | SỞ NGOẠI VỤ | | | |``, the
seed's), sections by subject, or one flat list. Pages repeat the header row; a row cut by a page
break continues on the next page with an empty TT cell, cell by cell (the seed's
``| 6 | ... | Sở Thông tin và | ...`` / ``| | ... | Truyền thông | ...``).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from bench.agencies import Mention, ProvinceAgencies, zipf_cum
from bench.citations import CitationLog, Seg
from bench.pools import phrases
from bench.pools.documents import national_for
from bench.pools.topics import Topic
from bench.timelines import Timeline, draw

ROMANS = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
)

_HEADERS = {
    "tt": ("TT", "STT"),
    "content": (
        "Nội dung, quy mô công việc",
        "Nội dung công việc",
        "Nhiệm vụ",
        "Nội dung nhiệm vụ",
        "Nội dung",
    ),
    "time": (
        "Tiến độ thời gian",
        "Thời gian thực hiện",
        "Thời gian hoàn thành",
        "Tiến độ",
        "Thời hạn hoàn thành",
    ),
    "lead": ("Cơ quan phụ trách", "Cơ quan chủ trì", "Đơn vị chủ trì", "Cơ quan, đơn vị chủ trì"),
    "coord": ("Cơ quan phối hợp", "Đơn vị phối hợp", "Cơ quan, đơn vị phối hợp"),
    "extra": ("Sản phẩm", "Ghi chú", "Sản phẩm đầu ra"),
}
_ORDERS = (
    ("tt", "content", "time", "lead", "coord"),
    ("tt", "content", "lead", "coord", "time"),
    ("tt", "content", "lead", "coord", "time", "extra"),
    ("tt", "content", "time", "lead", "coord", "extra"),
)
_COORD_GROUPS = (("so-ban-nganh", 4), ("cap-huyen", 4), ("bao-chi-dia-phuong", 2), ("doan-the", 1),
                 ("mttq-doan-the", 1), ("cap-xa", 1), ("bao-chi-trung-uong", 1), ("doanh-nghiep", 1))  # fmt: skip


@dataclass
class TableSpec:
    header: list[str]
    roles: tuple[str, ...]
    rows: list[list[list[Seg]]] = field(default_factory=list)  # cells of segments; section rows too
    tasks: list[dict] = field(default_factory=list)  # the truth
    layout: str = "agency"
    section_agencies: list[str] = field(default_factory=list)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(rng: random.Random, mentions: list[Mention]) -> str:
    if not mentions:
        return ""
    texts = [m.text for m in mentions]
    if len(texts) > 1 and rng.random() < 0.4:
        out = ", ".join(texts[:-1]) + " và " + texts[-1]
    else:
        out = rng.choice(("; ", ", ")).join(texts)
    return _cap(out)


def _clash(ids: tuple[str, ...], used: list[str]) -> bool:
    """The Fatherland Front next to "các tổ chức chính trị - xã hội" reads as the group of both
    ("Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội"): not drawn together."""
    pair = ("/uy-ban-mttq", "/group/doan-the")
    both = [*ids, *used]
    return any(i.endswith(pair[0]) for i in both) and any(i.endswith(pair[1]) for i in both)


def _ids(mentions: list[Mention], exclude: list[str] = ()) -> list[str]:
    out: list[str] = []
    for m in mentions:
        out.extend(i for i in m.ids if i not in exclude and i not in out)
    return out


class TableBuilder:
    def __init__(self, rng: random.Random, pa: ProvinceAgencies, topic: Topic, year: int, log: CitationLog,
                 plan_date: dt.date) -> None:  # fmt: skip
        self.rng, self.pa, self.topic, self.year, self.log = rng, pa, topic, year, log
        self.ranking = pa.ranking(topic)
        self.cum = zipf_cum(len(self.ranking), 1.15)
        self.national = [pa.id("vn/" + s) for s in topic.national if pa.id("vn/" + s)]
        self.docs = national_for(topic.slug, plan_date)

    def lead_draw(self, exclude: list[str] = ()) -> str:
        while True:
            bid = self.rng.choices(self.ranking, cum_weights=self.cum)[0]
            if bid not in exclude:
                return bid

    def coordinating(self, lead: list[str]) -> list[Mention]:
        rng, pa = self.rng, self.pa
        k = rng.choices((0, 1, 2, 3, 4), weights=(15, 45, 25, 10, 5))[0]
        out: list[Mention] = []
        used = list(lead)
        tail_group = k and rng.random() < 0.55
        for _ in range(k - (1 if tail_group else 0)):
            r = rng.random()
            if r < 0.12 and self.national:
                bid = rng.choice(self.national)
                if bid in used:
                    continue
                out.append(pa.mention(rng, bid))
            elif r < 0.27:
                slug = rng.choices([g for g, _ in _COORD_GROUPS], weights=[w for _, w in _COORD_GROUPS])[0]
                m = pa.group(rng, slug)
                if any(i in used for i in m.ids) or _clash(m.ids, used):
                    continue
                out.append(m)
            else:
                bid = self.lead_draw(exclude=used)
                if _clash((bid,), used):
                    continue
                out.append(pa.mention(rng, bid))
            used.extend(out[-1].ids)
        if tail_group:
            out.append(pa.group(rng, "lien-quan"))
        return out

    def content(self) -> list[Seg]:
        rng, topic = self.rng, self.topic
        fill = {"place": self.pa.province.full, "topic": topic.name, "y": self.year}
        scope = rng.choice(phrases.SCOPES).format(**fill)
        purpose = rng.choice(phrases.PURPOSES).format(**fill)
        tail = (" " + scope if scope else "") + (", " + purpose if purpose else "")
        if self.docs and rng.random() < 0.08:
            doc = rng.choice(self.docs)
            verb = rng.choice(
                ("Tuyên truyền, phổ biến", "Triển khai thực hiện", "Tổ chức quán triệt, triển khai")
            )
            segs = [("p", verb + " "), *self.log.write(rng, doc, title_p=0.4, short_ok=True)]
            segs.append(("p", tail + "."))
        else:
            obj, obj2 = rng.sample(topic.objects, 2)
            text = f"{rng.choice(phrases.VERBS)} {obj}{tail}"
            if rng.random() < 0.4:
                verb2 = rng.choice(phrases.VERBS)
                text += f"; {verb2[0].lower()}{verb2[1:]} {obj2}"
            segs = [("p", text + ".")]
        if rng.random() < 0.35:
            segs.append(("p", " " + rng.choice(phrases.EXTRA)))
        return segs

    def build(self, n_tasks: int) -> TableSpec:
        rng = self.rng
        order = rng.choice(_ORDERS)
        spec = TableSpec([rng.choice(_HEADERS[r]) for r in order], order)
        spec.layout = rng.choices(("agency", "subject", "flat", "grouped"), weights=(55, 15, 20, 10))[0]
        if spec.layout == "flat":
            self._rows(spec, None, None, n_tasks)
            return spec
        cap = min(14, len(self.ranking)) if spec.layout == "agency" else len(phrases.CONTENT_HEADINGS)
        n_sec = max(2, min(cap, round(n_tasks / rng.uniform(4, 9))))
        sizes = [1] * n_sec
        sec_cum = zipf_cum(n_sec, 0.7)
        for _ in range(n_tasks - n_sec):
            sizes[rng.choices(range(n_sec), cum_weights=sec_cum)[0]] += 1
        if spec.layout == "agency":
            agencies: list[str] = []
            while len(agencies) < n_sec:
                agencies.append(self.lead_draw(exclude=agencies))
            spec.section_agencies = sorted(agencies, key=self.ranking.index)
            headings = []
        else:
            headings = rng.sample(phrases.CONTENT_HEADINGS, n_sec)
        for s in range(n_sec):
            if spec.layout == "grouped":  # "| 2 | Công tác tuyên truyền | | |" heads rows 2.1, 2.2 ...
                spec.rows.append([[("x", str(s + 1))], [("n", headings[s])]] + [[] for _ in order[2:]])
                self._rows(spec, None, None, sizes[s], f"{s + 1}.")
                continue
            roman = ROMANS[s]
            sec_agency = spec.section_agencies[s] if spec.layout == "agency" else None
            heading = self.pa.short(sec_agency).upper() if sec_agency else headings[s].upper()
            spec.rows.append([[("x", roman)], [("n", heading)]] + [[] for _ in order[2:]])
            self._rows(spec, roman, sec_agency, sizes[s])
        return spec

    def _rows(
        self, spec: TableSpec, roman: str | None, sec_agency: str | None, n: int, group: str = ""
    ) -> None:
        """``n`` task rows of section ``roman`` (or group ``group`` "2." of a grouped table)."""
        rng, pa = self.rng, self.pa
        default_time = draw(rng, self.year) if rng.random() < 0.6 else None
        default_coord = self.coordinating([sec_agency] if sec_agency else []) if rng.random() < 0.5 else None
        for k in range(1, n + 1):
            lead_mentions: list[Mention]
            r = rng.random()
            empty_lead = False
            if sec_agency and r < 0.05:
                lead_mentions, empty_lead = [], True
            elif sec_agency and r < 0.93:
                lead_mentions = [pa.mention(rng, sec_agency)]
            elif r < 0.04 or (sec_agency is None and r < 0.07):
                lead_mentions = [pa.group(rng, rng.choice(("cap-huyen", "so-ban-nganh")))]
            else:
                lead_mentions = [pa.mention(rng, self.lead_draw(exclude=[sec_agency] if sec_agency else []))]
            if lead_mentions and rng.random() < 0.03:
                lead_mentions.append(pa.mention(rng, self.lead_draw(exclude=_ids(lead_mentions))))
            lead = _ids(lead_mentions) if not empty_lead else [sec_agency]
            if default_coord is not None and rng.random() < 0.7 and not set(_ids(default_coord)) & set(lead):
                coord = default_coord
            else:
                coord = self.coordinating(lead)
            t: Timeline = default_time if default_time and rng.random() < 0.8 else draw(rng, self.year)
            cells: dict[str, list[Seg]] = {
                "tt": [("x", f"{group}{k}")],
                "content": self.content(),
                "time": [("n", t.text)],
                "lead": [("n", _join(rng, lead_mentions))] if lead_mentions else [],
                "coord": [("n", _join(rng, coord))] if coord else [],
                "extra": [("p", rng.choice(phrases.PRODUCTS))] if "extra" in spec.roles else [],
            }
            spec.rows.append([cells[r] for r in spec.roles])
            spec.tasks.append(
                {
                    "id": f"{roman}.{k}" if roman else f"{group}{k}",
                    "lead": lead,
                    "coordinating": _ids(coord, exclude=lead),
                    "timeline": t.truth(),
                }
            )


def paginate(rng: random.Random, header: list[str], rows: list[list[str]]) -> list[str]:
    """Markdown lines of the table printed over pages, with rows continued across page breaks."""

    def head() -> list[str]:
        return [
            "| " + " | ".join(header) + " |",
            "|" + "|".join("-" * rng.randint(2, 14) for _ in header) + "|",
        ]

    def line(cells: list[str]) -> str:
        return "|" + "|".join(f" {c} " if c else " " for c in cells) + "|"

    out = head()
    left = rng.randint(3, 7)
    for i, cells in enumerate(rows):
        if left > 0 or i == 0:
            out.append(line(cells))
            left -= 1
            continue
        split = rng.random() < 0.35 and cells[0] and not cells[0].isupper() and len(cells[1].split()) > 6
        if split:
            first, rest = _split_row(rng, cells)
            out.append(line(first))
        out.append("")
        if rng.random() < 0.3:
            out += [rng.choice(("{}", "- {} -", "Trang {}")).format(rng.randint(2, 12)), ""]
        out += head()
        out.append(line(rest if split else cells))
        left = rng.randint(4, 9) - 1
    return out


def _split_row(rng: random.Random, cells: list[str]) -> tuple[list[str], list[str]]:
    first, rest = [cells[0]], [""]
    for k, cell in enumerate(cells[1:], start=1):
        words = cell.split(" ")
        if k == 1:
            cut = max(1, min(len(words) - 1, int(len(words) * rng.uniform(0.3, 0.8))))
        elif len(words) > 1 and rng.random() < 0.4:
            cut = rng.randint(1, len(words) - 1)
        else:
            cut = len(words)
        first.append(" ".join(words[:cut]))
        rest.append(" ".join(words[cut:]))
    return first, rest
