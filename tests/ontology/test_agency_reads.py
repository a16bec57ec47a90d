"""An agency described by several documents that disagree: the agency page keeps its rule.

:meth:`StoreReader.agency` reads each fact with a query that stops early
(:mod:`ontology.agency_lookup`) instead of reading every triple of the agency in every graph. The
rule it keeps — per property the first value in the store's order of the agency's triples, every
alias, a group if any graph says so, the evidence of the first graph by IRI — is checked here
against that plain reading (``REFERENCE``, the query the page used before), on disk and in memory.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from ontology.ntriples import V, iri
from ontology.reads import StoreReader
from ontology.store import GraphStore
from tests.ontology import fixtures as fx

#: An agency only the third document describes, under Sở TT&TT there (a chain across documents).
PORTAL = "ha-noi/cong-thong-tin-khac"


def _variant(number: str, **changes):
    """The fixture plan under another number, its Sở TT&TT described with other facts."""
    x = fx.make_extraction(number)
    agencies = [a.model_copy(update=changes) if a.id == fx.SO_TTTT else a for a in x.agencies]
    return x.model_copy(update={"agencies": agencies})


def _extractions():
    first = _variant(
        "12",
        name="Sở Thông tin và Truyền thông Hà Nội",
        name_en="Hanoi Department of Information",
        aliases=["STTTT Hà Nội"],
        level="province",
        kind="press",
        jurisdiction="vn",
        parent=fx.BO_TTTT,
        needs_review=True,
        source=fx.S(7, 8, quote="Sở Thông tin và Truyền thông Hà Nội"),
    )
    last = _variant("95", name="Sở TT&TT thành phố Hà Nội", aliases=["Sở Thông tin"], parent=None)
    so = next(a for a in last.agencies if a.id == fx.SO_TTTT)
    portal = so.model_copy(
        update={
            "id": PORTAL,
            "name": "Cổng thông tin khác",
            "parent": fx.SO_TTTT,
            "aliases": [],
            "abbreviations": [],
        }
    )
    last = last.model_copy(update={"agencies": [*last.agencies, portal]})
    return [fx.make_extraction(), first, last]


@pytest.fixture(params=["disk", "memory"])
def reader(request, tmp_path):
    store = GraphStore.open(tmp_path / "s") if request.param == "disk" else GraphStore.memory()
    for x in _extractions():
        store.load_extraction(x)
    yield StoreReader(store)
    store.close()


def reference(r: StoreReader, agent_iri: str) -> dict | None:
    """The agency's facts as the page read them before: every triple of the agent in every graph."""
    props: dict[str, list] = defaultdict(list)
    for row in r.query(f"SELECT ?p ?o ?g WHERE {{ GRAPH ?g {{ {iri(agent_iri)} ?p ?o }} }}"):
        props[row["p"].value].append(row["o"])
    if not props:
        return None

    def first(prop) -> str | None:
        vals = props.get(str(prop)[1:-1])
        return vals[0].value if vals else None

    names = props[str(V.skos.prefLabel)[1:-1]]
    return {
        "name": next((o.value for o in names if getattr(o, "language", None) == "vi"), None),
        "name_en": next((o.value for o in names if getattr(o, "language", None) == "en"), None),
        "aliases": sorted({o.value for o in props[str(V.skos.altLabel)[1:-1]]}),
        "group": str(V.pg.AgencyGroup)[1:-1] in {o.value for o in props[str(V.rdf.type)[1:-1]]},
        "level": first(V.pg.level),
        "category": first(V.pg.kind),
        "jurisdiction": first(V.pg.jurisdiction),
        "parent": first(V.org.subOrganizationOf),
        "needs_review": first(V.pg.needsReview) == "true",
    }


