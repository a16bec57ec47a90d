"""API throughput: ``GET /agencies/{id}/tasks`` alone, concurrent keep-alive clients for a fixed time.

    python -m bench.bench_api [--plans 200] [--clients 8] [--seconds 20]
    python -m bench.bench_api --store /work/bench-data/store-10k --copy

The same server and driver as the load test (:mod:`bench.http_load`): a real ``plangraph serve``
on loopback, the agencies the most and the fewest tasks picked from the data (first page of 20
for the popular ones, everything for the rare ones). Target (issue 9): ≥ 300 requests/s with
p99 ≤ 100 ms and no error. The clients run on the same two cores as the server: their CPU time is
reported beside the server's, so a slow client can be told from a slow server. Nothing asserts
on a time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench.harness import emit
from bench.http_load import drive, serving
from bench.loadtest import agency_tasks_requests, pick_targets, prepare_store
from bench.system import git, machine

NAME = "api"
TARGET_RPS = 300
TARGET_P99_MS = 100.0


def measure(
    store: Path | None = None,
    *,
    plans: int = 200,
    clients: int = 8,
    seconds: float = 20,
    copy: bool = False,
    log=print,
) -> dict:
    with tempfile.TemporaryDirectory(prefix="plangraph-bench-api-") as tmp:
        served = prepare_store(store, Path(tmp), plans=plans, copy=copy, log=log)
        targets = pick_targets(served)
        reqs = agency_tasks_requests(targets)
        log(f"  /agencies/{{id}}/tasks: {len(reqs)} agencies, {clients} clients for {seconds:g} s")
        with serving(served, log=Path(tmp) / "serve.log") as server:
            result = drive(server, reqs, clients=clients, seconds=seconds)
            result["server_rss_mb"] = server.rss_mb()
    ok = result["errors"] == 0
    met = ok and result["rps"] >= TARGET_RPS and (result["p99_ms"] or 0) <= TARGET_P99_MS
    result.update(
        benchmark=NAME,
        store=str(store) if store is not None else f"{plans} generated plans (seed 1, noise 0)",
        agencies={"popular": targets["popular"], "rare": targets["rare"]},
        target={
            "rps": TARGET_RPS,
            "p99_ms": TARGET_P99_MS,
            "errors": 0,
            "met": met,
            "rps_ratio": round(result["rps"] / TARGET_RPS, 3),
        },
        machine=machine(),
        git=git(),
        ok=ok,
    )
    log(
        f"  {result['rps']} rps (target {TARGET_RPS}), p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms "
        f"(target {TARGET_P99_MS:g}), {result['errors']} errors; CPU: server {result['server_cpu_seconds']} s, "
        f"clients {result['client_cpu_seconds']} s"
    )
    return result


def run(ctx) -> dict:
    """The harness entry (:mod:`bench.run`): a store of ``ctx.plans`` generated plans."""
    seconds = 10 if ctx.mode == "quick" else 30
    result = measure(plans=ctx.plans, seconds=seconds, log=ctx.log)
    result["command"] = f"python -m bench.bench_api --plans {ctx.plans} --clients 8 --seconds {seconds}"
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_api", description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--store", type=Path, help="serve this store (default: a generated corpus in a temp store)"
    )
    ap.add_argument("--copy", action="store_true", help="serve a temporary copy of --store")
    ap.add_argument("--plans", type=int, default=200)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--out", type=Path)
    a = ap.parse_args(argv)
    if a.store is not None and not a.store.is_dir():
        print(f"error: no store at {a.store}", file=sys.stderr)
        return 2
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    result = measure(a.store, plans=a.plans, clients=a.clients, seconds=a.seconds, copy=a.copy, log=log)
    emit(result, "bench.bench_api", argv, a.out)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
