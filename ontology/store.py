"""The embedded store: an on-disk Oxigraph database, one named graph per loaded document.

Loading a document replaces its named graph in one transaction: the store
holds the old version or the new one, never half of either. pyoxigraph runs a
whole SPARQL update (all its operations) in one transaction, so
``DROP SILENT GRAPH g ; INSERT DATA { GRAPH g { ... } }`` is atomic; the tests
inject a failure after the drop and the insert and find the old graph intact.
Loading content identical to what is stored writes nothing at all.

Only one process may open the store for writing (``plangraph serve`` holds it
for as long as it runs). Readers use ``GraphStore.reading(path, fn)``: a
read-only open that works next to a live writer and retries when the writer
moved files away under it (see docs/store.md).

>>> from graph.model import Extraction, Plan, SourceSpan
>>> store = GraphStore.memory()
>>> plan = Plan(id="vn/ubnd-ha-noi/kh/2022/94", title="Kế hoạch", source=SourceSpan(line_start=1, line_end=1))
>>> store.load_extraction(Extraction(document=plan)).changed
True
>>> store.load_extraction(Extraction(document=plan)).changed
False
>>> [d.id for d in store.documents()]
['vn/ubnd-ha-noi/kh/2022/94']
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox

from graph.errors import NotFound, PlangraphError, StorageFailure, StoreBusy
from graph.model import Extraction
from ontology.iris import DEFAULT_BASE, Iris
from ontology.mapping import DocumentGraph, document_graph
from ontology.name_index import stored_text as stored_names
from ontology.namespaces import ELI, PG, PPLAN
from ontology.ntriples import V, iri

_CONTENT_HASH = ox.NamedNode(str(PG.contentHash))
T = TypeVar("T")


class StoreChanged(PlangraphError):
    """A read-only reader met files the writing process had just compacted away (retry it)."""


def _transient(exc: BaseException) -> bool:
    text = str(exc)
    return "No such file or directory" in text or "Corruption" in text


#: What ``plangraph stats`` counts: (name, class). Shared entities are counted once.
COUNTED = (
    ("plans", PPLAN.Plan),
    ("tasks", PG.Task),
    ("assignments", PG.Assignment),
    ("agencies", PG.Agency),
    ("agency groups", PG.AgencyGroup),
    ("legal documents", ELI.LegalResource),
    ("named programmes", PG.NamedProgram),
    ("responsibilities", PG.Responsibility),
    ("reporting duties", PG.ReportingDuty),
    ("anniversaries", PG.Anniversary),
    ("recipients", PG.Recipient),
    ("source spans", PG.SourceSpan),
)


@dataclass(frozen=True)
class LoadResult:
    """What loading one document did."""

    id: str
    triples: int
    changed: bool
    #: the document's names summary before and after (see :mod:`ontology.name_index`): what an
    #: in-memory search index subtracts and adds instead of rebuilding itself
    names_before: str | None = None
    names: str | None = None


@dataclass(frozen=True)
class DocumentInfo:
    """One loaded document, as listed by :meth:`GraphStore.documents`."""

    id: str
    iri: str
    graph: str
    title: str | None
    label: str | None
    symbol: str | None
    date: dt.date | None
    triples: int


def replace_update(dg: DocumentGraph) -> str:
    """The one SPARQL update that replaces a document's graph (one transaction)."""
    g = iri(dg.graph)
    return f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{dg.ntriples()}}} }}"


