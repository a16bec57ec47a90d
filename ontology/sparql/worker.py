"""The query worker: a separate process that runs one SPARQL query at a time.

A pyoxigraph query is one uninterruptible call into Rust; the only way to stop it is to stop the
process running it. So queries run here, and the server (``pool.py``) kills a worker whose query
outlives the time limit, which frees its CPU and memory at once.

A worker takes the network away from itself first (``isolation.py``), lowers its priority, and
then answers :class:`Job`\\ s on its socket until it closes or the server process goes away. Jobs
arrive pickled (from the server); replies go back as JSON and bytes (:func:`send_reply`).
It reads the store through its own read-only view: ``Store.read_only(path)`` on the server's
on-disk store (reopened whenever the store's files changed, so each query sees every committed
document), or, for an in-memory store, a copy sent with the job.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass

import pyoxigraph as ox

from graph.errors import PlangraphError
from ontology.sparql import formats
from ontology.sparql.errors import NotAcceptable, QueryFailed, UnsupportedSyntax
from ontology.sparql.guard import has_dataset_clause, inspect_structure, syntax_error, unescape_codepoints

NICENESS = 10
#: A reply's JSON header is small; anything longer is not from a sane worker.
MAX_HEADER_BYTES = 64 * 1024
#: Lets the guard's parser inspect groups nested ~200 deep (a crash here would cost one worker).
RECURSION_LIMIT = 6_000
#: Tries of a query whose store moved files away under it (as ``GraphStore.reading``): backing off
#: 0.05 s doubling to at most 0.8 s, ~3 s in all — a writer flushing in a loop on a machine at load
#: 5+ outlasted five tries (0.75 s) once in tests/reliability/test_sparql_readers.py.
ATTEMPTS = 8


@dataclass(frozen=True)
class Job:
    """One query for a worker."""

    query: str
    #: ("path", "/abs/store") for an on-disk store, ("snapshot", N-Quads bytes) for a memory one.
    source: tuple[str, object]
    #: kind of result ("solutions", "boolean", "graph") -> format name, or None if not acceptable.
    formats: dict[str, str | None]
    max_results: int
    #: The protocol's default-graph-uri / named-graph-uri (None: not given).
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Answer:
    """A serialised result."""

    result: str  # solutions, boolean or graph
    content_type: str
    data: bytes
    count: int
    truncated: bool


def _transient(exc: BaseException) -> bool:
    text = str(exc)
    return "No such file or directory" in text or "Corruption" in text


def _fingerprint(path: str) -> tuple:
    """Names, sizes and times of the store's files: any commit, flush or compaction changes it."""
    found = []
    with os.scandir(path) as entries:
        for entry in entries:
            try:
                stat = entry.stat()
            except FileNotFoundError:  # compacted away by the writer between listing and stat
                continue
            found.append((entry.name, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


class StoreCache:
    """The worker's read-only view of the store, reopened only when the store changed."""

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._store: ox.Store | None = None

    def get(self, source: tuple[str, object]) -> ox.Store:
        kind, value = source
        if kind == "path":
            key = ("path", value, _fingerprint(str(value)))
            if key != self._key:
                self.drop()
                self._store, self._key = ox.Store.read_only(str(value)), key
        else:
            key = ("snapshot", hashlib.sha256(value).hexdigest())
            if key != self._key:
                self.drop()
                store = ox.Store()
                store.load(value, format=ox.RdfFormat.N_QUADS)
                self._store, self._key = store, key
        return self._store

    def drop(self) -> None:
        self._store, self._key = None, None


def _oxigraph_syntax_message(query: str) -> str | None:
    """Oxigraph's own parse error for ``query``, or None when Oxigraph parses it.

    Runs on an empty store: SELECT, CONSTRUCT and DESCRIBE are only parsed (their results are
    lazy); an ASK is evaluated, on no data.
    """
    try:
        result = ox.Store().query(query)
        del result
    except SyntaxError as exc:
        return str(exc)
    except Exception:  # evaluation trouble on an empty store says nothing about syntax
        return None
    return None


def _dataset(job: Job, tree) -> dict:
    """The query's dataset: the protocol's graphs, the query's FROM clauses, or else the union."""
    if job.default_graphs is not None or job.named_graphs is not None:
        return {
            "default_graph": [ox.NamedNode(g) for g in job.default_graphs or ()],
            "named_graphs": [ox.NamedNode(g) for g in job.named_graphs or ()],
        }
    if has_dataset_clause(tree):
        return {}
    return {"use_default_graph_as_union": True}


def _serialise(result, job: Job) -> Answer:
    if isinstance(result, ox.QueryBoolean):
        kind = "boolean"
    elif isinstance(result, ox.QuerySolutions):
        kind = "solutions"
    else:
        kind = "graph"
    name = job.formats.get(kind)
    if name is None:
        offered = ", ".join(formats.FORMATS[n].media_type for n in formats.KINDS[kind])
        raise NotAcceptable(f"no acceptable format for this query's results; it can answer with {offered}")
    fmt = formats.FORMATS[name]
    if kind == "boolean":
        out = formats.boolean(result, fmt)
    elif kind == "solutions":
        out = formats.solutions(result, fmt, job.max_results)
    else:
        out = formats.triples(result, fmt, job.max_results)
    return Answer(kind, fmt.content_type, out.data, out.count, out.truncated)


def execute(job: Job, stores: StoreCache) -> Answer:
    """Inspect ``job.query`` (structural guard), run it on the store and serialise its result."""
    try:
        tree = inspect_structure(job.query)
    except UnsupportedSyntax:
        # A plain syntax error gets Oxigraph's message. A text that mentions SERVICE is not
        # handed to Oxigraph at all, not even to an empty store.
        if "service" not in unescape_codepoints(job.query).lower():
            message = _oxigraph_syntax_message(job.query)
            if message is not None:
                raise syntax_error(message) from None
        raise
    options = _dataset(job, tree)
    for attempt in range(ATTEMPTS):
        try:
            # opening belongs in the retry too: next to a live writer, a read-only open can meet
            # files that a flush or compaction just removed (found by tests/reliability/test_live_server.py)
            store = stores.get(job.source)
            return _serialise(store.query(job.query, **options), job)
        except SyntaxError as exc:
            raise syntax_error(str(exc)) from None
        except (OSError, RuntimeError) as exc:
            stores.drop()
            if attempt < ATTEMPTS - 1 and _transient(exc):
                time.sleep(min(0.05 * 2**attempt, 0.8))
                continue
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            print(f"plangraph sparql worker: the query failed: {first}", file=sys.stderr)
            raise QueryFailed("the store could not answer this query") from None
    raise AssertionError("unreachable")  # pragma: no cover


def send_reply(conn, header: dict, data: bytes = b"") -> None:
    """A reply is a JSON header and raw bytes, never a pickle: the server unpickles nothing that a
    worker running untrusted queries produced."""
    conn.send_bytes(json.dumps(header).encode("utf-8"))
    conn.send_bytes(data)


class ReplyTimeout(Exception):
    """The deadline passed before a whole reply arrived."""


def read_reply(conn, deadline: float | None = None) -> tuple[dict, bytes]:
    """The server's side of :func:`send_reply`; waits for each frame until ``deadline`` (monotonic)."""

    def frame(limit: int | None) -> bytes:
        if deadline is not None and not conn.poll(max(deadline - time.monotonic(), 0)):
            raise ReplyTimeout
        return conn.recv_bytes(limit)

    header = json.loads(frame(MAX_HEADER_BYTES))  # garbled: fails here, not waiting for more
    if not isinstance(header, dict):
        raise ValueError("a reply header must be a JSON object")
    return header, frame(None)


def _watch_parent(parent: int) -> None:
    """Exit when the server process is gone (a worker must not outlive it, even mid-query)."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def main(conn, parent: int) -> None:
    """The worker process: isolate, then answer jobs on ``conn`` until it closes."""
    from ontology.sparql.isolation import isolate_network

    isolated = isolate_network()  # before any thread starts
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    sys.setrecursionlimit(RECURSION_LIMIT)  # rdflib's parser recurses ~25 frames per nested group
    try:
        os.nice(NICENESS)
    except OSError:
        pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    send_reply(conn, {"kind": "ready", "isolated": isolated, "pid": os.getpid()})
    stores = StoreCache()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        data = b""
        try:
            answer = execute(job, stores)
            header = {
                "kind": "ok",
                **{k: getattr(answer, k) for k in ("result", "content_type", "count", "truncated")},
            }
            data = answer.data
        except PlangraphError as exc:
            header = {"kind": "error", "name": type(exc).__name__, "message": str(exc)}
        except Exception as exc:  # never let one query take the worker down
            print(f"plangraph sparql worker: unexpected {type(exc).__name__}", file=sys.stderr)
            header = {
                "kind": "error",
                "name": "QueryFailed",
                "message": "the store could not answer this query",
            }
        try:
            send_reply(conn, header, data)
        except (EOFError, OSError):
            return


if __name__ == "__main__":  # started by pool.py: python -m ontology.sparql.worker FD PARENT_PID
    from multiprocessing.connection import Connection

    from ontology.sparql.worker import main as _main  # this module under its real name, for pickling

    _main(Connection(int(sys.argv[1])), int(sys.argv[2]))
