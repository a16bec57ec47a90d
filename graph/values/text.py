"""Vietnamese text: NFC storage form, search keys without diacritics, slugs.

>>> fold("Sở Thông tin và Truyền thông")
'so thong tin va truyen thong'
>>> fold("ĐÀI Phát thanh")
'dai phat thanh'
>>> slugify("Ban Tuyên giáo Thành ủy")
'ban-tuyen-giao-thanh-uy'
"""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile(r"[\u2010-\u2015\u2212\u00ad]")
_SPACES = re.compile(r"\s+")


#: control and format characters (but tab and newline), private-use characters
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ue000-\uf8ff]"
)
_MARKS = re.compile("[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]")


_ETH = str.maketrans({"Ð": "Đ", "ð": "đ"})  # legacy-font conversions write the Icelandic eth for Đ


def nfc(text: str) -> str:
    """The storage form: NFC, no control characters, Đ for the look-alike eth (Ð).

    >>> nfc("Sở\u200b Tư pháp\x07")
    'Sở Tư pháp'
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).translate(_ETH)
    return _CONTROL.sub("", text)


def clean(text: str) -> str:
    """NFC, unified dashes, whitespace collapsed, stripped."""
    return _SPACES.sub(" ", _DASHES.sub("-", nfc(text))).strip()


def strip_marks(text: str) -> str:
    """Drop combining marks (diacritics) and map đ/Đ to d/D."""
    decomposed = unicodedata.normalize("NFD", text)
    out = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return out.replace("đ", "d").replace("Đ", "D")


def fold(text: str) -> str:
    """The search key: no diacritics, đ->d, lower case, single spaces."""
    if not text.isascii():
        text = _MARKS.sub("", unicodedata.normalize("NFC", _DASHES.sub("-", text)).translate(_FOLD_TABLE))
    else:
        text = text.lower()
    return _SPACES.sub(" ", text).strip()


def slugify(text: str, max_len: int = 80) -> str:
    """Lower-case ASCII words joined by hyphens; '&' dropped.

    >>> slugify("Trung tâm Xúc tiến Đầu tư, Thương mại, Du lịch")
    'trung-tam-xuc-tien-dau-tu-thuong-mai-du-lich'
    """
    s = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    if len(s) > max_len:
        s = s[:max_len].rsplit("-", 1)[0]
    return s or "x"


def has_marks(text: str) -> bool:
    """True when the text carries Vietnamese diacritics (or đ)."""
    return strip_marks(text) != text


class _FoldTable(dict):
    """A ``str.translate`` table that folds one character at a time, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        f = strip_marks(ch).lower()
        value = f[:1] if f else ch
        self[code] = value
        return value


_FOLD_TABLE = _FoldTable()


def fold_chars(text: str) -> str:
    """:func:`fold` character by character: same length as ``text``, so spans carry over.

    >>> fold_chars("Sở Nội vụ")
    'so noi vu'
    """
    return text.translate(_FOLD_TABLE)
