"""The baseline of the question benchmark: the same questions as SPARQL over rdflib's in-memory store.

The quads are parsed into an rdflib ``Dataset`` (union default graph) in a child process whose
address space is capped (``memory_gb``: it fails instead of starving the machine); the parent waits at most ``load_limit`` seconds for the load and ``query_limit`` seconds for each
repetition of each question, and kills the child when a limit passes: the rest is recorded as
not finished, with the limit, never dropped or estimated.
"""

from __future__ import annotations

import resource
import time

from ontology.iris import Iris
from ontology.ntriples import V, iri, lit


def baseline_queries(picks: dict, iris: Iris) -> dict[str, list[str]]:
    """Per question, the SPARQL queries that answer it (run in turn; one repetition is all of them)."""
    any_role = f"{V.pg.lead}|{V.pg.coordinating}"

    def agency(agent: str, path: str) -> list[str]:
        a = iri(iris.agency(agent))
        page = f"SELECT DISTINCT ?t WHERE {{ ?t {path} {a} }} ORDER BY ?t LIMIT 100"
        return [
            f"SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE {{ ?t {path} {a} }}",
            f"""SELECT ?t ?row ?content WHERE {{ {{ {page} }} ?t {V.pg.rowLabel} ?row .
                  OPTIONAL {{ ?t {V.dcterms.description} ?content }} }}""",
            f"SELECT ?t ?x WHERE {{ {{ {page} }} ?t {any_role} ?x }}",
        ]

    task = iri(iris.document(picks["legal_task"]))
    # the cheap questions first: the child stops at the first question over its limit
    return {
        "agency_tasks_rare": agency(picks["rare_agency"], any_role),
        "search_no_diacritics": [
            f"""SELECT DISTINCT ?a WHERE {{ ?a a {V.pg.Agency} . {{ ?a {V.skos.hiddenLabel} ?h }}
                  UNION {{ ?a {V.skos.prefLabel} ?h }}
                  FILTER(CONTAINS(LCASE(STR(?h)), {lit(picks["search_text"])})) }} LIMIT 10"""
        ],
        "legal_basis": [
            f"""SELECT DISTINCT ?d ?title WHERE {{ {{ {task} {V.eli.cites} ?d }}
                  UNION {{ {task} {V.pplan.isStepOfPlan} ?p . ?p {V.eli.based_on}+ ?d }}
                  OPTIONAL {{ ?d {V.eli.title} ?title }} }}"""
        ],
        "province_network": [
            f"""SELECT ?a ?b (COUNT(DISTINCT ?t) AS ?w) WHERE {{
                  ?p {V.pg.jurisdiction} {lit(picks["province"])} . ?t {V.pplan.isStepOfPlan} ?p .
                  ?t {any_role} ?a . ?t {any_role} ?b . FILTER(STR(?a) < STR(?b)) }} GROUP BY ?a ?b"""
        ],
        "agency_tasks_popular_lead": agency(picks["popular_agency"], V.pg.lead),
        "agency_tasks_popular": agency(picks["popular_agency"], any_role),
    }


def _child(path: str, queries: dict[str, list[str]], reps: int, memory_gb: float, conn) -> None:
    from rdflib import Dataset

    limit = int(memory_gb * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    t0 = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(path, format="nquads")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    conn.send(("loaded", time.perf_counter() - t0, rss, len(ds)))
    for name, qs in queries.items():
        for _ in range(reps):
            t = time.perf_counter()
            rows = 0
            for q in qs:
                rows += len(list(ds.query(q)))
            conn.send(("rep", name, (time.perf_counter() - t) * 1000, rows))
    conn.send(("done",))


def run_baseline(
    dump,
    queries: dict[str, list[str]],
    *,
    reps: int,
    load_limit: float,
    query_limit: float,
    ctx,
    memory_gb: float = 10,
) -> dict:
    """Run the queries on rdflib in a child process of multiprocessing context ``ctx``."""
    from bench.bench_questions import summary

    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(str(dump), queries, reps, memory_gb, send), daemon=True)
    proc.start()
    send.close()
    out: dict = {"load": {"finished": False, "limit_s": load_limit}, "questions": {}}
    try:
        if not recv.poll(load_limit):
            for name in queries:
                out["questions"][name] = {
                    "finished": False,
                    "why": f"rdflib did not load within {load_limit:.0f} s",
                }
            return out
        try:
            _, secs, rss, quads = recv.recv()
        except EOFError:
            out["load"]["why"] = (
                f"the rdflib process ended while loading (its memory limit is {memory_gb:g} GB)"
            )
            for name in queries:
                out["questions"][name] = {"finished": False, "why": out["load"]["why"]}
            return out
        out["load"] = {"finished": True, "s": round(secs, 1), "max_rss_mb": round(rss), "quads": quads}
        times: dict[str, list[float]] = {name: [] for name in queries}
        for name in queries:
            while len(times[name]) < reps:
                if not recv.poll(query_limit):
                    out["questions"][name] = {
                        "finished": False,
                        "why": f"one repetition took over {query_limit:.0f} s (stopped)",
                    }
                    for rest in list(queries)[list(queries).index(name) + 1 :]:
                        out["questions"][rest] = {"finished": False, "why": "not run (rdflib stopped before)"}
                    return out
                try:
                    msg = recv.recv()
                except EOFError:
                    out["questions"][name] = {"finished": False, "why": "the rdflib process ended"}
                    return out
                times[msg[1]].append(msg[2])
                out["questions"].setdefault(name, {})["rows"] = msg[3]
            out["questions"][name] = {"finished": True, **summary(times[name]), **out["questions"][name]}
        return out
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        recv.close()
