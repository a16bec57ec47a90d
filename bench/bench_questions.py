"""The core questions: p50/p95 latency through the functions the API calls, against rdflib's SPARQL.

At each size (quick: the mode's corpus; full: 1,000 and 10,000 plans) the noise-free corpus is
bulk-loaded into a cached store (:mod:`bench.stores`), opened read-only, and the questions'
arguments are picked from the data: the agency with the most tasks and one with the fewest, the
task with the longest legal-basis chain among a sample, the province with the most plans, and an
agency's name typed without diacritics. Each question runs a few times to warm up, then
``reps`` times; p50/p95 are reported. The first use of the name index (built once per server,
lazily) is timed on its own.

The baseline is the same question as SPARQL over an rdflib ``Dataset`` of the same quads,
in a child process (rdflib needs minutes and gigabytes for 10,000 plans) with a time limit for
the load and for each question; what does not finish is recorded as such, with its limit.
Ratios are baseline p50 / plangraph p50.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from bench.baseline_rdflib import baseline_queries, run_baseline
from bench.harness import Context
from bench.stores import loaded_store
from graph import queries as Q
from graph.values.text import fold
from ontology.ntriples import V
from ontology.reads import StoreReader
from ontology.store import GraphStore

NAME = "questions"
REPS = {"quick": 30, "full": 100}
WARMUP = 3
#: the rdflib baseline: seconds to load, seconds per question (all its repetitions)
BASELINE_LOAD_LIMIT = 600.0
BASELINE_QUERY_LIMIT = 60.0
BASELINE_REPS = {"quick": 5, "full": 3}
#: the rdflib child's address-space limit: it fails with MemoryError instead of starving the machine
BASELINE_MEMORY_GB = 10
#: targets at 10,000 plans (docs/performance.md)
TARGETS = {"p50_ms": 10.0, "p95_ms": 50.0, "network_ms": 200.0, "ratio": 20.0}


def sizes(ctx: Context) -> list[int]:
    """quick: the mode's corpus; full: it and 10,000 plans (``PLANGRAPH_BENCH_SIZES=1000,10000`` to choose)."""
    if os.environ.get("PLANGRAPH_BENCH_SIZES"):
        return [int(x) for x in os.environ["PLANGRAPH_BENCH_SIZES"].split(",")]
    return [ctx.plans] if ctx.mode == "quick" else sorted({ctx.plans, 10_000})


def run(ctx: Context) -> dict:
    out = {"name": NAME, "reps": REPS[ctx.mode], "warmup": WARMUP, "targets": TARGETS, "sizes": []}
    for plans in sizes(ctx):
        corpus = ctx.corpus(plans, noise=0.0)
        path, load = loaded_store(ctx, corpus)
        out["sizes"].append(measure_size(ctx, path, plans, load))
    out["ok"] = True
    return out


def measure_size(ctx: Context, path: Path, plans: int, load: dict) -> dict:
    reps = REPS[ctx.mode]
    with GraphStore.open(path, read_only=True) as store:
        kb = Q.KnowledgeBase(StoreReader(store))
        t0 = time.perf_counter()
        _ = kb.agents
        index_s = time.perf_counter() - t0
        picks = pick(kb)
        iris = store.iris
        ctx.log(f"[{NAME}] {plans} plans: {picks}")
        ours = {name: latency(fn, reps) for name, fn in questions(kb, picks).items()}
        dump = Path(tempfile.mkdtemp(prefix="plangraph-bench-")) / "store.nq"
        store.raw.dump(str(dump), format=ox.RdfFormat.N_QUADS)
    base = run_baseline(
        dump,
        baseline_queries(picks, iris),
        reps=BASELINE_REPS[ctx.mode],
        load_limit=BASELINE_LOAD_LIMIT,
        memory_gb=BASELINE_MEMORY_GB,
        query_limit=BASELINE_QUERY_LIMIT,
        ctx=mp.get_context("spawn"),
    )
    dump.unlink(missing_ok=True)
    dump.parent.rmdir()
    rows = {}
    for name, m in ours.items():
        b = base["questions"].get(name, {"finished": False, "why": "not run"})
        ratio = round(b["p50_ms"] / m["p50_ms"], 1) if b.get("finished") and m["p50_ms"] > 0 else None
        rows[name] = {"plangraph": m, "rdflib": b, "ratio_p50": ratio}
    return {
        "plans": plans,
        "load_average": list(os.getloadavg()),
        "store": load,
        "picks": picks,
        "name_index_build_s": round(index_s, 3),
        "rdflib_load": base["load"],
        "questions": rows,
    }


