"""``plangraph serve`` start-up: seconds until ``/health`` answers, and resident memory.

The server runs as a child process on a free port against the loaded store of the mode's
largest corpus (quick: the mode's corpus; full: 10,000 plans), the way a user starts it. Measured
per run: seconds from launch to the first 200 from ``/health``; RSS (from ``/proc``) right after
that; seconds for the first search without diacritics (it needs the name index, which the server
merges in the background from start-up), then for the first agency's tasks, and RSS after a
handful of questions (agency, tasks, network of a province, search). Medians over the
mode's runs. The store is the benchmark's own copy (serve opens it for writing).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench.harness import Context
from bench.stores import loaded_store

NAME = "serve"
START_LIMIT = 120.0
TARGETS = {"start_s": 5.0, "rss_mb": 1536}


def run(ctx: Context) -> dict:
    plans = ctx.plans if ctx.mode == "quick" else 10_000
    path, load = loaded_store(ctx, ctx.corpus(plans, noise=0.0))
    picks = _picks(path)
    runs = [start_once(path, picks) for _ in range(max(1, ctx.repeats))]
    ok = [r for r in runs if r.get("started")]
    med = {k: round(statistics.median(r[k] for r in ok), 3) for k in ok[0] if k != "started"} if ok else {}
    return {"name": NAME, "plans": plans, "store": load, "load_average": list(os.getloadavg()), "targets": TARGETS, "runs": runs, "median": med,
            "picks": picks, "ok": bool(ok)}  # fmt: skip


def _picks(path: Path) -> dict:
    """An agency with tasks and a province, chosen from the data (a read-only open)."""
    from bench.bench_questions import pick
    from graph.queries import KnowledgeBase
    from ontology.reads import StoreReader
    from ontology.store import GraphStore

    with GraphStore.open(path, read_only=True) as store:
        p = pick(KnowledgeBase(StoreReader(store)))
    return {"agency": p["popular_agency"], "province": p["province"], "search": p["search_text"]}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _get(url: str, timeout: float = 60.0) -> int:
    with urllib.request.urlopen(url, timeout=timeout) as r:
        r.read()
        return r.status


def start_once(store: Path, picks: dict) -> dict:
    port = free_port()
    env = {
        **os.environ,
        "PLANGRAPH_STORE": str(store),
        "PLANGRAPH_PORT": str(port),
        "PLANGRAPH_LOG_LEVEL": "warning",
    }
    exe = Path(sys.executable).with_name("plangraph")  # the installed command, as a user runs it
    base = f"http://127.0.0.1:{port}"
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(exe), "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)  # fmt: skip
    try:
        while True:
            if proc.poll() is not None:
                err = (
                    proc.stderr.read().decode("utf-8", "replace").strip().splitlines() if proc.stderr else []
                )
                return {"started": False, "why": (err or ["exited"])[-1]}
            if time.perf_counter() - t0 > START_LIMIT:
                return {"started": False, "why": f"no answer from /health within {START_LIMIT:.0f} s"}
            try:
                if _get(f"{base}/health", timeout=5) == 200:
                    break
            except OSError:
                time.sleep(0.05)
        out = {"started": True, "start_s": time.perf_counter() - t0, "rss_start_mb": rss_mb(proc.pid)}
        agency = urllib.parse.quote(picks["agency"], safe="/")
        t1 = time.perf_counter()
        _get(f"{base}/agencies?q={urllib.parse.quote(picks['search'])}")  # needs the name index
        out["first_search_s"] = time.perf_counter() - t1
        t1 = time.perf_counter()
        _get(f"{base}/agencies/{agency}/tasks")
        out["first_answer_s"] = time.perf_counter() - t1
        for path in (f"/agencies/{agency}", f"/agencies/{agency}/tasks?role=lead",
                     f"/network/coordination?jurisdiction={urllib.parse.quote(picks['province'])}",
                     f"/agencies?q={urllib.parse.quote(picks['search'])}"):  # fmt: skip
            _get(base + path)
        out["rss_after_questions_mb"] = rss_mb(proc.pid)
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in out.items()}
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


if __name__ == "__main__":  # pragma: no cover - a manual check
    print(json.dumps(run(Context(mode="quick", plans=int(sys.argv[1]), repeats=1)), indent=1))
