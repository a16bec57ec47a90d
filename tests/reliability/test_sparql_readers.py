"""The SPARQL worker's read-only view next to a writer that keeps flushing (regression).

Found by ``test_live_server.py``: a worker reopening the store met files that the writer's flush
or compaction had just removed — while fingerprinting the folder (``FileNotFoundError``) or
opening it (``RuntimeError``) — outside the retry, and the query failed with 503.
"""

from __future__ import annotations

import threading

import pytest

from ontology.sparql.worker import Job, StoreCache, execute
from ontology.store import GraphStore
from tests.reliability import documents as D


@pytest.mark.slow
def test_queries_keep_answering_while_the_writer_flushes(tmp_path):
    docs = [d for d in D.versions() if d.old.size < 4_000]
    path = tmp_path / "store"
    job = Job(
        query=D.WHOLE,
        source=("path", str(path.resolve())),
        formats={"solutions": "json", "boolean": "json", "graph": "ntriples"},
        max_results=1_000,
    )
    with GraphStore.open(path) as store:
        store.bulk_load_graphs([d.old for d in docs])
        done = threading.Event()
        writes = []

        def write() -> None:
            while not done.is_set():
                for d in docs:
                    store.load_graph(d.new if store.stored_hash(d.key) == d.old.content_hash else d.old)
                    store.flush()
                    writes.append(d.key)

        writer = threading.Thread(target=write)
        writer.start()
        stores = StoreCache()
        try:
            answers = [execute(job, stores) for _ in range(30)]
        finally:
            done.set()
            writer.join(120)
    assert all(a.result == "solutions" and a.count == len(docs) for a in answers)
    assert len(writes) >= 2
