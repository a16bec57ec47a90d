"""Real documents in two versions each, and the checks that a store holds whole documents only.

The documents are extracted by the real pipeline from the seed and from synthetic plans of the
bench generator (one of them large: ~45,000 triples). A document's "new" version is the same
document with the second half of its tasks dropped (same id, different content).
"""

from __future__ import annotations

import functools
import pickle
import random
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from bench.generate import Settings as CorpusSettings
from bench.generate import generate_one
from bench.noise import Noise
from bench.plan import Options, build
from bench.render import render
from loaders.extract import extract_text
from loaders.read import read_bytes
from ontology.iris import Iris
from ontology.mapping import DocumentGraph, document_graph
from ontology.namespaces import PG
from ontology.store import GraphStore
from tests.conftest import SEED

#: Tasks of the large plan (~60 triples each: ~45,000 triples).
BIG_TASKS = 750
SMALL_PLANS = 7


@functools.cache
def texts() -> tuple[tuple[str, bytes], ...]:
    """(file name, bytes) of the seed, seven synthetic plans and one large one."""
    out = [(SEED.name, SEED.read_bytes())]
    for i in range(1, SMALL_PLANS + 1):
        text, _ = generate_one(CorpusSettings(noise=0.0), i)
        out.append((f"plan-{i:05d}.md", text.encode("utf-8")))
    base = "plangraph-reliability:big"
    plan = build(random.Random(base), Options(min_tasks=BIG_TASKS, max_tasks=BIG_TASKS))
    big = render(plan, random.Random(base + ":layout"), Noise(random.Random(base + ":noise"), 0, 0, 0))
    out.append(("plan-big.md", big.encode("utf-8")))
    return tuple(out)


def write_texts(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in texts():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


@dataclass(frozen=True)
class Versions:
    """A document's two versions."""

    old: DocumentGraph
    new: DocumentGraph

    @property
    def key(self) -> str:
        return self.old.key

    def which(self, content_hash: str) -> str | None:
        return {self.old.content_hash: "old", self.new.content_hash: "new"}.get(content_hash)


@functools.cache
def versions() -> tuple[Versions, ...]:
    iris = Iris()
    out = []
    for name, data in texts():
        extraction = extract_text(read_bytes(data, name=name))
        old = document_graph(extraction, iris)
        extraction.tasks = extraction.tasks[: len(extraction.tasks) // 2]
        new = document_graph(extraction, iris)
        assert old.key == new.key and old.content_hash != new.content_hash
        out.append(Versions(old, new))
    return tuple(out)


def save_versions(path: Path) -> Path:
    """Pickle the versions for a child process (``load_versions``)."""
    path.write_bytes(pickle.dumps(versions()))
    return path


def load_versions(path: str | Path) -> tuple[Versions, ...]:
    return pickle.loads(Path(path).read_bytes())


_CANONICAL: dict[tuple[str, str], list[bytes]] = {}


def _lines(raw: ox.Store, graph: str) -> list[bytes]:
    """A graph's triples as sorted N-Triples lines (Oxigraph's own serialization: comparable)."""
    return sorted(raw.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph)).splitlines())


def _canonical(dg: DocumentGraph) -> list[bytes]:
    key = (dg.key, dg.content_hash)
    if key not in _CANONICAL:
        raw = ox.Store()
        raw.load(dg.nquads().encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        _CANONICAL[key] = _lines(raw, dg.graph)
    return _CANONICAL[key]


def exact_version(store: GraphStore, doc: Versions) -> str | None:
    """'old' or 'new' when the stored graph is exactly that version, None when absent; else fails."""
    found = _lines(store.raw, store.iris.graph(doc.key))
    if not found:
        return None
    for label, dg in (("old", doc.old), ("new", doc.new)):
        if found == _canonical(dg):
            return label
    raise AssertionError(
        f"{doc.key}: {len(found)} triples, neither version ({doc.old.size} / {doc.new.size})"
    )


#: One query, so one snapshot: per graph, its size and what it records about itself.
WHOLE = f"""SELECT ?g (COUNT(*) AS ?c) (GROUP_CONCAT(DISTINCT STR(?n)) AS ?ns)
                     (GROUP_CONCAT(DISTINCT STR(?h)) AS ?hs) WHERE {{
  GRAPH ?g {{ ?s ?p ?o }}
  OPTIONAL {{ GRAPH ?g {{ ?g <{PG.tripleCount}> ?n ; <{PG.contentHash}> ?h }} }}
}} GROUP BY ?g"""


def whole_documents(store: GraphStore | ox.Store, docs: tuple[Versions, ...]) -> dict[str, str]:
    """Which version of each document one query sees; raises AssertionError on any partial one."""
    raw = store.raw if isinstance(store, GraphStore) else store
    rows = [{k: row[k].value for k in ("g", "c", "ns", "hs")} for row in raw.query(WHOLE)]
    return check_whole(rows, docs)


def check_whole(rows: list[dict[str, str]], docs: tuple[Versions, ...]) -> dict[str, str]:
    """The check of :func:`whole_documents` on the rows of :data:`WHOLE` (also as SPARQL JSON values)."""
    by_graph = {Iris().graph(d.key): d for d in docs}
    seen = {}
    for row in rows:
        graph, count = row["g"], int(row["c"])
        doc = by_graph.get(graph)
        assert doc is not None, f"unknown graph {graph}"
        hashes = row["hs"].split()
        assert len(hashes) == 1 and row["ns"] == str(count), (graph, count, row["ns"], hashes)
        label = doc.which(hashes[0])
        assert label is not None and count == getattr(doc, label).size, (graph, count, label)
        seen[doc.key] = label
    return seen
