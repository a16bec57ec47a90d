"""Loaded stores for the query and serve benchmarks, cached next to the corpora they were loaded from.

A store is kept in ``bench/corpus/stores/{corpus}-{STORE_FORMAT}/`` (git-ignored) and reused while
its ``loaded.json`` exists; ``STORE_FORMAT`` changes when what a document graph holds changes, so
a store of an older layout is never measured by mistake. A store of an older layout can also be
brought up to date without reloading (``python -m bench.stores --upgrade SRC`` copies it and
stores the coordination and names summaries and task indexes it lacks, then compacts it: the one-off migration used for the
10,000-plan store).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

from bench.harness import Context
from graph import name_summary, network_summary
from loaders.corpus import iter_files, load_paths
from ontology import name_index, network_index
from ontology.mapping import META_TRIPLES
from ontology.store import GraphStore
from ontology.task_index import VERSION as TASK_INDEX
from ontology.task_index import backfill as backfill_tasks

#: what a document graph holds (its meta triples, the coordination and names summary versions, the
#: task index version)
STORE_FORMAT = f"m{META_TRIPLES}-s{network_summary.VERSION}-n{name_summary.VERSION}-t{TASK_INDEX}"


def store_dir(ctx: Context, corpus: Path) -> Path:
    return ctx.corpus_root / "stores" / f"{corpus.name}-{STORE_FORMAT}"


def loaded_store(ctx: Context, corpus: Path) -> tuple[Path, dict]:
    """The store of ``corpus`` (bulk-loaded when missing) and what loading it took."""
    path = store_dir(ctx, corpus)
    marker = path / "loaded.json"
    if marker.exists():
        return path, json.loads(marker.read_text(encoding="utf-8"))
    shutil.rmtree(path, ignore_errors=True)
    files = iter_files([corpus])
    ctx.log(f"loading {len(files)} plans into {path} (bulk, {ctx.workers} workers)")
    t0 = time.perf_counter()
    with GraphStore.open(path) as store:
        report = load_paths(store, files, workers=ctx.workers, bulk=True)
        triples = store.count_triples()
    info = {
        "corpus": corpus.name,
        "documents": report.loaded + report.unchanged,
        "failed": report.failed,
        "triples": triples,
        "load_s": round(time.perf_counter() - t0, 1),
        "how": "python -m bench.run (bulk load, --workers 2)",
    }
    marker.write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    return path, info


def upgrade(source: Path, target: Path, *, corpus: str) -> dict:
    """Copy a store loaded by an older version and add what it lacks (the per-document summaries)."""
    shutil.rmtree(target, ignore_errors=True)
    t0 = time.perf_counter()
    shutil.copytree(source, target)
    copied = time.perf_counter() - t0
    with GraphStore.open(target) as store:
        t1 = time.perf_counter()
        network = network_index.backfill(store)
        t2 = time.perf_counter()
        names = name_index.backfill(store)
        t3 = time.perf_counter()
        tables = backfill_tasks(store)
        t4 = time.perf_counter()
        store.optimize()
        triples = store.count_triples()
        documents = store.count_documents()
    info = {
        "corpus": corpus,
        "documents": documents,
        "failed": 0,
        "triples": triples,
        "how": f"copied from {source} ({copied:.0f} s), coordination summaries of {network} documents "
        f"backfilled in {t2 - t1:.0f} s, names summaries of {names} in {t3 - t2:.0f} s, task indexes of "
        f"{tables} in {t4 - t3:.0f} s, compacted in {time.perf_counter() - t4:.0f} s",
    }
    (target / "loaded.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    return info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.stores", description=__doc__.split("\n\n")[0])
    ap.add_argument("--upgrade", type=Path, required=True, help="a store loaded by an older version")
    ap.add_argument("--corpus", type=Path, required=True, help="the corpus folder it was loaded from")
    a = ap.parse_args(argv)
    ctx = Context(mode="full", plans=0, repeats=1)
    target = store_dir(ctx, a.corpus)
    info = upgrade(a.upgrade, target, corpus=a.corpus.name)
    print(json.dumps({"store": str(target), **info}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
