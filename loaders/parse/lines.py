"""Lines of a converted document: Markdown clean-up, numbering labels, page noise.

>>> clean_line("**KẾ HOẠCH**")
'KẾ HOẠCH'
>>> classify("II. NỘI DUNG")
('roman', 'II', 'NỘI DUNG')
>>> classify("1. Mục đích")
('arabic', '1', 'Mục đích')
>>> classify("a) Sở Nội vụ: chủ trì")
('letter', 'a', 'Sở Nội vụ: chủ trì')
>>> classify("- Tổ chức tập huấn")
('dash', '-', 'Tổ chức tập huấn')
>>> classify("Điều 2. Giao Sở Nội vụ")
('article', '2', 'Giao Sở Nội vụ')
>>> is_page_noise("15215 - 6"), is_page_noise("Trang 3/10"), is_page_noise("Kế hoạch")
(True, True, False)
"""

from __future__ import annotations

import re

from graph.values.text import clean, fold

_MD_EMPH = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`)")
_HTML = re.compile(r"<br\s*/?>|</?(?:b|i|u|strong|em|span|p|div|sup|sub)[^>]*>", re.IGNORECASE)

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_PATTERNS = [
    ("roman", re.compile(rf"^(?P<label>(?=[IVX])(?:{_ROMAN}))\s*[.)/:\-–]\s*(?P<text>\S.*)$")),
    ("article", re.compile(r"^(?:Điều|ĐIỀU|Ðiều|Dieu)\s+(?P<label>\d{1,3})\s*[.:]?\s*(?P<text>.*)$")),
    ("dotted", re.compile(r"^(?P<label>\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+(?P<text>\S.*)$")),
    ("arabic", re.compile(r"^(?P<label>\d{1,2})\s*[.)/]\s*(?P<text>\S.*)$")),
    ("letter", re.compile(r"^(?P<label>[a-zđ])\s*[).]\s*(?P<text>\S.*)$")),
    ("dash", re.compile(r"^(?P<label>[-–—•·▪●◦])\s*(?P<text>\S.*)$")),
    ("plus", re.compile(r"^(?P<label>\+)\s*(?P<text>\S.*)$")),
]

#: nesting depth of each kind of numbered line (lower = outer)
DEPTH = {
    "closing": 0,
    "roman": 1,
    "article": 1,
    "arabic": 2,
    "dotted": 3,
    "letter": 4,
    "dash": 5,
    "plus": 6,
    "para": 7,
}


def clean_line(raw: str) -> str:
    """A line without Markdown emphasis, heading marks, HTML breaks and stray spaces."""
    s = _HTML.sub(" ", raw)
    s = re.sub(r"^\s{0,3}#{1,6}\s+", "", s)
    s = re.sub(r"^\s*>\s?", "", s)
    s = _MD_EMPH.sub("", s)
    s = s.replace("\\", "")
    return clean(s)


def classify(text: str) -> tuple[str, str, str]:
    """(kind, label, rest) of a cleaned line; kind 'para' when it carries no numbering."""
    for kind, pattern in _PATTERNS:
        m = pattern.match(text)
        if m and m.group("label"):
            rest = m.group("text").strip()
            if kind == "roman" and not _roman_ok(m.group("label"), rest):
                continue
            if kind == "arabic" and re.match(r"^\d", rest):  # "25/3/2022", "1.000 người"
                continue
            if kind == "letter" and m.group(0)[1] == "." and len(rest.split()) < 2:
                continue
            return kind, m.group("label"), rest
    return "para", "", text


def _roman_ok(label: str, rest: str) -> bool:
    # "V.1" or "I-1" style references and words like "VI." inside prose are not headings
    return bool(rest) and not rest[0].isdigit()


_NOISE = re.compile(
    r"^(?:[\d\s\-–./*✓✔×|]+|(?:trang|page)\s*\d+(?:\s*/\s*\d+)?|\./\.|\*+|-{3,}|_{3,}|={3,})$",
    re.IGNORECASE,
)


def is_page_noise(text: str) -> bool:
    """Page numbers, stamps, rules and conversion leftovers between pages."""
    s = text.strip()
    return bool(s) and bool(_NOISE.match(s))


def starts_lower(text: str) -> bool:
    """True when the first letter is lower case (a continuation across a page break)."""
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit() or ch in '“"(':
            return False
    return False


def is_upper_line(text: str) -> bool:
    """At least two letters, all of them upper case."""
    return text.isupper() and sum(1 for c in text if c.isalpha()) >= 2


def folded(text: str) -> str:
    return fold(text)
