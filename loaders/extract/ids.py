"""Ids that stay unique within one extraction when a document repeats a number.

>>> ids = UniqueIds()
>>> [ids.unique("III.1.a") for _ in range(3)]
['III.1.a', 'III.1.a-2', 'III.1.a-3']
>>> "III.1.a-2" in ids
True
"""

from __future__ import annotations


class UniqueIds:
    """The ids given so far; :meth:`unique` gives ``base``, else ``base-2``, ``base-3``...

    The next suffix to try is remembered per base, so a number repeated thousands of times costs
    linear time.
    """

    def __init__(self) -> None:
        self._seen: set[str] = set()
        self._next: dict[str, int] = {}

    def __contains__(self, rid: str) -> bool:
        return rid in self._seen

    def add(self, rid: str) -> None:
        self._seen.add(rid)

    def unique(self, base: str) -> str:
        rid, k = base, self._next.get(base, 1)
        if k > 1:
            rid = f"{base}-{k}"
        while rid in self._seen:
            k += 1
            rid = f"{base}-{k}"
        self._next[base] = k
        self._seen.add(rid)
        return rid
