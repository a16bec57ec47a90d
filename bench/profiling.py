"""Where extraction spends its time: cProfile over plans of a corpus, top functions by cumulative
and by own (total) time.

    python -m bench.profiling bench/corpus/1000 --plans 100 [--top 10] [--out bench/results/extract-profile.json]

One plan is extracted before the profiler starts, so the one-time loading of the registry is not
counted (bench_extract reports it as the first plan's time); each new province's matcher is. The
profiler's clock is the wall clock (a CPU-time clock costs more per call than most functions
profiled here, and distorts the shares): the load average before and after is recorded, and the
shares, not the seconds, are what to read on a shared machine.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
from pathlib import Path

from bench.bench_extract import corpus_files


def _where(func: tuple[str, int, str]) -> str:
    file, line, name = func
    root = str(Path(__file__).resolve().parent.parent) + "/"
    file = file.replace(root, "")
    if "site-packages/" in file:
        file = file.split("site-packages/", 1)[1]
    return f"{file}:{line}({name})" if line else name


def profile(folder: str | Path, plans: int = 100, top: int = 10) -> dict:
    from loaders.extract import extract_file

    files = corpus_files(folder, plans + 1)
    extract_file(files[0])
    load = os.getloadavg()[0]
    prof = cProfile.Profile()
    prof.enable()
    for p in files[1:]:
        extract_file(p)
    prof.disable()
    stats = pstats.Stats(prof)
    total = stats.total_tt
    rows = []
    for func, (_cc, nc, tt, ct, _callers) in stats.stats.items():
        rows.append({"function": _where(func), "calls": nc, "tottime": round(tt, 3), "cumtime": round(ct, 3)})

    def best(key: str) -> list[dict]:
        picked = sorted(rows, key=lambda r: r[key], reverse=True)
        return [{**r, "share": round(r[key] / total, 3)} for r in picked[:top]]

    return {
        "corpus": str(folder),
        "plans": len(files) - 1,
        "profiled_seconds": round(total, 2),
        "load_before": round(load, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "by_cumulative": best("cumtime"),
        "by_total": best("tottime"),
    }


def markdown(result: dict) -> str:
    out = []
    for key, label in (("by_cumulative", "cumulative"), ("by_total", "own (total) time")):
        out += [
            f"Top {len(result[key])} by {label} ({result['plans']} plans, {result['profiled_seconds']} s profiled):",
            "",
        ]
        out += ["| function | calls | own s | cumulative s | share |", "|---|---|---|---|---|"]
        for r in result[key]:
            out.append(
                f"| `{r['function']}` | {r['calls']} | {r['tottime']} | {r['cumtime']} | {r['share']:.0%} |"
            )
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.profiling", description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--plans", type=int, default=100)
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--out")
    a = ap.parse_args(argv)
    result = profile(a.corpus, a.plans, a.top)
    if a.out:
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        Path(a.out).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
