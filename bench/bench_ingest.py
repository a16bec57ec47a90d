"""Ingest speed: extract only, extract + load (transactional and ``--bulk``), against the floor.

    python -m bench.bench_ingest bench/corpus/1000-s1-n0 [--plans N] [--repeats 1] [--workers 2]

Four measurements on the same plans, each run in a fresh Python process (so its peak memory is
its own) with the clock started after the imports:

* ``extract`` — read + extract every plan on ``workers`` processes, no store (:mod:`bench.bench_extract`);
* ``load`` — what ``plangraph load PATHS --workers N`` does (:func:`loaders.corpus.load_paths`,
  one transaction per document) into a fresh on-disk store;
* ``load_bulk`` — the same with ``--bulk`` (Oxigraph's bulk loader, batches of new documents);
* ``baseline`` — the N-Quads the bulk run stored, pre-serialised in one file, bulk-loaded straight
  into a fresh on-disk pyoxigraph store: the floor no pipeline that stores these triples can beat.

Reported: plans/s and MB/s (of source text), CPU seconds, peak RSS (the loading process and its
extraction workers), store size on disk, triples, the ratios to the baseline and to the 50 plans/s
target, and whether the transactional and the bulk store hold the very same quads (an
order-independent digest). Nothing here asserts on a time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_extract import TARGET_PLANS_PER_S, corpus_files
from bench.bench_extract import run_once as extract_once
from bench.harness import corpus_info, emit
from bench.system import git, machine, peak_rss_mb

NAME = "ingest"
ROOT = Path(__file__).resolve().parent.parent
MODES = ("load", "load_bulk", "baseline")


def _cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def disk_mb(path: Path) -> float:
    return (
        round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6, 1)
        if path.exists()
        else 0.0
    )


def _child(mode: str, files: list[Path], store: Path, workers: int, nquads: Path | None) -> dict:
    t0 = time.perf_counter()
    import pyoxigraph as ox

    from loaders.corpus import load_paths
    from ontology.store import GraphStore

    import_s = time.perf_counter() - t0
    load_before = os.getloadavg()[0]
    cpu0 = _cpu()
    start = time.perf_counter()
    failed = 0
    if mode == "baseline":
        store.mkdir(parents=True, exist_ok=True)
        raw = ox.Store(str(store))
        raw.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        raw.flush()
        del raw
    else:
        with GraphStore.open(store) as gs:
            failed = load_paths(gs, files, workers=workers, bulk=mode == "load_bulk").failed
    seconds = time.perf_counter() - start
    cpu = _cpu() - cpu0
    triples = len(ox.Store.read_only(str(store)))
    return {
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "import_seconds": round(import_s, 3),
        "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "failed": failed,
        "triples": triples,
        "peak_rss_mb": peak_rss_mb(),
        "worker_peak_rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN) or None,
    }


def run_child(
    mode: str, folder: Path, plans: int | None, store: Path, workers: int, nquads: Path | None
) -> dict:
    cmd = [sys.executable, "-m", "bench.bench_ingest", str(folder), "--child", mode, "--store", str(store)]
    cmd += ["--workers", str(workers)] + (["--plans", str(plans)] if plans else [])
    cmd += ["--nquads", str(nquads)] if nquads else []
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise RuntimeError(f"bench_ingest child {mode} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout)


def dump_nquads(store: Path, out: Path) -> None:
    import pyoxigraph as ox

    ox.Store.read_only(str(store)).dump(str(out), format=ox.RdfFormat.N_QUADS)


def quads_digest(nquads: Path) -> dict:
    """An order-independent digest of an N-Quads file (sum of line hashes mod 2**64) and its line count."""
    total, n = 0, 0
    with nquads.open("rb") as f:
        for line in f:
            if line.strip():
                total = (
                    total + int.from_bytes(hashlib.blake2b(line.strip(), digest_size=8).digest())
                ) % 2**64
                n += 1
    return {"quads": n, "digest": f"{total:016x}"}


def _summary(runs: list[dict], n: int, mb: float) -> dict:
    for r in runs:
        r["plans_per_s"] = round(n / r["seconds"], 2)
        r["mb_per_s"] = round(mb / r["seconds"], 3)
        r["plans_per_cpu_s"] = round(n / r["cpu_seconds"], 2) if r["cpu_seconds"] else None
    return {
        "median_seconds": statistics.median(r["seconds"] for r in runs),
        "median_plans_per_s": statistics.median(r["plans_per_s"] for r in runs),
        "median_mb_per_s": statistics.median(r["mb_per_s"] for r in runs),
        "median_cpu_seconds": statistics.median(r["cpu_seconds"] for r in runs),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
        "worker_peak_rss_mb": max((r.get("worker_peak_rss_mb") or 0) for r in runs) or None,
        "runs": runs,
    }


def measure(
    folder: str | Path, *, plans: int | None = None, repeats: int = 1, workers: int = 2, log=print
) -> dict:
    folder = Path(folder)
    files = corpus_files(folder, plans)
    n = len(files)
    result: dict = {
        "benchmark": NAME,
        "corpus": corpus_info(folder, files),
        "repeats": repeats,
        "workers": workers,
        "machine": machine(),
        "git": git(),
    }
    mb = result["corpus"]["bytes"] / 1e6
    runs = []
    for r in range(repeats):
        runs.append(extract_once("pool", folder, n, workers))
        log(f"  extract run {r + 1}/{repeats}: {n / runs[-1]['seconds']:.1f} plans/s")
    result["extract"] = _summary(runs, n, mb)
    with tempfile.TemporaryDirectory(prefix="plangraph-bench-ingest-") as tmp:
        tmp = Path(tmp)
        nquads, digests = tmp / "bulk.nq", {}
        for mode in MODES:
            runs = []
            for r in range(repeats):
                store = tmp / f"{mode}-{r}" / "store"
                one = run_child(mode, folder, plans, store, workers, nquads if mode == "baseline" else None)
                one["store_mb"] = disk_mb(store)
                one["sources_mb"] = disk_mb(store.with_name("store.sources"))
                runs.append(one)
                log(
                    f"  {mode} run {r + 1}/{repeats}: {n / one['seconds']:.1f} plans/s, {one['triples']} triples, "
                    f"store {one['store_mb']} MB (load {one['load_before']} -> {one['load_after']})"
                )
                if r == 0 and mode != "baseline":
                    out = tmp / f"{mode}.nq"
                    dump_nquads(store, out)
                    digests[mode] = quads_digest(out)
                    if mode == "load_bulk":
                        out.rename(nquads)
                    else:
                        out.unlink()
                shutil.rmtree(store.parent)
            result[mode] = _summary(runs, n, mb)
        result["baseline"]["nquads_mb"] = round(nquads.stat().st_size / 1e6, 1)
    floor = result["baseline"]["median_plans_per_s"]
    best = max(result["load"]["median_plans_per_s"], result["load_bulk"]["median_plans_per_s"])
    result["same_quads"] = digests.get("load") == digests.get("load_bulk")
    result["digests"] = digests
    result["ratios"] = {
        f"{m}_vs_baseline": round(result[m]["median_plans_per_s"] / floor, 4)
        for m in ("extract", "load", "load_bulk")
    }
    result["target"] = {
        "plans_per_s": TARGET_PLANS_PER_S,
        "what": "extract + load into the on-disk store (issue 9), seed-size plans",
        "load_ratio": round(result["load"]["median_plans_per_s"] / TARGET_PLANS_PER_S, 3),
        "load_bulk_ratio": round(result["load_bulk"]["median_plans_per_s"] / TARGET_PLANS_PER_S, 3),
        "extract_only_ratio": round(result["extract"]["median_plans_per_s"] / TARGET_PLANS_PER_S, 3),
        "met": best >= TARGET_PLANS_PER_S,
    }
    result["ok"] = result["same_quads"] and all(
        result[m]["runs"][0]["failed"] == 0 for m in ("load", "load_bulk")
    )
    return result


def run(ctx) -> dict:
    """The harness entry (:mod:`bench.run`): ``ctx.plans`` noise-free plans; one run each in quick mode."""
    folder = ctx.corpus(ctx.plans, noise=0)
    repeats = 1 if ctx.mode == "quick" else ctx.repeats
    result = measure(folder, repeats=repeats, workers=ctx.workers, log=ctx.log)
    result["command"] = f"python -m bench.bench_ingest {folder} --repeats {repeats} --workers {ctx.workers}"
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_ingest", description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--plans", type=int)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    ap.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--nquads", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        files = corpus_files(a.corpus, a.plans)
        print(json.dumps(_child(a.child, files, a.store, a.workers, a.nquads)))
        return 0
    if not corpus_files(a.corpus, 1):
        print(f"error: no plan-*.md files in {a.corpus}", file=sys.stderr)
        return 2
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    result = measure(a.corpus, plans=a.plans, repeats=a.repeats, workers=a.workers, log=log)
    emit(result, "bench.bench_ingest", argv, a.out)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
