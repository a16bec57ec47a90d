"""SHACL: the fixture conforms; deliberately broken graphs fail with the right, readable messages."""

from __future__ import annotations

from rdflib import Graph

from graph.model import Task
from ontology.iris import Iris
from ontology.mapping import document_graph
from ontology.namespaces import PROV
from ontology.store import GraphStore
from ontology.validate import validate_extraction, validate_graph, validate_store
from tests.ontology import fixtures as fx

IRIS = Iris()


def broken(drop: callable = lambda line: False, add: list[str] = ()) -> Graph:  # type: ignore[valid-type]
    """The fixture's graph with some lines dropped and some added."""
    lines = [line for line in document_graph(fx.make_extraction(), IRIS).lines if not drop(line)]
    return Graph().parse(data="\n".join([*lines, *add]), format="nt")


def messages(violations) -> set[tuple[str, str]]:
    return {(v.label, v.message) for v in violations}


def test_the_fixture_conforms():
    report = validate_extraction(fx.make_extraction())
    assert report.conforms, report.text()
    assert report.text() == "conforms: 1 document(s) checked, 0 violations"


def test_a_task_without_lead():
    x = fx.make_extraction()
    x.tasks.append(Task(id="III.1", content="Không ai chủ trì.", source=fx.S(190)))
    report = validate_extraction(x)
    assert not report.conforms
    assert messages(report.violations) == {
        ("Nhiệm vụ III.1 (94/KH-UBND)", "nhiệm vụ chưa có cơ quan chủ trì")
    }
    [line] = report.text().splitlines()[:-1]
    assert line.startswith(
        "Vi phạm: vn/ubnd-ha-noi/kh/2022/94: Nhiệm vụ III.1 (94/KH-UBND) — nhiệm vụ chưa có"
    )
    assert "[pg:lead]" in line and IRIS.task(fx.PLAN_ID, "III.1") in line


def test_a_task_in_two_plans_and_a_numbered_document_without_symbol():
    task = f"<{IRIS.task(fx.PLAN_ID, 'I.1')}>"
    other = f"<{IRIS.document('vn/ubnd-ha-noi/kh/2022/95')}>"
    nd = f"<{IRIS.document(fx.ND_72)}>"
    g = broken(
        drop=lambda line: line.startswith(nd) and "ontology#symbol>" in line,
        add=[
            f"{task} <http://purl.org/net/p-plan#isStepOfPlan> {other} .",
            f"{other} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://purl.org/net/p-plan#Plan> .",
        ],
    )
    found = messages(validate_graph(g))
    assert ("Nhiệm vụ I.1 (94/KH-UBND)", "nhiệm vụ phải thuộc đúng một kế hoạch") in found
    assert ("Nghị định 72/2015/NĐ-CP", "văn bản có số nhưng thiếu ký hiệu") in found


def test_a_document_without_type():
    program = f"<{IRIS.document(fx.CHIEN_LUOC)}>"
    g = broken(drop=lambda line: line.startswith(program) and "type_document" in line)
    assert messages(validate_graph(g)) == {("Chiến lược văn hóa đối ngoại", "văn bản chưa có loại văn bản")}


def test_an_assignment_without_role_and_a_lead_without_assignment():
    lead = f"<{IRIS.assignment(fx.PLAN_ID, 'I.1', 'lead', fx.SO_TTTT)}>"
    g = broken(drop=lambda line: line.startswith(lead) and str(PROV.hadRole) in line)
    found = messages(validate_graph(g))
    assert found == {
        (
            "Nhiệm vụ I.1 (94/KH-UBND) → prov:qualifiedAssociation",
            "phân công phải có đúng một vai trò: chủ trì hoặc phối hợp",
        ),
        (
            "Nhiệm vụ I.1 (94/KH-UBND)",
            "cơ quan chủ trì 'Sở Thông tin và Truyền thông thành phố Hà Nội' chưa có phân công kèm bằng chứng",
        ),
    }


def test_a_fact_without_source_span():
    vov = f"<{IRIS.agency(fx.VOV)}>"
    g = broken(drop=lambda line: line.startswith(vov) and str(PROV.wasDerivedFrom) in line)
    assert messages(validate_graph(g)) == {
        ("Đài Tiếng nói Việt Nam", "thông tin chưa có đoạn nguồn làm bằng chứng")
    }


def test_validate_store_checks_each_document():
    store = GraphStore.memory()
    store.load_extraction(fx.make_extraction("94"))
    bad = fx.make_extraction("95")
    bad.tasks.append(Task(id="III.1", content="x", source=fx.S(190)))
    store.load_extraction(bad)
    report = validate_store(store)
    assert report.documents == 2 and not report.conforms
    assert [v.document for v in report.violations] == ["vn/ubnd-ha-noi/kh/2022/95"]
    assert validate_store(store, documents=[fx.PLAN_ID]).conforms
