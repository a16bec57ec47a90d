"""A small pool of query worker processes, each query bounded in time.

Why processes: pyoxigraph evaluates a query in Rust, in one call that Python cannot interrupt
(it releases the GIL, so a thread would not freeze the server, but nothing could stop it: an
abandoned query would burn a core until it finished, possibly never). A worker process can be
killed. So:

- a query waits at most ``timeout`` seconds for a free worker (else :class:`EndpointBusy`, 503);
- it then runs at most ``timeout`` seconds; past that its worker is killed (SIGKILL: its CPU and
  memory are released at once), a fresh worker is started in its place, and the caller gets
  :class:`QueryTimeout` (504);
- a worker that dies (a crash in the engine) costs only that query (:class:`QueryFailed`, 503).

The waiting happens in the pool's own threads (one per worker), never in the server's shared
thread pool or event loop, so other routes keep answering while queries run.

Workers are fresh interpreters (``python -m ontology.sparql.worker``, talking over a socket pair):
nothing is copied from a threaded server, and nothing depends on how the server was started.
Each takes ~0.5 s to import its libraries; the first query after a start or after a timeout
waits for that (up to a minute), outside its time limit, which starts when a ready worker
receives the query.
"""

from __future__ import annotations

import asyncio
import logging
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from graph.errors import InvalidInput, PlangraphError
from ontology.sparql import errors
from ontology.sparql.worker import Answer, Job, ReplyTimeout, read_reply

log = logging.getLogger("plangraph.sparql")
#: How long a new worker may take to import its libraries before it is given up.
STARTUP_TIMEOUT_S = 60.0
#: The folder holding the `ontology` package, so that a worker imports the same code.
_ROOT = str(Path(__file__).resolve().parents[2])

#: Worker errors the server re-raises by name (anything else becomes QueryFailed).
_ERRORS: dict[str, type[PlangraphError]] = {
    cls.__name__: cls
    for cls in (
        InvalidInput,
        errors.QuerySyntaxError,
        errors.QueryRefused,
        errors.UpdateRefused,
        errors.ServiceRefused,
        errors.UnsupportedSyntax,
        errors.NotAcceptable,
        errors.QueryFailed,
    )
}


def default_size() -> int:
    """One worker per core, between 1 and 4."""
    return max(1, min(4, os.cpu_count() or 1))


class _Expired(Exception):
    """The deadline passed while waiting for a worker's message."""


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen
    conn: Connection
    ready: bool = False
    info: dict = field(default_factory=dict)


class QueryPool:
    """Worker processes for SPARQL queries; see the module docstring."""

    def __init__(self, size: int | None = None) -> None:
        self.size = size or default_size()
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._warned = False
        self._executor = ThreadPoolExecutor(max_workers=self.size, thread_name_prefix="plangraph-sparql")
        for _ in range(self.size):
            self._idle.put(self._spawn())

    # -- workers -------------------------------------------------------------------------------
    def _spawn(self) -> _Worker:
        ours, theirs = socket.socketpair()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_ROOT, env.get("PYTHONPATH")) if p)
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", "ontology.sparql.worker", str(theirs.fileno()), str(os.getpid())],
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env=env,
            )
        finally:
            theirs.close()
        w = _Worker(process, Connection(ours.detach()))
        with self._lock:
            self._all.add(w)
        return w

    def _kill(self, w: _Worker) -> None:
        with self._lock:
            self._all.discard(w)
        if w.process.poll() is None:
            w.process.kill()
        try:
            w.process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - a SIGKILLed process always ends
            log.error("SPARQL worker %s did not stop after SIGKILL", w.process.pid)
        w.conn.close()

    def _replace(self, w: _Worker) -> None:
        """Kill ``w`` and put a fresh worker in its place (unless the pool is closing)."""
        self._kill(w)
        if not self._closed:
            self._idle.put(self._spawn())

    def pids(self) -> set[int]:
        """The process ids of the live workers (for tests and monitoring)."""
        with self._lock:
            return {w.process.pid for w in self._all}

    @property
    def isolated(self) -> bool | None:
        """Whether the workers that reported run without network (None: none reported yet)."""
        with self._lock:
            seen = [w.info.get("isolated") for w in self._all if w.ready]
        return all(seen) if seen else None

    # -- running -------------------------------------------------------------------------------
    async def run(self, job: Job | Callable[[], Job], timeout: float) -> Answer:
        """Run ``job`` (or the job a callable builds, in a pool thread) within ``timeout`` seconds."""
        if self._closed:
            raise errors.QueryFailed("the SPARQL endpoint is shutting down")
        submitted = time.monotonic()
        try:
            future = self._executor.submit(self.run_sync, job, timeout, submitted)
        except RuntimeError:  # closed meanwhile
            raise errors.QueryFailed("the SPARQL endpoint is shutting down") from None
        return await asyncio.wrap_future(future)

    def run_sync(
        self, job: Job | Callable[[], Job], timeout: float, submitted: float | None = None
    ) -> Answer:
        """The blocking form of :meth:`run`; ``submitted`` is when the caller queued the job."""
        remaining = timeout - (time.monotonic() - submitted if submitted is not None else 0.0)
        try:
            if remaining <= 0:
                raise queue.Empty
            w = self._idle.get(timeout=remaining)
        except queue.Empty:
            raise errors.EndpointBusy(
                f"all {self.size} query workers stayed busy for {timeout:g} s; try again later"
            ) from None
        try:
            if callable(job):
                job = job()
            self._wait_ready(w)
        except BaseException:
            if w.ready:
                self._idle.put(w)
            else:
                self._replace(w)
            raise
        try:
            w.conn.send(job)
            reply = self._receive(w, time.monotonic() + timeout)
        except _Expired:
            self._replace(w)
            raise errors.QueryTimeout(
                f"the query ran longer than the {timeout:g} s limit and was stopped; "
                "narrow it (LIMIT, more specific patterns) or ask the administrator to raise the limit"
            ) from None
        except (EOFError, OSError, ValueError, KeyError):  # a dead worker, or a garbled reply
            self._replace(w)
            raise errors.QueryFailed(
                "the query worker stopped unexpectedly; the query was not answered"
            ) from None
        except BaseException:
            self._replace(w)
            raise
        self._idle.put(w)
        header, data = reply
        if header.get("kind") == "ok":
            fields = {k: header[k] for k in ("result", "content_type", "count", "truncated")}
            return Answer(data=data, **fields)
        raise _ERRORS.get(header.get("name"), errors.QueryFailed)(str(header.get("message", "")))

    def _wait_ready(self, w: _Worker) -> None:
        """A new worker says hello once its libraries are loaded (not counted in a query's time)."""
        if w.ready:
            return
        try:
            hello = self._receive(w, time.monotonic() + STARTUP_TIMEOUT_S)
        except (_Expired, EOFError, OSError, ValueError):
            raise errors.QueryFailed("a query worker failed to start; the query was not answered") from None
        w.ready, w.info = True, hello[0]
        if not w.info.get("isolated") and not self._warned:
            self._warned = True
            log.warning(
                "SPARQL workers run without network isolation (no network namespace here); "
                "SERVICE is still refused by the query guard"
            )

    @staticmethod
    def _receive(w: _Worker, deadline: float) -> tuple[dict, bytes]:
        try:
            return read_reply(w.conn, deadline)
        except ReplyTimeout:
            raise _Expired from None

    def close(self) -> None:
        """Kill every worker (running queries fail with QueryFailed) and stop the pool's threads."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for w in workers:
            self._kill(w)
        self._executor.shutdown(wait=False, cancel_futures=True)
