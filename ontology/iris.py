"""IRIs minted from content, under one configurable base.

Identity is derived from the records' keys, never from counters or clocks, so
loading the same document twice mints the same IRIs. Shared entities (agencies,
groups, cited documents, dates, document types) get the same IRI in every
document, so a union of the document graphs merges them.

>>> iris = Iris("https://w3id.org/plangraph/")
>>> iris.document("vn/ubnd-ha-noi/kh/2022/94")
'https://w3id.org/plangraph/id/eli/vn/ubnd-ha-noi/kh/2022/94'
>>> iris.task("vn/ubnd-ha-noi/kh/2022/94", "II.3")
'https://w3id.org/plangraph/id/eli/vn/ubnd-ha-noi/kh/2022/94/task/II-3'
>>> iris.agency("ha-noi/so-tttt")
'https://w3id.org/plangraph/id/org/ha-noi/so-tttt'
>>> iris.assignment("vn/ubnd-ha-noi/kh/2022/94", "I.1", "lead", "ha-noi/so-tttt")
'https://w3id.org/plangraph/id/eli/vn/ubnd-ha-noi/kh/2022/94/task/I-1/lead/ha-noi/so-tttt'
>>> iris.span("vn/ubnd-ha-noi/kh/2022/94", 180, 181)
'https://w3id.org/plangraph/id/eli/vn/ubnd-ha-noi/kh/2022/94/span/180-181'
>>> iris.key_of(iris.graph("vn/ubnd-ha-noi/kh/2022/94"), "graph")
'vn/ubnd-ha-noi/kh/2022/94'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, unquote

from graph.errors import InvalidInput

DEFAULT_BASE = "https://w3id.org/plangraph/"
_BAD_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|^`\\]')


@lru_cache(maxsize=65536)
def _path(key: str) -> str:
    return quote(key, safe="/-._~")


def _row(row: str) -> str:
    """'II.3' -> 'II-3' (rows and item numbers as path segments)."""
    return _path(row.replace(".", "-").replace("/", "-"))


def quote_hash(text: str) -> str:
    """A short, stable digest of a quoted text (to tell apart spans on the same lines).

    >>> quote_hash("KẾ HOẠCH")
    'f558376d994a'
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Iris:
    """Mints every IRI plangraph uses for data (vocabulary terms live in ``namespaces``)."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not self.base.startswith(("http://", "https://")) or _BAD_IRI_CHARS.search(self.base):
            raise InvalidInput(f"base IRI {self.base!r} is not a usable http(s) IRI")
        if not self.base.endswith("/"):
            object.__setattr__(self, "base", self.base + "/")

    # -- documents and their parts ---------------------------------------------------------
    def document(self, key: str) -> str:
        """A legal document or plan: ``id/eli/{issuer-scoped ELI path}``."""
        return f"{self.base}id/eli/{_path(key)}"

    def graph(self, key: str) -> str:
        """The named graph that holds one loaded document."""
        return f"{self.base}graph/{_path(key)}"

    def task(self, plan_key: str, row: str) -> str:
        return f"{self.document(plan_key)}/task/{_row(row)}"

    def assignment(self, plan_key: str, row: str, role: str, agent_key: str) -> str:
        """One role of one agent on one task: ``{task}/{role}/{agent key}``."""
        return f"{self.task(plan_key, row)}/{_path(role)}/{_path(agent_key)}"

    def responsibility(self, plan_key: str, item: str) -> str:
        return f"{self.document(plan_key)}/responsibility/{_row(item)}"

    def reporting(self, plan_key: str, item: str) -> str:
        return f"{self.document(plan_key)}/reporting/{_row(item)}"

    def anniversary(self, plan_key: str, item: str) -> str:
        return f"{self.document(plan_key)}/anniversary/{_path(item)}"

    def deadline(self, plan_key: str, item: str, n: int) -> str:
        """The ``n``-th deadline (1-based) of a reporting duty."""
        return f"{self.reporting(plan_key, item)}/deadline/{int(n)}"

    def recipient(self, plan_key: str, slug: str) -> str:
        return f"{self.document(plan_key)}/recipient/{_path(slug)}"

    def signature(self, plan_key: str) -> str:
        """The qualified attribution of a plan to its signer."""
        return f"{self.document(plan_key)}/signature"

    def source(self, plan_key: str) -> str:
        """The source file a plan was extracted from."""
        return f"{self.document(plan_key)}/source"

    def span(self, plan_key: str, start: int, end: int, quote_text: str = "") -> str:
        """A source span: its lines, and a digest of its quote when it has one."""
        tail = f"/{quote_hash(quote_text)}" if quote_text else ""
        return f"{self.document(plan_key)}/span/{start}-{end}{tail}"

    def quote(self, plan_key: str, start: int, end: int, quote_text: str) -> str:
        """The quote selector of a span."""
        return f"{self.span(plan_key, start, end, quote_text)}/quote"

    def lines(self, plan_key: str, start: int, end: int) -> str:
        """The line-range selector of a source file, shared by every span on those lines."""
        return f"{self.document(plan_key)}/lines/{start}-{end}"

    # -- shared entities -------------------------------------------------------------------
    def agency(self, key: str) -> str:
        """An agency (``ha-noi/so-tttt``) or an agency group (``ha-noi/group/cac-so-ban-nganh``)."""
        return f"{self.base}id/org/{_path(key)}"

    def person(self, jurisdiction: str, slug: str) -> str:
        return f"{self.base}id/person/{_path(jurisdiction)}/{_path(slug)}"

    def doc_type(self, code: str) -> str:
        """A document type concept ('nd' = Nghị định)."""
        return f"{self.base}id/doc-type/{_path(code)}"

    def instant(self, day: dt.date) -> str:
        return f"{self.base}id/date/{day.isoformat()}"

    def interval(self, start: dt.date | None, end: dt.date | None) -> str:
        a = start.isoformat() if start else "_"
        b = end.isoformat() if end else "_"
        return f"{self.base}id/interval/{a}/{b}"

    def timeline(self, owner: str) -> str:
        """A timeline known only by its label ('Thường xuyên'), owned by one task or item."""
        return f"{owner}/timeline"

    # -- back from IRIs --------------------------------------------------------------------
    def key_of(self, iri: str, kind: str = "eli") -> str | None:
        """The key back from an IRI (``kind`` is 'eli', 'org' or 'graph')."""
        prefix = f"{self.base}graph/" if kind == "graph" else f"{self.base}id/{kind}/"
        return unquote(iri[len(prefix) :]) if iri.startswith(prefix) else None
