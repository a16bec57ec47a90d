"""The model -> RDF mapping: one :class:`graph.model.Extraction` to one document graph.

The output is N-Triples text, built directly (no rdflib in the load path): the
store ingests serialized data much faster than Python objects. Identity comes
from :class:`ontology.iris.Iris`, so the same extraction always gives the same
lines, and shared entities get the same IRIs in every document.

>>> from graph.model import Extraction, Plan, SourceSpan
>>> plan = Plan(id="vn/ubnd-ha-noi/kh/2022/94", doc_type="Kế hoạch", number="94", symbol="KH-UBND",
...             full_symbol="94/KH-UBND", source=SourceSpan(line_start=1, line_end=2))
>>> dg = document_graph(Extraction(document=plan), Iris())
>>> dg.graph
'https://w3id.org/plangraph/graph/vn/ubnd-ha-noi/kh/2022/94'
>>> dg.size == len(dg.lines) and dg.size > 10
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from graph.model import Extraction
from ontology import name_index
from ontology.iris import Iris
from ontology.mapping._builder import Builder
from ontology.mapping.agents import map_agents
from ontology.mapping.documents import doc_label, map_cited, map_plan
from ontology.mapping.duties import map_anniversaries, map_recipients, map_reporting, map_responsibilities
from ontology.mapping.tasks import map_tasks
from ontology.network_index import summary_line
from ontology.ntriples import V, integer, iri, lit
from ontology.task_index import index_lines

#: Triples the store adds about each document graph (type, describes, content hash, triple count,
#: coordination summary: see :mod:`ontology.network_index`; task table: see :mod:`ontology.task_index`;
#: names summary: see :mod:`ontology.name_index`).
#: The page keys of the task index (one per task and agent and role) come on top of these.
META_TRIPLES = 7


def content_lines(extraction: Extraction, iris: Iris) -> list[str]:
    """The N-Triples lines of one extraction, in a stable order, without duplicates."""
    b = Builder(extraction, iris)
    map_plan(b)
    map_cited(b)
    map_agents(b)
    map_tasks(b)
    map_responsibilities(b)
    map_reporting(b)
    map_anniversaries(b)
    map_recipients(b)
    return b.lines()


@dataclass(frozen=True)
class DocumentGraph:
    """Everything one document puts in the store: its named graph and its lines."""

    key: str
    graph: str
    plan: str
    lines: list[str]
    content_hash: str
    names: str | None = None  # the names summary stored with it (JSON text, see ontology.name_index)

    @property
    def size(self) -> int:
        return len(self.lines)

    def ntriples(self) -> str:
        return "\n".join(self.lines) + "\n"

    def nquads(self) -> str:
        """The lines as N-Quads in the document's own graph (for bulk loading many documents)."""
        g = f" {iri(self.graph)} ."
        return "".join(line[:-2] + g + "\n" for line in self.lines)


def document_graph(extraction: Extraction, iris: Iris) -> DocumentGraph:
    """The content lines plus the graph's own description (hash and size, for cheap listings; the
    summaries of its coordination network and of its names, for fast merges over many documents) and
    its task index (for fast pages of an agency's tasks)."""
    key = extraction.document.id
    content = content_lines(extraction, iris)
    digest = hashlib.sha256("\n".join(sorted(content)).encode("utf-8")).hexdigest()
    g, plan = iris.graph(key), iris.document(key)
    gt = iri(g)
    table, keys = index_lines(g, content, plan)
    meta = [
        f"{gt} {V.rdf.type} {V.pg.DocumentGraph} .",
        f"{gt} {V.pg.describes} {iri(plan)} .",
        f"{gt} {V.pg.contentHash} {lit(digest)} .",
        f"{gt} {V.pg.tripleCount} {integer(len(content) + META_TRIPLES + len(keys))} .",
        summary_line(g, content, plan),
        table,
        *keys,
    ]
    names = name_index.encode(name_index.summary_of(content))
    meta.append(f"{gt} {V.pg.namesSummary} {name_index.literal(names)} .")
    return DocumentGraph(key=key, graph=g, plan=plan, lines=content + meta, content_hash=digest, names=names)


def triples(extraction: Extraction, iris: Iris) -> Iterator[ox.Triple]:
    """The document graph as pyoxigraph triples (for tests and small tools; the store reads text)."""
    data = document_graph(extraction, iris).ntriples().encode("utf-8")
    for quad in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
        yield quad.triple


__all__ = ["META_TRIPLES", "DocumentGraph", "content_lines", "doc_label", "document_graph", "triples"]
