"""The ontology and store docs cannot drift from the code."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph

from api.app import create_app
from api.settings import Settings
from ontology import exports
from ontology.iris import Iris
from ontology.mapping import document_graph
from ontology.store import GraphStore
from tests.conftest import ROOT
from tests.ontology import fixtures as fx

DOCS = ROOT / "docs"


def blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


def test_the_turtle_example_is_what_the_mapping_writes():
    [example] = blocks((DOCS / "ontology.md").read_text(encoding="utf-8"), "turtle")
    shown = Graph().parse(data=example, format="turtle")
    mapped = Graph().parse(data=document_graph(fx.make_extraction(), Iris()).ntriples(), format="nt")
    missing = [t for t in shown if t not in mapped]
    assert len(shown) > 30 and not missing, missing[:5]


def test_the_sparql_example_runs():
    [query] = blocks((DOCS / "ontology.md").read_text(encoding="utf-8"), "sparql")
    store = GraphStore.memory()
    store.load_extraction(fx.make_extraction())
    assert len(list(store.query(query))) >= 4


@pytest.mark.parametrize("doc", ["README.md", "docs/store.md"])
def test_every_export_format_is_documented(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    for name in exports.FORMATS:
        assert f"`{name}`" in text


def test_readme_lists_the_document_routes_and_store_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    app = create_app(Settings(), store=GraphStore.memory())
    for route in app.routes:
        path = getattr(route, "path", "")
        if path.startswith("/documents"):
            shown = path.replace("{id:path}", "{id}")
            for method in route.methods:
                assert f"`{method} {shown}" in readme, f"{method} {shown}"
    for command in ("load", "stats", "export", "validate"):
        assert f"`plangraph {command}" in readme
