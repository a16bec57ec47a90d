"""Nothing lost, nothing half-written: a writer killed with SIGKILL at random points, many times.

Each round starts a process that replaces real documents (nine, one of ~45,000 triples) back and
forth between two versions, kills it with SIGKILL after a random delay, then opens the store for
writing (which proves the lock is free and runs the repair) and compares every document, triple
by triple, with its two versions: each is exactly the old one or the new one. A second test kills
``load --bulk`` imports, after which the open drops whatever was left incomplete.

``PLANGRAPH_CRASH_ROUNDS`` (default 6) and ``PLANGRAPH_BULK_CRASH_ROUNDS`` (default 3) set the
number of kills; the seed of each round is printed on failure.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from ontology.store import GraphStore
from tests.conftest import ROOT
from tests.reliability import documents as D

ROUNDS = int(os.environ.get("PLANGRAPH_CRASH_ROUNDS", "6"))
BULK_ROUNDS = int(os.environ.get("PLANGRAPH_BULK_CRASH_ROUNDS", "3"))

WRITER = textwrap.dedent(
    """
    import random, sys
    sys.path.insert(0, {root!r})
    from ontology.store import GraphStore
    from tests.reliability.documents import load_versions
    docs = load_versions({versions!r})
    store = GraphStore.open({path!r})
    rng = random.Random({seed})
    order = [{first}] + [rng.randrange(len(docs)) for _ in range(1000)]
    print("ready", flush=True)
    for i in order:
        d = docs[i]
        target = d.new if store.stored_hash(d.key) == d.old.content_hash else d.old
        print("writing", i, flush=True)
        store.load_graph(target)
        print("wrote", i, flush=True)
    """
)

BULK = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from ontology.store import GraphStore
    from tests.reliability.documents import load_versions
    docs = load_versions({versions!r})
    store = GraphStore.open({path!r})
    print("ready", flush=True)
    store.bulk_load_graphs([d.old for d in docs[1:]])  # new documents only, as load --bulk does
    print("wrote", flush=True)
    """
)


def run_and_kill(code: str, delay: float, after: str = "ready", *, may_finish: bool = False) -> list[str]:
    """Start ``code``; SIGKILL it ``delay`` seconds after it prints a line starting with ``after``;
    return what it printed. With ``may_finish`` the writer may have ended normally before the kill."""
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in proc.stdout:
            lines.append(line.strip())
            if line.startswith(after):
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert ready.wait(300), f"the writer never printed {after!r}: {lines}"
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(60) in ((-signal.SIGKILL, 0) if may_finish else (-signal.SIGKILL,)), lines
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    reader.join(10)
    return lines


@pytest.fixture(scope="module")
def saved_versions(tmp_path_factory):
    return D.save_versions(tmp_path_factory.mktemp("crash") / "versions.pickle")


@pytest.mark.slow
def test_a_writer_killed_at_random_leaves_every_document_whole(tmp_path, saved_versions):
    docs = D.versions()
    big = max(range(len(docs)), key=lambda i: docs[i].old.size)
    path = tmp_path / "store"
    with GraphStore.open(path) as s:
        s.bulk_load_graphs([d.old for d in docs])
    rng = random.Random(int(os.environ.get("PLANGRAPH_CRASH_SEED", "8")))
    states, mid_write, completed = [], 0, 0
    for n in range(ROUNDS):
        seed = rng.randrange(2**32)
        first = big if n % 2 == 0 else rng.randrange(len(docs))  # half the rounds start in the large one
        code = WRITER.format(
            root=str(ROOT), versions=str(saved_versions), path=str(path), seed=seed, first=first
        )
        # even rounds: a kill within the first (large) write; odd ones: after a first write completed
        lines = run_and_kill(code, rng.uniform(0.0, 1.5), after="ready" if n % 2 == 0 else "wrote")
        mid_write += lines[-1].startswith("writing")
        completed += sum(line.startswith("wrote") for line in lines)
        with GraphStore.open(path) as s:  # for writing: the lock is free, repair has run
            state = tuple(D.exact_version(s, d) for d in docs)
            assert None not in state, f"round {n} (seed {seed}): a document vanished"
            assert D.whole_documents(s, docs) == {d.key: v for d, v in zip(docs, state, strict=True)}
        states.append(state)
    # the kills did land inside writes, and the writer did get somewhere between them
    assert mid_write >= 1, states
    assert completed >= ROUNDS // 2, states


@pytest.mark.slow
def test_a_killed_bulk_import_is_repaired_on_the_next_open(tmp_path, saved_versions):
    docs = D.versions()
    rng = random.Random(3)
    # how long an uninterrupted import takes here, so the kills land inside it on fast and slow machines
    timing = tmp_path / "store-timing"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", BULK.format(root=str(ROOT), versions=str(saved_versions), path=str(timing))],
        check=True,
        capture_output=True,
    )
    duration = time.perf_counter() - started
    for n in range(BULK_ROUNDS):
        path = tmp_path / f"store-{n}"
        with GraphStore.open(path) as s:  # one document already there, loaded normally
            s.load_graph(docs[0].old)
        code = BULK.format(root=str(ROOT), versions=str(saved_versions), path=str(path))
        run_and_kill(code, rng.uniform(0.0, duration), may_finish=True)
        with GraphStore.open(path) as s:
            assert not path.with_name(path.name + ".bulk.json").exists()
            state = [D.exact_version(s, d) for d in docs]  # whole or absent, never partial
            assert state[0] == "old"  # the document that was there before is untouched
            assert set(state) <= {"old", None}  # "old" for all of them when the import finished first
            D.whole_documents(s, docs)
