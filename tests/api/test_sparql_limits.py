"""/sparql limits: the time limit kills the query's worker, the result limit cuts, the pool recovers.

No assertion is about durations: a timeout test checks the status, that the server answers
other requests meanwhile and afterwards, and that the worker process that ran the query is gone.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from rdflib import Graph

from ontology.sparql import errors
from ontology.sparql.endpoint import SparqlRequest, prepare, source_of
from ontology.sparql.pool import QueryPool
from ontology.sparql.worker import Job
from tests.api.sparql_helpers import PG, SEED_TASKS, TASKS, client_for, pool_of, problem, rows, seed_store

#: 5,483^3 rows to count: far beyond any time limit.
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _gone(pid: int) -> bool:
    """No such process, or only its zombie (where nobody reaps orphans)."""
    try:
        os.kill(pid, 0)
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (ProcessLookupError, FileNotFoundError):
        return True


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return seed_store(tmp_path_factory.mktemp("sparql-limits") / "store")


#: The limit of the time-limit test. The cross product never ends, so any limit stops it; the seed's
#: small queries that run beside it must finish within the limit on a machine loaded many times
#: over, where 1.5 s of wall time (the limit before) could pass before they were answered: 6 s.
LIMIT_S = 6.0


def test_a_query_past_the_time_limit_is_stopped_and_its_worker_killed(store):
    with client_for(store, pool_size=2, sparql_timeout_s=LIMIT_S) as c:
        assert len(rows(c.get("/sparql", params={"query": TASKS}))) == SEED_TASKS
        pool = pool_of(c)
        before = pool.pids()
        answers = {}
        slow = threading.Thread(
            target=lambda: answers.update(slow=c.get("/sparql", params={"query": CROSS_PRODUCT}))
        )
        slow.start()
        # meanwhile the server answers, SPARQL included (on the other worker)
        assert c.get("/health").status_code == 200
        assert len(rows(c.post("/sparql", data={"query": TASKS}))) == SEED_TASKS
        slow.join()
        body = problem(answers["slow"], 504, "query-timeout")
        assert f"{LIMIT_S:g} s limit" in body["detail"]
        killed = before - pool.pids()
        assert len(killed) == 1 and all(_gone(pid) for pid in killed)  # its CPU is released
        assert len(pool.pids()) == pool.size  # replaced
        # and afterwards everything works, on any worker
        for _ in range(pool.size + 1):
            assert len(rows(c.get("/sparql", params={"query": TASKS}))) == SEED_TASKS


@pytest.fixture(scope="module")
def limited(store):
    with client_for(store, sparql_max_results=5) as c:
        yield c


@pytest.mark.parametrize(
    ("query", "accept", "count"),
    [
        (TASKS, "application/sparql-results+json", 5),
        (TASKS, "text/csv", 5),
        (PG + "CONSTRUCT WHERE { ?t a pg:Task }", "text/turtle", 5),
        (PG + "DESCRIBE ?t WHERE { ?t a pg:Task }", "application/n-triples", 5),
    ],
)
def test_results_beyond_the_limit_are_cut_and_said_so(limited, query, accept, count):
    r = limited.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["plangraph-result-truncated"] == "true"
    assert r.headers["plangraph-result-count"] == str(count)
    assert r.headers["plangraph-result-limit"] == "5"
    if accept == "application/sparql-results+json":
        assert len(rows(r)) == count
    elif accept == "text/csv":
        assert len(r.text.strip().splitlines()) == count + 1
    else:
        assert len(Graph().parse(data=r.text, format="turtle" if "turtle" in accept else "nt")) == count
    under = limited.get("/sparql", params={"query": TASKS + " LIMIT 5"})
    assert under.headers["plangraph-result-truncated"] == "false" and len(rows(under)) == 5
    ask = limited.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert ask.json()["boolean"] is True and ask.headers["plangraph-result-truncated"] == "false"


# -- the pool on its own ---------------------------------------------------------------------------
def _job(store, query: str = TASKS) -> Job:
    prepared = prepare(SparqlRequest(query))
    return Job(query, source_of(store), prepared.formats, 100)


@pytest.fixture
def pool():
    p = QueryPool(size=1)
    yield p
    p.close()


def test_a_job_that_waited_out_its_time_for_a_worker_is_busy(pool, store):
    with pytest.raises(errors.EndpointBusy, match="busy"):
        pool.run_sync(_job(store), timeout=1.0, submitted=time.monotonic() - 2.0)
    assert pool.run_sync(_job(store), timeout=30.0).count == SEED_TASKS  # the worker was not lost


def test_a_worker_that_dies_costs_one_query_only(pool, store):
    assert pool.run_sync(_job(store), timeout=30.0).count == SEED_TASKS
    [pid] = pool.pids()
    os.kill(pid, signal.SIGKILL)
    with pytest.raises(errors.QueryFailed, match="stopped unexpectedly"):
        pool.run_sync(_job(store), timeout=30.0)
    assert pool.pids() and pid not in pool.pids()
    assert pool.run_sync(_job(store), timeout=30.0).count == SEED_TASKS


def test_closing_the_pool_kills_its_workers(store):
    p = QueryPool(size=2)
    p.run_sync(_job(store), timeout=30.0)
    pids = p.pids()
    p.close()
    assert len(pids) == 2 and all(_gone(pid) for pid in pids)


def test_workers_do_not_outlive_the_server_process(tmp_path):
    """A server that dies without closing its pool (SIGKILL, a crash) leaves no worker behind."""
    script = textwrap.dedent(
        """
        import os, sys
        from ontology.sparql.endpoint import SparqlRequest, prepare, source_of
        from ontology.sparql.pool import QueryPool
        from ontology.sparql.worker import Job
        from ontology.store import GraphStore
        store = GraphStore.memory()
        pool = QueryPool(size=2)
        job = Job("ASK { ?s ?p ?o }", ("snapshot", b""), prepare(SparqlRequest("ASK {}")).formats, 10)
        pool.run_sync(job, timeout=30.0)
        print(" ".join(str(p) for p in pool.pids()), flush=True)
        os._exit(0)  # no clean-up at all
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    pids = [int(p) for p in out.stdout.split()]
    assert len(pids) == 2
    for _ in range(300):  # each worker notices within about a second; wait generously
        if all(_gone(pid) for pid in pids):
            break
        time.sleep(0.1)
    assert all(_gone(pid) for pid in pids)


def test_replies_are_json_and_bytes_never_pickles():
    """The server unpickles nothing a worker (running untrusted queries) produced."""
    from multiprocessing.connection import Pipe

    from ontology.sparql.worker import ReplyTimeout, read_reply, send_reply

    ours, theirs = Pipe()
    send_reply(theirs, {"kind": "ok", "count": 1}, b"\x80\x04data")
    assert read_reply(ours) == ({"kind": "ok", "count": 1}, b"\x80\x04data")
    theirs.send(("a", "pickle"))  # what a garbled worker might send instead
    with pytest.raises(ValueError):
        read_reply(ours)
    theirs.send_bytes(b"{}")  # a header and then nothing: waits until the deadline only
    with pytest.raises(ReplyTimeout):
        read_reply(ours, deadline=time.monotonic() + 0.2)
