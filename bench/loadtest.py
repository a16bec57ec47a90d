"""The load test (``make loadtest``): a real ``plangraph serve`` on loopback, concurrent clients for a
fixed time, a mix of questions, agency, task, legal-basis, network, search and SPARQL requests.

    python -m bench.loadtest                                   # 200 generated plans, 8 clients, 30 s
    python -m bench.loadtest --clients 16 --seconds 60
    python -m bench.loadtest --store /work/bench-data/store-10k --copy

The store: by default a generated corpus (``--plans``, cached in bench/corpus/) bulk-loaded into a
temporary store; ``--store PATH`` serves an existing one — the server opens it for writing, so pass
``--copy`` for a store nothing may write to (it is copied to a temporary folder first). The ids
the requests use are picked from the data before the server starts (most and least loaded
agencies, some of their tasks, their plans, their names), never hard-coded. Reports, per route and
in total: requests, rps, p50/p95/p99/max latency and errors (any response other than 2xx or the
request's expected status, and any exception); writes ``bench/results/loadtest.json`` and exits 1
when there was any error. It stops by itself; nothing here asserts on a time.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

from bench.http_load import Req, drive, serving, url_path
from bench.system import git, machine

RESULTS = Path(__file__).resolve().parent / "results"


def _rows(store: Path, sparql: str) -> list[dict]:
    from ontology.store import GraphStore

    def read(s: GraphStore) -> list[dict]:
        solutions = s.query(sparql)
        names = [v.value for v in solutions.variables]
        return [{k: (row[k].value if row[k] is not None else None) for k in names} for row in solutions]

    return GraphStore.reading(store, read)


def pick_targets(store: Path, *, per_kind: int = 3, seed: int = 1) -> dict:
    """Ids and names from the data: the ``per_kind`` agencies leading the most and the fewest tasks,
    a few tasks of each, their plans and the agencies' names."""
    from ontology.iris import Iris
    from ontology.ntriples import V

    iris = Iris()
    counts = _rows(
        store, f"SELECT ?a (COUNT(?t) AS ?n) WHERE {{ GRAPH ?g {{ ?t {V.pg.lead} ?a }} }} GROUP BY ?a"
    )
    agencies = sorted(
        ((int(r["n"]), iris.key_of(r["a"], "org")) for r in counts if "/group/" not in r["a"]),
        key=lambda x: (-x[0], x[1]),
    )
    if not agencies:
        raise SystemExit(f"no agency leads a task in {store}: load some plans first")
    popular = [a for _, a in agencies[:per_kind]]
    rare = [a for _, a in agencies[-per_kind:] if a not in popular] or popular[:1]
    rng = random.Random(seed)
    tasks, names, rows = [], {}, []
    for a in popular + rare:
        agent = f"<{iris.agency(a)}>"
        found = _rows(
            store,
            f"SELECT ?t ?row WHERE {{ GRAPH ?g {{ ?t {V.pg.lead} {agent} ; {V.pg.rowLabel} ?row }} }} LIMIT 20",
        )
        for r in rng.sample(found, min(2, len(found))):
            tasks.append(iris.key_of(r["t"], "eli"))
            rows.append(r["row"])
        vi_name = f"SELECT ?l WHERE {{ GRAPH ?g {{ {agent} {V.skos.prefLabel} ?l FILTER(lang(?l) = 'vi') }} }} LIMIT 1"
        label = _rows(store, vi_name)
        if label:
            names[a] = label[0]["l"]
    years = _rows(store, f"SELECT ?d WHERE {{ GRAPH ?g {{ ?p {V.eli.date_document} ?d }} }} LIMIT 1")
    year = years[0]["d"][:4] if years else "2022"
    plans = sorted({t.split("/task/")[0] for t in tasks})
    return {
        "popular": popular,
        "rare": rare,
        "tasks": tasks,
        "rows": rows,
        "plans": plans,
        "names": names,
        "year": year,
    }


def agency_tasks_requests(t: dict) -> list[Req]:
    """``/agencies/{id}/tasks`` for the popular and the rare agencies (the route bench_api measures)."""
    out = [
        Req("agency tasks (popular)", url_path(f"/agencies/{a}/tasks", limit=20), 1.0) for a in t["popular"]
    ]
    out += [Req("agency tasks (rare)", url_path(f"/agencies/{a}/tasks"), 1.0) for a in t["rare"]]
    return out