def pick(kb: Q.KnowledgeBase) -> dict:
    """The questions' arguments, chosen from the data (never hard-coded)."""
    entries = [e for e in kb.agents.entries.values() if e.kind == "agency" and e.weight >= 1]
    popular = max(entries, key=lambda e: (e.weight, e.id))
    rare = min(entries, key=lambda e: (e.weight, e.id))
    r = kb.reader
    q = f"""SELECT ?j (COUNT(?p) AS ?n) WHERE {{ GRAPH ?g {{ ?g {V.pg.describes} ?p . ?p {V.pg.jurisdiction} ?j }} }}
            GROUP BY ?j ORDER BY DESC(?n) ?j LIMIT 1"""
    province = next(iter(r.query(q)))["j"].value
    return {
        "popular_agency": popular.id,
        "popular_tasks": int(popular.weight),
        "rare_agency": rare.id,
        "rare_tasks": int(rare.weight),
        "legal_task": legal_task(kb),
        "province": province,
        "search_text": fold(rare.label).lower(),
    }


def legal_task(kb: Q.KnowledgeBase, sample: int = 40) -> str:
    """Among the first task of ``sample`` plans, the one with the longest legal-basis chain."""
    r = kb.reader
    docs = r.store.documents(limit=sample)
    best: tuple[int, int, str] | None = None
    for d in docs:
        tasks = r.task_iris(d.iri)
        if not tasks:
            continue
        tid = r.task_id(tasks[0])
        chain = Q.legal_basis(kb, tid).chain
        key = (max((b.depth for b in chain), default=-1), len(chain), tid)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:
        raise RuntimeError("no task in the corpus")
    return best[2]


def questions(kb: Q.KnowledgeBase, p: dict) -> dict[str, Callable[[], object]]:
    """Each core question as the API asks it (default page: the total and the first 100)."""
    return {
        "agency_tasks_popular": lambda: Q.tasks_for_agency(kb, p["popular_agency"]),
        "agency_tasks_popular_lead": lambda: Q.tasks_for_agency(kb, p["popular_agency"], roles=("lead",)),
        "agency_tasks_rare": lambda: Q.tasks_for_agency(kb, p["rare_agency"]),
        "legal_basis": lambda: Q.legal_basis(kb, p["legal_task"]),
        "province_network": lambda: Q.coordination_network(kb, jurisdiction=p["province"]),
        "search_no_diacritics": lambda: Q.search_agencies(kb, p["search_text"]),
    }


def latency(fn: Callable[[], object], reps: int) -> dict:
    for _ in range(WARMUP):
        fn()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return summary(times)


def summary(times_ms: list[float]) -> dict:
    times = sorted(times_ms)
    p95 = times[min(len(times) - 1, max(0, round(0.95 * len(times)) - 1))]
    return {
        "n": len(times),
        "p50_ms": round(statistics.median(times), 3),
        "p95_ms": round(p95, 3),
        "max_ms": round(times[-1], 3),
    }


def table(result: dict) -> str:
    """The markdown table of docs/performance.md from a result (``python -m bench.bench_questions F.json``)."""
    lines = [
        "| plans | question | plangraph p50 / p95 ms | rdflib p50 ms | rdflib ÷ plangraph |",
        "|---:|---|---:|---:|---:|",
    ]
    for size in result["sizes"]:
        for name, row in size["questions"].items():
            ours, base = row["plangraph"], row["rdflib"]
            b = f"{base['p50_ms']:.1f}" if base.get("finished") else f"did not finish ({base.get('why', '')})"
            ratio = f"{row['ratio_p50']:g}×" if row["ratio_p50"] is not None else "—"
            lines.append(
                f"| {size['plans']:,} | {name} | {ours['p50_ms']:.2f} / {ours['p95_ms']:.2f} | {b} | {ratio} |"
            )
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - prints a result's table
    import json
    import sys

    print(table(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))))
