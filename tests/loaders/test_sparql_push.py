"""``plangraph push sparql`` against a real Virtuoso (Debian's virtuoso-opensource) on loopback.

One private instance per session (started in ~10 s); each test pushes under its own
``PLANGRAPH_BASE_IRI``, so its graphs and its manifest are its own on the shared server.
"""

from __future__ import annotations

import itertools
import urllib.request

import pyoxigraph as ox
import pytest

from api.cli import main
from api.settings import get_settings
from loaders.graphstore import manifest_graph
from ontology.iris import Iris
from ontology.store import GraphStore
from tests.conftest import ROOT
from tests.loaders import virtuoso_support as vs

pytestmark = [
    pytest.mark.virtuoso,
    pytest.mark.skipif(not vs.installed(), reason="needs Debian's virtuoso-opensource (virtuoso-t, isql-vt)"),
]

CORPUS = ROOT / "tests" / "loaders" / "corpus"
DOCS = [
    ROOT / "examples" / "ke-hoach-94-2022.md",
    CORPUS / "lao-cai-kh-34-2021.md",
    CORPUS / "chuong-trinh-hcm-2023.md",
]
LAO_CAI = "vn/ubnd-lao-cai/kh/2021/34"
_bases = itertools.count(1)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    server = vs.start(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


@pytest.fixture
def target(virtuoso, monkeypatch, tmp_path, capsys):
    """A store of three documents under a base IRI of this test's own, and the push credentials."""
    base = f"https://example.org/t{next(_bases)}/"
    monkeypatch.setenv("PLANGRAPH_BASE_IRI", base)
    monkeypatch.setenv("PLANGRAPH_SPARQL_PUSH_USER", vs.USER)
    monkeypatch.setenv("PLANGRAPH_SPARQL_PUSH_PASSWORD", virtuoso.password)
    get_settings.cache_clear()
    assert main(["load", *map(str, DOCS)]) == 0
    capsys.readouterr()
    return base


def push(args, capsys):
    code = main(["push", "sparql", *args])
    out, err = capsys.readouterr()
    return code, out, err


def local_counts(base: str) -> dict[str, int]:
    with GraphStore.open(get_settings().store, read_only=True, base=base) as store:
        return {d.graph: store.graph_size(d.id) for d in store.documents()}


def remote_counts(virtuoso, base: str) -> dict[str, int]:
    rows = virtuoso.select(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{base}graph/")) }} GROUP BY ?g'
    )
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows}


