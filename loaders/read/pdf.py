"""PDF with a text layer (pypdf). Scanned PDFs without text need OCR first; they are refused clearly."""

from __future__ import annotations

import io
import logging
import zlib

from graph.errors import ParseError
from loaders.read.base import Text, make_text

MAX_PAGES = 500
#: What pypdf lets through on a damaged file besides its own errors (PyPdfError: PdfReadError,
#: LimitReachedError, ...): a damaged object graph surfaces as the wrong type of object
#: (AttributeError, TypeError, KeyError, IndexError), a bad number or stream (ValueError, zlib.error,
#: ZeroDivisionError), a reference loop (RecursionError).
_DAMAGED = (
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    ZeroDivisionError,
    AssertionError,
    zlib.error,
    OSError,
    RecursionError,
)


def read_pdf(data: bytes, *, name: str) -> Text:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ParseError("the PDF is encrypted", source=name)
        if len(reader.pages) > MAX_PAGES:
            raise ParseError(f"the PDF has more than {MAX_PAGES} pages", source=name)
        pages = [page.extract_text() or "" for page in reader.pages]
    except ParseError:
        raise
    except (PyPdfError, *_DAMAGED) as exc:
        raise ParseError(f"cannot read the PDF ({type(exc).__name__})", source=name) from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise ParseError("the PDF has no text layer (a scan: run OCR first)", source=name)
    return make_text(text, name=name, fmt="pdf", data=data)
