"""The query guard on its own: the lexical scan and the structural (rdflib) inspection."""

from __future__ import annotations

import pytest

from ontology.sparql.errors import QueryRefused, ServiceRefused, UnsupportedSyntax, UpdateRefused
from ontology.sparql.guard import has_dataset_clause, inspect_structure, scan, unescape_codepoints

PG = "PREFIX pg: <https://w3id.org/plangraph/ontology#>\n"
# Each of these is a SERVICE call for Oxigraph (checked when this list was written).
SERVICE_SPELLINGS = [
    "SELECT * WHERE { SERVICE <http://e.org/> { ?s ?p ?o } }",
    "select * { service silent <http://e.org/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y ?z. SERVICE <http://e.org/> { } }",
    "SELECT * WHERE { ?x ?y ?z #c\n SeRvIcE\t\n<http://e.org/> { } }",
    "SELECT * WHERE { { SELECT ?x WHERE { OPTIONAL { FILTER EXISTS { SERVICE ?s { } } } } } }",
    "SELECT * WHERE { ?x ?y 'a' SERVICE <http://e.org/> { } }",
    "SELECT * WHERE { \\u0053ERVICE <http://e.org/> { ?a ?b ?c } }",
    "SELECT * WHERE { ?x ?y ?z. SERV\\U00000049CE <http://e.org/> { } }",
    "SELECT * WHERE { ?s ?p trueSERVICE <http://e.org/> { ?a ?b ?c } }",
    "SELECT * WHERE { ?s ?p 1SERVICE <http://e.org/> { ?a ?b ?c } }",
    "SELECT * WHERE { ?s ?p ?o . SERVICESILENT <http://e.org/> { ?a ?b ?c } }",
    "PREFIX : <http://e.org/> SELECT * WHERE { SERVICE:x { ?a ?b ?c } }",
    "SELECT * WHERE { FILTER(1<2)SERVICE?x#>\n{ ?a ?b ?c } }",
    "SELECT * WHERE { FILTER(?a<'x>')SERVICE<http://e.org/>{?a ?b ?c}#'\n}",
    "SELECT * WHERE { FILTER(?a<?b#>'''\n)SERVICE ?x { ?a ?b ?c } #'''\n}",
]
# Innocent queries that merely mention the word, or look like updates, in strings, IRIs, names.
INNOCENT = [
    "SELECT ?service WHERE { ?s <http://e.org/service> ?service . ?s ex:service 'SERVICE' # service\n }",
    "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> SELECT * WHERE { ?s a sd:Service }",
    'SELECT * WHERE { ?s ?p "x"@en-service . ?s <http://e.org/x#y> ?service }',
    'ASK { ?s ?p \'delete\' . ?s ?p """DROP ALL ; LOAD <x>""" }',
    "SELECT ?load ?drop WHERE { ?load ?drop ex:add . ?insert ex:clear _:create }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o < 3 && ?o > 1) }",
    PG + "SELECT ?t WHERE { ?t a pg:Task ; pg:rowLabel 'Dịch vụ (service)' }",
]


@pytest.mark.parametrize("query", SERVICE_SPELLINGS)
def test_service_is_refused_lexically(query):
    with pytest.raises(ServiceRefused):
        scan(query)


@pytest.mark.parametrize("query", [q for q in SERVICE_SPELLINGS if "SERVICE:x" not in q])
def test_service_is_refused_structurally_or_not_inspectable(query):
    """The second, independent check: rdflib finds the SERVICE node, or cannot parse the text."""
    with pytest.raises((ServiceRefused, UnsupportedSyntax)):
        inspect_structure(query)


def test_a_service_prefix_is_refused_both_ways():
    query = "PREFIX : <http://e.org/> SELECT * WHERE { SERVICE:x { ?a ?b ?c } }"
    with pytest.raises(ServiceRefused):
        inspect_structure(query)


@pytest.mark.parametrize("query", INNOCENT)
def test_innocent_mentions_pass(query):
    scan(query)


@pytest.mark.parametrize(
    ("query", "form", "dataset"),
    [
        (PG + "SELECT ?t WHERE { ?t a pg:Task }", "SELECT", False),
        ("# ASK in a comment\nCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT", False),
        ("DESCRIBE <http://e.org/select>", "DESCRIBE", False),
        ("ask from <http://e.org/g> { ?s ?p ?o }", "ASK", True),
        ("SELECT * FROM NAMED <http://e.org/g> { GRAPH ?g { ?s ?p ?o } }", "SELECT", True),
        ("SELECT ?from WHERE { ?from ?p 'FROM' }", "SELECT", False),
        ("what is this", None, False),
    ],
)
def test_scan_tells_the_form_and_the_dataset(query, form, dataset):
    found = scan(query)
    assert (found.form, found.has_dataset) == (form, dataset)


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <a:b> <a:c> <a:d> }",
        "LOAD <http://e.org/x>",
        "PREFIX x: <http://e.org/> WITH <http://e.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "\\u0044ROP ALL",
    ],
)
def test_updates_are_refused_lexically_and_structurally(query):
    with pytest.raises(UpdateRefused):
        scan(query)
    with pytest.raises(UpdateRefused):
        inspect_structure(unescape_codepoints(query))


def test_the_refusal_names_the_update():
    with pytest.raises(UpdateRefused, match=r"\(LOAD\)"):
        scan("LOAD <http://e.org/data.ttl>")


def test_inspection_returns_the_tree_and_its_dataset_clause():
    assert has_dataset_clause(inspect_structure("SELECT * FROM <http://e.org/g> WHERE { ?s ?p ?o }"))
    assert not has_dataset_clause(inspect_structure(PG + "SELECT ?t WHERE { ?t a pg:Task }"))


def test_deep_nesting_is_refused_not_crashed():
    deep = "SELECT * WHERE " + "{ " * 2000 + "?s ?p ?o" + " }" * 2000
    with pytest.raises(QueryRefused):
        inspect_structure(deep)


@pytest.mark.parametrize(
    "text",
    [
        "'''" + "a" * 100_000,
        "<" * 100_000,
        "'" * 100_000,
        '"' + "\\a" * 50_000,
        "a<b" * 33_000 + " service",
        "?x<'" * 25_000 + "service",
        "ex:" * 33_000,
        "x" * 100_000,
    ],
)
def test_the_scan_stays_linear_on_hostile_text(text):
    """These took minutes with a backtracking pattern; now they return at once (no timing asserted)."""
    try:
        scan(text)
    except QueryRefused:
        pass


def test_codepoint_escapes_are_expanded():
    assert unescape_codepoints("\\u0053ERVICE \\U0001F600 \\uZZZZ") == "SERVICE 😀 \\uZZZZ"