def remote_graph(virtuoso, graph: str) -> set[ox.Triple]:
    request = urllib.request.Request(
        f"{virtuoso.base}/sparql-graph-crud?graph={urllib.request.quote(graph, safe='')}",
        headers={"Accept": "application/n-triples"},
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        return {q.triple for q in ox.parse(answer.read(), format=ox.RdfFormat.N_TRIPLES)}


def local_graph(base: str, graph: str) -> set[ox.Triple]:
    with GraphStore.open(get_settings().store, read_only=True, base=base) as store:
        g = ox.NamedNode(graph)
        return {q.triple for q in store.raw.quads_for_pattern(None, None, None, g)}


def test_a_push_copies_every_graph_whole_and_the_answers_agree(virtuoso, target, capsys):
    code, out, _ = push([virtuoso.gsp], capsys)
    assert code == 0, out
    assert "3 document(s) written, 0 unchanged, 0 deleted, 0 failed" in out
    local = local_counts(target)
    assert len(local) == 3 and remote_counts(virtuoso, target) == local
    # every triple comes back identical (terms compared as RDF terms: IRIs, values, languages, datatypes)
    seed_graph = Iris(target).graph("vn/ubnd-ha-noi/kh/2022/94")
    assert remote_graph(virtuoso, seed_graph) == local_graph(target, seed_graph)
    # a real question, on both sides: the tasks each agency leads, with their labels
    query = (
        "PREFIX pg: <https://w3id.org/plangraph/ontology#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?a ?t ?label WHERE { GRAPH ?g { ?t pg:lead ?a . OPTIONAL { ?t rdfs:label ?label } } "
        f'FILTER(STRSTARTS(STR(?g), "{target}graph/")) }}'
    )
    remote = {
        (r["a"]["value"], r["t"]["value"], r.get("label", {}).get("value")) for r in virtuoso.select(query)
    }
    with GraphStore.open(get_settings().store, read_only=True, base=target) as store:
        rows = list(store.query(query))
        here = {
            (r["a"].value, r["t"].value, r["label"].value if r["label"] is not None else None) for r in rows
        }
    assert len(here) > 50 and remote == here


def test_pushes_are_incremental(virtuoso, target, tmp_path, capsys):
    assert push([virtuoso.gsp], capsys)[0] == 0
    code, out, _ = push([virtuoso.gsp], capsys)
    assert code == 0 and "0 document(s) written, 3 unchanged, 0 deleted, 0 failed" in out
    assert "(0 triples, 1 requests)" in out  # only the manifest was read
    # a changed document: only it is written again
    changed = tmp_path / "lao-cai.md"
    text = (CORPUS / "lao-cai-kh-34-2021.md").read_text(encoding="utf-8")
    changed.write_text(text + "\nNơi nhận:\n- Sở Tài chính;\n", encoding="utf-8")
    assert main(["load", str(changed)]) == 0
    capsys.readouterr()
    code, out, _ = push([virtuoso.gsp], capsys)
    assert code == 0 and f"written: {LAO_CAI}" in out and "1 document(s) written, 2 unchanged" in out
    assert remote_counts(virtuoso, target) == local_counts(target)
    # a document removed from the store: its graph is deleted on the target
    with GraphStore.open(get_settings().store, base=target) as store:
        store.delete_document(LAO_CAI)
    code, out, _ = push([virtuoso.gsp], capsys)
    assert (
        code == 0 and f"deleted: {LAO_CAI}" in out and "0 document(s) written, 2 unchanged, 1 deleted" in out
    )
    assert remote_counts(virtuoso, target) == local_counts(target)
    assert Iris(target).graph(LAO_CAI) not in remote_counts(virtuoso, target)
    manifest = remote_graph(virtuoso, manifest_graph(Iris(target)))
    assert {t.subject.value for t in manifest} == set(local_counts(target))


def test_big_graphs_go_in_chunks_and_arrive_whole(virtuoso, target, capsys):
    code, out, _ = push([virtuoso.gsp, "--chunk-triples", "700"], capsys)
    assert code == 0, out
    # each graph in chunks of 700 triples, plus the manifest read once and written twice
    sizes = local_counts(target).values()
    requests = sum(-(-n // 700) for n in sizes) + 3
    assert "3 document(s) written" in out and f"({sum(sizes)} triples, {requests} requests)" in out
    assert remote_counts(virtuoso, target) == local_counts(target)
    seed_graph = Iris(target).graph("vn/ubnd-ha-noi/kh/2022/94")
    assert remote_graph(virtuoso, seed_graph) == local_graph(target, seed_graph)


def test_a_wrong_password_is_one_line_and_exit_1(virtuoso, target, capsys):
    code, _, err = push([virtuoso.gsp, "--password", "not-the-password"], capsys)
    assert (
        code == 1 and err.count("\n") == 1 and "HTTP 401" in err and "PLANGRAPH_SPARQL_PUSH_PASSWORD" in err
    )
    assert "not-the-password" not in err and remote_counts(virtuoso, target) == {}


def test_anonymous_writes_are_forbidden_and_say_what_to_set(virtuoso, target, monkeypatch, capsys):
    monkeypatch.delenv("PLANGRAPH_SPARQL_PUSH_USER")
    get_settings.cache_clear()
    code, _, err = push([f"{virtuoso.base}/sparql-graph-crud"], capsys)
    assert code == 1 and err.count("\n") == 1 and "HTTP 403" in err and "PLANGRAPH_SPARQL_PUSH_USER" in err


@pytest.mark.parametrize("path", ["/sparql", "/no-such-endpoint"])
def test_a_url_that_is_not_a_graph_store_is_one_line(virtuoso, target, path, capsys):
    code, _, err = push([virtuoso.base + path], capsys)
    assert code == 1 and err.count("\n") == 1 and "is not a Graph Store endpoint" in err
    assert "sparql-graph-crud-auth" in err
