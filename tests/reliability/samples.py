"""Small valid DOCX and PDF files built in memory, for the reader tests to damage.

>>> from loaders.read import read_bytes
>>> read_bytes(make_docx(["KẾ HOẠCH", "| TT | Nội dung |"]), name="a.docx").lines[:1]
['KẾ HOẠCH']
>>> read_bytes(make_pdf(["KE HOACH so 1"]), name="a.pdf").lines[:1]
['KE HOACH so 1']
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)


def make_docx(lines: list[str]) -> bytes:
    """A Word document with one paragraph per line; lines like ``| a | b |`` become one table."""
    body = []
    rows = [line for line in lines if line.startswith("|")]
    for line in lines:
        if line.startswith("|"):
            continue
        body.append(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>")
    if rows:
        trs = "".join(
            "<w:tr>"
            + "".join(
                f"<w:tc><w:p><w:r><w:t>{escape(c.strip())}</w:t></w:r></w:p></w:tc>"
                for c in r.strip("|").split("|")
            )
            + "</w:tr>"
            for r in rows
            if not set(r) <= set("|-: ")
        )
        body.append(f"<w:tbl>{trs}</w:tbl>")
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{"".join(body)}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a text layer (Helvetica, so ASCII text), written by pypdf."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=600, height=800)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    ops = ["BT /F1 10 Tf 14 TL 20 780 Td"]
    for line in lines:
        safe = line.encode("ascii", "replace").decode().replace("\\", "/").replace("(", "[").replace(")", "]")
        ops.append(f"({safe}) Tj T*")
    ops.append("ET")
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
