"""Markdown and plain text (the output of OCR converters)."""

from __future__ import annotations

from loaders.read.base import Text, decode, make_text


def read_plain(data: bytes, *, name: str, fmt: str = "markdown") -> Text:
    return make_text(decode(data, name=name), name=name, fmt=fmt, data=data)
