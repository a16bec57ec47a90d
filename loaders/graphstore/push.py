"""``push``: copy the store's document graphs to a Graph Store, incrementally.

1. GET the manifest (:mod:`.manifest`): which graphs the target holds whole, and their hashes;
2. documents whose hash the manifest already holds are skipped (``force`` rewrites them);
3. before writing, the manifest is rewritten without the graphs about to change;
4. graphs the manifest lists but the store no longer holds are DELETEd (full pushes only,
   not with ``keys``);
5. each changed document: its graph as N-Triples in ONE ``PUT`` (replace), or, above
   ``chunk_triples``, a ``PUT`` of the first chunk and a ``POST`` (append) of each next one;
   a server answering 413 gets smaller chunks. A document that fails is reported, its
   graph is removed from the target (no half graph stays readable) and the push goes on;
   when the server is gone or refuses the credentials, the rest are "not attempted";
6. the manifest is rewritten with what was written (also every ``checkpoint`` documents).

So the manifest never names a graph the target does not hold whole, and the next push
repairs whatever a failure or a crash left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.errors import NotFound, PlangraphError
from loaders.graphstore.client import GraphRefused, GraphStoreClient, Unreachable
from loaders.graphstore.manifest import Manifest, manifest_graph
from loaders.push_report import PushReport as BasePushReport
from ontology.store import GraphStore

#: Triples per request above which a graph is sent in chunks (Virtuoso 7.2 with its default buffers
#: took a 45,000-triple PUT in a few seconds, and stalled on a 200,000-triple one; see docs/scaling.md).
DEFAULT_CHUNK = 50_000
MIN_CHUNK = 1_000
CHECKPOINT = 500

Progress = Callable[[str, str], None]


@dataclass(frozen=True)
class LocalGraph:
    """One document graph of the store, as the push sees it."""

    key: str
    graph: str
    triples: int
    content_hash: str | None
    description: list[str]


@dataclass
class PushReport(BasePushReport):
    deleted: list[str] = field(default_factory=list)
    triples: int = 0
    requests: int = 0

    def _more_counts(self) -> str:
        return f", {len(self.deleted)} deleted"

    def _volume(self) -> str:
        return f"{self.triples} triples, {self.requests} requests"


def local_graphs(store: GraphStore, keys: list[str] | None = None) -> list[LocalGraph]:
    """The documents to push (all, or ``keys``), sorted by key; an unknown key is :class:`NotFound`."""
    if keys is not None:
        for key in keys:
            if not store.has_document(key):
                raise NotFound(f"no document '{key}' in the store")
    docs = store.documents()
    wanted = set(keys) if keys is not None else None
    out = []
    for doc in docs:
        if wanted is not None and doc.id not in wanted:
            continue
        g = ox.NamedNode(doc.graph)
        description = sorted(f"{q.triple} ." for q in store.raw.quads_for_pattern(g, None, None, g))
        out.append(LocalGraph(doc.id, doc.graph, doc.triples, store.stored_hash(doc.id), description))
    return out


def graph_data(store: GraphStore, graph: str) -> bytes:
    """A document graph as N-Triples, one triple a line."""
    return store.raw.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))


def send_graph(client: GraphStoreClient, graph: str, data: bytes, chunk_triples: int) -> None:
    """Replace ``graph`` on the target by ``data``: one PUT, or a PUT then POSTs of chunks."""
    lines = data.splitlines(keepends=True)
    chunk = max(chunk_triples, 1)
    while True:
        try:
            for i in range(0, max(len(lines), 1), chunk):
                body = b"".join(lines[i : i + chunk])
                (client.put if i == 0 else client.post)(graph, body)
            return
        except GraphRefused as exc:
            if exc.status != 413 or chunk <= MIN_CHUNK:
                raise
            chunk = max(MIN_CHUNK, min(chunk, len(lines)) // 2)


def _write_manifest(client: GraphStoreClient, graph: str, manifest: Manifest) -> None:
    data = manifest.ntriples()
    if data:
        client.put(graph, data)
    else:
        client.delete(graph)


def push(
    store: GraphStore,
    client: GraphStoreClient,
    *,
    force: bool = False,
    keys: list[str] | None = None,
    chunk_triples: int = DEFAULT_CHUNK,
    progress: Progress | None = None,
    checkpoint: int = CHECKPOINT,
) -> PushReport:
    """Push the store's documents (or ``keys``) to the Graph Store behind ``client``; see the module doc."""
    report = PushReport()
    tell = progress or (lambda key, outcome: None)
    docs = local_graphs(store, keys)
    mgraph = manifest_graph(store.iris)
    answer = client.get(mgraph)
    manifest = Manifest.from_rdf(answer.body, answer.content_type) if answer is not None else Manifest()
    held = manifest.hashes()
    changed = [d for d in docs if force or d.content_hash is None or held.get(d.graph) != d.content_hash]
    writing = {d.key for d in changed}
    for doc in docs:
        if doc.key not in writing:
            report.unchanged.append(doc.key)
            tell(doc.key, "unchanged")
    gone: list[str] = []
    if keys is None:
        present = {d.graph for d in docs}
        gone = sorted(g for g in manifest.entries if g not in present)
    try:
        if changed or gone:
            for doc in changed:
                manifest.entries.pop(doc.graph, None)
            _write_manifest(client, mgraph, manifest)
        for graph in gone:
            _delete(client, store, graph, manifest, report, tell)
        _write_all(store, client, changed, manifest, report, tell, chunk_triples, checkpoint, mgraph)
        if changed or gone:
            try:
                _write_manifest(client, mgraph, manifest)
            except PlangraphError as exc:  # what was written stays; the next push writes it again
                report.failed.append(("the push manifest", str(exc)))
    finally:
        report.requests = client.requests
    return report


def _delete(client, store, graph, manifest, report, tell) -> None:
    key = store.iris.key_of(graph, "graph") or graph
    try:
        client.delete(graph)
    except GraphRefused as exc:
        report.failed.append((key, f"cannot delete its graph: {exc}"))
        tell(key, "failed")
        return
    manifest.entries.pop(graph, None)
    report.deleted.append(key)
    tell(key, "deleted")


def _write_all(store, client, docs, manifest, report, tell, chunk_triples, checkpoint, mgraph) -> None:
    for i, doc in enumerate(docs):
        try:
            send_graph(client, doc.graph, graph_data(store, doc.graph), chunk_triples)
        except GraphRefused as exc:
            report.failed.append((doc.key, _removed(client, doc.graph, str(exc))))
            tell(doc.key, "failed")
            continue
        except Unreachable as exc:
            report.failed.append((doc.key, str(exc)))
            report.not_attempted.extend(d.key for d in docs[i + 1 :])
            tell(doc.key, "failed")
            return
        manifest.entries[doc.graph] = doc.description
        report.written.append(doc.key)
        report.triples += doc.triples
        tell(doc.key, "written")
        if checkpoint and len(report.written) % checkpoint == 0 and i + 1 < len(docs):
            _write_manifest(client, mgraph, manifest)


def _removed(client: GraphStoreClient, graph: str, reason: str) -> str:
    """Remove what a failed write may have left of ``graph`` (best effort); the reason, saying what happened."""
    try:
        client.delete(graph)
    except PlangraphError:
        return f"{reason} (what it wrote may remain; the next push rewrites it)"
    return f"{reason} (its graph was removed from the target; the next push writes it)"
