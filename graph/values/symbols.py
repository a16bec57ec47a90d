"""Document symbols ("số ký hiệu") in the three numbering grammars.

- administrative ``N/TYPE-ISSUER``: 94/KH-UBND, 1191/QĐ-TTg, 5406/BTTTT-TTĐN (a letter: ISSUER-UNIT)
- normative ``N/YYYY/TYPE-ISSUER``: 72/2015/NĐ-CP, 22/2016/TT-BTTTT, 80/2015/QH13
- party ``N-TYPE/ISSUER``: 12-CT/TW, 35-NQ/TW, 123-KH/TU

Normalisation: Đ/Ð/D in type codes, dash variants, stray spaces, hyphens lost
in OCR ("QĐUBND"), case ("QĐ-TTG" -> "QĐ-TTg").

>>> s = parse_symbol("72/2015/NĐ-CP")
>>> (s.number, s.year, s.type_code, s.issuer_code, s.symbol, s.full_symbol, s.grammar)
('72', 2015, 'NĐ', 'CP', 'NĐ-CP', '72/2015/NĐ-CP', 'normative')
>>> parse_symbol("1191/QĐ-TTG").full_symbol
'1191/QĐ-TTg'
>>> parse_symbol("12 - CT/TW").full_symbol
'12-CT/TW'
>>> s = parse_symbol("5406/BTTTT-TTĐN")
>>> (s.type_code, s.issuer_code, s.unit)
(None, 'BTTTT', 'TTĐN')
>>> parse_symbol("72/2015/ND-CP").symbol
'NĐ-CP'
>>> parse_symbol("08/2021/QĐUBND").symbol
'QĐ-UBND'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.values.doctypes import by_code

# Characters that OCR and fonts use for Đ.
_ETH = str.maketrans({"Ð": "Đ", "ð": "đ", "Ɖ": "Đ"})
_DASH = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*")
_SLASH = re.compile(r"\s*/\s*")

#: Codes whose canonical spelling is not all upper case.
_MIXED = {"TTG": "TTg", "TTR": "TTr", "QYĐ": "QyĐ", "CTR": "CTr"}
#: Type codes that OCR often writes without the Đ.
_ASCII_TYPES = {"ND": "NĐ", "QD": "QĐ", "HD": "HD", "CD": "CĐ", "DA": "ĐA", "HDD": "HĐ"}

_PART = r"[A-Za-zĐđ0-9]+"
#: A symbol somewhere in running text (used by citation finding).
SYMBOL_IN_TEXT = re.compile(
    r"(?<![\w/])(?P<sym>"
    r"\d{1,5}[a-z]?\s*/\s*\d{4}\s*/\s*" + _PART + r"(?:\s*[-–]\s*" + _PART + r")*"  # normative
    r"|\d{1,5}[a-z]?\s*[-–]\s*" + _PART + r"\s*/\s*" + _PART + r"(?:\s*[-–]\s*" + _PART + r")*"  # party
    r"|\d{1,5}[a-z]?\s*/\s*" + _PART + r"(?:\s*[-–]\s*" + _PART + r")+"  # administrative
    r"|\d{1,5}[a-z]?\s*/\s*(?:QĐ|NĐ|KH|CT|NQ|QD|ND|TB|HD|BC|TTr|CV)[A-ZĐa-z]{2,}"  # lost hyphen
    r")(?![\w/])"
)


@dataclass(frozen=True)
class Symbol:
    number: str
    year: int | None  # only the normative grammar carries the year
    type_code: str | None  # 'NĐ', 'KH'; None for letters (công văn)
    issuer_code: str | None  # 'CP', 'UBND', 'TTg', 'TW', 'QH13'
    unit: str | None  # 'TTĐN' in 5406/BTTTT-TTĐN, 'KGVX' in 123/UBND-KGVX
    symbol: str  # everything after the number (and year): 'NĐ-CP', 'CT/TW'
    full_symbol: str
    grammar: str  # normative | administrative | party


def _canon_code(code: str) -> str:
    code = code.translate(_ETH)
    up = code.upper().replace("đ", "Đ")
    if up in _MIXED:
        return _MIXED[up]
    return up


def _split_lost_hyphen(part: str) -> list[str]:
    """'QĐUBND' -> ['QĐ', 'UBND'] when a known type code starts the run."""
    up = _canon_code(part)
    for code in ("TTLT", "QĐ", "NĐ", "QD", "ND", "KH", "NQ", "CT", "TT", "TB", "HD", "BC", "TTr"):
        c = _canon_code(code)
        if up.startswith(c.upper() if c != "TTr" else "TTR") and len(up) > len(c) + 1:
            rest = up[len(c) :]
            if rest[0].isalpha():
                return [c, rest]
    return [part]


def _canon_type(code: str) -> str:
    up = _canon_code(code)
    return _ASCII_TYPES.get(up, up)


def parse_symbol(text: str) -> Symbol | None:
    """Parse one symbol; None when ``text`` is not a document symbol."""
    s = text.strip().translate(_ETH).strip(" .,;:()")
    s = _SLASH.sub("/", s)
    s = _DASH.sub("-", s)
    m = re.fullmatch(r"(\d{1,5}[a-z]?)/(\d{4})/([A-Za-zĐđ0-9]+(?:-[A-Za-zĐđ0-9]+)*)", s)
    if m:
        number, year, rest = m.group(1), int(m.group(2)), m.group(3)
        parts = rest.split("-")
        if len(parts) == 1:
            parts = _split_lost_hyphen(parts[0])
        if len(parts) == 1:  # Luật: 80/2015/QH13
            issuer = _canon_code(parts[0])
            return Symbol(number, year, None, issuer, None, issuer, f"{number}/{year}/{issuer}", "normative")
        tcode = _canon_type(parts[0])
        issuers = [_canon_code(p) for p in parts[1:]]
        sym = "-".join([tcode, *issuers])
        return Symbol(
            number,
            year,
            tcode,
            issuers[0],
            "-".join(issuers[1:]) or None,
            sym,
            f"{number}/{year}/{sym}",
            "normative",
        )
    m = re.fullmatch(r"(\d{1,5}[a-z]?)-([A-Za-zĐđ]+)/([A-Za-zĐđ0-9]+(?:-[A-Za-zĐđ0-9]+)*)", s)
    if m:
        number, tcode = m.group(1), _canon_type(m.group(2))
        issuers = [_canon_code(p) for p in m.group(3).split("-")]
        sym = f"{tcode}/{'-'.join(issuers)}"
        return Symbol(
            number, None, tcode, issuers[0], "-".join(issuers[1:]) or None, sym, f"{number}-{sym}", "party"
        )
    m = re.fullmatch(r"(\d{1,5}[a-z]?)/([A-Za-zĐđ0-9]+(?:-[A-Za-zĐđ0-9]+)*)", s)
    if m:
        number, rest = m.group(1), m.group(2)
        parts = rest.split("-")
        if len(parts) == 1:
            parts = _split_lost_hyphen(parts[0])
            if len(parts) == 1:
                return None
        first = _canon_type(parts[0])
        if by_code(first) is not None and first not in ("CV",):
            tcode, issuers = first, [_canon_code(p) for p in parts[1:]]
        else:  # an official letter: ISSUER-UNIT
            tcode, issuers = None, [_canon_code(p) for p in parts]
        sym = "-".join([tcode, *issuers] if tcode else issuers)
        unit = "-".join(issuers[1:]) or None
        return Symbol(number, None, tcode, issuers[0], unit, sym, f"{number}/{sym}", "administrative")
    return None
