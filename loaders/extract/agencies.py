"""Agency resolution: names in cells, headings and prose -> registry bodies, groups or kept-unknowns.

An :class:`AgencyBook` collects every agency and group a document names, with
the surface forms as aliases, the first mention as its source and the lines it
occurs on.

>>> book = AgencyBook("ha-noi")
>>> book.cell("Ban Tuyên giáo Thành ủy, các sở, ngành, đơn vị liên quan", 10)
['ha-noi/ban-tuyen-giao-thanh-uy', 'ha-noi/group/so-ban-nganh', 'ha-noi/group/lien-quan']
>>> book.cell("Trung tâm Đào tạo, Tư vấn CNTT& Truyền thông, thuộc Sở TT&TT", 11)
['ha-noi/trung-tam-dao-tao-tu-van-cong-nghe-thong-tin-va-truyen-thong']
>>> a = book.agencies["ha-noi/trung-tam-dao-tao-tu-van-cong-nghe-thong-tin-va-truyen-thong"]
>>> a.name, a.parent, a.needs_review
('Trung tâm Đào tạo, Tư vấn Công nghệ thông tin và Truyền thông', 'ha-noi/so-tttt', True)
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from graph.model import Agency, AgencyGroup, SourceSpan
from graph.values.names import PARTY_COMMITTEE, _expand, name_key
from graph.values.symbols import SYMBOL_IN_TEXT
from graph.values.text import clean, fold, fold_chars, slugify
from loaders.extract.matcher import Match, get_matcher
from ontology.registry import get_registry

#: words that open the name of an organisation (folded); a capitalised one starts a new name
ORG_HEADS = (
    "so",
    "ban",
    "bo",
    "bao",
    "dai",
    "trung tam",
    "vien",
    "hoi",
    "lien hiep",
    "lien doan",
    "cong an",
    "cong",
    "tong cuc",
    "cuc",
    "chi cuc",
    "phong",
    "van phong",
    "uy ban",
    "tong cong ty",
    "cong ty",
    "tap doan",
    "truong",
    "benh vien",
    "hiep hoi",
    "doan",
    "thanh tra",
    "kho bac",
    "ngan hang",
    "quy",
    "hoc vien",
    "dai hoc",
    "toa an",
    "vien kiem sat",
    "bao hiem",
    "bo chi huy",
    "bo tu lenh",
    "tap chi",
    "nha xuat ban",
    "nha hat",
    "bao tang",
    "thu vien",
    "to chuc",
    "hop tac xa",
    "dang uy",
    "huyen uy",
    "thi uy",
    "quan uy",
    "tinh uy",
    "thanh uy",
    "kenh",
    "don",
    "tram y te",
    "vien thong",
    "hoi dong",
    "mat tran",
    "chi nhanh",
    "tram",
    "hat",
    "cang vu",
    "ubnd",
)
_HEAD_LEVEL = {
    "so": ("province", "department"),
    "bo": ("central", "central"),
    "cuc": ("central", "central"),
    "tong cuc": ("central", "central"),
    "bao": ("press", "press"),
    "dai": ("press", "press"),
    "tap chi": ("press", "press"),
    "cong": ("press", "press"),
    "trung tam": ("unit", "unit"),
    "vien": ("unit", "unit"),
    "truong": ("unit", "unit"),
    "benh vien": ("unit", "unit"),
    "hoi": ("mass", "mass"),
    "lien hiep": ("mass", "mass"),
    "lien doan": ("mass", "mass"),
    "hiep hoi": ("other", "mass"),
    "cong ty": ("other", "enterprise"),
    "tong cong ty": ("other", "enterprise"),
    "tap doan": ("other", "enterprise"),
    "phong": ("unit", "unit"),
    "ban": ("province", "department"),
}
_CONNECTORS = re.compile(
    r"^(?:và|với|cùng|các|cùng với|phối hợp(?: với)?|chủ trì|đề nghị|giao|thuộc|trực thuộc)\s+", re.IGNORECASE
)
_PARENT_MARK = re.compile(r"(?:,|\s)\s*(?:trực\s+)?thuộc\s*$", re.IGNORECASE)
_SKIP = re.compile(
    r"^(?:liên quan|có liên quan|thành phố|tỉnh|trung ương|hà nội|địa phương|"
    r"đơn vị|cơ quan|nhân dân|\W*)$",
    re.IGNORECASE,
)


def _head(text: str) -> str | None:
    f = fold(text)
    for head in sorted(ORG_HEADS, key=len, reverse=True):
        if (f == head or f.startswith(head + " ")) and text[:1].isupper():
            return head
    return None


class AgencyBook:
    def __init__(self, jurisdiction: str) -> None:
        self.jurisdiction = jurisdiction
        #: ("huyện", "Bát Xát") when the plan is a district's: "Công an huyện" is that district's
        self.home_district: tuple[str, str] | None = None
        self.matcher = get_matcher(jurisdiction)
        self.registry = get_registry()
        self.agencies: dict[str, Agency] = {}
        self.groups: dict[str, AgencyGroup] = {}
        self._fuzzy_keys = {k: e for k, e in self.matcher.keys.items() if e.kind == "agency" and len(k) > 6}

    # -- recording -----------------------------------------------------------------------------
    def _touch(self, target: str, surface: str, line: int, line_end: int | None = None) -> str:
        surface = clean(surface)
        span = SourceSpan(line_start=line, line_end=line_end or line, quote=surface)
        if "/group/" in target:
            g = self.groups.get(target)
            if g is None:
                gdef = next((x for x in self.registry.groups(self._group_jur()) if x.id == target), None)
                label = gdef.label if gdef else surface
                g = self.groups[target] = AgencyGroup(
                    id=target, label=label, jurisdiction=self.jurisdiction, source=span
                )
            if surface and surface not in g.aliases:
                g.aliases.append(surface)
            if line not in g.occurrence_lines:
                g.occurrence_lines.append(line)
            return target
        a = self.agencies.get(target)
        if a is None:
            body = self.registry.body(target)
            if body is None:
                raise KeyError(target)
            a = self.agencies[target] = Agency(
                id=body.id,
                name=body.name,
                name_en=body.name_en or None,
                abbreviations=list(body.abbreviations),
                level=body.level if body.level in _LEVELS else "other",
                kind=body.kind,
                parent=body.parent,
                jurisdiction=body.jurisdiction,
                source=span,
            )
        if surface and surface not in a.aliases:
            a.aliases.append(surface)
        if line not in a.occurrence_lines:
            a.occurrence_lines.append(line)
        return target

    def _group_jur(self) -> str:
        return self.jurisdiction if self.jurisdiction in self.registry.provinces else "vn"

    def _district(self, m: Match, line: int) -> str:
        slug, unit, place_key = m.district
        if not place_key:
            home = self.home_district
            if home is None or fold(home[0]) != unit:
                return self._touch(f"{self.jurisdiction}/group/cap-huyen", m.surface, line)
            m = Match(
                m.targets,
                m.kind,
                m.start,
                m.end,
                f"{m.surface} {home[1]}",
                m.tok_start,
                m.tok_end,
                (slug, unit, fold(home[1])),
            )
            aid = self.matcher.district_id(m.district)
            if aid in self.agencies:
                return self._record_alias(aid, m.surface.rsplit(" ", len(home[1].split()))[0], line)
        slug, unit, _ = m.district
        body = self.registry.body(f"{self.jurisdiction}/{slug}")
        words = m.surface.split()
        place_len = len(m.district[2].split())
        place = " ".join(words[-place_len:])
        unit_words = {"huyen": "huyện", "quan": "quận", "thi xa": "thị xã", "thanh pho": "thành phố"}[unit]
        base = body.base_names[0] if body and body.base_names else words[0]
        if body is not None and body.slug == "ubnd":
            base = "Ủy ban nhân dân"
        name = clean(f"{base} {unit_words} {place.title() if place.isupper() else place}")
        aid = self.matcher.district_id(m.district)
        if aid not in self.agencies:
            parent = f"{self.jurisdiction}/ubnd" if self.registry.body(f"{self.jurisdiction}/ubnd") else None
            self.agencies[aid] = Agency(
                id=aid,
                name=name,
                level="district",
                kind="district",
                parent=parent,
                jurisdiction=self.jurisdiction,
                source=SourceSpan(line_start=line, line_end=line, quote=m.surface),
            )
        return self._record_alias(aid, m.surface, line)

    def _record_alias(self, aid: str, surface: str, line: int) -> str:
        a = self.agencies[aid]
        if surface not in a.aliases:
            a.aliases.append(clean(surface))
        if line not in a.occurrence_lines:
            a.occurrence_lines.append(line)
        return aid

    def unknown(self, surface: str, line: int, parent: str | None = None) -> str:
        """Keep an organisation the registry does not know, flagged for review."""
        surface = clean(surface).strip(" ,;.:")
        expanded = clean(_expand(surface, lenient=False)[0]).replace(" &", " và").replace("&", " và ")
        expanded = clean(re.sub(r"\s+,", ",", expanded))
        name = expanded if not surface.isupper() else expanded[:1] + expanded[1:].lower()
        if self.home_district and re.search(r"\b(huyện|quận|thị xã|Huyện ủy|Quận ủy|Thị ủy)$", name):
            name = (
                f"{name} {self.home_district[1]}"  # "Công an huyện" in a district's plan is that district's
            )
        prov = self.registry.province(self.jurisdiction)
        name = name.replace(PARTY_COMMITTEE, prov.party_committee if prov else "Tỉnh ủy")
        key = name_key(re.sub(r"\s+(thành phố|tỉnh)(\s+[\wÀ-ỹ ]+)?$", "", name))
        aid = f"{self.jurisdiction}/{slugify(key)}"
        head = _head(surface) or ""
        level, kind = _HEAD_LEVEL.get(head, ("other", "other"))
        a = self.agencies.get(aid)
        if a is None:
            a = self.agencies[aid] = Agency(
                id=aid,
                name=name,
                level=level,
                kind=kind,
                parent=parent,
                jurisdiction=self.jurisdiction,
                needs_review=True,
                source=SourceSpan(line_start=line, line_end=line, quote=surface),
            )
        elif a.needs_review and a.name[1:].islower() and not surface.isupper():
            a.name = name  # a mixed-case spelling is better than the upper-case heading's
        if parent and not a.parent:
            a.parent = parent
        return self._record_alias(aid, surface, line)

    # -- resolving -----------------------------------------------------------------------------
    def _targets(self, m: Match, line: int) -> list[str]:
        if m.district is not None:
            return [self._district(m, line)]
        return [self._touch(t, m.surface, line) for t in m.targets]

    def fuzzy(self, text: str) -> str | None:
        """A registry body for a name with letters damaged beyond its diacritics."""
        key = name_key(text)
        for prov_key in self.registry.province_keys():
            key = re.sub(rf"\s+(thanh pho|tinh)( {prov_key})?$|\s+{prov_key}$", "", key)
        hit = process.extractOne(key, self._fuzzy_keys.keys(), scorer=fuzz.ratio, score_cutoff=90)
        if hit is None:
            return None
        return self._fuzzy_keys[hit[0]].targets[0]

    def cell(self, text: str, line: int, *, line_end: int | None = None) -> list[str]:
        """The agencies and groups of a table cell, in order ("A, B và các cơ quan liên quan")."""
        text = clean(text)
        out: list[str] = []
        pos = 0
        matches = self.matcher.scan(_mask_symbols(text))
        for k, m in enumerate(matches):
            if m.start < pos:
                continue
            residual = text[pos : m.start]
            tail = re.match(r"\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ-]*\s*){1,4})", text[m.end :])
            nxt_start = matches[k + 1].start if k + 1 < len(matches) else len(text)
            if (
                tail
                and m.kind == "agency"
                and m.end + tail.end(1) <= nxt_start
                and fold(tail.group(1).split()[0]) != "va"
            ):
                # "Báo Tuổi trẻ Thủ đô" is not "Báo Tuổi Trẻ": a longer name the registry does not know
                out.extend(self._residual(residual, line))
                out.append(self.unknown(text[m.start : m.end + tail.end(1)], line))
                pos = m.end + tail.end(1)
                continue
            if out and _PARENT_MARK.search(residual) and not self._has_name(residual):
                # "Trung tâm X, thuộc Sở Y": Y is the parent of X, not a co-lead
                parent = (self._targets(m, line) or [None])[0]
                prev = self.agencies.get(out[-1])
                if prev is not None and parent and not prev.parent:
                    prev.parent = parent
                pos = m.end
                continue
            new = self._residual(residual, line)
            if new and _PARENT_MARK.search(residual):
                parent = (self._targets(m, line) or [None])[0]
                a = self.agencies.get(new[-1])
                if a is not None and parent:
                    a.parent = parent
                out.extend(new)
                pos = m.end
                continue
            out.extend(new)
            out.extend(self._targets(m, line))
            pos = m.end
        out.extend(self._residual(text[pos:], line))
        seen: set[str] = set()
        return [x for x in out if not (x in seen or seen.add(x))]

    def _has_name(self, residual: str) -> bool:
        stripped = _PARENT_MARK.sub("", residual).strip(" ,;")
        return bool(stripped) and _head(_CONNECTORS.sub("", stripped)) is not None

    def _residual(self, text: str, line: int) -> list[str]:
        out: list[str] = []
        for chunk in re.split(r";", text):
            pieces: list[str] = []
            parts = re.split(r"(,|\s+và\s+)", chunk)
            seps = ["", *parts[1::2]]
            for sep, part in zip(seps, parts[0::2], strict=False):
                part = part.strip(" .:-–")
                if not part:
                    continue
                stripped = _CONNECTORS.sub("", part).strip()
                stripped = _PARENT_MARK.sub("", stripped).strip()
                if pieces and _head(stripped) is None:
                    # a name with commas or "và": "Trung tâm A, B, C", "Phòng Văn hóa và Thông tin"
                    pieces[-1] = f"{pieces[-1]}{sep if sep == ',' else ' và'} {part}"
                else:
                    pieces.append(stripped)
            for piece in pieces:
                piece = _PARENT_MARK.sub("", piece).strip(" ,.")
                if not piece or _SKIP.match(piece) or _head(piece) is None:
                    continue
                hit = self.fuzzy(piece)
                if hit is not None:
                    out.append(self._touch(hit, piece, line))
                else:
                    out.append(self.unknown(piece, line))
        return out

    def name(self, text: str, line: int) -> tuple[str | None, bool]:
        """One name (a section heading, a responsibility's addressee): (id, requested)."""
        t = clean(text).strip(" .:")
        # on the folded text, so a damaged tone ("Đề nghi", "De nghị") still counts
        lead = re.match(r"^(?:kinh de nghi|de nghi|giao)\s+", fold_chars(t).lower())
        requested = bool(lead) and "nghi" in lead.group(0)
        if lead:
            t = t[lead.end() :]
        matches = self.matcher.scan(t)
        if matches and matches[0].start <= 4 and (matches[0].end >= len(t) - 3 or len(matches) == 1):
            ids = self._targets(matches[0], line)
            if ids:
                return ids[0], requested
        if _head(t):
            hit = self.fuzzy(t)
            if hit is not None:
                return self._touch(hit, t, line), requested
            return self.unknown(t, line), requested
        return None, requested

    def mentions(self, text: str, line: int, *, line_end: int | None = None) -> tuple[list[str], list[str]]:
        """Agencies and groups named in prose (registry names only; capitalised agency names)."""
        agencies: list[str] = []
        groups: list[str] = []
        for m in self.matcher.scan(_mask_symbols(text), prose=True):
            for t in self._targets(m, line):
                (groups if "/group/" in t else agencies).append(t)
        return list(dict.fromkeys(agencies)), list(dict.fromkeys(groups))

    def results(self) -> tuple[list[Agency], list[AgencyGroup]]:
        def order(x):
            return (x.source.line_start, x.id)

        for a in self.agencies.values():
            a.occurrence_lines.sort()
        for g in self.groups.values():
            g.occurrence_lines.sort()
        return sorted(self.agencies.values(), key=order), sorted(self.groups.values(), key=order)


def _mask_symbols(text: str) -> str:
    """Blank out document numbers ("1191/QĐ-TTg") so their codes are not read as names; same length."""
    return SYMBOL_IN_TEXT.sub(lambda m: " " * len(m.group(0)), text)


_LEVELS = {
    "central",
    "province",
    "city",
    "district",
    "commune",
    "party",
    "press",
    "unit",
    "mass",
    "foreign",
    "other",
}
