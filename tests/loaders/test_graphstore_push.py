"""``plangraph push sparql`` against a tiny Graph Store on loopback: auth, chunks, retries, failures, errors."""

from __future__ import annotations

import pytest

from api.cli import main
from api.settings import get_settings
from loaders.graphstore import manifest_graph
from ontology.iris import Iris
from ontology.store import GraphStore
from tests.conftest import ROOT
from tests.loaders.gsp_server import GraphStoreServer
from tests.loaders.virtuoso_support import free_port

SEED_KEY = "vn/ubnd-ha-noi/kh/2022/94"
LAO_CAI = "vn/ubnd-lao-cai/kh/2021/34"
IRIS = Iris()


@pytest.fixture
def loaded(seed_path, capsys):
    assert main(["load", str(seed_path), str(ROOT / "tests/loaders/corpus/lao-cai-kh-34-2021.md")]) == 0
    capsys.readouterr()


@pytest.fixture
def server():
    s = GraphStoreServer().start()
    yield s
    s.stop()


def push(args, capsys):
    code = main(["push", "sparql", *args])
    out, err = capsys.readouterr()
    return code, out, err


def local(key: str):
    with GraphStore.open(get_settings().store, read_only=True) as store:
        return {q.triple for q in store.raw.quads_for_pattern(None, None, None, _node(IRIS.graph(key)))}


def _node(value: str):
    import pyoxigraph as ox

    return ox.NamedNode(value)


def test_basic_auth_answers_the_servers_challenge(loaded, server, monkeypatch, capsys):
    server.user, server.password = "staff", "pw-1"
    monkeypatch.setenv("PLANGRAPH_SPARQL_PUSH_USER", "staff")
    monkeypatch.setenv("PLANGRAPH_SPARQL_PUSH_PASSWORD", "pw-1")
    get_settings.cache_clear()
    code, out, _ = push([server.url], capsys)
    assert code == 0 and "2 document(s) written" in out
    assert server.graphs[IRIS.graph(SEED_KEY)] == local(SEED_KEY)
    assert server.graphs[IRIS.graph(LAO_CAI)] == local(LAO_CAI)
    assert [s for _, _, s in server.log].count(401) == 1  # challenged once, then credentials every time


def test_a_server_that_refuses_big_bodies_gets_chunks(loaded, server, capsys):
    server.max_body = 400_000
    code, out, _ = push([server.url], capsys)
    assert code == 0, out
    assert server.graphs[IRIS.graph(SEED_KEY)] == local(SEED_KEY)
    assert "POST" in server.writes() and any(s == 413 for _, _, s in server.log)


def test_5xx_answers_are_retried(loaded, server, capsys):
    server.fail_next = 2
    code, out, _ = push([server.url], capsys)
    assert code == 0 and "2 document(s) written" in out
    assert [s for _, _, s in server.log][:2] == [503, 503]


def test_a_refused_document_is_reported_and_the_next_push_repairs_it(loaded, server, capsys):
    server.refuse = {IRIS.graph(SEED_KEY)}
    code, out, err = push([server.url], capsys)
    assert code == 1 and err.count("\n") == 1
    assert "1 document(s) written, 0 unchanged, 0 deleted, 1 failed, 0 not attempted" in err
    assert f"failed: {SEED_KEY}: PUT answered HTTP 400: refused" in err and f"written: {LAO_CAI}" in err
    assert IRIS.graph(SEED_KEY) not in server.graphs
    listed = {t.subject.value for t in server.graphs[manifest_graph(IRIS)]}
    assert listed == {IRIS.graph(LAO_CAI)}
    server.refuse = set()
    code, out, _ = push([server.url], capsys)
    assert code == 0 and f"written: {SEED_KEY}" in out and "1 document(s) written, 1 unchanged" in out
    assert server.graphs[IRIS.graph(SEED_KEY)] == local(SEED_KEY)