def mix(t: dict) -> list[Req]:
    """The load test's mix: roughly what a page of the web UI and a few API users ask."""
    from graph.values.text import fold

    reqs = agency_tasks_requests(t)
    for a in t["popular"][:1] + t["rare"][:1]:
        reqs.append(Req("agency", url_path(f"/agencies/{a}"), 1.0))
    for name in list(t["names"].values())[:3]:
        reqs.append(Req("ask", url_path("/ask", q=f"nhiệm vụ nào do {name} chủ trì"), 0.5))
        reqs.append(Req("search", url_path("/agencies", q=fold(name)), 0.5))
    reqs.append(Req("ask", url_path("/ask", q=f"nhiệm vụ nào thực hiện trong quý III/{t['year']}"), 0.5))
    for task in t["tasks"]:
        reqs.append(Req("task", url_path(f"/tasks/{task}"), 0.5))
        reqs.append(Req("legal basis", url_path(f"/tasks/{task}/legal-basis"), 0.3))
    for plan in t["plans"][:4]:
        reqs.append(Req("network", url_path("/network/coordination", plan=plan), 0.4))
    if len(t["popular"]) > 1:
        reqs.append(
            Req(
                "network path",
                url_path("/network/path", **{"from": t["popular"][0], "to": t["rare"][0]}),
                0.3,
            )
        )
    from ontology.ntriples import V

    sparql = f"SELECT ?t ?row WHERE {{ GRAPH ?g {{ ?t {V.pg.rowLabel} ?row }} }} LIMIT 10"
    reqs.append(Req("sparql", url_path("/sparql", query=sparql), 1.0))
    reqs.append(
        Req("unknown agency (404)", url_path("/agencies/vn/no-such-agency/tasks"), 0.2, expect=(404,))
    )
    return reqs


def build_store(plans: int, into: Path, *, log=print) -> Path:
    """A generated corpus of ``plans`` plans bulk-loaded into a fresh store under ``into``."""
    from bench.harness import Context
    from loaders.corpus import load_paths
    from ontology.store import GraphStore

    folder = Context(mode="quick", plans=plans, repeats=1).corpus(plans, noise=0)
    store_path = into / "store"
    log(f"loading {plans} plans from {folder} into {store_path}")
    with GraphStore.open(store_path) as store:
        report = load_paths(store, [folder], workers=2 if plans >= 8 else 1, bulk=True)
    if report.failed:
        raise SystemExit(f"loading the corpus failed: {report.errors[:3]}")
    return store_path


def prepare_store(store: Path | None, tmp: Path, *, plans: int, copy: bool, log=print) -> Path:
    """The store to serve: a generated one (no ``store``), a copy of ``store`` in ``tmp``, or ``store``."""
    if store is None:
        return build_store(plans, tmp, log=log)
    if not copy:
        return store
    log(f"copying {store} to {tmp}")
    shutil.copytree(store, tmp / "store")
    src = store.with_name(store.name + ".sources")
    if src.is_dir():
        shutil.copytree(src, tmp / "store.sources")
    return tmp / "store"


def loadtest(
    store: Path | None = None,
    *,
    plans: int = 200,
    clients: int = 8,
    seconds: float = 30,
    copy: bool = False,
    requests=mix,
    log=print,
) -> dict:
    """Run the load test and return its result (``requests`` builds the mix from the picked ids)."""
    with tempfile.TemporaryDirectory(prefix="plangraph-loadtest-") as tmp:
        served = prepare_store(store, Path(tmp), plans=plans, copy=copy, log=log)
        targets = pick_targets(served)
        reqs = requests(targets)
        log(f"{len(reqs)} distinct requests; {clients} clients for {seconds:g} s")
        with serving(served, log=Path(tmp) / "serve.log") as server:
            result = drive(server, reqs, clients=clients, seconds=seconds)
            result["server_rss_mb"] = server.rss_mb()
    result.update(
        store=str(store) if store is not None else f"{plans} generated plans (seed 1, noise 0)",
        targets=targets,
        distinct_requests=len(reqs),
        machine=machine(),
        git=git(),
        ok=result["errors"] == 0,
    )
    return result


def table(result: dict) -> str:
    """The result as a Markdown table (per route, then the total)."""
    out = [
        "| route | requests | rps | p50 ms | p95 ms | p99 ms | max ms | errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    rows = [*result["routes"].items(), ("**all**", result)]
    for route, s in rows:
        out.append(
            f"| {route} | {s['requests']} | {s['rps']} | {s['p50_ms']} | {s['p95_ms']} | {s['p99_ms']} | {s['max_ms']} | {s['errors']} |"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.loadtest", description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--store", type=Path, help="serve this store (default: a generated corpus in a temp store)"
    )
    ap.add_argument("--copy", action="store_true", help="serve a temporary copy of --store")
    ap.add_argument("--plans", type=int, default=200, help="generated plans when no --store (default 200)")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--out", type=Path, default=RESULTS / "loadtest.json")
    a = ap.parse_args(argv)
    if a.store is not None and not a.store.is_dir():
        print(f"error: no store at {a.store}", file=sys.stderr)
        return 2
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    result = loadtest(a.store, plans=a.plans, clients=a.clients, seconds=a.seconds, copy=a.copy, log=log)
    result["command"] = "python -m bench.loadtest " + " ".join(argv if argv is not None else sys.argv[1:])
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(table(result))
    print(
        f"\n{result['requests']} requests in {result['seconds']} s: {result['rps']} rps, p99 {result['p99_ms']} ms, "
        f"{result['errors']} errors; client CPU {result['client_cpu_seconds']} s, server CPU "
        f"{result['server_cpu_seconds']} s; wrote {a.out}"
    )
    for ex in result["error_examples"]:
        print(f"error: {ex}", file=sys.stderr)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
