"""The ingest benchmark, the load test and the API benchmark at tiny sizes, against real processes
(a real ``plangraph serve`` on loopback), so that they cannot rot. Nothing here asserts on a time."""

from __future__ import annotations

import json

import pytest

from bench import bench_api, bench_ingest, loadtest
from bench.generate import Settings, generate
from bench.http_load import percentile
from loaders.corpus import load_paths
from ontology.store import GraphStore


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    generate(Settings(seed=2, noise=0), 5, folder)
    return folder


@pytest.fixture(scope="module")
def store(corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("served") / "store"
    with GraphStore.open(path) as s:
        assert load_paths(s, [corpus], bulk=True).failed == 0
    return path


def test_ingest_measures_every_mode_and_the_stores_agree(corpus):
    r = bench_ingest.measure(corpus, plans=5, repeats=1, workers=2, log=lambda _m: None)
    assert r["corpus"]["plans"] == 5
    for mode in ("extract", "load", "load_bulk", "baseline"):
        assert r[mode]["median_seconds"] > 0 and r[mode]["peak_rss_mb"] > 0
    assert r["same_quads"] and r["ok"]
    triples = {r[m]["runs"][0]["triples"] for m in ("load", "load_bulk", "baseline")}
    assert len(triples) == 1 and triples.pop() == r["digests"]["load"]["quads"]
    assert r["load"]["runs"][0]["store_mb"] > 0 and r["load"]["runs"][0]["sources_mb"] > 0
    assert set(r["ratios"]) == {"extract_vs_baseline", "load_vs_baseline", "load_bulk_vs_baseline"}


def test_loadtest_drives_every_route_without_errors(store, tmp_path):
    out = tmp_path / "loadtest.json"
    code = loadtest.main(["--store", str(store), "--clients", "2", "--seconds", "2", "--out", str(out)])
    r = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0 and r["ok"] and r["errors"] == 0 and r["requests"] > 0
    assert r["targets"]["popular"] and r["targets"]["tasks"] and r["targets"]["names"]
    assert r["p50_ms"] <= r["p95_ms"] <= r["p99_ms"] <= r["max_ms"]
    assert r["server_cpu_seconds"] is not None and r["client_cpu_seconds"] >= 0
    assert "| **all** |" in loadtest.table(r)


def test_api_benchmark_counts_only_agency_tasks(store):
    r = bench_api.measure(store, clients=2, seconds=1, log=lambda _m: None)
    assert r["errors"] == 0 and r["requests"] > 0
    assert set(r["routes"]) <= {"agency tasks (popular)", "agency tasks (rare)"}
    assert r["target"]["rps"] == 300 and isinstance(r["target"]["met"], bool)


def test_a_failing_request_is_counted_as_an_error(store):
    from bench.http_load import Req, drive, serving

    with serving(store) as server:
        r = drive(
            server, [Req("missing", "/agencies/vn/no-such-agency/tasks")], clients=1, seconds=0.5, warmup=0
        )
    assert r["errors"] == r["requests"] > 0 and "404" in r["error_examples"][0]


def test_percentile_is_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 50) == 50 and percentile(values, 99) == 99 and percentile(values, 100) == 100
    assert percentile([7.0], 99) == 7.0
