"""Word documents (.docx): paragraphs as lines, tables as Markdown rows.

The XML is parsed with defusedxml (no entity expansion, no external entities,
and no document type declaration at all: Word never writes one, so a DTD — even an external
one that is never used — means a crafted file and is refused), and the archive is checked before it is opened (size, member names), so a
crafted file cannot exhaust memory or reach the file system.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException, DTDForbidden

from graph.errors import ParseError
from graph.values.text import clean
from loaders.read.base import Text, make_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_XML_BYTES = 50 * 1024 * 1024


def _text(el) -> str:
    parts = []
    for node in el.iter():
        if node.tag == _W + "t" and node.text:
            parts.append(node.text)
        elif node.tag in (_W + "tab",):
            parts.append(" ")
        elif node.tag in (_W + "br", _W + "cr"):
            parts.append("\n")
    return "".join(parts)


#: What zipfile raises on a damaged archive: a bad header or directory (BadZipFile, ValueError,
#: EOFError, UnicodeDecodeError of a member name), a corrupt deflate stream (zlib.error), an unknown
#: compression or version (NotImplementedError), an encrypted member (RuntimeError).
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    OSError,
)


def _document_xml(data: bytes, name: str) -> bytes:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        info = archive.getinfo("word/document.xml")
    except KeyError:
        raise ParseError("not a Word document (.docx): no word/document.xml", source=name) from None
    except _DAMAGED:
        raise ParseError("not a Word document (.docx), or a damaged one", source=name) from None
    if info.file_size > MAX_XML_BYTES:
        raise ParseError("the document is too large to read", source=name)
    try:
        return archive.read(info)
    except _DAMAGED as exc:
        raise ParseError(f"the Word document is damaged ({type(exc).__name__})", source=name) from None


def read_docx(data: bytes, *, name: str) -> Text:
    xml = _document_xml(data, name)
    try:
        root = SafeET.fromstring(xml, forbid_dtd=True)
    except DTDForbidden:
        raise ParseError(
            "unsafe or broken XML in the document: it declares a DTD, which Word never writes (DTDForbidden)",
            source=name,
        ) from None
    except (DefusedXmlException, SafeET.ParseError) as exc:
        raise ParseError(
            f"unsafe or broken XML in the document ({type(exc).__name__})", source=name
        ) from None
    body = root.find(_W + "body")
    lines: list[str] = []
    for child in body if body is not None else []:
        if child.tag == _W + "p":
            lines.extend(clean(x) for x in _text(child).split("\n"))
            lines.append("")
        elif child.tag == _W + "tbl":
            rows = []
            for tr in child.iter(_W + "tr"):
                rows.append([clean(_text(tc)).replace("|", "/") for tc in tr.findall(_W + "tc")])
            if rows:
                width = max(len(r) for r in rows)
                for i, r in enumerate(rows):
                    lines.append("| " + " | ".join(r + [""] * (width - len(r))) + " |")
                    if i == 0:
                        lines.append("|" + "---|" * width)
                lines.append("")
    return make_text("\n".join(lines), name=name, fmt="docx", data=data)
