"""The plan's body: purpose and requirements, content, funding, and "Tổ chức thực hiện".

Roman sections hold arabic items with ``-`` bullets and ``+`` sub-bullets. "Tổ chức thực hiện"
assigns duties per agency in one of the three ways plans do it — an agency heading with bullets
(``1. Sở Tài chính`` / ``- Bố trí kinh phí ...``), an agency heading with its duty inline
(``2. Sở Nội vụ: Theo dõi ...``) or bullets that start with the agency (``- Sở Y tế: ...``) — and
records each duty's id and agency as the truth.
"""

from __future__ import annotations

import random
import string

from bench.agencies import ProvinceAgencies
from bench.citations import CitationLog, Seg
from bench.pools import phrases
from bench.pools.documents import DocRef

Line = list[Seg]


def _fmt(text: str, fill: dict) -> str:
    return text.format(**fill)


class Deck:
    """Sentences of a pool dealt without repetition until the pool is used up, then reshuffled."""

    def __init__(self, rng: random.Random, pool: tuple[str, ...], fill: dict) -> None:
        self.rng, self.pool, self.fill = rng, pool, fill
        self.cards: list[str] = []

    def take(self, lo: int, hi: int) -> str:
        """One bullet's text: ``lo`` to ``hi`` sentences."""
        out = []
        for _ in range(self.rng.randint(lo, hi)):
            if not self.cards:
                self.cards = self.rng.sample(self.pool, len(self.pool))
            out.append(_fmt(self.cards.pop(), self.fill))
        return " ".join(out)


