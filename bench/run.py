"""Run the benchmarks: ``make bench`` (quick) and ``make bench-full``.

    python -m bench.run --quick          # 100 plans, 3 runs each: under 5 minutes on 2 cores
    python -m bench.run --full           # 1,000 plans, 3 runs each, plus a profile
    python -m bench.run --quick --only extract
    python -m bench.run --huge --only ingest    # 10,000 plans, one run each (about an hour on 2 cores)

Each benchmark (a module with ``NAME`` and ``run(ctx)``, listed in ``BENCHMARKS``) writes
``bench/results/NAME.json`` (full) or ``bench/results/quick/NAME.json`` (quick, git-ignored).
The truth check runs first: the run fails (exit 1) when extraction on the noise-free synthetic
corpus scores below ``--min-score`` (0.97), so speed is never reported for wrong answers without
saying so.
Nothing asserts on a time; the numbers go to docs/performance.md by hand, with their command.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time

from bench.harness import ROOT, Context

#: Benchmark modules, in order. Store, query, API and serve benchmarks are added here.
BENCHMARKS = (
    "bench.bench_truth",
    "bench.bench_extract",
    "bench.bench_ingest",
    "bench.bench_questions",
    "bench.bench_serve",
    "bench.bench_api",
)

MODES = {
    "quick": {"plans": 100, "repeats": 3},
    "full": {"plans": 1000, "repeats": 3},
    "huge": {"plans": 10_000, "repeats": 1},
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--quick", action="store_true")
    mode.add_argument("--full", action="store_true")
    mode.add_argument("--huge", action="store_true", help="full mode at 10,000 plans, one run each")
    ap.add_argument("--only", action="append", help="benchmark NAME (repeatable)")
    ap.add_argument("--plans", type=int, help="override the mode's corpus size")
    ap.add_argument("--repeats", type=int, help="override the mode's runs per measurement")
    ap.add_argument("--min-score", type=float, default=0.97)
    a = ap.parse_args(argv)
    size = "quick" if a.quick else "huge" if a.huge else "full"
    name = "quick" if a.quick else "full"
    ctx = Context(
        mode=name,
        plans=a.plans or MODES[size]["plans"],
        repeats=a.repeats or MODES[size]["repeats"],
        results=ROOT / "results" / ("quick" if a.quick else "huge" if a.huge else ""),
        min_score=a.min_score,
    )
    failed = []
    t0 = time.perf_counter()
    for modname in BENCHMARKS:
        mod = importlib.import_module(modname)
        if a.only and mod.NAME not in a.only:
            continue
        ctx.log(f"[{mod.NAME}] {name} mode, {ctx.plans} plans")
        result = mod.run(ctx)
        result["mode"] = name
        path = ctx.write(mod.NAME, result)
        ctx.log(f"[{mod.NAME}] wrote {path.relative_to(ROOT.parent)}")
        if result.get("ok") is False:
            failed.append(mod.NAME)
    ctx.log(
        f"done in {time.perf_counter() - t0:.0f} s" + (f"; FAILED: {', '.join(failed)}" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
