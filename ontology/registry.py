"""Reference data shipped with the project: provinces, public bodies, collective groups.

The registry instantiates its templates for one jurisdiction: "Sở Thông tin và
Truyền thông" in a Hanoi plan is Hanoi's department (``ha-noi/so-tttt``), not
Lào Cai's.

>>> reg = get_registry()
>>> body = reg.body("ha-noi/so-tttt")
>>> body.name, body.parent, body.eli_slug
('Sở Thông tin và Truyền thông thành phố Hà Nội', 'ha-noi/ubnd', 'so-tttt-ha-noi')
>>> reg.body("lao-cai/tinh-uy").name
'Tỉnh ủy Lào Cai'
>>> reg.issuer_for_code("TTg", "ha-noi").id
'vn/thu-tuong-chinh-phu'
>>> reg.issuer_for_code("UBND", "ha-noi").id
'ha-noi/ubnd'
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from graph.values.names import PARTY_COMMITTEE, name_key
from graph.values.text import fold


@dataclass(frozen=True)
class Province:
    slug: str
    name: str  # "Hà Nội"
    kind: str  # "thanh-pho" (centrally-run city) | "tinh"
    merged_into: str | None = None  # the 2025 province it became part of

    @property
    def full(self) -> str:
        """'thành phố Hà Nội' / 'tỉnh Lào Cai'."""
        return f"{'thành phố' if self.kind == 'thanh-pho' else 'tỉnh'} {self.name}"

    @property
    def party_committee(self) -> str:
        return "Thành ủy" if self.kind == "thanh-pho" else "Tỉnh ủy"


@dataclass(frozen=True)
class Body:
    """A public body of the registry, instantiated for its jurisdiction."""

    id: str
    slug: str
    name: str
    name_en: str
    abbreviations: tuple[str, ...]
    aliases: tuple[str, ...]
    level: str
    kind: str
    parent: str | None
    jurisdiction: str  # "vn" or a province slug
    base_names: tuple[str, ...] = ()  # names without the jurisdiction suffix (for matching)
    require_suffix: bool = False  # a generic base ("Báo", "Thanh tra") only counts with its place

    @property
    def eli_slug(self) -> str:
        """The issuer segment of ELI ids: 'chinh-phu', 'ubnd-ha-noi'."""
        return self.slug if self.jurisdiction == "vn" else f"{self.slug}-{self.jurisdiction}"

    @property
    def scoped(self) -> bool:
        return self.jurisdiction != "vn"


@dataclass(frozen=True)
class GroupDef:
    id: str
    slug: str
    label: str
    label_en: str
    jurisdiction: str
    forms: tuple[tuple[str, tuple[str, ...]], ...] = field(default_factory=tuple)  # (surface form, group ids)


def _read(name: str) -> list[list[str]]:
    text = resources.files("ontology.reference").joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("|")])
    return rows


_SUFFIX_PLACEHOLDERS = re.compile(r"\s*\{(PF|P|PK)\}\s*$")
_GENERIC_BASES = {"bao", "thanh tra", "cong an", "dai phat thanh va truyen hinh", "cong thong tin dien tu"}


class Registry:
    def __init__(self) -> None:
        text = resources.files("ontology.reference").joinpath("provinces.csv").read_text(encoding="utf-8")
        self.provinces: dict[str, Province] = {}
        for row in csv.DictReader(text.splitlines()):
            self.provinces[row["slug"]] = Province(
                row["slug"], row["name"], row["kind"], row["merged_into_2025"] or None
            )
        self._agency_rows = _read("agencies.psv")
        self._group_rows = _read("groups.psv")
        self._by_province_key = {name_key(p.name): p for p in self.provinces.values()}
        self._by_province_key["ho chi minh"] = self.provinces["ho-chi-minh"]
        self._by_province_key["hcm"] = self.provinces["ho-chi-minh"]
        self._by_province_key["thua thien hue"] = self.provinces["thua-thien-hue"]
        self._bodies: dict[str, dict[str, Body]] = {}
        self._groups: dict[str, list[GroupDef]] = {}
        self._specific: list[Body] | None = None

    # -- provinces -----------------------------------------------------------------------------
    def province(self, slug: str) -> Province | None:
        return self.provinces.get(slug)

    def province_by_name(self, name: str) -> Province | None:
        """'Hà Nội', 'ha noi', 'TP. Hồ Chí Minh' -> the province."""
        key = name_key(name)
        key = re.sub(r"^(thanh pho|tinh)\s+", "", key)
        return self._by_province_key.get(key)

    def province_keys(self) -> dict[str, Province]:
        """Folded province names -> province (for suffix matching)."""
        return dict(self._by_province_key)

    # -- bodies --------------------------------------------------------------------------------
    def _fill(self, template: str, prov: Province | None) -> str:
        if prov is None:
            return template
        return (
            template.replace("{PF}", prov.full)
            .replace("{PK}", "Thành phố" if prov.kind == "thanh-pho" else "Tỉnh")
            .replace("{PC}", prov.party_committee)
            .replace("{PD}", "Thành đoàn" if prov.kind == "thanh-pho" else "Tỉnh đoàn")
            .replace("{pcs}", "thanh-uy" if prov.kind == "thanh-pho" else "tinh-uy")
            .replace("{P}", prov.name)
        )

    def _base(self, template: str, prov: Province | None) -> str:
        return self._fill(_SUFFIX_PLACEHOLDERS.sub("", template), prov)

    def bodies(self, jurisdiction: str = "vn") -> dict[str, Body]:
        """National bodies plus, for a province, its instantiated templates (by id)."""
        if jurisdiction in self._bodies:
            return self._bodies[jurisdiction]
        prov = self.provinces.get(jurisdiction)
        out: dict[str, Body] = {}
        for row in self._agency_rows:
            scope, slug, name, abbr, aliases, level, kind, parent, name_en = (row + [""] * 9)[:9]
            if scope == "vn":
                jur, p = "vn", None
            elif prov is None:
                continue
            elif (
                scope == "province"
                or (scope == "city" and prov.kind == "thanh-pho")
                or (scope == "tinh" and prov.kind == "tinh")
                or scope == prov.slug
            ):
                jur, p = prov.slug, prov
            else:
                continue
            slug_ = self._fill(slug, p)
            lvl = level
            if lvl == "province" and p is not None:
                lvl = "city" if p.kind == "thanh-pho" else "province"
            alias_list = [self._fill(a, p) for a in aliases.split(";") if a]
            bases = {self._base(name, p), *(self._base(a, p) for a in aliases.split(";") if a)}
            if p is not None:  # "Ban Tuyên giáo TU": TU is the party committee of this province
                bases |= {
                    self._base(t.replace("{PC}", PARTY_COMMITTEE), p)
                    for t in [name, *aliases.split(";")]
                    if "{PC}" in t
                }
            generic = any(name_key(b) in _GENERIC_BASES for b in bases)
            parent_id = None
            if parent:
                pslug = self._fill(parent, p)
                parent_id = (
                    f"{jur}/{pslug}"
                    if jur != "vn" and not parent.startswith(("bo-", "dang-", "chinh-"))
                    else f"vn/{pslug}"
                )
            body = Body(
                id=f"{jur}/{slug_}",
                slug=slug_,
                name=self._fill(name, p),
                name_en=self._fill(name_en, p),
                abbreviations=tuple(a for a in abbr.split(";") if a),
                aliases=tuple(alias_list),
                level=lvl,
                kind=kind or "other",
                parent=parent_id,
                jurisdiction=jur,
                base_names=tuple(sorted(b for b in bases if b)),
                require_suffix=generic and jur != "vn",
            )
            out[body.id] = body
        # a parent that is not in the registry for this jurisdiction is dropped, not invented
        for bid, body in list(out.items()):
            if body.parent and body.parent not in out:
                out[bid] = Body(**{**body.__dict__, "parent": None})
        self._bodies[jurisdiction] = out
        return out

    def province_specific(self) -> list[Body]:
        """Bodies that exist in one province only (not templates), for every province (computed once)."""
        if self._specific is None:
            self._specific = self._province_specific()
        return self._specific

    def _province_specific(self) -> list[Body]:
        slugs = sorted({r[0] for r in self._agency_rows if r[0] in self.provinces})
        return [
            b
            for s in slugs
            for b in self.bodies(s).values()
            if any(r[0] == s and self._fill(r[1], self.provinces[s]) == b.slug for r in self._agency_rows)
        ]

    def body(self, body_id: str) -> Body | None:
        jur = body_id.split("/", 1)[0]
        return self.bodies(jur).get(body_id)

    def eli_slug(self, agency_id: str | None) -> str:
        """The issuer segment of ELI ids for any agency id: 'chinh-phu', 'ubnd-ha-noi', 'ubnd-huyen-bat-xat-lao-cai'.

        >>> get_registry().eli_slug("lao-cai/ubnd-huyen-bat-xat")
        'ubnd-huyen-bat-xat-lao-cai'
        """
        if not agency_id:
            return "_"
        body = self.body(agency_id)
        if body is not None:
            return body.eli_slug
        jur, _, slug = agency_id.partition("/")
        return slug if jur == "vn" else f"{slug}-{jur}"

    def issuer_for_code(self, code: str, jurisdiction: str = "vn") -> Body | None:
        """The body behind a symbol's issuer code: 'CP', 'TTg', 'BTTTT', 'UBND' (local), 'QH13'."""
        code_f = fold(re.sub(r"\d+$", "", code))
        if not code_f:
            return None
        for body in self.bodies(jurisdiction).values():
            if body.scoped and any(fold(a) == code_f for a in body.abbreviations):
                return body
        for body in self.bodies("vn").values():
            if any(fold(a) == code_f for a in body.abbreviations):
                return body
        if code_f == "tw":
            return self.bodies("vn").get("vn/bch-trung-uong")
        return None

    # -- groups --------------------------------------------------------------------------------
    def groups(self, jurisdiction: str = "vn") -> list[GroupDef]:
        if jurisdiction not in self._groups:
            self._groups[jurisdiction] = self._make_groups(jurisdiction)
        return self._groups[jurisdiction]

    def _make_groups(self, jurisdiction: str) -> list[GroupDef]:
        prov = self.provinces.get(jurisdiction)
        out = []
        for slug, label, forms, label_en in ((r + [""] * 4)[:4] for r in self._group_rows):
            gid = f"{jurisdiction}/group/{slug}"
            parsed: list[tuple[str, tuple[str, ...]]] = []
            for form in forms.split(";"):
                if not form:
                    continue
                if "=>" in form:
                    surface, targets = form.split("=>", 1)
                    ids = tuple(f"{jurisdiction}/group/{t.strip()}" for t in targets.split("+"))
                else:
                    surface, ids = form, (gid,)
                if "{" in surface and prov is None:
                    continue
                parsed.append((self._fill(surface.strip(), prov), ids))
            label_ = self._fill(label, prov) if prov else re.sub(r"\s*\{\w+\}", "", label)
            out.append(
                GroupDef(
                    gid,
                    slug,
                    label_,
                    self._fill(label_en, prov) if prov else label_en,
                    jurisdiction,
                    tuple(parsed),
                )
            )
        return out


@lru_cache(maxsize=1)
def get_registry() -> Registry:
    return Registry()