def test_force_and_document(loaded, server, capsys):
    assert push([server.url, "--document", LAO_CAI], capsys)[0] == 0
    assert set(server.graphs) == {IRIS.graph(LAO_CAI), manifest_graph(IRIS)}
    code, out, _ = push([server.url, "--document", LAO_CAI, "--force"], capsys)
    assert code == 0 and "1 document(s) written, 0 unchanged" in out
    code, _, err = push([server.url, "--document", "vn/x/kh/2022/1"], capsys)
    assert code == 1 and err.count("\n") == 1 and "no document 'vn/x/kh/2022/1'" in err


def test_dry_run_lists_graphs_and_sends_nothing(loaded, server, capsys):
    code, out, err = push([server.url, "--dry-run", "--chunk-triples", "1000"], capsys)
    assert code == 0 and server.log == []
    lines = out.splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"{SEED_KEY}\t") and "PUT + 5 POST" in lines[0]
    total = sum(int(line.split("\t")[1].split()[0]) for line in lines)
    assert f"dry run: 2 graph(s), {total} triples" in err and "nothing sent" in err


def test_a_server_that_is_down_is_one_line(loaded, capsys):
    code, _, err = push([f"http://127.0.0.1:{free_port()}/data"], capsys)
    assert code == 1 and err.count("\n") == 1 and "connection refused" in err and "Traceback" not in err


@pytest.mark.parametrize("url", ["ftp://example.org/data", "http//example.org", "http://example.org:x/data"])
def test_a_bad_url_is_one_line(loaded, url, capsys):
    code, _, err = push([url], capsys)
    assert code == 1 and err.count("\n") == 1 and "not a usable Graph Store URL" in err


def test_without_a_url_it_says_which_setting(loaded, capsys):
    code, _, err = push([], capsys)
    assert code == 1 and err.count("\n") == 1 and "PLANGRAPH_SPARQL_PUSH_URL" in err


def test_an_unknown_auth_scheme_is_one_line(loaded, server, capsys):
    code, _, err = push([server.url, "--user", "u", "--auth", "ntlm"], capsys)
    assert code == 1 and "unknown authentication 'ntlm'" in err and server.log == []


def test_the_url_can_come_from_the_settings(loaded, server, monkeypatch, capsys):
    monkeypatch.setenv("PLANGRAPH_SPARQL_PUSH_URL", server.url)
    get_settings.cache_clear()
    code, out, _ = push([], capsys)
    assert code == 0 and f"pushed to {server.url}" in out


def test_a_failure_between_chunks_leaves_no_half_graph(loaded, server, capsys):
    server.refuse_posts = True
    code, _, err = push([server.url, "--chunk-triples", "2000"], capsys)
    assert code == 1 and err.count("\n") == 1
    assert f"failed: {SEED_KEY}: POST answered HTTP 400: cannot append (its graph was removed" in err
    assert IRIS.graph(SEED_KEY) not in server.graphs and server.graphs[IRIS.graph(LAO_CAI)] == local(LAO_CAI)
    assert {t.subject.value for t in server.graphs[manifest_graph(IRIS)]} == {IRIS.graph(LAO_CAI)}


def test_losing_the_rights_mid_push_reports_every_document(loaded, server, capsys):
    server.forbid_after = 1  # the seed's graph is written (the empty manifest was a DELETE), then 403s
    code, out, err = push([server.url], capsys)
    assert code == 1 and err.count("\n") == 1 and f"written: {SEED_KEY}" in out
    assert "1 document(s) written, 0 unchanged, 0 deleted, 2 failed" in err
    assert f"failed: {LAO_CAI}: the Graph Store at {server.url} forbids PUT" in err
    # the manifest on the target still lists nothing: the next push writes both again
    assert manifest_graph(IRIS) not in server.graphs
    server.forbid_after = None
    code, out, _ = push([server.url], capsys)
    assert code == 0 and "2 document(s) written, 0 unchanged" in out
