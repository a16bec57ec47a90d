"""Agency names: tokens for matching, with the usual abbreviations expanded.

Every name lookup (extraction, API, CLI, questions) goes through
:func:`name_tokens` / :func:`name_key`, so "Sở TT&TT", "So Thong tin va Truyen
thong" and "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" meet on one key. Tokens keep their
span in the original text, so a match can be quoted as written.

>>> name_key("Sở TT&TT")
'so thong tin va truyen thong'
>>> name_key("Ban Tuyên giáo TU")  # TU: the party committee of the plan's province (see PARTY_COMMITTEE)
'ban tuyen giao pcu'
>>> name_key("Ban Tuyên giáo Thành ủy")
'ban tuyen giao thanh uy'
>>> name_key("Đài PT&TH Hà Nội")
'dai phat thanh va truyen hinh ha noi'
>>> name_key("UBND Thành phố")
'uy ban nhan dan thanh pho'
>>> name_key("Sở Tư pháp")  # 'Tư' is not the abbreviation TU
'so tu phap'
>>> name_key("Phòng VHTT, quận")
'phong van hoa va thong tin quan'
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from graph.values.text import fold, fold_chars

# (pattern on the original text, expansion, case-sensitive?)
# Ordered: longer abbreviations first. Patterns are anchored on word boundaries.
_ABBREVIATIONS: list[tuple[str, str, bool]] = [
    (
        r"VH\s*,\s*TT\s*(?:&|và)\s*DL|VHTT\s*&\s*DL|VHTTDL|VH-TT-DL|VH,\s*TT,\s*DL",
        "Văn hóa, Thể thao và Du lịch",
        True,
    ),
    (r"(?<=Phòng )VH\s*(?:&|-)\s*TT|(?<=Phòng )VHTT|(?<=Phòng )VH-TT", "Văn hóa và Thông tin", True),
    (r"VH\s*&\s*TT|VHTT|VH-TT", "Văn hóa và Thể thao", True),
    (r"TT\s*&\s*TT|TTTT|TT-TT", "Thông tin và Truyền thông", True),
    (r"KH\s*&\s*[ĐD]T|KH[ĐD]T|KH-[ĐD]T", "Kế hoạch và Đầu tư", True),
    (
        r"L[ĐD]TB\s*&\s*XH|L[ĐD]TBXH|L[ĐD]\s*-\s*TB\s*&\s*XH|L[ĐD]-TBXH",
        "Lao động - Thương binh và Xã hội",
        True,
    ),
    (r"NN\s*&\s*PTNT|NNPTNT|NN-PTNT", "Nông nghiệp và Phát triển nông thôn", True),
    (r"NN\s*&\s*MT|NNMT", "Nông nghiệp và Môi trường", True),
    (r"TN\s*&\s*MT|TNMT|TN-MT", "Tài nguyên và Môi trường", True),
    (r"GD\s*&\s*[ĐD]T|GD[ĐD]T|GD-[ĐD]T", "Giáo dục và Đào tạo", True),
    (r"KH\s*&\s*CN|KHCN|KH-CN", "Khoa học và Công nghệ", True),
    (r"GTVT|GT-VT|GTVT", "Giao thông vận tải", True),
    (r"DT\s*&\s*TG|DTTG", "Dân tộc và Tôn giáo", True),
    (r"PT\s*&\s*TH|PTTH|PT-TH", "Phát thanh và Truyền hình", True),
    (r"UBMTTQVN|UBMTTQ", "Ủy ban Mặt trận Tổ quốc", True),
    (r"MTTQVN", "Mặt trận Tổ quốc Việt Nam", True),
    (r"MTTQ", "Mặt trận Tổ quốc", True),
    (r"TTXVN", "Thông tấn xã Việt Nam", True),
    (r"VTV", "Đài Truyền hình Việt Nam", True),
    (r"VOV", "Đài Tiếng nói Việt Nam", True),
    (r"UBND", "Ủy ban nhân dân", False),
    (r"HĐND|HDND", "Hội đồng nhân dân", False),
    (r"ĐBQH", "đại biểu Quốc hội", True),
    (r"VPUB", "Văn phòng Ủy ban nhân dân", True),
    (r"CATP", "Công an Thành phố", True),
    (r"CAT", "Công an tỉnh", True),
    (r"BCHQS", "Bộ Chỉ huy Quân sự", True),
    (r"BCH", "Bộ Chỉ huy", True),
    (r"CHQS", "Chỉ huy Quân sự", True),
    (r"B[ĐD]BP", "Bộ đội Biên phòng", True),
    (r"BTG", "Ban Tuyên giáo", True),
    (r"L[ĐD]L[ĐD]", "Liên đoàn Lao động", True),
    (r"(?<=Hội )LHPN", "Liên hiệp Phụ nữ", True),  # "Hội LHPN tỉnh"
    (r"HLHPN|LHPN", "Hội Liên hiệp Phụ nữ", True),
    (r"CCB", "Cựu chiến binh", True),
    (r"TNCS", "Thanh niên Cộng sản", True),
    (r"HCM", "Hồ Chí Minh", True),
    (r"CNTT", "Công nghệ thông tin", True),
    (r"TTĐN", "thông tin đối ngoại", True),
    (r"TTĐT", "Thông tin điện tử", True),
    (r"KT-XH|KTXH", "Kinh tế - Xã hội", True),
    (r"BQL", "Ban Quản lý", True),
    (r"KCN", "khu công nghiệp", True),
    (r"BHXH", "Bảo hiểm xã hội", True),
    (r"NHNN", "Ngân hàng Nhà nước", True),
    (r"ĐHQG", "Đại học Quốc gia", True),
    (r"TƯ|TW", "Trung ương", True),  # not in upper-case text: "ĐẦU TƯ" is "đầu tư"
    (r"TU", "PCU", True),  # the party committee of the plan's province or city (Tỉnh ủy / Thành ủy)
    (r"TT\.(?=\s*(?:Tỉnh ủy|Thành ủy|HĐND|TU\b))", "Thường trực", True),
    (r"TP\.?", "Thành phố", True),
    (r"Tp\.", "Thành phố", True),
    (r"CP", "Chính phủ", True),
]
_HAS_UPPER_RUN = re.compile(r"[A-ZĐƯ][A-ZĐƯ&]|CAT|Tp\.|[A-Z]{2}")
_ABBR_BODY = "|".join(f"(?P<a{i}>{p})" for i, (p, _, _) in enumerate(_ABBREVIATIONS))
#: an abbreviation starts a word and ends one; the look-arounds are checked once per position
_ABBR_RE = re.compile(rf"(?<!\w)(?=[A-ZĐƯ])(?:{_ABBR_BODY})(?!\w)")
_ABBR_RE_I = re.compile(rf"(?<!\w)(?:{_ABBR_BODY})(?!\w)", re.IGNORECASE)


#: lower-case forms that are also Vietnamese words or too short to trust
_AMBIGUOUS = {
    "tu",
    "tw",
    "cp",
    "tp",
    "tp.",
    "cat",
    "bch",
    "hcm",
    "ccb",
    "kcn",
    "bql",
    "vov",
    "vtv",
    "btg",
    "mttq",
}

#: abbreviations that are also words in upper-case text ("ĐẦU TƯ", "TƯ PHÁP")
_WORDLIKE = {"TƯ", "TU", "TW"}


def _upper_context(text: str, start: int, end: int) -> bool:
    """True when the word before or after the span is an upper-case word (an all-caps line)."""
    before = re.findall(r"\w+", text[:start])[-1:]
    after = re.findall(r"\w+", text[end:])[:1]
    return any(w.isupper() and len(w) > 1 and not w.isdigit() for w in before + after)


#: the token "TU" expands to; the registry indexes "{PC}" names under it too
PARTY_COMMITTEE = "PCU"

_WORD = re.compile(r"[a-z0-9]+|[,;/()]")


class Token(NamedTuple):
    norm: str  # folded, lower case
    start: int  # span in the original text
    end: int
    cap: bool  # first letter upper case in the original
    sep: bool = False  # a separator: , ; / ( )


def _expand(text: str, *, lenient: bool) -> tuple[str, list[int], list[int]]:
    """Expand abbreviations; returns the new text and, per character, its span in ``text``."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    pattern = _ABBR_RE_I if lenient else _ABBR_RE
    if not lenient and not _HAS_UPPER_RUN.search(text):
        return text, list(range(len(text))), list(range(1, len(text) + 1))
    for m in pattern.finditer(text):
        idx = int(m.lastgroup[1:])
        _, expansion, sensitive = _ABBREVIATIONS[idx]
        if lenient and not _ABBR_RE.fullmatch(m.group(0)):
            # search boxes: lower-case abbreviations count only when they cannot be a word
            word = m.group(0)
            if not word.isascii() or (
                sensitive
                and word.lower() in _AMBIGUOUS
                and not (word.lower() in {"tu", "tw"} and m.end() == len(text.rstrip()))
            ):
                continue
        if m.group(0) in _WORDLIKE and _upper_context(text, m.start(), m.end()):
            continue
        out.append(text[pos : m.start()])
        starts.extend(range(pos, m.start()))
        ends.extend(range(pos + 1, m.start() + 1))
        exp = f" {expansion} "
        out.append(exp)
        starts.extend([m.start()] * len(exp))
        ends.extend([m.end()] * len(exp))
        pos = m.end()
    out.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return "".join(out), starts, ends


