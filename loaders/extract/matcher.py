"""Finding agency and group names in text: a token trie over the registry, longest match first.

Names are matched on :func:`graph.values.names.name_tokens` (no diacritics,
abbreviations expanded), so OCR damage to diacritics ("Dài Tiếng nói Việt Nam")
and abbreviations ("Sở TT&TT") meet the registry's names. A body of a province
matches by its base name ("Sở Tư pháp") and takes its jurisdiction from what
follows ("... tỉnh Lào Cai") or, by default, from the plan.

>>> m = get_matcher("ha-noi")
>>> [(x.surface, x.targets) for x in m.scan("Ban Tuyên giáo TU, Sở Tư pháp và các cơ quan, đơn vị liên quan")]
[('Ban Tuyên giáo TU', ('ha-noi/ban-tuyen-giao-thanh-uy',)), ('Sở Tư pháp', ('ha-noi/so-tu-phap',)), ('các cơ quan, đơn vị liên quan', ('ha-noi/group/lien-quan',))]
>>> [x.targets for x in m.scan("Sở Nội vụ tỉnh Lào Cai")]
[('lao-cai/so-noi-vu',)]
>>> [x.targets for x in m.scan("Công an thành phố Hà Nội")]
[('ha-noi/cong-an',)]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from graph.values.names import Token, name_tokens
from graph.values.text import slugify
from ontology.registry import Body, get_registry

_JUR_WORDS = {("thanh", "pho"), ("tinh",)}
_DISTRICT_WORDS = {("huyen",), ("quan",), ("thi", "xa"), ("thanh", "pho")}
#: bases that can head a district-level body: "UBND huyện Bát Xát"
_DISTRICT_BASES = {"uy ban nhan dan", "hoi dong nhan dan", "cong an", "ban chi huy quan su", "trung tam y te"}


@dataclass(frozen=True)
class Entry:
    targets: tuple[str, ...]
    kind: str  # "agency" | "group"
    scoped: bool = False  # a province body: may take a jurisdiction suffix
    slug: str = ""
    require_suffix: bool = False
    base: str = ""


@dataclass(frozen=True)
class Match:
    targets: tuple[str, ...]
    kind: str
    start: int  # character span in the scanned text
    end: int
    surface: str
    tok_start: int
    tok_end: int  # exclusive
    district: tuple[str, str, str] | None = None  # (base key, unit word, place) for district bodies


class Matcher:
    def __init__(self, jurisdiction: str) -> None:
        self.jurisdiction = jurisdiction
        self.registry = get_registry()
        self.trie: dict = {}
        self.keys: dict[str, Entry] = {}
        reg = self.registry
        own = reg.bodies(jurisdiction)
        for body in reg.bodies("vn").values():
            self._add_body(body, priority=1)
        for body in reg.province_specific():
            if body.jurisdiction != jurisdiction:
                self._add_body(body, priority=0, foreign=True)
        for body in own.values():
            self._add_body(body, priority=2)
        for group in reg.groups(jurisdiction if jurisdiction in reg.provinces else "vn"):
            for form, targets in group.forms:
                self._add(name_tokens(form), Entry(targets, "group"), priority=3)
        self.provinces = {tuple(k.split()): p.slug for k, p in reg.province_keys().items()}

    def _add_body(self, body: Body, *, priority: int, foreign: bool = False) -> None:
        """Index a body by its names. A body of another province is indexed by its full name only."""
        scoped = body.scoped and not foreign
        entry = Entry((body.id,), "agency", scoped, body.slug, body.require_suffix and not foreign)
        if foreign:
            names = {body.name}
        else:
            names = set(body.base_names) | set(body.abbreviations)
            if not body.scoped:
                names |= set(body.aliases) | {body.name}
        for name in names:
            toks = [t for t in name_tokens(name) if not t.sep]
            if not toks or (len(toks) == 1 and len(toks[0].norm) <= 2):
                continue
            key = " ".join(t.norm for t in toks)
            self._add(
                toks,
                Entry(entry.targets, entry.kind, entry.scoped, entry.slug, entry.require_suffix, key),
                priority,
            )

    def _add(self, tokens: list[Token], entry: Entry, priority: int) -> None:
        words = [t.norm for t in tokens if not t.sep]
        if not words:
            return
        node = self.trie
        for w in words:
            node = node.setdefault(w, {})
        old = node.get("$")
        if old is None or old[0] <= priority:
            node["$"] = (priority, entry)
        self.keys.setdefault(" ".join(words), entry)

    # -- scanning ------------------------------------------------------------------------------
    def scan(self, text: str, *, prose: bool = False) -> list[Match]:
        """Every name in ``text``, left to right, longest first, non-overlapping.

        In ``prose``, an agency name must start with a capital letter ("cơ sở du lịch" is not
        "Sở Du lịch"); group phrases ("các sở, ngành") need not.
        """
        toks = name_tokens(text)
        out: list[Match] = []
        trie = self.trie
        i = 0
        n = len(toks)
        while i < n:
            if toks[i].norm not in trie:  # most words start no name: skip them cheaply
                i += 1
                continue
            m = self._match_at(text, toks, i, prose)
            if m is None:
                i += 1
                continue
            out.append(m)
            i = m.tok_end
        return out

    def _match_at(self, text: str, toks: list[Token], i: int, prose: bool) -> Match | None:
        if toks[i].sep or (i > 0 and toks[i - 1].start == toks[i].start and toks[i - 1].end == toks[i].end):
            return None
        node = self.trie
        best: tuple[int, Entry] | None = None
        j = i
        while j < len(toks):
            t = toks[j]
            if t.sep:
                if t.norm == "," and j > i:
                    j += 1
                    continue
                break
            nxt = node.get(t.norm)
            if nxt is None:
                break
            node = nxt
            j += 1
            splits = j < len(toks) and toks[j].start == t.start and toks[j].end == t.end
            if "$" in node and not splits:  # never end inside an expanded abbreviation ("UBND")
                best = (j, node["$"][1])
        if best is None:
            return None
        end, entry = best
        if end - i == 1 and end < len(toks) and toks[end].norm in ("bo", "uy", "vien", "doan", "vien"):
            return None  # "Đảng bộ", "Đảng ủy", "Đảng viên" are not "Đảng"
        # do not end a match on a comma that was skipped
        if entry.kind == "agency" and prose and not toks[i].cap:
            return None
        targets = entry.targets
        district = None
        if entry.scoped:
            end, targets, district, ok = self._suffix(toks, end, entry)
            if not ok:
                return None
        start_c, end_c = toks[i].start, toks[end - 1].end
        return Match(targets, entry.kind, start_c, end_c, text[start_c:end_c], i, end, district)

    def _suffix(self, toks: list[Token], j: int, entry: Entry):
        """Consume "thành phố", "tỉnh", a province name or a district after a province body's base."""
        # only the next few words matter (a unit, a province of up to 4 words, a place of up to 4):
        # a window keeps this constant-time however long the text is
        window = [t.norm if not t.sep else None for t in toks[j : j + _SUFFIX_WINDOW]]
        words = _Window(window, j)
        k = j
        unit: tuple[str, ...] | None = None
        for w in (("thanh", "pho"), ("thi", "xa"), ("tinh",), ("huyen",), ("quan",)):
            if tuple(words[k : k + len(w)]) == w:
                unit = w
                k += len(w)
                break
        prov = None
        prov_start = k
        for length in (4, 3, 2, 1):
            cand = tuple(words[k : k + length])
            if len(cand) == length and None not in cand and cand in self.provinces:
                prov = self.provinces[cand]
                k += length
                break
        own_is_tinh = (
            self.jurisdiction in self.registry.provinces
            and self.registry.provinces[self.jurisdiction].kind == "tinh"
        )
        district_unit = unit in (("huyen",), ("quan",), ("thi", "xa")) or (
            unit == ("thanh", "pho")
            and (
                (prov is not None and prov == self.jurisdiction and own_is_tinh)
                or (prov is None and k < len(toks) and toks[k].cap and not toks[k].sep)
            )
        )
        if (
            unit is None
            and prov is None
            and k < len(toks)
            and toks[k].norm == "cac"
            and entry.slug in ("ubnd", "hdnd", "cong-an")
        ):
            return j, entry.targets, None, False  # "UBND các xã ...": many committees, not this one
        if district_unit:
            if entry.base in _DISTRICT_BASES or entry.slug in ("ubnd", "hdnd", "cong-an"):
                if prov is not None:
                    p, place = k, words[prov_start:k]
                else:
                    p = k
                    while p < len(toks) and p - k < 4 and not toks[p].sep and toks[p].cap:
                        p += 1
                    place = words[k:p]
                if place:
                    return p, (), (entry.slug, " ".join(unit), " ".join(place)), True
                if unit != ("thanh", "pho"):
                    # "UBND huyện" with no name: the plan's own district, if it is a district's plan
                    return k, (), (entry.slug, " ".join(unit), ""), True
            return j, entry.targets, None, not entry.require_suffix
        if prov is not None and prov != self.jurisdiction:
            other = self.registry.bodies(prov).get(f"{prov}/{entry.slug}")
            if other is not None:
                return k, (other.id,), None, True
            return j, entry.targets, None, not entry.require_suffix
        if unit is None and prov is None:
            return j, entry.targets, None, not entry.require_suffix
        return k, entry.targets, None, True

    def district_id(self, district: tuple[str, str, str]) -> str:
        slug, unit, place = district
        return f"{self.jurisdiction}/{slug}-{slugify(unit)}-{slugify(place)}"


_SUFFIX_WINDOW = 12


class _Window:
    """``toks[start:]``'s words, indexed and sliced with the positions of ``toks``."""

    def __init__(self, words: list[str | None], start: int) -> None:
        self.words, self.start = words, start

    def __getitem__(self, s: slice) -> list[str | None]:
        return self.words[s.start - self.start : s.stop - self.start]


@lru_cache(maxsize=128)
def get_matcher(jurisdiction: str) -> Matcher:
    return Matcher(jurisdiction)
