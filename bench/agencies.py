"""Agencies of one province as a plan writes them, and who leads how much.

Every body comes from the registry (``get_registry().bodies(slug)``), every group from its
group forms (``groups(slug)``): the truth is the registry id the generator drew
(``lao-cai/so-tttt``, ``lao-cai/group/lien-quan``). The surface form is what a plan of that
province writes: the short name ("Sở Nội vụ"), the local form ("Công an tỉnh"), the full name
("Sở Nội vụ tỉnh Lào Cai") or the usual abbreviation ("Sở TT&TT", "Bộ CHQS tỉnh").

Leads are drawn with a Zipf-like skew over a ranking (the topic's own departments first), so a
few departments lead most tasks, as in real plans.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from bench.pools.topics import TOURISM_DEPARTMENT, Topic
from ontology.registry import Province, get_registry

#: Abbreviated forms plans use; ``{K}`` is "tỉnh" or "Thành phố".
ABBREVIATED = {
    "so-tttt": ("Sở TT&TT",),
    "so-vhttdl": ("Sở VH,TT&DL", "Sở VHTTDL"),
    "so-vhtt": ("Sở VH&TT",),
    "so-ke-hoach-va-dau-tu": ("Sở KH&ĐT",),
    "so-ldtbxh": ("Sở LĐTB&XH", "Sở LĐ-TB&XH"),
    "so-nn-ptnt": ("Sở NN&PTNT",),
    "so-tn-mt": ("Sở TN&MT",),
    "so-gddt": ("Sở GD&ĐT",),
    "so-khcn": ("Sở KH&CN",),
    "so-gtvt": ("Sở GTVT",),
    "ubnd": ("UBND {K}",),
    "van-phong-ubnd": ("Văn phòng UBND {K}",),
    "bo-chi-huy-quan-su": ("Bộ CHQS {K}",),
    "bo-chi-huy-bdbp": ("Bộ Chỉ huy BĐBP {K}",),
    "dai-pt-th": ("Đài PT&TH {K}", "Đài PT-TH {K}"),
    "cong-thong-tin-dien-tu": ("Cổng TTĐT {K}",),
    "uy-ban-mttq": ("Ủy ban MTTQ Việt Nam {K}",),
    "hoi-lhpn": ("Hội LHPN {K}",),
    "lien-doan-lao-dong": ("LĐLĐ {K}",),
    "doan-thanh-nien": ("{PD}",),
}
NATIONAL_ABBREVIATED = {
    "vn/thong-tan-xa-viet-nam": ("TTXVN",),
    "vn/dai-truyen-hinh-viet-nam": ("Đài Truyền hình Việt Nam (VTV)",),
    "vn/dai-tieng-noi-viet-nam": ("Đài Tiếng nói Việt Nam (VOV)",),
    "vn/bo-tttt": ("Bộ TT&TT",),
}

#: Departments and bodies that lead tasks in any plan, after the topic's own ranking.
COMMON_LEADS = (
    "so-noi-vu", "so-tai-chinh", "so-ke-hoach-va-dau-tu", "so-tu-phap", "so-tttt", "so-gddt",
    "so-y-te", "so-ldtbxh", "so-cong-thuong", "so-xay-dung", "so-tn-mt", "so-nn-ptnt", "so-gtvt",
    "so-khcn", "cong-an", "bo-chi-huy-quan-su", "uy-ban-mttq", "doan-thanh-nien", "hoi-lhpn",
    "hoi-nong-dan", "lien-doan-lao-dong", "bao", "dai-pt-th", "van-phong-ubnd", "thanh-tra",
    "ban-dan-toc", "ban-dan-van-{pcs}", "so-ngoai-vu", "trung-tam-xuc-tien", "cong-thong-tin-dien-tu",
)  # fmt: skip

#: Group templates by registry group slug; each must be one of the registry's forms.
GROUP_FORMS = {
    "lien-quan": (
        "các cơ quan, đơn vị liên quan",
        "các cơ quan, đơn vị có liên quan",
        "các đơn vị liên quan",
        "các cơ quan liên quan",
        "các cơ quan, đơn vị, địa phương liên quan",
    ),
    "so-ban-nganh": ("các Sở, ban, ngành {K}", "các sở, ban, ngành", "các sở, ngành liên quan"),
    "cap-huyen-tinh": ("UBND các huyện, thị xã, thành phố", "UBND các huyện, thành phố", "Ủy ban nhân dân các huyện, thị xã, thành phố"),
    "cap-huyen-city": ("UBND các quận, huyện, thị xã", "UBND quận, huyện, thị xã"),
    "cap-xa": ("UBND các xã, phường, thị trấn", "UBND cấp xã"),
    "bao-chi-dia-phuong": ("các cơ quan báo chí {K}",),
    "bao-chi-trung-uong": ("các cơ quan báo chí Trung ương",),
    "doan-the": ("các tổ chức chính trị - xã hội", "các tổ chức đoàn thể"),
    "mttq-doan-the": ("Ủy ban MTTQ Việt Nam {K} và các tổ chức chính trị - xã hội",),
    "bo-nganh-trung-uong": ("các bộ, ngành Trung ương",),
    "doanh-nghiep": ("các doanh nghiệp, hiệp hội",),
}  # fmt: skip


@dataclass(frozen=True)
class Mention:
    """A surface form and the registry ids it stands for (one body, or one or two groups)."""

    text: str
    ids: tuple[str, ...]


def fold(text: str) -> str:
    s = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def zipf_cum(n: int, s: float = 1.1) -> list[float]:
    return list(accumulate(1.0 / (k + 1) ** s for k in range(n)))


class ProvinceAgencies:
    """The bodies and groups of one province, with their surface forms."""

    def __init__(self, province: Province) -> None:
        self.province = province
        self.slug = province.slug
        self.city = province.kind == "thanh-pho"
        self.K = "Thành phố" if self.city else "tỉnh"
        self.pcs = "thanh-uy" if self.city else "tinh-uy"
        reg = get_registry()
        self.bodies = reg.bodies(self.slug)
        self._group_forms = {fold(f): ids for g in reg.groups(self.slug) for f, ids in g.forms}

    def id(self, slug: str) -> str | None:
        """The registry id of a ranking slug in this province, or None when it has no such body."""
        slug = slug.replace("{pcs}", self.pcs)
        if slug == "vhttdl":
            slug = "so-vhtt" if self.slug in TOURISM_DEPARTMENT else "so-vhttdl"
        elif slug == "du-lich":
            slug = "so-du-lich" if self.slug in TOURISM_DEPARTMENT else "so-vhttdl"
        bid = slug if slug.startswith("vn/") else f"{self.slug}/{slug}"
        return bid if bid in self.bodies else None

    def ranking(self, topic: Topic) -> list[str]:
        out: list[str] = []
        for slug in (*topic.leads, *COMMON_LEADS):
            bid = self.id(slug)
            if bid and bid not in out:
                out.append(bid)
        return out

    # -- surface forms -------------------------------------------------------------------------
    def _fill(self, text: str) -> str:
        return text.replace("{K}", self.K).replace("{PD}", "Thành đoàn" if self.city else "Tỉnh đoàn")

    def short(self, bid: str) -> str:
        """The name a plan of this province writes by default: 'Sở Nội vụ', 'Công an tỉnh'."""
        return _short_forms(self.slug, bid)[0]

    def forms(self, bid: str) -> tuple[str, ...]:
        """Every realistic form of a body in this province's plans (the short one first)."""
        shorts, abbrs, full = self._forms(bid)
        return tuple(dict.fromkeys((*shorts, *abbrs, full)))

    def _forms(self, bid: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
        slug = bid.split("/", 1)[1]
        abbrs = NATIONAL_ABBREVIATED.get(bid, ())
        if bid.startswith(self.slug + "/"):
            abbrs = tuple(self._fill(a) for a in ABBREVIATED.get(slug, ()))
        return _short_forms(self.slug, bid), abbrs, self.bodies[bid].name

    def mention(self, rng: random.Random, bid: str, *, abbreviations: bool = True) -> Mention:
        """A form drawn for one occurrence: mostly the short name, sometimes an abbreviation,
        the local form ("Sở Nội vụ tỉnh") or the full name."""
        shorts, abbrs, full = self._forms(bid)
        r = rng.random()
        if r < 0.6:
            text = shorts[0]
        elif r < 0.8:
            text = rng.choice(abbrs) if abbrs and abbreviations else shorts[0]
        elif r < 0.9:
            text = shorts[-1]
        else:
            text = full
        return Mention(text, (bid,))

    def group(self, rng: random.Random, slug: str) -> Mention:
        key = slug
        if slug == "cap-huyen":
            key = "cap-huyen-city" if self.city else "cap-huyen-tinh"
        text = self._fill(rng.choice(GROUP_FORMS[key]))
        ids = self._group_forms.get(fold(text))
        if ids is None:
            raise KeyError(f"group form {text!r} is not in the registry for {self.slug}")
        return Mention(text, tuple(ids))


@cache
def _short_forms(province: str, bid: str) -> tuple[str, ...]:
    """'Sở Nội vụ'; 'Công an tỉnh' (a generic name needs its place); 'Ban Tuyên giáo Tỉnh ủy'."""
    reg = get_registry()
    prov = reg.provinces[province]
    body = reg.bodies(province)[bid]
    if body.jurisdiction == "vn":
        return (body.name,)
    name = body.name
    k = "Thành phố" if prov.kind == "thanh-pho" else "tỉnh"
    if name.endswith(" " + prov.full):
        base = name[: -len(prov.full) - 1]
        if body.require_suffix or base.endswith(("Việt Nam", "Hồ Chí Minh")):  # else the national body
            return (f"{base} {k}",)
        return (base, f"{base} {k}")
    if name.endswith(" " + prov.name):
        base = name[: -len(prov.name) - 1]
        if body.require_suffix:  # "Đài Phát thanh và Truyền hình Lào Cai", "Báo Lào Cai"
            return (name, f"{base} {k}") if base.startswith("Đài") else (name,)
        return (base,)
    return (name,)


@cache
def province_agencies(slug: str) -> ProvinceAgencies:
    return ProvinceAgencies(get_registry().provinces[slug])


def plan_provinces() -> list[str]:
    """The 63 provinces and centrally-run cities of 2019–2024 (before the 2025 mergers)."""
    return [p.slug for p in get_registry().provinces.values() if p.slug != "hue"]
