"""Spot check of one core question, an agency's tasks (total + first 100), on any store, without the
rdflib baseline: the task index path and the path it replaced, first call and repeated.

    python -m bench.agency_spot STORE [--agency ID ...] [--reps 30] [--assume-index] [--out FILE]

Without ``--agency`` the agencies are picked as :mod:`bench.bench_questions` picks them (the one
with the most tasks and one with the fewest). ``--assume-index`` is for a store whose task index
covers only the documents of the agencies asked about (a partly backfilled copy): it skips the
"every document indexed" check. The store is opened read-only. "first" is the first call for that
agency in this process (after the name index, which is built once per server, is built).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from bench.bench_questions import latency
from graph import queries as Q
from ontology.reads import StoreReader
from ontology.store import GraphStore


def _times(fn, reps: int) -> tuple[object, float, dict]:
    """(the answer, the first call's ms, the repeated calls' stats after a warm-up)."""
    t0 = time.perf_counter()
    answer = fn()
    first = (time.perf_counter() - t0) * 1000
    return answer, round(first, 3), latency(fn, reps)


def measure(path: Path, agencies: list[str], *, reps: int, assume_index: bool) -> dict:
    out: dict = {
        "store": str(path),
        "reps": reps,
        "load_average_start": list(os.getloadavg()),
        "agencies": {},
    }
    with GraphStore.open(path, read_only=True) as store:
        kb = Q.KnowledgeBase(StoreReader(store))
        t0 = time.perf_counter()
        entries = kb.agents.entries
        out["name_index_build_s"] = round(time.perf_counter() - t0, 3)
        out["index_complete"] = kb.task_index_ready()
        if not agencies:
            picked = [e for e in entries.values() if e.kind == "agency" and e.weight >= 1]
            agencies = [
                max(picked, key=lambda e: (e.weight, e.id)).id,
                min(picked, key=lambda e: (e.weight, e.id)).id,
            ]
        for aid in agencies:
            row = {}
            for path_name, indexed in (("task index", True), ("old path", False)):
                kb._task_index = (
                    kb.version,
                    indexed if (assume_index or not indexed) else out["index_complete"],
                )
                for roles in (Q.ROLES, ("lead",)):
                    page, first, stats = _times(
                        lambda a=aid, r=roles: Q.tasks_for_agency(kb, a, roles=r), reps
                    )
                    key = f"{path_name}, {'any role' if roles == Q.ROLES else 'lead'}"
                    row[key] = {"total": page.total, "first_ms": first, **stats}
            out["agencies"][aid] = row
    out["load_average_end"] = list(os.getloadavg())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--agency", action="append", default=[])
    ap.add_argument("--reps", type=int, default=30)
    ap.add_argument("--assume-index", action="store_true")
    ap.add_argument("--out", type=Path)
    a = ap.parse_args()
    result = measure(a.store, a.agency, reps=a.reps, assume_index=a.assume_index)
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    if a.out:
        a.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
