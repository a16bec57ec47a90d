"""The property-graph projection mirrors the ontology and the RDF the one mapping wrote."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter

import pytest
from rdflib import OWL, Graph, URIRef
from rdflib import RDF as RDFNS

from loaders.extract import extract_file
from loaders.neo4j import schema
from loaders.neo4j.model import merge, project_store
from ontology.namespaces import DCTERMS, ELI, OA, ORG, PG, PPLAN, PROV, RDF, RDFS, SKOS, TIME
from ontology.store import GraphStore
from tests.conftest import ROOT, SEED
from tests.loaders.neo4j_support import SEED_NODES, SEED_RELS
from tests.ontology import fixtures as fx

TTL = ROOT / "ontology" / "plangraph.ttl"
REUSED = (ELI, PPLAN, PROV, ORG, DCTERMS, OA, SKOS, TIME, RDF, RDFS)


@pytest.fixture(scope="module")
def seed_store():
    store = GraphStore.memory()
    store.load_extraction(extract_file(SEED))
    return store


@pytest.fixture(scope="module")
def seed_graph(seed_store):
    return merge(project_store(seed_store))


@pytest.fixture(scope="module")
def fixture_store():
    store = GraphStore.memory()
    store.load_extraction(fx.make_extraction("94"))
    store.load_extraction(fx.make_extraction("95"))
    return store


@functools.cache
def ontology() -> Graph:
    return Graph().parse(TTL, format="turtle")


def declared(term: str, kind: URIRef) -> bool:
    """A pg: term declared in plangraph.ttl as ``kind``, or a term of a reused closed vocabulary."""
    if term.startswith(str(PG._NS)):
        return (URIRef(term), RDFNS.type, kind) in ontology()
    for ns in REUSED:
        base = str(ns._NS)
        if term.startswith(base):
            try:
                return str(getattr(ns, term[len(base) :])) == term
            except AttributeError:
                return False
    return False


# -- the vocabulary mirrors the ontology -------------------------------------------------------
@pytest.mark.parametrize("label", sorted(schema.LABEL_CLASSES))
def test_every_label_is_a_class_of_the_ontology_or_a_reused_vocabulary(label):
    cls = schema.LABEL_CLASSES[label]
    assert declared(cls, OWL.Class), cls
    assert label == schema.local_name(cls) or label in schema.RENAMED


@pytest.mark.parametrize("rel_type", sorted(schema.REL_PROPERTIES))
def test_every_relationship_type_is_a_property_in_upper_snake_case(rel_type):
    prop = schema.REL_PROPERTIES[rel_type]
    assert declared(prop, OWL.ObjectProperty), prop
    assert rel_type == schema.upper_snake(schema.local_name(prop)) or rel_type in schema.RENAMED


def test_every_property_key_is_a_datatype_property_or_documented():
    for prop, p in schema.PROPS.items():
        assert declared(prop, OWL.DatatypeProperty), prop
        assert (
            p.key == schema.snake(schema.local_name(prop))
            or p.kind == "string[]"
            or prop
            in (
                str(TIME.inXSDDate),
                str(OA.exact),
                str(RDF.value),
            )
        ), (prop, p.key)


def test_only_two_names_are_chosen_rather_than_derived():
    assert set(schema.RENAMED) == {"LegalDocument", "STEP_OF"}


@pytest.mark.parametrize("which", ["seed", "fixture"])
def test_every_class_and_predicate_the_mapping_writes_is_projected_or_folded(
    which, seed_store, fixture_store
):
    """The drift guard: a new class or property in the mapping fails here until the projection says what it does."""
    store = seed_store if which == "seed" else fixture_store
    accounted = set(schema.PROPS) | set(schema.REL_TYPES) | set(schema.FOLDED_PREDICATES)
    predicates = {q.predicate.value for q in store.raw}
    assert predicates - accounted == set()
    types = {q.object.value for q in store.raw if q.predicate.value == str(RDF.type)}
    assert types - set(schema.LABELS) - set(schema.FOLDED_CLASSES) == set()


# -- the seed's projection has the store's counts ----------------------------------------------
def test_the_seed_projection_has_the_counts_of_the_store(seed_store, seed_graph):
    nodes, rels = seed_graph
    labels = Counter(label for n in nodes for label in n.labels)
    types = Counter(r.type for r in rels)
    counts = seed_store.class_counts()
    assert labels["Task"] == counts["tasks"] == 54
    assert labels["Agency"] == counts["agencies"] == 45
    assert labels["AgencyGroup"] == counts["agency groups"] == 18
    assert labels["LegalDocument"] == counts["legal documents"] == 25
    assert labels["NamedProgram"] == counts["named programmes"] == 6
    assert labels["Plan"] == counts["plans"] == 1
    assert labels["Responsibility"] == counts["responsibilities"] == 19
    assert labels["ReportingDuty"] == counts["reporting duties"] == 4
    assert labels["Anniversary"] == counts["anniversaries"] == 5
    assert labels["Recipient"] == counts["recipients"] == 13
    assert labels["SourceSpan"] == counts["source spans"] == 284
    assert types["LEAD"] + types["COORDINATING"] == counts["assignments"] == 128
    assert (types["LEAD"], types["COORDINATING"], types["STEP_OF"]) == (54, 74, 54)
    assert (len(nodes), len(rels)) == (SEED_NODES, SEED_RELS)


@pytest.mark.parametrize(
    ("rel_type", "predicate"),
    [
        ("LEAD", PG.lead),
        ("COORDINATING", PG.coordinating),
        ("STEP_OF", PPLAN.isStepOfPlan),
        ("CITES", ELI.cites),
    ],
)
def test_relationships_are_exactly_the_triples(seed_store, seed_graph, rel_type, predicate):
    _, rels = seed_graph
    q = f"SELECT DISTINCT ?s ?o WHERE {{ GRAPH ?g {{ ?s <{predicate}> ?o }} }}"
    triples = {(r["s"].value, r["o"].value) for r in seed_store.query(q)}
    assert {(r.start, r.end) for r in rels if r.type == rel_type} == triples


def test_assignments_carry_their_evidence_from_the_qualified_association(seed_store, seed_graph):
    _, rels = seed_graph
    q = f"""SELECT ?a ?first ?last ?quote WHERE {{ GRAPH ?g {{
              ?a a <{PG.Assignment}> ; <{PROV.wasDerivedFrom}> ?span .
              ?span <{OA.hasSelector}> ?lines . ?lines <{PG.lineStart}> ?first ; <{PG.lineEnd}> ?last .
              OPTIONAL {{ ?span <{OA.hasSelector}>/<{OA.exact}> ?quote }} }} }}"""
    expected = {
        r["a"].value: (int(r["first"].value), int(r["last"].value), r["quote"] and r["quote"].value)
        for r in seed_store.query(q)
    }
    found = {
        r.props["iri"]: (r.props["line_start"], r.props["line_end"], r.props.get("quote"))
        for r in rels
        if r.type in ("LEAD", "COORDINATING")
    }
    assert found == expected and len(found) == 128
    for r in rels:
        if r.type in ("LEAD", "COORDINATING"):
            assert r.props["doc"] == "vn/ubnd-ha-noi/kh/2022/94" and r.props["row"]
            assert isinstance(r.props["inferred"], bool)


def test_nodes_keep_iri_names_and_document(seed_graph):
    nodes, _ = seed_graph
    assert len({n.iri for n in nodes}) == len(nodes)
    for n in nodes:
        scoped = schema.DOC_SCOPED & set(n.labels)
        assert ("doc" in n.props) == bool(scoped), n
        if {"Agency", "AgencyGroup", "Task", "LegalDocument"} & set(n.labels):
            assert n.props["name_vi"], n
    so_ngoai_vu = next(n for n in nodes if n.iri.endswith("/org/ha-noi/so-ngoai-vu"))
    assert so_ngoai_vu.props["name_vi"] == "Sở Ngoại vụ thành phố Hà Nội"
    assert (
        so_ngoai_vu.props["name_en"] and "so ngoai vu thanh pho ha noi" in so_ngoai_vu.props["hidden_labels"]
    )


def test_timelines_become_dates_and_periods(seed_graph):
    nodes, _ = seed_graph
    tasks = [n for n in nodes if "Task" in n.labels]
    q3 = [
        t
        for t in tasks
        if t.props.get("start") and t.props["start"] <= dt.date(2022, 9, 30) <= t.props["end"]
    ]
    assert len(q3) >= 50
    assert [t.props["period"] for t in tasks if "period" in t.props] == ["theo sự kiện"]


def test_a_plan_is_a_legal_document_and_its_signer_is_attributed(seed_graph):
    nodes, rels = seed_graph
    [plan] = [n for n in nodes if "Plan" in n.labels]
    assert plan.labels == ("Resource", "LegalDocument", "Plan")
    assert plan.props["id_local"] == "94/KH-UBND" and plan.props["type_document"] == "Kế hoạch"
    assert plan.props["date_document"] == dt.date(2022, 3, 25) and plan.props["year"] == 2022
    [signed] = [r for r in rels if r.type == "WAS_ATTRIBUTED_TO"]
    assert signed.start == plan.iri and signed.props["role"] == "signer" and signed.props["line_start"]
    assert sum(1 for r in rels if r.type == "BASED_ON") == 3


def test_objects_no_document_describes_become_bare_resources(seed_graph):
    nodes, rels = seed_graph
    bare = {n.iri for n in nodes if n.labels == ("Resource",)}
    assert bare and all(n.props == {} for n in nodes if n.iri in bare)
    assert {r.type for r in rels if r.end in bare} == {"SUB_ORGANIZATION_OF"}
    ids = {n.iri for n in nodes}
    assert all(r.start in ids and r.end in ids for r in rels)


def test_shared_nodes_merge_across_documents(fixture_store):
    docs = list(project_store(fixture_store))
    assert [d.key for d in docs] == ["vn/ubnd-ha-noi/kh/2022/94", "vn/ubnd-ha-noi/kh/2022/95"]
    nodes, rels = merge(docs)
    agencies = [n for n in nodes if "Agency" in n.labels]
    assert len(agencies) == len({n.iri for n in docs[0].nodes if "Agency" in n.labels})
    tasks = [n for n in nodes if "Task" in n.labels]
    assert len(tasks) == 2 * len([n for n in docs[0].nodes if "Task" in n.labels])
    assert len({r.key for r in rels}) == len(rels)


def test_the_projection_is_deterministic(fixture_store):
    assert list(project_store(fixture_store)) == list(project_store(fixture_store))
