"""The common output of every reader: NFC lines with 1-based line numbers."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass, field

from graph.errors import ParseError
from graph.values.text import nfc


@dataclass(frozen=True)
class Text:
    """A document as lines. ``lines[0]`` is line 1."""

    name: str
    lines: list[str]
    format: str
    sha256: str = ""
    notes: list[str] = field(default_factory=list)

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    def span(self, start: int, end: int) -> str:
        return "\n".join(self.lines[start - 1 : end])


#: Said in every refusal of an encoding.
ACCEPTED = "accepted: UTF-8 with or without BOM, UTF-16 with BOM; save the file as UTF-8"


def decode(data: bytes, *, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM (LE or BE); other bytes are refused clearly.

    >>> decode("\ufeffSở".encode("utf-16-le"), name="a.txt")
    'Sở'
    >>> decode("café".encode("latin-1"), name="a.txt")
    Traceback (most recent call last):
    graph.errors.ParseError: a.txt:1: not UTF-8 text (accepted: UTF-8 with or without BOM, UTF-16 with BOM; save the file as UTF-8)
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise ParseError(f"UTF-32 text is not read ({ACCEPTED})", source=name)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ParseError(f"invalid UTF-16 at byte {exc.start} ({ACCEPTED})", source=name) from None
        if "\x00" in text:
            raise ParseError(f"NUL characters in UTF-16 text: binary content ({ACCEPTED})", source=name)
        return text
    if b"\x00" in data:
        raise ParseError(
            f"NUL bytes: binary content, or UTF-16/UTF-32 text without a BOM ({ACCEPTED})", source=name
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(f"not UTF-8 text ({ACCEPTED})", source=name, line=line) from None


def make_text(raw: str, *, name: str, fmt: str, data: bytes) -> Text:
    if "\x00" in raw:
        raise ParseError("binary content (NUL bytes), not a text document", source=name)
    lines = nfc(raw.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    return Text(name=name, lines=lines, format=fmt, sha256=hashlib.sha256(data).hexdigest())
