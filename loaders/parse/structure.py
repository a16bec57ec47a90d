"""The document tree: header, preamble, numbered sections and bullets, tables, recipients, signature.

Blocks keep their 1-based line span. Paragraphs split by a page break (a line
that starts in lower case after a blank) are joined back to the block they continue.

>>> from loaders.read.base import Text
>>> lines = ["KẾ HOẠCH", "Thử", "", "Căn cứ Luật A;", "", "I. MỤC ĐÍCH", "1. Mục đích",
...          "- Việc một tiếp", "", "tục ở trang sau.", "II. NỘI DUNG"]
>>> tree = parse_document(Text("x.md", lines, "markdown"))
>>> [b.text for b in tree.preamble]
['Căn cứ Luật A;']
>>> b = tree.find("I.1")
>>> b.children[0].text, b.children[0].line_end
('Việc một tiếp tục ở trang sau.', 10)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter

from rapidfuzz import fuzz

from graph.errors import ParseError
from graph.values.text import clean, fold
from loaders.parse.header import Header, _type_word, parse_header
from loaders.parse.lines import DEPTH, classify, clean_line, is_page_noise, is_upper_line, starts_lower
from loaders.parse.tables import Table, find_tables, split_row
from loaders.read.base import Text

_PREAMBLE = re.compile(
    r"^(can cu|thuc hien|xet de nghi|theo de nghi|tren co so|theo chi dao|de trien khai)\b"
)
_SIGN_MARKERS = re.compile(r"^(?P<m>t\s*/\s*m|tm|kt|tl|tuq|q)\s*[./]?\s+\S|^(?P<m2>tm|kt|tl|tuq|q)\.\S")
_POSITIONS = (
    "chu tich",
    "pho chu tich",
    "giam doc",
    "pho giam doc",
    "bi thu",
    "pho bi thu",
    "truong ban",
    "pho truong ban",
    "bo truong",
    "thu truong",
    "thu tuong",
    "pho thu tuong",
    "chanh van phong",
    "tong giam doc",
    "truong phong",
    "chanh thanh tra",
    "vien truong",
)


@dataclass
class Block:
    kind: str  # roman, article, arabic, dotted, letter, dash, plus, para
    label: str
    text: str
    line_start: int
    line_end: int
    path: str = ""  # "II.5", "IV.1.a" — the location label of numbered blocks
    part: int = 0  # 0 = the main document, 1.. = documents attached after it
    children: list[Block] = field(default_factory=list)
    offsets: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, line) where lines join

    def line_at(self, offset: int) -> int:
        """The source line of a character offset in ``text``."""
        k = bisect_right(self.offsets, offset, key=itemgetter(0))
        return self.offsets[k - 1][1] if k else self.line_start

    def join(self, text: str, lineno: int) -> None:
        """Append a continuation line (only the new line is cleaned: ``text`` is clean already)."""
        self.offsets.append((len(self.text) + 1, lineno))
        tail = clean(text)
        self.text = f"{self.text} {tail}" if self.text and tail else self.text or tail
        self.line_end = lineno

    @property
    def depth(self) -> int:
        return DEPTH[self.kind]

    def walk(self) -> Iterator[Block]:
        yield self
        for c in self.children:
            yield from c.walk()

    def full_text(self) -> str:
        """The block and everything under it, one line per block."""
        return "\n".join(b.text for b in self.walk())


@dataclass
class Signature:
    lines: list[tuple[int, str]]
    name: str | None
    name_line: int | None
    position: str | None
    authority: str | None  # "KT. Chủ tịch"
    on_behalf_of: str | None  # "TM. Ủy ban nhân dân"


@dataclass
class RecipientLine:
    text: str
    line: int
    raw: str


@dataclass
class DocumentTree:
    text: Text
    header: Header
    preamble: list[Block] = field(default_factory=list)
    sections: list[Block] = field(default_factory=list)  # top-level blocks of the body (tree)
    closing: list[Block] = field(default_factory=list)
    recipients_header: tuple[int, str] | None = None
    recipients: list[RecipientLine] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    appendix_titles: list[tuple[int, str]] = field(default_factory=list)
    attached_titles: list[tuple[int, str, str]] = field(default_factory=list)  # (line, type, title)

    def blocks(self) -> Iterator[Block]:
        for b in self.sections:
            yield from b.walk()

    def find(self, path: str) -> Block | None:
        return next((b for b in self.blocks() if b.path == path), None)


def _is_recipients_header(text: str) -> bool:
    f = fold(text).strip(" :*")
    if len(f) > 20 or (not text.rstrip().endswith(":") and f not in ("noi nhan",)):
        return False
    return fuzz.ratio(f[:8], "noi nhan") >= 75


def _is_signature_line(text: str) -> bool:
    f = fold(text)
    if _SIGN_MARKERS.match(f) and is_upper_line(text[:6]):
        return True
    return is_upper_line(text) and any(f == p or f.startswith(p + " ") for p in _POSITIONS) and len(f) < 70


#: A document with more table rows than this is refused (a real plan has hundreds): the tree of a
#: bigger table would cost memory out of proportion to any plan.
MAX_TABLE_ROWS = 50_000


def parse_document(text: Text) -> DocumentTree:
    lines = text.lines
    rows = sum(1 for line in lines if line.lstrip().startswith("|"))
    if rows > MAX_TABLE_ROWS:
        raise ParseError(
            f"the document has {rows:,} table rows, more than the limit of {MAX_TABLE_ROWS:,}",
            source=text.name,
        )
    header = parse_header(lines)
    tree = DocumentTree(text=text, header=header)
    tree.tables = find_tables(lines)
    table_lines = {
        ln
        for t in tree.tables
        for ln in range(t.line_start, t.line_end + 1)
        if split_row(lines[ln - 1]) is not None
    }
    start = max(header.end_line, header.title_span[1] if header.title_span else 0)

    flat: list[Block] = []
    part = 0
    in_recipients = False
    gap = False
    preamble_open = True
    i = start
    n = len(lines)
    while i < n:
        lineno = i + 1
        raw = lines[i]
        i += 1
        if lineno in table_lines:
            gap = True
            in_recipients = False
            continue
        t = clean_line(raw)
        if not t:
            gap = True
            continue
        if is_page_noise(t):
            continue
        f = fold(t)
        if _is_recipients_header(t):
            tree.recipients_header = (lineno, t)
            in_recipients = True
            continue
        if in_recipients:
            kind, _, rest = classify(t)
            if kind in ("dash", "plus") or (not gap and f.startswith("luu")):
                tree.recipients.append(RecipientLine(rest if kind in ("dash", "plus") else t, lineno, raw))
                gap = False
                continue
            in_recipients = False
        if _is_signature_line(t):
            _signature(tree, lines, i - 1)
            # skip the block: marker lines, blanks and the name line
            sig = tree.signatures[-1]
            i = max(i, (sig.name_line or sig.lines[-1][0]))
            gap = True
            continue
        if is_upper_line(t) and (f == "phu luc" or re.match(r"^phu luc\s+([ivx]+|\d+|so)\b", f)):
            title = [t]
            j = i
            while j < n:  # the appendix title: upper-case lines, then the caption "(Kèm theo ...)"
                nxt = clean_line(lines[j])
                if not nxt and len(title) == 1:
                    j += 1
                    continue
                if nxt and (is_upper_line(nxt) or "kem theo" in fold(nxt)) and j + 1 not in table_lines:
                    title.append(nxt)
                    j += 1
                    continue
                break
            tree.appendix_titles.append((lineno, clean(" ".join(title))))
            i = j
            part += 1
            preamble_open = False
            gap = True
            continue
        tw = _type_word(t)
        if tw and is_upper_line(t.split()[0]) and part == 0 and flat and lineno > start + 2 and len(t) < 60:
            # a document attached after the main one (a plan after its Quyết định)
            title = tw[1]
            j = i
            while j < n and clean_line(lines[j]) and len(title) < 300:
                nxt = clean_line(lines[j])
                if classify(nxt)[0] != "para" or "kem theo" in fold(nxt):
                    break
                title = clean(f"{title} {nxt}")
                j += 1
            tree.attached_titles.append((lineno, tw[0], title))
            part += 1
            i = j
            preamble_open = True
            gap = True
            continue
        kind, label, rest = classify(t)
        if (
            kind == "para"
            and flat
            and starts_lower(t)
            and flat[-1].kind != "table"
            and (gap or not flat[-1].text.rstrip().endswith((".", ":")))
        ):
            flat[-1].join(t, lineno)
            gap = False
            continue
        if (
            kind == "para"
            and flat
            and not gap
            and flat[-1].kind in ("para", "closing")
            and not _PREAMBLE.match(f)
        ):
            flat[-1].join(t, lineno)
            continue
        if kind == "para" and f.startswith(("tren day la", "tren day ")):
            kind = "closing"
        block = Block(kind, label, rest if kind != "para" else t, lineno, lineno, part=part)
        if kind == "para" and preamble_open and _PREAMBLE.match(f):
            tree.preamble.append(block)
            gap = False
            continue
        if kind in ("roman", "article") or (
            kind == "para" and f.rstrip(":") in ("quyet dinh", "chi thi", "nghi quyet")
        ):
            preamble_open = False
        if kind == "para" and f.rstrip(":") in ("quyet dinh", "chi thi", "nghi quyet", "yeu cau", "ket luan"):
            gap = True
            continue
        flat.append(block)
        gap = False

    tree.sections = _nest(flat)
    tree.closing = [b for b in tree.sections if b.kind == "closing"]
    return tree


def _nest(flat: list[Block]) -> list[Block]:
    roots: list[Block] = []
    stack: list[Block] = []
    current_part = 0
    for b in flat:
        if b.part != current_part:
            stack = []
            current_part = b.part
        while stack and stack[-1].depth >= b.depth:
            stack.pop()
        if stack:
            stack[-1].children.append(b)
        else:
            roots.append(b)
        stack.append(b)
        b.path = _path(stack)
    return roots


def _path(stack: list[Block]) -> str:
    labels = [s.label for s in stack if s.kind in ("roman", "article", "arabic", "dotted", "letter")]
    return ".".join(labels)


def _signature(tree: DocumentTree, lines: list[str], index: int) -> None:
    block: list[tuple[int, str]] = []
    name = name_line = None
    j = index
    blanks = 0
    while j < len(lines) and j < index + 14:
        t = clean_line(lines[j]).replace("✓", "").strip()
        if not t:
            blanks += 1
            j += 1
            continue
        if _is_signature_line(t) or (
            is_upper_line(t)
            and not block[-1:] == []
            and len(t) < 40
            and name is None
            and not re.match(r"^ph[uụ] l[uụ]c", fold(t))
        ):
            if fold(t).startswith("phu luc"):
                break
            block.append((j + 1, t))
            j += 1
            continue
        if _looks_like_name(t):
            name, name_line = t, j + 1
        break
    positions = [t for _, t in block if not _SIGN_MARKERS.match(fold(t))]
    markers = {}
    for _, t in block:
        mm = _SIGN_MARKERS.match(fold(t))
        if mm:
            markers[re.sub(r"[\s/]", "", mm.group("m") or mm.group("m2"))] = t
    tree.signatures.append(
        Signature(
            lines=block or [(index + 1, clean_line(lines[index]))],
            name=name,
            name_line=name_line,
            position=positions[-1] if positions else None,
            authority=next((v for k, v in markers.items() if k in ("kt", "tl", "tuq", "q")), None),
            on_behalf_of=next((v for k, v in markers.items() if k == "tm"), None),
        )
    )


def _looks_like_name(t: str) -> bool:
    words = t.replace("(", " ").replace(")", " ").split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in t):
        return False
    if fold(t).startswith(("da ky", "ky ten", "noi nhan")):
        return False
    return all(w[0].isupper() for w in words if w[0].isalpha())
