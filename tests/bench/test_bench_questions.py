"""The question and serve benchmarks run end to end on a tiny corpus (so they cannot rot).

Nothing here asserts on a time: only that every question was measured, the arguments come from
the data, the rdflib baseline answers (or says why not), and serve starts and reports memory.
"""

from __future__ import annotations

import multiprocessing as mp

import pytest

from bench import bench_questions, bench_serve
from bench.baseline_rdflib import baseline_queries, run_baseline
from bench.harness import Context
from bench.stores import loaded_store


@pytest.fixture(scope="module")
def ctx(tmp_path_factory) -> Context:
    root = tmp_path_factory.mktemp("bench")
    return Context(mode="quick", plans=5, repeats=1, corpus_root=root / "corpus", results=root / "results")


def test_questions_measure_every_question_against_rdflib(ctx):
    result = bench_questions.run(ctx)
    assert result["ok"] and [s["plans"] for s in result["sizes"]] == [5]
    size = result["sizes"][0]
    assert size["store"]["documents"] == 5 and size["store"]["failed"] == 0
    picks = size["picks"]
    assert picks["popular_tasks"] >= picks["rare_tasks"] >= 1
    assert picks["search_text"].isascii()
    assert size["rdflib_load"]["finished"] and size["rdflib_load"]["quads"] > 0
    assert set(size["questions"]) == set(bench_questions.questions(None, picks))
    for name, row in size["questions"].items():
        ours, base = row["plangraph"], row["rdflib"]
        assert ours["n"] == bench_questions.REPS["quick"] and 0 < ours["p50_ms"] <= ours["p95_ms"], name
        assert base["finished"] and base["n"] == bench_questions.BASELINE_REPS["quick"], name
        assert row["ratio_p50"] is not None
    # the baseline answers the same questions: the popular agency has tasks, the network has pairs
    assert size["questions"]["agency_tasks_popular"]["rdflib"]["rows"] > 0
    assert size["questions"]["province_network"]["rdflib"]["rows"] > 0
    # a cached store is reused, not loaded again
    _, info = loaded_store(ctx, ctx.corpus(5, noise=0.0))
    assert info == size["store"]


def test_the_baseline_records_what_did_not_finish(ctx, tmp_path):
    path, _ = loaded_store(ctx, ctx.corpus(5, noise=0.0))
    dump = tmp_path / "store.nq"
    from ontology.store import GraphStore

    with GraphStore.open(path, read_only=True) as store:
        store.raw.dump(str(dump), format=__import__("pyoxigraph").RdfFormat.N_QUADS)
        iris = store.iris
    picks = {
        "popular_agency": "x/a",
        "rare_agency": "x/b",
        "legal_task": "x/t",
        "province": "p",
        "search_text": "s",
    }
    out = run_baseline(
        dump,
        baseline_queries(picks, iris),
        reps=1,
        load_limit=0.001,
        query_limit=1,
        ctx=mp.get_context("spawn"),
    )
    assert out["load"]["finished"] is False
    assert all(not q["finished"] and "did not load" in q["why"] for q in out["questions"].values())


def test_serve_starts_on_the_store_and_reports_memory(ctx):
    result = bench_serve.run(ctx)
    assert result["ok"], result["runs"]
    run = result["runs"][0]
    assert run["started"] and run["start_s"] > 0 and run["first_answer_s"] > 0 and run["first_search_s"] > 0
    assert 0 < run["rss_start_mb"] <= run["rss_after_questions_mb"] * 2


def test_names_benchmark_times_the_merge_and_the_store_wide_reading(ctx):
    from bench import bench_names

    path, info = loaded_store(ctx, ctx.corpus(5, noise=0.0))
    out = bench_names.measure(path, old=True)
    assert out["documents"] == info["documents"] and out["without_summary"] == 0
    assert out["agents"] > 0 and out["legal_documents"] > 0 and out["summary_mb"] > 0
    assert out["old_same_ids"] is True
    assert out["agents_index_s"] >= 0 and out["old_indexes_s"] >= 0


def test_upgrade_adds_the_summaries_an_older_store_lacks(ctx, tmp_path):
    """``python -m bench.stores --upgrade``: a store without coordination and names summaries (as
    written by an older version) is copied and gets both, with the triple counts kept right."""
    from bench.stores import upgrade
    from ontology.ntriples import V
    from ontology.reads import StoreReader
    from ontology.store import GraphStore

    path, _ = loaded_store(ctx, ctx.corpus(5, noise=0.0))
    old = tmp_path / "old"
    import shutil

    shutil.copytree(path, old)
    with GraphStore.open(old) as store:
        sizes = {d.id: d.triples for d in store.documents()}
        for p in (V.pg.coordinationSummary, V.pg.namesSummary):
            store.raw.update(
                f"""DELETE {{ GRAPH ?g {{ ?g {p} ?s . ?g {V.pg.tripleCount} ?n }} }}
                    INSERT {{ GRAPH ?g {{ ?g {V.pg.tripleCount} ?m }} }}
                    WHERE {{ GRAPH ?g {{ ?g {p} ?s ; {V.pg.tripleCount} ?n BIND(?n - 1 AS ?m) }} }}"""
            )
    info = upgrade(old, tmp_path / "new", corpus="c")
    assert "names summaries of 5 in" in info["how"] and "coordination summaries of 5 documents" in info["how"]
    with GraphStore.open(tmp_path / "new", read_only=True) as store:
        assert {d.id: d.triples for d in store.documents()} == sizes
        assert all(text is not None for _, text in StoreReader(store).names_summary_rows())
