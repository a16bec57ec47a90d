"""The embedded store: an on-disk Oxigraph database, one named graph per loaded document.

Loading a document replaces its named graph in one transaction: the store
holds the old version or the new one, never half of either.

>>> from graph.model import Extraction, Plan, SourceSpan
>>> store = GraphStore.memory()
>>> plan = Plan(id="vn/ubnd-ha-noi/kh/2022/94", title="Kế hoạch", source=SourceSpan(line_start=1, line_end=1))
>>> store.load_extraction(Extraction(document=plan)) > 0
True
>>> [d["id"] for d in store.documents()]
['vn/ubnd-ha-noi/kh/2022/94']
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from graph.errors import NotFound, StoreBusy
from graph.model import Extraction
from ontology.iris import DEFAULT_BASE, Iris
from ontology.mapping import triples
from ontology.namespaces import ELI, PPLAN, RDF


class GraphStore:
    """A thin, typed wrapper around :class:`pyoxigraph.Store`."""

    def __init__(self, store: ox.Store, *, path: Path | None, read_only: bool, base: str = DEFAULT_BASE):
        self._store = store
        self.path = path
        self.read_only = read_only
        self.iris = Iris(base)

    # -- opening -------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, base: str = DEFAULT_BASE) -> GraphStore:
        """Open (or create) the store at ``path``.

        A second writing process gets :class:`StoreBusy` (one line), never a raw lock error.
        """
        path = Path(path)
        try:
            if read_only:
                if not path.exists():
                    raise NotFound(f"no store at {path} (run 'plangraph load FILE' first)")
                store = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                store = ox.Store(str(path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreBusy(
                    f"the store {path} is held by another process (a running 'plangraph serve'?)"
                ) from None
            raise StoreBusy(f"cannot open the store {path}: {exc}") from None
        return cls(store, path=path, read_only=read_only, base=base)

    @classmethod
    def memory(cls, base: str = DEFAULT_BASE) -> GraphStore:
        return cls(ox.Store(), path=None, read_only=False, base=base)

    @property
    def raw(self) -> ox.Store:
        """The underlying pyoxigraph store (for queries)."""
        return self._store

    def flush(self) -> None:
        if not self.read_only and self.path is not None:
            self._store.flush()

    # -- writing -------------------------------------------------------------------------------
    def replace_graph(self, graph_iri: str, data: Iterable[ox.Triple]) -> int:
        """Replace the named graph ``graph_iri`` with ``data`` atomically; returns its size."""
        g = ox.NamedNode(graph_iri)
        body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in data)
        self._store.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")
        return self.graph_size(graph_iri)

    def load_extraction(self, extraction: Extraction) -> int:
        """Store one extracted document in its own named graph; returns the graph's triple count."""
        graph = self.iris.graph(extraction.document.id)
        n = self.replace_graph(graph, triples(extraction, self.iris))
        self.flush()
        return n

    def delete_document(self, key: str) -> None:
        graph = ox.NamedNode(self.iris.graph(key))
        if not self._store.contains_named_graph(graph):
            raise NotFound(f"no document '{key}' in the store")
        self._store.update(f"DROP GRAPH {graph}")
        self.flush()

    # -- reading -------------------------------------------------------------------------------
    def graph_size(self, graph_iri: str) -> int:
        g = ox.NamedNode(graph_iri)
        rows = self._store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
        return int(next(iter(rows))["n"].value)

    def count_triples(self) -> int:
        rows = self._store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(rows))["n"].value)

    def documents(self) -> list[dict]:
        """The loaded documents (plans), one per named graph, sorted by id."""
        q = f"""SELECT ?g ?plan WHERE {{ GRAPH ?g {{ ?plan <{RDF.type}> <{PPLAN.Plan}> ;
                 a <{ELI.LegalResource}> }} }}"""
        out = []
        for row in self._store.query(q):
            key = self.iris.key_of(row["g"].value, "graph")
            if key is not None:
                out.append({"id": key, "iri": row["plan"].value, "graph": row["g"].value})
        return sorted(out, key=lambda d: d["id"])

    def query(self, sparql: str, **kwargs):
        return self._store.query(sparql, **kwargs)
