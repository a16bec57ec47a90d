"""PDF with a text layer (pypdf). Scanned PDFs without text need OCR first; they are refused clearly."""

from __future__ import annotations

import io
import logging

from graph.errors import ParseError
from loaders.read.base import Text, make_text

MAX_PAGES = 500


def read_pdf(data: bytes, *, name: str) -> Text:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

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
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise ParseError(f"cannot read the PDF ({type(exc).__name__})", source=name) from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise ParseError("the PDF has no text layer (a scan: run OCR first)", source=name)
    return make_text(text, name=name, fmt="pdf", data=data)
