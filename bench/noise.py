"""OCR-style noise, at rates the caller sets, applied to what a scan damages.

Three kinds of text, three rates:

- prose (``rate``, per word): the diacritics of a word dropped ("hoạt động" -> "hoat động"),
  Đ read as D ("Đài" -> "Dài"), a tone mark read as another ("Tiến" -> "Tiền"), or, in words
  of four letters or more, two adjacent letters swapped ("thông" -> "thôgn");
- names of agencies and structural words (``name_rate``, per name): one word loses its diacritics,
  its Đ or a tone mark — never letters, which a reader of a real scan would not accept either;
- document symbols (``symbol_rate``, per symbol): "NĐ-CP" read as "ND-CP" or with an Icelandic eth
  ("NÐ-CP"), or spaces around the hyphen ("NĐ - CP").

Numbers, dates, table markup and row labels are never damaged. The noise stream has its own
random generator, so a noisy corpus is the noise-free one plus noise, word for word.
"""

from __future__ import annotations

import random
import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]+")
_TONES = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")


def strip_marks(word: str) -> str:
    s = unicodedata.normalize("NFD", word).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def _retone(rng: random.Random, word: str) -> str:
    s = unicodedata.normalize("NFD", word)
    tones = [i for i, c in enumerate(s) if c in _TONES]
    if not tones:
        return strip_marks(word)
    i = rng.choice(tones)
    other = rng.choice([t for t in (*_TONES, "") if t != s[i]])
    s = s[:i] + s[i + 1 :]
    j = i  # the new tone goes after the other marks of its letter ("ầ" is a + circumflex + grave)
    while j < len(s) and unicodedata.category(s[j]) == "Mn":
        j += 1
    return unicodedata.normalize("NFC", s[:j] + other + s[j:])


def _damage(rng: random.Random, word: str, *, letters: bool) -> str:
    r = rng.random()
    if "Đ" in word and r < 0.5:
        return word.replace("Đ", "D", 1)
    if letters and len(word) >= 4 and r < 0.2:
        i = rng.randrange(1, len(word) - 2)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if r < 0.6:
        return strip_marks(word)
    return _retone(rng, word)


class Noise:
    """Damages text at the configured rates; all rates 0 returns text unchanged."""

    def __init__(self, rng: random.Random, rate: float, name_rate: float, symbol_rate: float) -> None:
        self.rng = rng
        self.rate = rate
        self.name_rate = name_rate
        self.symbol_rate = symbol_rate
        self.count = {"prose": 0, "name": 0, "symbol": 0}

    def prose(self, text: str) -> str:
        if self.rate <= 0:
            return text
        rng, rate = self.rng, self.rate

        def sub(m: re.Match[str]) -> str:
            w = m.group(0)
            if len(w) < 2 or rng.random() >= rate or w.isupper():
                return w
            self.count["prose"] += 1
            return _damage(rng, w, letters=True)

        return _WORD.sub(sub, text)

    def name(self, text: str) -> str:
        if self.name_rate <= 0 or self.rng.random() >= self.name_rate:
            return text
        words = [
            m for m in _WORD.finditer(text) if len(m.group(0)) >= 2 and strip_marks(m.group(0)) != m.group(0)
        ]
        if not words:
            return text
        m = self.rng.choice(words)
        self.count["name"] += 1
        return text[: m.start()] + _damage(self.rng, m.group(0), letters=False) + text[m.end() :]

    def symbol(self, text: str) -> str:
        if self.symbol_rate <= 0 or self.rng.random() >= self.symbol_rate:
            return text
        r = self.rng.random()
        if "Đ" in text and r < 0.4:
            out = text.replace("Đ", "D", 1)
        elif "Đ" in text and r < 0.7:
            out = text.replace("Đ", "Ð", 1)
        elif "-" in text:
            out = text.replace("-", " - ", 1)
        else:
            return text
        self.count["symbol"] += 1
        return out