def reference_evidence(r: StoreReader, agent_iri: str) -> tuple[str, int, int | None, set] | None:
    """(graph, first line, last line, its quotes) of the agent's span with the first line in the first
    graph by IRI."""
    q = f"""SELECT ?g ?l1 ?l2 ?quote WHERE {{ GRAPH ?g {{ {iri(agent_iri)} {V.prov.wasDerivedFrom} ?span .
              ?span {V.oa.hasSelector} ?sel . ?sel {V.pg.lineStart} ?l1 OPTIONAL {{ ?sel {V.pg.lineEnd} ?l2 }}
              OPTIONAL {{ ?span {V.oa.hasSelector} ?qs . ?qs {V.oa.exact} ?quote }} }} }}"""
    rows = [
        (x["g"].value, int(x["l1"].value), x["l2"] and int(x["l2"].value), x["quote"]) for x in r.query(q)
    ]
    if not rows:
        return None
    g = min(x[0] for x in rows)
    g, l1, l2, _ = min((x for x in rows if x[0] == g), key=lambda x: x[1])
    return g, l1, l2, {x[3] and x[3].value for x in rows if x[:2] == (g, l1)}


def _agents(r: StoreReader) -> list[str]:
    return sorted({row["a"].value for row in r.query("SELECT ?a WHERE { GRAPH ?g { ?a a ?c } }")
                   if "/id/org/" in row["a"].value})  # fmt: skip


def test_the_documents_disagree_about_the_agency(reader):
    """The fixture is what it claims: three graphs state different facts about Sở TT&TT."""
    a = iri(reader.agent_iri(fx.SO_TTTT))
    for prop, n in ((V.pg.level, 2), (V.pg.kind, 2), (V.org.subOrganizationOf, 2), (V.pg.jurisdiction, 2)):
        q = f"SELECT DISTINCT ?o WHERE {{ GRAPH ?g {{ {a} {prop} ?o }} }}"
        assert len(list(reader.query(q))) == n
    q = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {a} ?p ?o }} }}"
    assert len(list(reader.query(q))) == 3


def test_every_agency_reads_as_the_plain_query_does(reader):
    agents = _agents(reader)
    assert len(agents) >= 10 and fx.LIEN_QUAN in {reader.agent_id(a) for a in agents}
    for agent in agents:
        got, want = reader.agency(agent), reference(reader, agent)
        assert got is not None and want is not None, agent
        assert {
            "name": got.name,
            "name_en": got.name_en,
            "aliases": got.aliases,
            "group": got.kind == "group",
            "level": got.level,
            "category": got.category,
            "jurisdiction": got.jurisdiction,
            "parent": reader.agent_iri(got.parent.id) if got.parent else None,
            "needs_review": got.needs_review,
        } == {**want, "name": want["name"] or reader.agent_id(agent)}, agent
        ev, want_ev = got.evidence, reference_evidence(reader, agent)
        if want_ev is None:
            assert ev is None, agent
        else:
            plan = reader.plan_ref(reader.doc_iri(reader.iris.key_of(want_ev[0], "graph")))
            assert (ev.document, ev.line_start, ev.line_end) == (plan.id, want_ev[1], want_ev[2]), agent
            assert ev.quote in want_ev[3], agent


def test_an_agency_no_graph_describes_is_none(reader):
    assert reader.agency(reader.agent_iri("vn/no-such-body")) is None


def test_subunits_stay_within_one_document(reader):
    """A chain of sub-organisations counts when one document states all of it: the portal is under
    Sở TT&TT in one document, Sở TT&TT under the city's People's Committee in the others."""
    so = reader.agency(reader.agent_iri(fx.SO_TTTT))
    assert PORTAL in {s.id for s in so.subunits}
    city = reader.agency(reader.agent_iri(fx.UBND))
    assert fx.SO_TTTT in {s.id for s in city.subunits} and PORTAL not in {s.id for s in city.subunits}


def test_references_name_an_agent_described_only_by_a_later_document(reader):
    """Regression: ``agent_ref`` read the first graph of the store only, so the parent or a sub-unit
    described by another document was shown by its id."""
    ref = reader.agent_ref(reader.agent_iri(PORTAL))
    assert (ref.id, ref.name, ref.kind) == (PORTAL, "Cổng thông tin khác", "agency")
    so = reader.agency(reader.agent_iri(fx.SO_TTTT))
    portal = next(s for s in so.subunits if s.id == PORTAL)
    assert portal.name == "Cổng thông tin khác"
    group = reader.agent_ref(reader.agent_iri(fx.LIEN_QUAN))
    assert group.kind == "group" and group.name != fx.LIEN_QUAN