class GraphStore:
    """A thin, typed wrapper around :class:`pyoxigraph.Store`."""

    def __init__(self, store: ox.Store, *, path: Path | None, read_only: bool, base: str = DEFAULT_BASE):
        self._store = store
        self.path = path
        self.read_only = read_only
        self.iris = Iris(base)
        self._write_lock = threading.Lock()

    # -- opening -------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, base: str = DEFAULT_BASE) -> GraphStore:
        """Open (or, for writing, create) the store at ``path``.

        A second writing process gets :class:`StoreBusy` (one line), never a raw lock error.
        """
        path = Path(path)
        try:
            if read_only:
                if not path.is_dir():
                    raise NotFound(f"no store at {path} (run 'plangraph load FILE' first)")
                store = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                store = ox.Store(str(path))
        except (OSError, RuntimeError) as exc:
            if "lock" in str(exc).lower():
                raise StoreBusy(f"the store {path} is in use by another process") from None
            if read_only and _transient(exc):
                raise StoreChanged(f"the store {path} changed while it was being opened") from None
            raise StorageFailure(f"cannot open the store {path}: {exc}") from None
        opened = cls(store, path=path, read_only=read_only, base=base)
        if not read_only:
            opened.repair()
        return opened

    @classmethod
    def reading(
        cls, path: str | Path, read: Callable[[GraphStore], T], *, base: str = DEFAULT_BASE, attempts: int = 5
    ) -> T:
        """Run ``read`` on a read-only view of the store, retrying when the writer moved files under it.

        Oxigraph calls a read-only open next to a live writer undefined behaviour; what happens
        here is that a flush or compaction of the writer deletes files the reader was about to
        open. The reader then fails cleanly, and a fresh open a moment later succeeds.
        """
        for attempt in range(1, attempts + 1):
            try:
                with cls.open(path, read_only=True, base=base) as store:
                    return read(store)
            except (StoreChanged, OSError, RuntimeError) as exc:  # pyoxigraph raises both kinds
                if attempt == attempts or not (isinstance(exc, StoreChanged) or _transient(exc)):
                    if isinstance(exc, PlangraphError):
                        raise
                    raise StorageFailure(f"cannot read the store {path}: {str(exc).splitlines()[0]}") from exc
                time.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

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

    def optimize(self) -> None:
        """Compact the store's files (RocksDB compaction): after a bulk import, reads decode terms
        several times faster. Readers may go on meanwhile; a failure leaves the data as it was."""
        if self.read_only or self.path is None:
            return
        with self._write_lock:
            try:
                self._store.optimize()
            except (OSError, RuntimeError) as exc:
                first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                raise StorageFailure(f"cannot compact the store: {first}") from exc

    def close(self) -> None:
        """Flush and let go of the store (and of its lock, for a writer)."""
        self.flush()
        self._store = None  # type: ignore[assignment]

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------
    def load_extraction(self, extraction: Extraction) -> LoadResult:
        """Store one extracted document in its own named graph (replacing any older version)."""
        return self.load_graph(document_graph(extraction, self.iris))

    def load_graph(self, dg: DocumentGraph) -> LoadResult:
        """One document in one transaction: a new one through Oxigraph's N-Quads loader (about twice as
        fast as parsing the same data as a SPARQL update), a changed one by DROP + INSERT DATA."""
        with self._write_lock:
            if self.stored_hash(dg.key) == dg.content_hash:
                return LoadResult(dg.key, dg.size, changed=False)
            before = None
            if self.has_document(dg.key):
                before = stored_names(self._store, dg.graph)
                self._write(replace_update(dg))
            else:
                self._insert_new(dg)
        return LoadResult(dg.key, dg.size, changed=True, names_before=before, names=dg.names)

    def _insert_new(self, dg: DocumentGraph) -> None:
        """Add a document that is not in the store: ``Store.load`` is one transaction (all or nothing)."""
        try:
            self._store.load(dg.nquads().encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        except (OSError, RuntimeError, ValueError, SyntaxError) as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise PlangraphError(f"cannot write to the store: {first}") from exc

    # -- bulk loading (an initial import: many new documents, no transaction each) -------------------
    def _bulk_marker(self) -> Path | None:
        return self.path.with_name(self.path.name + ".bulk.json") if self.path is not None else None

    def bulk_load_graphs(self, graphs: list[DocumentGraph]) -> list[LoadResult]:
        """Load many documents NEW to the store with Oxigraph's bulk loader (several times faster than one
        transaction each, but not transactional): a marker file names them first, and if the process dies
        before the load is flushed, the next writer's open drops whatever of them is incomplete
        (:meth:`repair`). Documents already in the store must go through :meth:`load_graph`."""
        if not graphs:
            return []
        marker = self._bulk_marker()
        with self._write_lock:
            if marker is not None:
                tmp = marker.with_suffix(".tmp")
                tmp.write_text(json.dumps([dg.key for dg in graphs]), encoding="utf-8")
                os.replace(tmp, marker)
            try:
                data = "".join(dg.nquads() for dg in graphs).encode("utf-8")
                self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
                self._store.flush()
            except (OSError, RuntimeError, ValueError, SyntaxError) as exc:
                first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                raise StorageFailure(f"cannot bulk-load into the store: {first}") from exc
            if marker is not None:
                marker.unlink(missing_ok=True)
        return [LoadResult(dg.key, dg.size, changed=True, names=dg.names) for dg in graphs]

    def repair(self) -> list[str]:
        """After a bulk load that did not finish: drop the documents it left incomplete; returns their ids."""
        marker = self._bulk_marker()
        if marker is None or not marker.exists() or self.read_only:
            return []
        try:
            keys = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            keys = []
        dropped = []
        for key in keys:
            g = ox.NamedNode(self.iris.graph(key))
            size = self.graph_size(key)
            q = f"SELECT ?n WHERE {{ GRAPH {g} {{ {g} {V.pg.tripleCount} ?n }} }}"
            rows = list(self._store.query(q))
            recorded = int(rows[0]["n"].value) if rows else None
            if size and recorded != size:
                self._write(f"DROP SILENT GRAPH {g}")
                dropped.append(key)
        self.flush()
        marker.unlink(missing_ok=True)
        return dropped

    def delete_document(self, key: str) -> str | None:
        """Remove a document's graph; returns the names summary it held (see :class:`LoadResult`)."""
        graph = ox.NamedNode(self.iris.graph(key))
        with self._write_lock:
            if not self._store.contains_named_graph(graph):
                raise NotFound(f"no document '{key}' in the store")
            before = stored_names(self._store, graph.value)
            self._write(f"DROP GRAPH {graph}")
        return before

    def _write(self, update: str) -> None:
        """Run one update (one transaction); storage failures become one-line errors."""
        try:
            self._store.update(update)
        except (OSError, RuntimeError) as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise StorageFailure(f"cannot write to the store: {first}") from exc

    # -- reading -------------------------------------------------------------------------------
    def has_document(self, key: str) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(self.iris.graph(key)))

    def stored_hash(self, key: str) -> str | None:
        g = ox.NamedNode(self.iris.graph(key))
        # consume the iterator here: a pyoxigraph QuadIter left to the garbage collector may be
        # dropped on another thread, which pyoxigraph reports as an error
        quads = list(self._store.quads_for_pattern(g, _CONTENT_HASH, None, g))
        return quads[0].object.value if quads else None

    def graph_size(self, key: str) -> int:
        g = ox.NamedNode(self.iris.graph(key))
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, g))

    def count_triples(self) -> int:
        """Triples in the document graphs (from each graph's own count: no full scan)."""
        q = f"SELECT (SUM(?n) AS ?t) WHERE {{ GRAPH ?g {{ ?g {V.pg.tripleCount} ?n }} }}"
        row = _first(self._store.query(q))
        return int(row["t"].value) if row["t"] is not None else 0

    def count_documents(self) -> int:
        q = f"SELECT (COUNT(?g) AS ?n) WHERE {{ GRAPH ?g {{ ?g a {V.pg.DocumentGraph} }} }}"
        return int(_first(self._store.query(q))["n"].value)

    def class_counts(self) -> dict[str, int]:
        """Distinct instances per counted class, across all documents (see :data:`COUNTED`)."""
        values = " ".join(iri(str(cls)) for _, cls in COUNTED)
        q = f"""SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{
                  VALUES ?c {{ {values} }} GRAPH ?g {{ ?s a ?c }} }} GROUP BY ?c"""
        found = {row["c"].value: int(row["n"].value) for row in self._store.query(q)}
        return {name: found.get(str(cls), 0) for name, cls in COUNTED}

    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[DocumentInfo]:
        """The loaded documents, sorted by id.

        Sorted here rather than with ORDER BY: on a read-only store next to a live writer,
        pyoxigraph 0.5 can hang in ORDER BY when the writer compacts files away (other
        queries fail cleanly and :meth:`reading` retries them).
        """
        q = f"""SELECT ?g ?plan ?n ?title ?label ?symbol ?date WHERE {{ GRAPH ?g {{
                  ?g a {V.pg.DocumentGraph} ; {V.pg.describes} ?plan ; {V.pg.tripleCount} ?n .
                  OPTIONAL {{ ?plan {V.eli.title} ?title }}
                  OPTIONAL {{ ?plan {V.rdfs.label} ?label }}
                  OPTIONAL {{ ?plan {V.eli.id_local} ?symbol }}
                  OPTIONAL {{ ?plan {V.eli.date_document} ?date }} }} }}"""
        found: dict[str, DocumentInfo] = {}
        for row in self._store.query(q):
            key = self.iris.key_of(row["g"].value, "graph")
            if key is None or key in found:
                continue
            date = row["date"]
            found[key] = DocumentInfo(
                id=key,
                iri=row["plan"].value,
                graph=row["g"].value,
                title=_value(row["title"]),
                label=_value(row["label"]),
                symbol=_value(row["symbol"]),
                date=dt.date.fromisoformat(date.value) if date is not None else None,
                triples=int(row["n"].value),
            )
        docs = [found[k] for k in sorted(found)]
        return docs[offset : offset + limit if limit is not None else None]

    def query(self, sparql: str, **kwargs):
        return self._store.query(sparql, **kwargs)


def _first(rows):
    """The first solution, consuming the iterator on this thread (see :meth:`GraphStore.stored_hash`)."""
    solutions = list(rows)
    return solutions[0]


def _value(term) -> str | None:
    return term.value if term is not None else None
