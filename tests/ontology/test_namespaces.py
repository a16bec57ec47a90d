"""The closed PG namespace is generated from plangraph.ttl, and every own term speaks vi and en."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from ontology import gen_namespace
from ontology.iris import Iris
from ontology.mapping import document_graph
from ontology.namespaces import PG
from tests.ontology.fixtures import make_extraction

NS = str(PG._NS)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(gen_namespace.TTL, format="turtle")


def own_terms(g: Graph) -> list[URIRef]:
    return sorted({s for s in g.subjects() if isinstance(s, URIRef) and s.startswith(NS)})


def test_namespace_module_is_in_step_with_the_turtle():
    module = gen_namespace.MODULE.read_text(encoding="utf-8")
    expected = gen_namespace.render(gen_namespace.TTL.read_text(encoding="utf-8"))
    assert gen_namespace.current_block(module) == expected, "run: python -m ontology.gen_namespace"
    assert gen_namespace.main(["--check"]) == 0


def test_generator_notices_a_new_term():
    ttl = gen_namespace.TTL.read_text(encoding="utf-8") + '\npg:newThing a owl:Class ; rdfs:label "x"@en .\n'
    assert "    newThing: URIRef" in gen_namespace.render(ttl)


def test_every_own_term_is_in_the_module_and_closed(ontology):
    names = {t[len(NS) :] for t in own_terms(ontology)}
    assert names == set(PG.__annotations__) - {"_NS", "_fail"}
    with pytest.raises(AttributeError):
        PG.notATerm  # noqa: B018


@pytest.mark.parametrize("prop", [RDFS.label, RDFS.comment])
def test_every_own_term_has_vi_and_en(ontology, prop):
    missing = []
    for term in own_terms(ontology):
        langs = {getattr(o, "language", None) for o in ontology.objects(term, prop)}
        if not {"vi", "en"} <= langs:
            missing.append(f"{term[len(NS) :]} lacks {sorted({'vi', 'en'} - langs)}")
    assert not missing, "\n".join(missing)


def test_every_own_term_the_mapping_uses_is_declared(ontology):
    declared = set(own_terms(ontology))
    used = set()
    g = Graph().parse(data=document_graph(make_extraction(), Iris()).ntriples(), format="nt")
    for _s, p, o in g:
        for term in (p, o):
            if isinstance(term, URIRef) and term.startswith(NS):
                used.add(term)
    assert used <= declared, sorted(used - declared)
    assert (PG.Task, RDF.type, None) in ontology
