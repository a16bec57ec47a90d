"""The web pages on the seed: every page, both languages, links to the source lines, errors, escaping."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.questions import catalogue
from loaders.corpus import load_paths
from ontology.store import GraphStore
from tests.conftest import SEED
from tests.ontology import fixtures as fx
from tests.viz.conftest import HOSTILE
from tests.viz.pages import Elements, is_remote, referenced_urls

PLAN = "vn/ubnd-ha-noi/kh/2022/94"
TASK = f"{PLAN}/task/II-3"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = GraphStore.open(tmp_path_factory.mktemp("pages") / "store")
    load_paths(store, [SEED])
    with TestClient(create_app(Settings(), store=store)) as c:
        yield c
    store.close()


def page(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe" not in csp
    doc = Elements(r.text)
    assert not [u for u in referenced_urls(r.text) if is_remote(u)]
    assert not [a for _, a in doc.scripts if _], "no inline script"
    assert not [t for t, a in doc.tags if "style" in a or t == "style"], "no inline style"
    return r.text


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", " ".join(Elements(html).text))


def test_home_has_one_search_box_the_question_box_plans_and_downloads(client):
    html = page(client, "/")
    forms = [a for t, a in Elements(html).tags if t == "form"]
    assert [f["action"] for f in forms] == ["/ui/search", "/ui/ask"]
    assert html.count('type="search"') == 1
    assert (
        f'href="/ui/document/{PLAN}"' in html
        and 'href="/export/xlsx"' in html
        and 'href="/export/ics"' in html
    )
    assert "Các kế hoạch đã nạp" in html and 'lang="vi"' in html
    labels = {a.get("for") for t, a in Elements(html).tags if t == "label"}
    ids = {a.get("id") for t, a in Elements(html).tags if t in ("input", "select")}
    assert labels <= ids and {"q", "question"} <= labels


def test_search_without_diacritics_finds_the_agency_documents_and_rows(client):
    html = page(client, "/ui/search?q=so+ngoai+vu")
    assert 'href="/ui/agency/ha-noi/so-ngoai-vu"' in html and "Sở Ngoại vụ thành phố Hà Nội" in html
    html = page(client, "/ui/search?q=nd+72/2015")
    assert 'href="/ui/document/vn/chinh-phu/nd/2015/72"' in html
    html = page(client, "/ui/search?q=ii.3")
    assert f'href="/ui/task/{TASK}"' in html
    assert "Không tìm thấy" in page(client, "/ui/search?q=zzzzqqqq")
    assert "Hãy nhập nội dung cần tìm" in page(client, "/ui/search?q=+")
    assert "Hãy nhập câu hỏi" in page(client, "/ui/ask?q=")
    assert '<html lang="vi">' in page(client, "/ui/network?lang=fr")  # an unknown language is Vietnamese


def test_agency_page_tasks_schedule_deadlines_partners_and_source_links(client):
    html = page(client, "/ui/agency/ha-noi/so-ngoai-vu")
    text = text_of(html)
    assert "Nhiệm vụ chủ trì (6)" in text and "Nhiệm vụ phối hợp (0)" in text
    assert "thành phố Hà Nội" in text and "Bộ Ngoại giao" in text
    assert html.count("<rect") == 6  # one bar per dated task
    assert "30/06/2022" in text  # II.6 ends in Q2
    assert f'href="/ui/source/{PLAN}?from=194&amp;to=194#L194"' in html
    assert f'href="/ui/task/{TASK}"' in html and 'href="/viz/agency/ha-noi/so-ngoai-vu"' in html
    group = text_of(page(client, "/ui/agency/ha-noi/group/lien-quan"))
    assert "nhóm cơ quan" in group.lower()


def test_task_page_roles_timeline_and_legal_basis(client):
    html = page(client, f"/ui/task/{TASK}")
    text = text_of(html)
    assert "Nhiệm vụ II.3" in text and "Hội nghị thông tin công tác Biển Đông" in text
    assert "Quý III, IV/2022" in text and "01/07/2022 – 31/12/2022" in text
    assert "72/2015/NĐ-CP" in text and "căn cứ của 94/KH-UBND" in text
    assert 'href="/ui/document/vn/chinh-phu/nd/2015/72"' in html and f'href="/viz/task/{TASK}"' in html


def test_document_pages_for_a_plan_and_a_cited_document(client):
    text = text_of(page(client, f"/ui/document/{PLAN}"))
    assert "Căn cứ ban hành (3)" in text and "Nhiệm vụ (54)" in text and "CPTPP" in text
    html = page(client, "/ui/document/72/2015/NĐ-CP")
    text = text_of(html)
    assert "Nghị định 72/2015/NĐ-CP" in text and "Văn bản trích dẫn văn bản này (1)" in text
    assert f'href="/ui/document/{PLAN}"' in html


def test_network_page_embeds_the_drawing_and_lists_its_figures(client):
    html = page(client, "/ui/network")
    frames = [a for t, a in Elements(html).tags if t == "iframe"]
    assert frames[0]["src"] == "/viz/coordination" and frames[0]["title"]
    assert "Sở Du lịch thành phố Hà Nội" in text_of(html)
    assert 'src="/viz/coordination?plan=' in page(client, f"/ui/network?plan={PLAN}")


def test_source_page_anchors_every_line_and_marks_the_evidence(client):
    html = page(client, f"/ui/source/{PLAN}?from=194&to=195")
    assert 'id="L1"' in html and 'id="L194" class="hl"' in html and 'id="L195" class="hl"' in html
    assert 'id="L196">' in html and "dòng 194–195" in text_of(html)
    assert "Không lưu bản gốc" in page(client, "/ui/source/vn/chinh-phu/nd/2015/72", 404)


@pytest.mark.parametrize(
    "question", [f["examples"][0] for f in catalogue()] + [f["examples"][-1] for f in catalogue()]
)
def test_every_question_form_renders_its_answer(client, question):
    text = text_of(page(client, f"/ui/ask?q={quote(question)}"))
    assert "Hiểu là" in text


def test_a_question_not_understood_lists_the_forms(client):
    text = text_of(page(client, "/ui/ask?q=thoi+tiet+hom+nay"))
    assert "Các dạng câu hỏi được hỗ trợ" in text


def test_english_labels_and_links_that_keep_the_language(client):
    html = page(client, "/ui/agency/ha-noi/so-ngoai-vu?lang=en")
    assert '<html lang="en">' in html and "Tasks it leads (6)" in text_of(html)
    assert f'href="/ui/task/{TASK}?lang=en"' in html
    assert 'href="/ui/agency/ha-noi/so-ngoai-vu"' in html  # the switch back to Vietnamese
    assert 'href="/ui/agency/ha-noi/so-ngoai-vu?lang=en"' in page(client, "/ui/agency/ha-noi/so-ngoai-vu")


def test_unknown_things_are_html_error_pages(client):
    for url in ("/ui/agency/ha-noi/no-such-body", f"/ui/task/{PLAN}/task/XX-1", "/ui/document/999/KH-XYZ"):
        assert "Không tìm thấy" in page(client, url, 404)
    assert "Not found" in page(client, "/ui/agency/nope?lang=en", 404)


def test_static_assets_are_served_from_the_package(client):
    css = client.get("/static/pages.css")
    assert (
        css.status_code == 200
        and css.headers["content-type"].startswith("text/css")
        and "@media print" in css.text
    )
    js = client.get("/static/pages.js")
    assert js.status_code == 200 and "window.top" in js.text
    assert client.get("/static/../api/app.py").status_code == 404


def test_text_from_documents_is_escaped():
    x = fx.make_extraction()
    x.tasks[0].content = HOSTILE
    x.agencies[0].name = HOSTILE
    store = GraphStore.memory()
    store.load_extraction(x)
    with TestClient(create_app(Settings(), store=store)) as c:
        for url in (
            f"/ui/task/{fx.PLAN_ID}/task/I-1",
            f"/ui/agency/{x.agencies[0].id}",
            f"/ui/document/{fx.PLAN_ID}",
        ):
            html = page(c, url)
            assert "<script>alert" not in html and "<img src=x" not in html
            assert "&lt;/script&gt;&lt;script&gt;alert(" in html
