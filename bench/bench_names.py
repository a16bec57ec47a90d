"""The name indexes' first build on a loaded store: merging the documents' names summaries, against
the store-wide reading they replace (``--old``).

``python -m bench.bench_names STORE [--old] [--out F.json]`` opens STORE read-only (safe next to a
server, and on a shared benchmark store), builds the agency and document indexes the way the first
agency question or search after start-up does (:class:`graph.queries.KnowledgeBase`), runs one
search without diacritics, and with ``--old`` builds the same indexes from
:meth:`ontology.reads.StoreReader.agents` / ``all_documents`` (every agent's names and a GROUP BY of
every assignment). Prints one JSON object; nothing asserts on a time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

from bench.system import git, machine
from graph.queries import KnowledgeBase, search_agencies
from graph.search import Entry, NameIndex
from ontology.reads import StoreReader
from ontology.store import GraphStore

SEARCH = "hoi cuu chien binh tinh"


def _timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, round(time.perf_counter() - t, 3)


def old_indexes(reader: StoreReader) -> tuple[NameIndex, NameIndex]:
    """The indexes as the store-wide reading built them (the baseline)."""
    agents = NameIndex(
        Entry(r["id"], r["kind"], r["name"], tuple(sorted(r["names"])), weight=r["tasks"])
        for r in reader.agents()
    )
    docs = NameIndex(
        Entry(r["id"], "document", r["label"] or r["id"], tuple(sorted(r["names"])))
        for r in reader.all_documents()
    )
    return agents, docs


def measure(path: Path, *, old: bool = False) -> dict:
    out: dict = {"store": str(path), "load_average_before": list(os.getloadavg())}
    with GraphStore.open(path, read_only=True) as store:
        reader = StoreReader(store)
        rows, out["read_summaries_s"] = _timed(reader.names_summary_rows)
        out["documents"] = len(rows)
        out["without_summary"] = sum(1 for _, text in rows if text is None)
        out["summary_mb"] = round(sum(len(t.encode("utf-8")) for _, t in rows if t) / 1e6, 2)
        kb = KnowledgeBase(reader)
        agents, out["agents_index_s"] = _timed(lambda: kb.agents)
        docs, out["documents_index_s"] = _timed(lambda: kb.documents)
        out["agents"], out["legal_documents"] = len(agents), len(docs)
        hits, out["search_s"] = _timed(lambda: search_agencies(kb, SEARCH))
        out["search"] = {"text": SEARCH, "first": hits[0].id if hits else None}
        out["rss_peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        if old:
            (a, d), out["old_indexes_s"] = _timed(lambda: old_indexes(reader))
            same = {e.id for e in a.entries.values()} == {e.id for e in agents.entries.values()}
            out["old_same_ids"] = same and {e.id for e in d.entries.values()} == set(docs.entries)
    out["load_average_after"] = list(os.getloadavg())
    out["machine"], out["git"] = machine(), git()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_names", description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--old", action="store_true", help="also time the store-wide reading (the baseline)")
    ap.add_argument("--out", type=Path, help="also write the JSON here")
    a = ap.parse_args(argv)
    result = measure(a.store, old=a.old)
    text = json.dumps(result, indent=1, ensure_ascii=False)
    print(text)
    if a.out:
        a.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
