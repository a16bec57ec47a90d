"""Readers: one module per format, each turning bytes into :class:`Text` (NFC lines).

>>> text = read_bytes("Kế hoạch\\nsố 1".encode("utf-8"), name="a.md")
>>> text.lines
['Kế hoạch', 'số 1']
"""

from __future__ import annotations

import stat
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
        raise ParseError(_too_large(), source=name)
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
    """Read a document from disk: a regular file of at most :data:`MAX_BYTES`.

    Its type and size are checked before it is opened, and the read is bounded, so a FIFO, a device
    (``/dev/zero``) or a file that grows while it is read cannot stall or exhaust memory.
    """
    path = Path(path)
    source = str(path)
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise ParseError("is a folder, not a file", source=source)
        if not stat.S_ISREG(st.st_mode):
            raise ParseError("not a regular file (a pipe, device or socket)", source=source)
        if st.st_size > MAX_BYTES:
            raise ParseError(_too_large(), source=source)
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ParseError("no such file", source=source) from None
    except IsADirectoryError:
        raise ParseError("is a folder, not a file", source=source) from None
    except OSError as exc:
        raise ParseError(f"cannot read: {exc.strerror or exc}", source=source) from None
    if len(data) > MAX_BYTES:
        raise ParseError(_too_large(), source=source)
    return read_bytes(data, name=path.name)


def _too_large() -> str:
    return f"file is larger than the limit of {MAX_BYTES // (1024 * 1024)} MB"


__all__ = ["FORMATS", "MAX_BYTES", "Text", "decode", "read_bytes", "read_file"]
