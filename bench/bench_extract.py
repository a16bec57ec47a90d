"""Extraction speed: plans/s and MB/s for extract only (no store), one process and a pool of workers.

    python -m bench.bench_extract bench/corpus/1000 [--plans N] [--repeats 3] [--workers 2]

Each run is a fresh Python process (so peak memory is that run's own): it imports the extractor,
then starts the clock and calls ``extract_file`` on every plan — the first plan pays for loading
the agency registry and building the matcher, and that is counted. The pool run starts its
workers inside the clock too. Reported: the median over the runs, each run's numbers, and the
first plan's time and the import time separately. The machines are shared: each run also records
its CPU time (plans per CPU-second do not depend on what else runs) and the load average before
and after, so a slow run can be told from a slow extractor. Nothing here asserts on a time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench.harness import corpus_info, emit
from bench.system import git, machine, peak_rss_mb

NAME = "extract"
TARGET_PLANS_PER_S = 50  # issue 9: extract + load, seed-size plans, on these 2-core machines


def _extract_one(path: str) -> int:
    from loaders.extract import extract_file

    return len(extract_file(path).tasks)


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def _child(mode: str, paths: list[str], workers: int) -> dict:
    t0 = time.perf_counter()
    import loaders.extract  # noqa: F401  (the import is timed apart from the run)

    import_s = time.perf_counter() - t0
    load_before = os.getloadavg()[0]
    cpu0 = _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    first_s = None
    tasks = 0
    if mode == "single":
        for k, p in enumerate(paths):
            tasks += _extract_one(p)
            if k == 0:
                first_s = time.perf_counter() - start
        children_rss = 0.0
    else:
        with ProcessPoolExecutor(workers) as pool:
            for n in pool.map(_extract_one, paths, chunksize=4):
                tasks += n
        children_rss = peak_rss_mb(resource.RUSAGE_CHILDREN)
    seconds = time.perf_counter() - start
    cpu = _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN) - cpu0
    return {
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "import_seconds": round(import_s, 3),
        "first_plan_seconds": round(first_s, 3) if first_s is not None else None,
        "tasks": tasks,
        "peak_rss_mb": peak_rss_mb(),
        "worker_peak_rss_mb": children_rss or None,
    }


def corpus_files(folder: str | Path, plans: int | None = None) -> list[Path]:
    files = sorted(Path(folder).glob("plan-*.md"))
    return files[:plans] if plans else files


def run_once(mode: str, folder: str | Path, plans: int | None, workers: int) -> dict:
    """One run in a fresh interpreter."""
    cmd = [
        sys.executable,
        "-m",
        "bench.bench_extract",
        str(folder),
        "--child",
        mode,
        "--workers",
        str(workers),
    ]
    if plans:
        cmd += ["--plans", str(plans)]
    out = subprocess.run(
        cmd, capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parent.parent
    )
    return json.loads(out.stdout)


def measure(
    folder: str | Path, *, plans: int | None = None, repeats: int = 3, workers: int = 2, log=print
) -> dict:
    files = corpus_files(folder, plans)
    n = len(files)
    result: dict = {
        "benchmark": NAME,
        "corpus": corpus_info(folder, files),
        "repeats": repeats,
        "machine": machine(),
        "git": git(),
    }
    mb = result["corpus"]["bytes"] / 1e6
    for mode, w in (("single", 1), (f"pool{workers}", workers)):
        runs = []
        for r in range(repeats):
            one = run_once("single" if w == 1 else "pool", folder, plans, w)
            one["plans_per_s"] = round(n / one["seconds"], 2)
            one["mb_per_s"] = round(mb / one["seconds"], 3)
            one["plans_per_cpu_s"] = round(n / one["cpu_seconds"], 2)
            runs.append(one)
            log(
                f"  extract {mode} run {r + 1}/{repeats}: {one['plans_per_s']} plans/s, {one['mb_per_s']} MB/s, "
                f"{one['plans_per_cpu_s']} plans per CPU-second (load {one['load_before']} -> {one['load_after']})"
            )
        result[mode] = {
            "workers": w,
            "median_seconds": statistics.median(x["seconds"] for x in runs),
            "median_plans_per_s": statistics.median(x["plans_per_s"] for x in runs),
            "median_mb_per_s": statistics.median(x["mb_per_s"] for x in runs),
            "min_plans_per_s": min(x["plans_per_s"] for x in runs),
            "max_plans_per_s": max(x["plans_per_s"] for x in runs),
            "median_plans_per_cpu_s": statistics.median(x["plans_per_cpu_s"] for x in runs),
            "median_load": statistics.median((x["load_before"] + x["load_after"]) / 2 for x in runs),
            "peak_rss_mb": max(x["peak_rss_mb"] for x in runs),
            "worker_peak_rss_mb": max((x["worker_peak_rss_mb"] or 0) for x in runs) or None,
            "first_plan_seconds": runs[0]["first_plan_seconds"],
            "import_seconds": statistics.median(x["import_seconds"] for x in runs),
            "runs": runs,
        }
    best = max(result["single"]["median_plans_per_s"], result[f"pool{workers}"]["median_plans_per_s"])
    result["target"] = {
        "plans_per_s": TARGET_PLANS_PER_S,
        "what": "extract + load (issue 9); this benchmark measures extract only",
        "extract_only_best_plans_per_s": best,
        "extract_only_meets_target": best >= TARGET_PLANS_PER_S,
    }
    return result


def run(ctx) -> dict:
    """The harness entry (:mod:`bench.run`): the default-noise corpus of ``ctx.plans`` plans."""
    folder = ctx.corpus(ctx.plans)
    result = measure(folder, repeats=ctx.repeats, workers=ctx.workers, log=ctx.log)
    result["command"] = (
        f"python -m bench.bench_extract {folder} --repeats {ctx.repeats} --workers {ctx.workers}"
    )
    if ctx.mode == "full":
        from bench.profiling import profile

        ctx.log("  profiling extraction of 100 plans")
        result["profile"] = profile(folder, plans=100, top=10)
        result["profile"]["command"] = f"python -m bench.profiling {folder} --plans 100"
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_extract", description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--plans", type=int)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out")
    ap.add_argument("--child", choices=("single", "pool"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        print(json.dumps(_child(a.child, [str(p) for p in corpus_files(a.corpus, a.plans)], a.workers)))
        return 0
    result = measure(a.corpus, plans=a.plans, repeats=a.repeats, workers=a.workers)
    emit(result, "bench.bench_extract", argv, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
