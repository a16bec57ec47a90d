"""A real ``plangraph serve`` on a free loopback port, and a bounded load driver for it.

The one implementation behind ``make loadtest`` (:mod:`bench.loadtest`, a mix of routes) and the
API throughput benchmark (:mod:`bench.bench_api`, one route). The server is a subprocess (uvicorn,
as users run it); the clients are threads of this process, each with its own keep-alive
connection (``http.client``: the cheapest Python client, so the load generator takes as little of
the two shared cores as it can). A run lasts a fixed time and stops by itself; every response that
is not 2xx (or a status the request declares as expected) and every exception is an error.

>>> percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50)
3.0
"""

from __future__ import annotations

import http.client
import json
import math
import os
import random
import resource
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Req:
    """One request of a mix: the route it counts under, its path and query, its weight."""

    route: str
    path: str
    weight: float = 1.0
    expect: tuple[int, ...] = ()  # statuses other than 2xx that are not errors


def url_path(path: str, **params: str | int) -> str:
    """A path with its query string, percent-encoded (ids keep their slashes)."""
    q = "&".join(f"{k}={quote(str(v), safe='')}" for k, v in params.items())
    return quote(path, safe="/") + (f"?{q}" if q else "")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _proc_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) of a process and its reaped children, from /proc (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


@dataclass
class Server:
    url: str
    pid: int

    def cpu_seconds(self) -> float | None:
        return _proc_cpu(self.pid)

    def rss_mb(self) -> float | None:
        """The server's peak resident memory so far (VmHWM, Linux)."""
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
        except OSError:
            pass
        return None


@contextmanager
def serving(store: Path, *, start_timeout: float = 120.0, log: Path | None = None) -> Iterator[Server]:
    """``plangraph serve`` on ``store`` (which it opens for writing) on a free loopback port."""
    port = free_port()
    env = {
        **os.environ,
        "PLANGRAPH_STORE": str(store),
        "PLANGRAPH_HOST": "127.0.0.1",
        "PLANGRAPH_PORT": str(port),
        "PLANGRAPH_LOG_LEVEL": "warning",
    }
    out = open(log, "wb") if log is not None else subprocess.DEVNULL
    cmd = [sys.executable, "-c", "from api.cli import main; main()", "serve"]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + start_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"plangraph serve exited with {proc.returncode} (log: {log})")
            try:
                status, _ = get(url, "/health", timeout=5)
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"plangraph serve did not answer /health within {start_timeout:.0f} s")
            time.sleep(0.1)
        yield Server(url=url, pid=proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if log is not None:
            out.close()


def get(url: str, path: str, *, timeout: float = 60) -> tuple[int, bytes]:
    """One GET on a fresh connection (for setup, not for the measured load)."""
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def get_json(url: str, path: str):
    status, body = get(url, path)
    if status != 200:
        raise RuntimeError(f"GET {path} answered {status}: {body[:200]!r}")
    return json.loads(body)


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile of ``values`` (p in 0..100)."""
    s = sorted(values)
    k = max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))
    return s[k]


@dataclass
class _Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)

    def merge(self, other: _Tally) -> None:
        for k, v in other.latencies.items():
            self.latencies.setdefault(k, []).extend(v)
        for k, v in other.errors.items():
            self.errors[k] = self.errors.get(k, 0) + v
        self.examples += other.examples[: max(0, 5 - len(self.examples))]


def _client(url: str, mix: Sequence[Req], stop_at: float, seed: int, timeout: float, tally: _Tally) -> None:
    host, port = url.removeprefix("http://").split(":")
    rng = random.Random(seed)
    weights = [r.weight for r in mix]
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        while time.monotonic() < stop_at:
            req = rng.choices(mix, weights)[0]
            t0 = time.perf_counter()
            try:
                conn.request("GET", req.path)
                resp = conn.getresponse()
                resp.read()
                status, err = resp.status, None
            except (OSError, http.client.HTTPException) as exc:
                status, err = 0, f"{type(exc).__name__}: {exc}"
                conn.close()  # reconnects on the next request
            ms = (time.perf_counter() - t0) * 1000
            tally.latencies.setdefault(req.route, []).append(ms)
            if not (200 <= status < 300 or status in req.expect):
                tally.errors[req.route] = tally.errors.get(req.route, 0) + 1
                if len(tally.examples) < 5:
                    tally.examples.append(f"{req.path} -> {err or status}")
    finally:
        conn.close()


def _stats(latencies: list[float], errors: int, seconds: float) -> dict:
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": round(len(latencies) / seconds, 1),
        "p50_ms": round(percentile(latencies, 50), 1) if latencies else None,
        "p95_ms": round(percentile(latencies, 95), 1) if latencies else None,
        "p99_ms": round(percentile(latencies, 99), 1) if latencies else None,
        "max_ms": round(max(latencies), 1) if latencies else None,
    }


def drive(
    server: Server,
    mix: Sequence[Req],
    *,
    clients: int,
    seconds: float,
    warmup: float = 1.0,
    timeout: float = 30,
) -> dict:
    """``clients`` threads send requests drawn from ``mix`` (by weight) for ``seconds``, after a short
    unmeasured warm-up (every distinct request once, then the mix for ``warmup`` seconds: indexes and
    query workers the server builds on first use are not measured). Returns totals, per-route numbers, and the CPU the server and this process used."""
    for req in mix:
        get(server.url, req.path, timeout=timeout * 4)
    if warmup > 0:
        _client(server.url, mix, time.monotonic() + warmup, 0, timeout, _Tally())
    tallies = [_Tally() for _ in range(clients)]
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    srv0 = server.cpu_seconds()
    load0 = os.getloadavg()[0]
    start = time.monotonic()
    stop_at = start + seconds
    threads = [
        threading.Thread(target=_client, args=(server.url, mix, stop_at, i + 1, timeout, t), daemon=True)
        for i, t in enumerate(tallies)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout + seconds + 5)
    elapsed = time.monotonic() - start
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    srv1 = server.cpu_seconds()
    total = _Tally()
    for t in tallies:
        total.merge(t)
    every = [ms for v in total.latencies.values() for ms in v]
    client_cpu = (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime)
    return {
        "clients": clients,
        "seconds": round(elapsed, 2),
        **_stats(every, sum(total.errors.values()), elapsed),
        "routes": {
            route: _stats(v, total.errors.get(route, 0), elapsed)
            for route, v in sorted(total.latencies.items())
        },
        "error_examples": total.examples,
        "client_cpu_seconds": round(client_cpu, 2),
        "server_cpu_seconds": round(srv1 - srv0, 2) if srv0 is not None and srv1 is not None else None,
        "load_before": round(load0, 2),
        "load_after": round(os.getloadavg()[0], 2),
    }
