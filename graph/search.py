"""Finding agencies, groups and documents by name: with or without diacritics, abbreviations, small typos.

An index of (id, kind, names) entries; a query is normalised the way names are
(:func:`graph.values.names.name_key`, lenient: "so tt&tt" = "Sở Thông tin và Truyền
thông"), then matched exactly, by prefix, and fuzzily (rapidfuzz).

>>> idx = NameIndex([Entry("ha-noi/so-ngoai-vu", "agency", "Sở Ngoại vụ thành phố Hà Nội", ("Sở Ngoại vụ",)),
...                  Entry("ha-noi/so-tttt", "agency", "Sở Thông tin và Truyền thông thành phố Hà Nội",
...                        ("Sở TT&TT",))])
>>> [h.id for h in idx.search("so ngoai vu")]
['ha-noi/so-ngoai-vu']
>>> idx.search("sở tt&tt")[0].id
'ha-noi/so-tttt'
>>> idx.search("So Ngaoi vu")[0].id  # a typo
'ha-noi/so-ngoai-vu'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from graph.values.names import name_key

#: words that say where, not who: dropped from both sides before comparing
_PLACE_WORDS = re.compile(r"\b(thanh pho|tinh|ha noi|thu do|tp)\b")


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str  # agency | group | document | task
    label: str
    names: tuple[str, ...] = ()
    weight: float = 0.0  # breaks ties: an agency with more tasks is the likelier meaning
    data: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Hit:
    id: str
    kind: str
    label: str
    score: float  # 0..100
    matched: str  # the name that matched


def _keys(text: str) -> set[str]:
    key = name_key(text, lenient=True)
    bare = _PLACE_WORDS.sub(" ", key)
    bare = " ".join(bare.split())
    return {k for k in (key, bare) if k}


class NameIndex:
    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        self._exact: dict[str, set[str]] = {}
        self._choices: list[str] = []
        self._owners: list[str] = []
        for e in entries:
            self.add(e)

    def add(self, entry: Entry) -> None:
        self.entries[entry.id] = entry
        for name in (entry.label, *entry.names):
            if not name:
                continue
            for k in _keys(name):
                if entry.id not in self._exact.setdefault(k, set()):
                    self._exact[k].add(entry.id)
                    self._choices.append(k)
                    self._owners.append(entry.id)

    def update(self, remove: Iterable[str], add: Iterable[Entry]) -> None:
        """Drop the entries with these ids, then add these entries (one pass over the names)."""
        gone = {i for i in remove if i in self.entries}
        for eid in gone:
            e = self.entries.pop(eid)
            for name in (e.label, *e.names):
                for k in _keys(name) if name else ():
                    owners = self._exact.get(k)
                    if owners is not None:
                        owners.discard(eid)
                        if not owners:
                            del self._exact[k]
        if gone:
            kept = [(c, o) for c, o in zip(self._choices, self._owners, strict=True) if o not in gone]
            self._choices = [c for c, _ in kept]
            self._owners = [o for _, o in kept]
        for e in add:
            self.add(e)

    def __len__(self) -> int:
        return len(self.entries)

    def search(
        self, text: str, *, kinds: tuple[str, ...] | None = None, limit: int = 10, cutoff: float = 82
    ) -> list[Hit]:
        """Best matches first; exact (after normalisation) scores 100."""
        best: dict[str, tuple[float, str]] = {}

        def offer(eid: str, score: float, matched: str) -> None:
            e = self.entries[eid]
            if kinds and e.kind not in kinds:
                return
            if eid not in best or best[eid][0] < score:
                best[eid] = (score, matched)

        qkeys = _keys(text)
        for q in qkeys:
            for eid in self._exact.get(q, ()):
                offer(eid, 100.0, q)
        if not best:
            for q in qkeys:
                if len(q) < 3:
                    continue
                for choice, score, i in process.extract(
                    q, self._choices, scorer=fuzz.ratio, limit=limit * 3, score_cutoff=cutoff
                ):
                    offer(self._owners[i], float(score), choice)
                # a query that is the start of a longer name ("so ngoai" -> "so ngoai vu ...")
                if len(q) >= 6:
                    for i, choice in enumerate(self._choices):
                        if choice.startswith(q + " "):
                            offer(self._owners[i], 85.0, choice)
        hits = [
            Hit(eid, self.entries[eid].kind, self.entries[eid].label, s, m) for eid, (s, m) in best.items()
        ]
        hits.sort(key=lambda h: (-h.score, -self.entries[h.id].weight, len(h.label), h.id))
        return hits[:limit]


def index_from_extraction(extraction) -> NameIndex:
    """A name index of one extraction's agencies and groups, weighted by the tasks they take part in."""
    weight: dict[str, int] = {}
    for t in extraction.tasks:
        for a in (*t.lead, *t.coordinating):
            weight[a] = weight.get(a, 0) + 1
    entries = [
        Entry(a.id, "agency", a.name, (*a.aliases, *a.abbreviations), weight.get(a.id, 0))
        for a in extraction.agencies
    ]
    entries += [
        Entry(g.id, "group", g.label, tuple(g.aliases), weight.get(g.id, 0)) for g in extraction.collectives
    ]
    return NameIndex(entries)
