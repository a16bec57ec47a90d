"""The question catalogue on the seed: each example question of issue 5, with and without diacritics."""

import pytest

from graph.questions import catalogue, interpret, parse_doc_ref
from graph.search import index_from_extraction
from loaders.extract import extract_file


@pytest.fixture(scope="module")
def index(request):
    from tests.conftest import SEED

    return index_from_extraction(extract_file(SEED))


@pytest.mark.parametrize(
    "question,intent,role,agency",
    [
        ("which tasks depend on Ban Tuyên giáo?", "tasks_for_agency", None, "ha-noi/ban-tuyen-giao-thanh-uy"),
        ("nhiệm vụ nào do Sở Ngoại vụ chủ trì", "tasks_for_agency", "lead", "ha-noi/so-ngoai-vu"),
        ("nhiem vu nao do so ngoai vu chu tri", "tasks_for_agency", "lead", "ha-noi/so-ngoai-vu"),
        ("which tasks does Sở Ngoại vụ lead?", "tasks_for_agency", "lead", "ha-noi/so-ngoai-vu"),
        (
            "Ban Tuyên giáo TU phối hợp những nhiệm vụ nào",
            "tasks_for_agency",
            "coordinating",
            "ha-noi/ban-tuyen-giao-thanh-uy",
        ),
        (
            "ban tuyen giao tu phoi hop nhung nhiem vu nao",
            "tasks_for_agency",
            "coordinating",
            "ha-noi/ban-tuyen-giao-thanh-uy",
        ),
        ("Sở Ngoại vụ phối hợp với những cơ quan nào", "partners", None, "ha-noi/so-ngoai-vu"),
        ("who coordinates with So Du lich?", "partners", None, "ha-noi/so-du-lich"),
        ("ai báo cáo cho Sở TT&TT, khi nào", "reporting", None, "ha-noi/so-tttt"),
        ("ai bao cao cho so tt&tt, khi nao", "reporting", None, "ha-noi/so-tttt"),
        ("who reports to Sở Thông tin và Truyền thông, and when?", "reporting", None, "ha-noi/so-tttt"),
    ],
)
def test_agency_questions(index, question, intent, role, agency):
    it = interpret(question, index)
    assert (it.intent, it.role, it.entities["agency"].id) == (intent, role, agency)
    assert it.understood


@pytest.mark.parametrize(
    "question,task",
    [
        ("căn cứ pháp lý của nhiệm vụ I.6", "I.6"),
        ("can cu phap ly cua nhiem vu i.6", "I.6"),
        ("which legal basis authorizes task V.1?", "V.1"),
        ("which legal basis authorizes item II.3?", "II.3"),
    ],
)
def test_legal_basis_questions(index, question, task):
    it = interpret(question, index)
    assert (it.intent, it.entities["task"]) == ("legal_basis", task)


@pytest.mark.parametrize(
    "question,start,end",
    [
        ("nhiệm vụ nào thực hiện trong quý III/2022", "2022-07-01", "2022-09-30"),
        ("nhiem vu nao thuc hien trong quy 3/2022", "2022-07-01", "2022-09-30"),
        ("what is due in Q3 2022?", "2022-07-01", "2022-09-30"),
        ("tasks in May 2022", "2022-05-01", "2022-05-31"),
        ("nhiệm vụ nào thực hiện trong tháng 5", "2022-05-01", "2022-05-31"),
    ],
)
def test_period_questions(index, question, start, end):
    it = interpret(question, index, default_year=2022)
    p = it.entities["period"]
    assert (it.intent, p.start.isoformat(), p.end.isoformat()) == ("tasks_in_period", start, end)


@pytest.mark.parametrize(
    "question",
    [
        "văn bản nào căn cứ Nghị định 72/2015/NĐ-CP",
        "van ban nao can cu nd 72/2015",
        "which documents cite Decree 72/2015/NĐ-CP?",
    ],
)
def test_cited_by_questions(index, question):
    it = interpret(question, index)
    doc = it.entities["document"]
    assert (it.intent, doc.number, doc.year) == ("cited_by", "72", 2015)


def test_doc_refs():
    assert parse_doc_ref("Chỉ thị 28/CT-TTg").full_symbol == "28/CT-TTg"
    assert parse_doc_ref("quyết định 1191").number == "1191"


def test_not_understood_gets_forms_and_closest(index):
    it = interpret("thời tiết hôm nay thế nào ở Sở Ngoại vụ", index)
    assert it.intent is None and len(it.suggestions) == 3
    assert all(isinstance(s, str) for s in it.suggestions)


def test_unknown_agency_is_a_problem_not_a_guess(index):
    it = interpret("nhiệm vụ nào do Bộ Không Tồn Tại chủ trì", index)
    assert it.intent == "tasks_for_agency" and not it.understood and it.problems


def test_catalogue_lists_every_form():
    forms = catalogue()
    assert {f["intent"] for f in forms} >= {
        "tasks_for_agency",
        "legal_basis",
        "partners",
        "tasks_in_period",
        "cited_by",
        "reporting",
        "path",
        "rank_load",
    }
    assert all(f["examples"] for f in forms)