@lru_cache(maxsize=8192)
def name_tokens(text: str, *, lenient: bool = False) -> tuple[Token, ...]:
    """Normalised tokens of ``text`` with their spans in ``text`` (cached: plans repeat their cells).

    ``lenient`` also expands lower-case abbreviations ("so tt&tt"), for search boxes.
    """
    expanded, starts, ends = _expand(text, lenient=lenient)
    # fold character by character so positions stay aligned; "&" joins words like "và"
    folded = fold_chars(expanded).replace("&", " ")
    has_amp = "&" in text
    result: list[Token] = []
    for m in _WORD.finditer(folded):
        word = m.group(0)
        a, b = starts[m.start()], ends[m.end() - 1]
        if word in _SEPS:
            result.append(_tok(Token, (word, a, b, False, True)))
            continue
        if has_amp and result and not result[-1].sep and "&" in text[result[-1].end : a]:
            result.append(_tok(Token, ("va", result[-1].end, a, False, False)))
        if word == "tp":  # "TP", "Tp." = thành phố
            result.append(_tok(Token, ("thanh", a, b, True, False)))
            result.append(_tok(Token, ("pho", a, b, True, False)))
            continue
        result.append(_tok(Token, (word, a, b, expanded[m.start()].isupper(), False)))
    return tuple(result)


#: builds Tokens at C speed (a NamedTuple's own __new__ is Python code, and there are many tokens)
_tok = tuple.__new__
_SEPS = frozenset({",", ";", "/", "(", ")"})


def name_key(text: str, *, lenient: bool = False) -> str:
    """The matching key of a name: its words, folded, abbreviations expanded, separators dropped."""
    return " ".join(t.norm for t in name_tokens(text, lenient=lenient) if not t.sep)


def loose_key(text: str) -> str:
    """A key for fuzzy comparison: folded words only."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))