def bullet(rng: random.Random, segs: list[Seg], mark: str = "-", page_break: float = 0.0) -> list[Line]:
    """A bullet line; with probability ``page_break`` cut by a page break before a lower-case word."""
    line: Line = [("x", f"{mark} "), *segs]
    if rng.random() >= page_break:
        return [line, []]
    for k in range(len(line) - 1, 0, -1):
        kind, text = line[k]
        if kind != "p":
            continue
        cuts = [i for i in range(len(text) // 3, len(text) - 1) if text[i] == " " and text[i + 1].islower()]
        if cuts:
            i = rng.choice(cuts)
            return [[*line[:k], (kind, text[:i])], [], [(kind, text[i + 1 :]), *line[k + 1 :]], []]
    return [line, []]


def purpose_section(rng: random.Random, roman: str, fill: dict) -> list[Line]:
    out: list[Line] = [[("n", f"{roman}. MỤC ĐÍCH, YÊU CẦU")], []]
    for k, (head, pool) in enumerate(
        (("Mục đích", phrases.PURPOSE_BULLETS), ("Yêu cầu", phrases.REQUIREMENT_BULLETS)), start=1
    ):
        out += [[("x", f"{k}. "), ("n", head)], []]
        deck = Deck(rng, pool, fill)
        for _ in range(rng.randint(2, 5)):
            out += bullet(rng, [("p", deck.take(1, 3))], page_break=0.05)
    return out


def content_section(
    rng: random.Random, roman: str, fill: dict, log: CitationLog, docs: list[DocRef], pa: ProvinceAgencies,
    ranking: list[str],
) -> list[Line]:  # fmt: skip
    title = rng.choice(("NỘI DUNG", "NHIỆM VỤ, GIẢI PHÁP", "NHIỆM VỤ TRỌNG TÂM", "NỘI DUNG, NHIỆM VỤ"))
    out: list[Line] = [[("n", f"{roman}. {title}")], []]
    headings = rng.sample(phrases.CONTENT_HEADINGS, rng.randint(5, 10))
    deck = Deck(rng, phrases.CONTENT_BULLETS, fill)
    for k, head in enumerate(headings, start=1):
        out += [[("x", f"{k}. "), ("n", head)], []]
        for _ in range(rng.randint(2, 5)):
            out += bullet(rng, [("p", deck.take(1, 3))], page_break=0.05)
            if rng.random() < 0.25:
                for sub in rng.sample(phrases.SUB_BULLETS, rng.randint(2, 3)):
                    out += bullet(rng, [("p", _fmt(sub, fill))], mark="+")
        if docs and rng.random() < 0.25:
            doc = rng.choice(docs)
            segs: list[Seg] = [("p", "Tiếp tục triển khai thực hiện có hiệu quả ")]
            segs += log.write(rng, doc, title_p=0.5, short_ok=True)
            segs.append(("p", f"; gắn với việc thực hiện các nhiệm vụ {fill['topic']} của địa phương."))
            out += bullet(rng, segs)
        if rng.random() < 0.2:
            who = pa.mention(rng, rng.choice(ranking[:4]))
            segs = [("p", "Giao "), ("n", who.text), ("p", " chủ trì, phối hợp với các cơ quan liên quan ")]
            segs.append(
                ("p", _fmt("theo dõi, đôn đốc việc thực hiện nội dung này, bảo đảm tiến độ đề ra.", fill))
            )
            out += bullet(rng, segs)
    if rng.random() < 0.6:
        out += [[("p", "Chi tiết các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.")], []]
    return out


def funding_section(rng: random.Random, roman: str) -> list[Line]:
    out: list[Line] = [[("n", f"{roman}. KINH PHÍ THỰC HIỆN")], []]
    for text in rng.sample(phrases.FUNDING, rng.randint(1, 2)):
        out += [[("p", text)], []]
    return out


def _duties(deck: Deck, n: int) -> list[str]:
    return [deck.take(1, 3) for _ in range(n)]


def implementation_section(
    rng: random.Random, roman: str, fill: dict, pa: ProvinceAgencies, leads: list[str]
) -> tuple[list[Line], list[dict]]:
    """Lines of "Tổ chức thực hiện" and the truth of its responsibilities."""
    who: list[tuple[str, tuple[str, ...], bool]] = []  # (heading text, ids, requested)
    for bid in leads[: rng.randint(3, 6)]:
        m = pa.mention(rng, bid)
        who.append((m.text, m.ids, False))
    fin = pa.id("so-tai-chinh")
    if fin and fin not in leads[:5] and rng.random() < 0.6:
        who.append((pa.short(fin), (fin,), False))
    board = pa.id("ban-tuyen-giao-{pcs}")
    if board and all(board not in w[1] for w in who) and rng.random() < 0.3:
        who.insert(1, (pa.short(board), (board,), True))
    for slug, p, requested in (
        ("so-ban-nganh", 0.6, False),
        ("cap-huyen", 0.7, False),
        ("bao-chi-dia-phuong", 0.3, False),
        ("mttq-doan-the", 0.2, True),
    ):
        if rng.random() < p:
            m = pa.group(rng, slug)
            who.append((m.text[:1].upper() + m.text[1:], m.ids, requested))
    style = rng.choices(("heading", "inline", "dash"), weights=(60, 15, 25))[0]
    out: list[Line] = [[("n", f"{roman}. TỔ CHỨC THỰC HIỆN")], []]
    deck = Deck(rng, phrases.DUTIES, fill)
    truth: list[dict] = []
    for k, (text, ids, requested) in enumerate(who, start=1):
        name = ("Đề nghị " + text) if requested else text
        if style == "dash":
            duty = _duties(deck, 1)[0]
            out += bullet(rng, [("n", name), ("x", ": "), ("p", duty)])
            truth.append({"id": f"{roman}.{k}", "agency": ids[0]})
        elif style == "inline":
            duty = _duties(deck, 1)[0]
            out += [[("x", f"{k}. "), ("n", name), ("x", ": "), ("p", duty)], []]
            truth.append({"id": f"{roman}.{k}.a", "agency": ids[0]})
        else:
            out += [[("x", f"{k}. "), ("n", name)], []]
            for j, duty in enumerate(_duties(deck, rng.randint(1, 4))):
                out += bullet(rng, [("p", duty)], page_break=0.04)
                truth.append({"id": f"{roman}.{k}.{string.ascii_lowercase[j]}", "agency": ids[0]})
    return out, truth
