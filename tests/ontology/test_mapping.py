"""The mapping covers every record type, writes roles twice, carries evidence, and is deterministic."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, TIME, XSD

from graph.model import Task
from ontology.iris import Iris
from ontology.mapping import META_TRIPLES, content_lines, document_graph
from ontology.namespaces import ELI, OA, PG, PPLAN
from ontology.store import GraphStore
from tests.ontology import fixtures as fx
from tests.ontology.rdfcompare import assert_isomorphic, graph_from_nt

IRIS = Iris()
PLAN = URIRef(IRIS.document(fx.PLAN_ID))


@pytest.fixture(scope="module")
def g() -> Graph:
    return graph_from_nt(document_graph(fx.make_extraction(), IRIS).ntriples())


def task(row: str) -> URIRef:
    return URIRef(IRIS.task(fx.PLAN_ID, row))


def agent(key: str) -> URIRef:
    return URIRef(IRIS.agency(key))


def doc(key: str) -> URIRef:
    return URIRef(IRIS.document(key))


@pytest.mark.parametrize(
    "cls",
    [PPLAN.Plan, ELI.LegalResource, PG.NamedProgram, PG.Agency, ORG.Organization, PG.AgencyGroup, PG.Task,
     PPLAN.Step, PG.Assignment, PG.Responsibility, PG.ReportingDuty, PG.Deadline, PG.Anniversary, PG.Recipient,
     PG.SourceSpan, PG.SourceDocument, PROV.Attribution, PROV.Person, TIME.Interval, TIME.Instant,
     OA.TextQuoteSelector, OA.FragmentSelector, SKOS.Concept, PG.DocumentGraph],
)  # fmt: skip
def test_every_record_type_is_mapped(g, cls):
    assert any(g.subjects(RDF.type, cls)), f"no instance of {cls}"


def test_plan_identity_and_legal_bases(g):
    assert (PLAN, RDF.type, ELI.LegalResource) in g and (PLAN, RDF.type, PPLAN.Plan) in g
    assert g.value(PLAN, ELI.id_local) == Literal("94/KH-UBND")
    assert g.value(PLAN, ELI.number) == Literal("94") and g.value(PLAN, PG.symbol) == Literal("KH-UBND")
    assert g.value(PLAN, ELI.date_document) == Literal("2022-03-25", datatype=XSD.date)
    assert g.value(PLAN, ELI.passed_by) == agent(fx.UBND)
    assert set(g.objects(PLAN, ELI.based_on)) == {doc(k) for k in fx.BASES}
    assert set(g.objects(PLAN, ELI.cites)) == {doc(k) for k in (*fx.BASES, fx.KH_146, fx.CHIEN_LUOC)}


def test_cited_documents(g):
    nd = doc(fx.ND_72)
    assert g.value(nd, ELI.id_local) == Literal("72/2015/NĐ-CP")
    assert g.value(g.value(nd, ELI.type_document), SKOS.prefLabel) == Literal("Nghị định", lang="vi")
    assert g.value(nd, ELI.passed_by) == agent(fx.CHINH_PHU)
    program = doc(fx.CHIEN_LUOC)
    assert (program, RDF.type, PG.NamedProgram) in g and g.value(program, ELI.number) is None
    assert (task("II.1"), ELI.cites, program) in g


def test_tasks_are_steps_of_their_plan(g):
    steps = set(g.subjects(PPLAN.isStepOfPlan, PLAN))
    assert steps == {task(r) for r in ("I.1", "I.2", "II.1", "II.2")}
    assert g.value(task("I.1"), PG.rowLabel) == Literal("I.1")


def test_roles_are_direct_and_qualified_with_evidence(g):
    t = task("I.1")
    assert set(g.objects(t, PG.lead)) == {agent(fx.SO_TTTT)}
    assert set(g.objects(t, PG.coordinating)) == {agent(fx.BAN_TUYEN_GIAO), agent(fx.LIEN_QUAN)}
    roles = {
        (g.value(a, PROV.agent), g.value(a, PROV.hadRole)) for a in g.objects(t, PROV.qualifiedAssociation)
    }
    assert roles == {
        (agent(fx.SO_TTTT), PG.LeadRole),
        (agent(fx.BAN_TUYEN_GIAO), PG.CoordinatingRole),
        (agent(fx.LIEN_QUAN), PG.CoordinatingRole),
    }
    lead = URIRef(IRIS.assignment(fx.PLAN_ID, "I.1", "lead", fx.SO_TTTT))
    span = g.value(lead, PROV.wasDerivedFrom)
    selectors = set(g.objects(span, OA.hasSelector))
    lines = next(s for s in selectors if (s, RDF.type, OA.FragmentSelector) in g)
    quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in g)
    assert (g.value(lines, PG.lineStart), g.value(lines, PG.lineEnd)) == (Literal(180), Literal(180))
    assert g.value(quote, OA.exact) == Literal("Sở Thông tin và Truyền thông")
    assert g.value(span, OA.hasSource) == URIRef(IRIS.source(fx.PLAN_ID))


def test_listed_agents_without_assignment_get_one_from_the_row(g):
    t = task("II.2")  # lead and coordinating listed, no Assignment records
    assocs = list(g.objects(t, PROV.qualifiedAssociation))
    assert len(assocs) == 2
    assert all(g.value(a, PROV.wasDerivedFrom) == g.value(t, PROV.wasDerivedFrom) for a in assocs)
    inferred = URIRef(IRIS.assignment(fx.PLAN_ID, "II.1", "lead", fx.SO_NGOAI_VU))
    assert g.value(inferred, PG.inferred) == Literal(True)


def test_timelines_are_owl_time_intervals(g):
    interval = g.value(task("II.1"), TIME.hasTime)
    begin, end = g.value(interval, TIME.hasBeginning), g.value(interval, TIME.hasEnd)
    assert g.value(begin, TIME.inXSDDate) == Literal("2022-04-01", datatype=XSD.date)
    assert g.value(end, TIME.inXSDDate) == Literal("2022-09-30", datatype=XSD.date)
    regular = g.value(task("II.2"), TIME.hasTime)
    assert g.value(regular, TIME.hasBeginning) is None
    assert g.value(regular, RDFS.label) == Literal("Thường xuyên", lang="vi")
    # a whole-year interval is shared by the two tasks that have it
    assert g.value(task("I.1"), TIME.hasTime) == g.value(task("I.2"), TIME.hasTime)


def test_agencies_names_and_hierarchy(g):
    so = agent(fx.SO_TTTT)
    assert g.value(so, SKOS.prefLabel) == Literal("Sở Thông tin và Truyền thông thành phố Hà Nội", lang="vi")
    assert Literal("Sở TT&TT", lang="vi") in set(g.objects(so, SKOS.altLabel))
    assert Literal("so thong tin va truyen thong thanh pho ha noi", lang="vi") in set(
        g.objects(so, SKOS.hiddenLabel)
    )
    assert g.value(so, ORG.subOrganizationOf) == agent(fx.UBND)
    assert g.value(so, PG.jurisdiction) == Literal("ha-noi")
    group = agent(fx.LIEN_QUAN)
    assert (group, RDF.type, PG.AgencyGroup) in g and (group, RDF.type, PG.Agency) not in g


def test_duties_anniversary_recipients_signer(g):
    rep = URIRef(IRIS.reporting(fx.PLAN_ID, "rep-1"))
    assert g.value(rep, PG.sendTo) == agent(fx.SO_TTTT) and g.value(rep, PG.addressedTo) == agent(fx.UBND)
    dates = {g.value(d, TIME.inXSDDate) for d in g.objects(rep, PG.deadline)}
    assert dates == {Literal("2022-06-20", datatype=XSD.date), Literal("2022-11-20", datatype=XSD.date)}
    resp = URIRef(IRIS.responsibility(fx.PLAN_ID, "IV.1.a"))
    assert g.value(resp, PG.assignedTo) == agent(fx.SO_TTTT) and g.value(resp, DCTERMS.isPartOf) == PLAN
    ann = next(g.subjects(RDF.type, PG.Anniversary))
    assert g.value(ann, PG.years) == Literal(60)
    archive = [
        r for r in g.subjects(RDF.type, PG.Recipient) if g.value(r, PG.recipientKind) == Literal("archive")
    ]
    assert len(archive) == 1
    att = g.value(PLAN, PROV.qualifiedAttribution)
    assert g.value(att, PROV.hadRole) == PG.SignerRole
    assert g.value(g.value(att, PROV.agent), SKOS.altLabel) == Literal("Chủ Xuân Dũng", lang="vi")


def test_every_fact_has_a_span(g):
    for cls in (PG.Task, ELI.LegalResource, PG.Agency, PG.AgencyGroup, PG.Assignment, PG.Responsibility,
                PG.ReportingDuty, PG.Anniversary, PG.Recipient):  # fmt: skip
        for node in g.subjects(RDF.type, cls):
            assert (node, PROV.wasDerivedFrom, None) in g, f"{node} has no source span"


def test_mapping_is_deterministic_and_without_duplicates():
    a = document_graph(fx.make_extraction(), IRIS)
    b = document_graph(fx.make_extraction(), IRIS)
    assert a.lines == b.lines and a.content_hash == b.content_hash
    assert len(set(a.lines)) == len(a.lines)
    keys = [line for line in a.lines if "TaskKey> " in line]  # the task index's page keys
    assert keys and a.size == len(content_lines(fx.make_extraction(), IRIS)) + META_TRIPLES + len(keys)


def test_round_trip_through_the_store_is_isomorphic():
    store = GraphStore.memory()
    dg = document_graph(fx.make_extraction(), IRIS)
    store.load_graph(dg)
    import pyoxigraph as ox

    quads = store.raw.quads_for_pattern(None, None, None, ox.NamedNode(dg.graph))
    back = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES)
    assert_isomorphic(graph_from_nt(dg.ntriples()), graph_from_nt(back))


def test_shared_entities_merge_across_documents():
    store = GraphStore.memory()
    store.load_extraction(fx.make_extraction("94"))
    store.load_extraction(fx.make_extraction("95"))
    so = f"<{IRIS.agency(fx.SO_TTTT)}>"
    rows = list(store.query(f"SELECT DISTINCT ?t WHERE {{ GRAPH ?g {{ ?t <{PG.lead}> {so} }} }}"))
    assert len(rows) == 4  # I.1 and I.2 of both plans, through one agency IRI
    labels = list(store.query(f"SELECT DISTINCT ?l WHERE {{ GRAPH ?g {{ {so} <{SKOS.prefLabel}> ?l }} }}"))
    assert len(labels) == 1
    graphs = list(
        store.query(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?p <{ELI.based_on}> <{IRIS.document(fx.ND_72)}> }} }}"
        )
    )
    assert len(graphs) == 2


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1))
def test_any_text_survives_the_store(text):
    x = fx.make_extraction()
    x.tasks = [Task(id="I.1", content=text, lead=[fx.SO_TTTT], source=fx.S(1))]
    store = GraphStore.memory()
    store.load_extraction(x)
    t = IRIS.task(fx.PLAN_ID, "I.1")
    rows = list(store.query(f"SELECT ?c WHERE {{ GRAPH ?g {{ <{t}> <{DCTERMS.description}> ?c }} }}"))
    assert [r["c"].value for r in rows] == [text]
