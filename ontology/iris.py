"""IRIs minted from content, under one configurable base.

>>> iris = Iris("https://w3id.org/plangraph/")
>>> iris.document("vn/ubnd-ha-noi/kh/2022/94")
'https://w3id.org/plangraph/id/eli/vn/ubnd-ha-noi/kh/2022/94'
>>> iris.task("vn/ubnd-ha-noi/kh/2022/94", "II.3")
'https://w3id.org/plangraph/id/eli/vn/ubnd-ha-noi/kh/2022/94/task/II-3'
>>> iris.agency("ha-noi/so-tttt")
'https://w3id.org/plangraph/id/org/ha-noi/so-tttt'
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

DEFAULT_BASE = "https://w3id.org/plangraph/"


def _path(key: str) -> str:
    return quote(key, safe="/-._~")


@dataclass(frozen=True)
class Iris:
    base: str = DEFAULT_BASE

    def document(self, key: str) -> str:
        return f"{self.base}id/eli/{_path(key)}"

    def graph(self, key: str) -> str:
        """The named graph that holds one loaded document."""
        return f"{self.base}graph/{_path(key)}"

    def task(self, plan_key: str, row: str) -> str:
        return f"{self.document(plan_key)}/task/{_path(row.replace('.', '-'))}"

    def agency(self, key: str) -> str:
        return f"{self.base}id/org/{_path(key)}"

    def key_of(self, iri: str, kind: str = "eli") -> str | None:
        """The key back from an IRI (``kind`` is 'eli', 'org' or 'graph')."""
        prefix = f"{self.base}graph/" if kind == "graph" else f"{self.base}id/{kind}/"
        return iri[len(prefix) :] if iri.startswith(prefix) else None
