"""docs/sparql.md cannot drift: its queries run on the seed through the endpoint, and its tables
name every format, every refusal and both routes."""

from __future__ import annotations

import inspect
import re

import pytest

from api.errors import _kebab
from ontology.sparql import errors
from ontology.sparql.formats import FORMATS
from tests.api.sparql_helpers import client_for, seed_store
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "sparql.md").read_text(encoding="utf-8")
QUERIES = re.findall(r"```sparql\n(.*?)```", DOC, flags=re.S)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with client_for(seed_store(tmp_path_factory.mktemp("sparql-docs") / "store")) as c:
        yield c


def test_the_docs_hold_the_four_seed_questions():
    assert len(QUERIES) >= 4


@pytest.mark.parametrize("query", QUERIES, ids=[f"query-{i + 1}" for i in range(len(QUERIES))])
def test_every_documented_query_answers_on_the_seed(client, query):
    got = client.post("/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"})
    assert got.status_code == 200, got.text
    bindings = got.json()["results"]["bindings"]
    assert bindings, "the documented query found nothing on the seed"
    assert got.json() == client.get("/sparql", params={"query": query}).json()


def test_the_documented_sample_rows_are_what_the_queries_answer(client):
    """The first data line of each CSV sample is the first row the query returns."""
    samples = re.findall(r"```\n([a-zA-Z,]+)\n(.*?)\n", DOC)
    assert len(samples) == len(QUERIES)
    for query, (header, first) in zip(QUERIES, samples, strict=True):
        r = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
        lines = r.text.splitlines()
        assert lines[0] == header
        if "…" not in first:
            assert lines[1] == first


def test_every_format_and_refusal_is_documented():
    for f in FORMATS.values():
        assert f"`{f.media_type}`" in DOC, f.media_type
        assert f"`{f.name}`" in DOC, f.name
    for _, cls in inspect.getmembers(errors, inspect.isclass):
        if issubclass(cls, errors.PlangraphError) and cls.__module__ == errors.__name__:
            assert f"urn:plangraph:error:{_kebab(cls.__name__)}" in DOC, cls.__name__
            assert f"**{cls.status}**" in DOC, (cls.__name__, cls.status)
    for keyword in ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "SERVICE"):
        assert f"`{keyword}`" in DOC


def test_the_readme_lists_the_sparql_routes(client):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for route in client.app.routes:
        if getattr(route, "path", "") == "/sparql":
            for method in route.methods:
                assert f"`{method} /sparql" in readme, method
    assert "docs/sparql.md" in readme
