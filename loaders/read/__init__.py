"""Readers: one module per format, each turning bytes into :class:`Text` (NFC lines).

>>> text = read_bytes("Kế hoạch\\nsố 1".encode("utf-8"), name="a.md")
>>> text.lines
['Kế hoạch', 'số 1']
"""

from __future__ import annotations

from pathlib import Path

from graph.errors import ParseError
from loaders.read.base import Text, decode
from loaders.read.plain import read_plain

#: Upper bound on what a reader accepts (bytes); bigger files are refused clearly.
MAX_BYTES = 50 * 1024 * 1024

FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}


def read_bytes(data: bytes, *, name: str) -> Text:
    """Read a document's bytes; the format comes from the name's extension."""
    if len(data) > MAX_BYTES:
        raise ParseError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB", source=name)
    suffix = Path(name).suffix.lower()
    fmt = FORMATS.get(suffix)
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise ParseError(f"unsupported file type '{suffix or '(none)'}' (known: {known})", source=name)
    if fmt == "html":
        from loaders.read.html import read_html

        return read_html(data, name=name)
    if fmt == "docx":
        from loaders.read.docx import read_docx

        return read_docx(data, name=name)
    if fmt == "pdf":
        from loaders.read.pdf import read_pdf

        return read_pdf(data, name=name)
    return read_plain(data, name=name, fmt=fmt)


def read_file(path: str | Path) -> Text:
    """Read a document from disk."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ParseError("is a folder, not a file", source=str(path)) from None
    except FileNotFoundError:
        raise ParseError("no such file", source=str(path)) from None
    except OSError as exc:
        raise ParseError(f"cannot read: {exc.strerror or exc}", source=str(path)) from None
    return read_bytes(data, name=path.name)


__all__ = ["FORMATS", "MAX_BYTES", "Text", "decode", "read_bytes", "read_file"]
