"""Readers: encodings, HTML, DOCX (safely), PDF; bad bytes refused with one clear line."""

import codecs
import io
import zipfile

import pytest

from graph.errors import ParseError
from loaders.extract import extract_bytes
from loaders.read import read_bytes

SEED_TEXT = None


def seed_text(seed_path):
    return seed_path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),  # with a BOM
        lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    ],
)
def test_encodings_give_the_same_lines(seed_path, encode):
    text = seed_text(seed_path)
    assert read_bytes(encode(text), name="x.md").lines == text.split("\n")


@pytest.mark.parametrize("data", [b"\xff\xfe\x00\xd8", "Hà Nội".encode("cp1258", "ignore"), b"\x80abc"])
def test_other_bytes_are_refused(data):
    with pytest.raises(ParseError):
        read_bytes(data, name="x.md")


def test_unknown_extension_is_refused():
    with pytest.raises(ParseError, match="unsupported file type"):
        read_bytes(b"x", name="plan.xlsx")


def test_html_page_extracts_like_markdown(seed_path):
    html = [
        "<html><head><title>t</title><script>var x='<p>KẾ HOẠCH</p>';</script></head><body>",
        "<div class='banner'>Thư viện pháp luật</div>",
        "<p><b>KẾ HOẠCH</b><br>Tổ chức hoạt động thông tin đối ngoại năm 2022</p>",
        "<p>Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ về quản lý hoạt động thông tin đối "
        "ngoại; Ủy ban nhân dân thành phố Hà Nội ban hành Kế hoạch như sau:</p>",
        "<p>(Kèm theo Kế hoạch số 94/KH-UBND ngày 25/3/2022)</p>",
        "<table><tr><th>TT</th><th>Nội dung</th><th>Thời gian</th><th>Cơ quan chủ trì</th>"
        "<th>Cơ quan phối hợp</th></tr>",
        "<tr><td>I</td><td>SỞ NGOẠI VỤ</td><td></td><td></td><td></td></tr>",
        "<tr><td>1</td><td>Hội nghị thông tin</td><td>Quý II/2022</td><td>Sở Ngoại vụ</td>"
        "<td>Bộ Ngoại giao</td></tr></table></body></html>",
    ]
    ex = extract_bytes("".join(html).encode("utf-8"), name="plan.html")
    assert ex.document.full_symbol == "94/KH-UBND"
    assert [(t.id, t.lead, t.coordinating) for t in ex.tasks] == [
        ("I.1", ["ha-noi/so-ngoai-vu"], ["vn/bo-ngoai-giao"])
    ]
    assert [d.full_symbol for d in ex.cited_documents] == ["72/2015/NĐ-CP"]


def _docx(document_xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _p(text):
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _row(*cells):
    return "<w:tr>" + "".join(f"<w:tc>{_p(c)}</w:tc>" for c in cells) + "</w:tr>"


def test_docx_paragraphs_and_tables():
    body = (
        _p("ỦY BAN NHÂN DÂN")
        + _p("TỈNH LÀO CAI")
        + _p("Số: 34/KH-UBND")
        + _p("Lào Cai, ngày 29 tháng 01 năm 2021")
        + _p("KẾ HOẠCH")
        + _p("Triển khai công tác năm 2021")
        + "<w:tbl>"
        + _row("TT", "Nội dung", "Đơn vị chủ trì", "Thời gian")
        + _row("1", "Tuyên truyền biên giới", "Sở Ngoại vụ", "Quý II/2021")
        + "</w:tbl>"
    )
    ex = extract_bytes(_docx(f"<w:document {W}><w:body>{body}</w:body></w:document>"), name="plan.docx")
    assert (ex.document.full_symbol, ex.document.issuer) == ("34/KH-UBND", "Ủy ban nhân dân tỉnh Lào Cai")
    assert [(t.id, t.lead) for t in ex.tasks] == [("1", ["lao-cai/so-ngoai-vu"])]


def test_docx_entity_expansion_is_refused():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        f"<w:document {W}><w:body>{_p('&lol2;')}</w:body></w:document>"
    )
    with pytest.raises(ParseError, match="unsafe or broken XML"):
        read_bytes(_docx(bomb), name="bomb.docx")


def test_not_a_docx_is_refused():
    with pytest.raises(ParseError, match="not a Word document"):
        read_bytes(b"PK\x03\x04garbage", name="x.docx")


def _pdf(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + o + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def test_pdf_text_layer_is_read():
    text = read_bytes(_pdf("Ke hoach so 94/KH-UBND"), name="plan.pdf")
    assert "94/KH-UBND" in " ".join(text.lines)


def test_broken_pdf_is_refused():
    with pytest.raises(ParseError, match=r"cannot read the PDF|no text layer"):
        read_bytes(b"%PDF-1.4\ngarbage", name="x.pdf")
