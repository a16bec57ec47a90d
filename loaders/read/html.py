"""HTML (a saved web page of a legal-document site): text lines, tables as Markdown rows.

>>> t = read_html("<p>KẾ HOẠCH</p><table><tr><th>TT</th><th>Nội dung</th></tr>"
...               "<tr><td>1</td><td>Việc &amp; làm</td></tr></table>".encode(), name="x.html")
>>> t.lines
['KẾ HOẠCH', '| TT | Nội dung |', '|---|---|', '| 1 | Việc & làm |']
"""

from __future__ import annotations

from html.parser import HTMLParser

from graph.values.text import clean
from loaders.read.base import Text, decode, make_text

_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "hr",
    "title",
}
_SKIP = {"script", "style", "noscript", "template", "svg", "head"}


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.skip = 0
        self.table: list[list[str]] | None = None
        self.row: list[str] | None = None
        self.cell: list[str] | None = None

    def _flush(self) -> None:
        text = clean(" ".join(self.buf))
        if text:
            self.lines.append(text)
        self.buf = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag == "table" and self.table is None:
            self._flush()
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag in _BLOCKS and self.cell is None:
            self._flush()

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(clean(" ".join(self.cell)).replace("|", "/"))
            self.cell = None
        elif tag == "tr" and self.table is not None and self.row is not None:
            if any(self.row):
                self.table.append(self.row)
            self.row = None
        elif tag == "table" and self.table is not None:
            self._emit_table()
        elif tag in _BLOCKS and self.cell is None:
            self._flush()

    def handle_data(self, data):
        if self.skip:
            return
        (self.cell if self.cell is not None else self.buf).append(data)

    def _emit_table(self) -> None:
        rows, self.table = self.table or [], None
        if not rows:
            return
        width = max(len(r) for r in rows)
        for i, r in enumerate(rows):
            self.lines.append("| " + " | ".join(r + [""] * (width - len(r))) + " |")
            if i == 0:
                self.lines.append("|" + "---|" * width)

    def close(self):
        super().close()
        if self.table is not None:
            self._emit_table()
        self._flush()


def read_html(data: bytes, *, name: str) -> Text:
    parser = _Lines()
    parser.feed(decode(data, name=name))
    parser.close()
    return make_text("\n".join(parser.lines), name=name, fmt="html", data=data)
