"""The property every document must have, and the mutations and renderings the fuzz tests apply.

Property: reading and extracting a file either gives an :class:`Extraction` that is sound — its JSON
round-trips, ids are unique per kind, every source span lies inside the document, and its RDF loads
into a fresh pyoxigraph store — or raises :class:`ParseError` with a one-line message. Any other
exception, or a hang (a watchdog ends the process), is a bug.
"""

from __future__ import annotations

import faulthandler
import html
import os
from pathlib import Path

import pyoxigraph as ox

from graph.errors import ParseError
from graph.model import Extraction
from loaders.extract import extract_bytes
from ontology.iris import Iris
from ontology.mapping import document_graph

ROOT = Path(__file__).resolve().parents[2]
SEEDS = {p.name: p.read_text(encoding="utf-8") for p in [ROOT / "examples" / "ke-hoach-94-2022.md"]}
SEEDS.update(
    {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/loaders/corpus").glob("*.md"))}
)

#: Examples per fuzz test; raise it for a long run: PLANGRAPH_FUZZ_EXAMPLES=5000 pytest tests/reliability
EXAMPLES = int(os.environ.get("PLANGRAPH_FUZZ_EXAMPLES", "60"))
#: Seconds one example may take before the watchdog dumps the stacks and ends the run.
WATCHDOG_S = 60

_KINDS = (
    "tasks",
    "responsibilities",
    "cited_documents",
    "agencies",
    "collectives",
    "reporting",
    "anniversaries",
)


def check(data: bytes, name: str) -> Extraction | None:
    """Extract ``data`` and assert the property; returns the extraction, or None after a ParseError."""
    faulthandler.dump_traceback_later(WATCHDOG_S, exit=True)
    try:
        try:
            ex = extract_bytes(data, name=name)
        except ParseError as exc:
            message = str(exc)
            assert message and "\n" not in message and "\r" not in message, repr(message)
            return None
        assert_sound(ex)
        return ex
    finally:
        faulthandler.cancel_dump_traceback_later()


def assert_sound(ex: Extraction) -> None:
    assert Extraction.from_json(ex.to_json()).to_json() == ex.to_json()
    for kind in _KINDS:
        ids = [item.id for item in getattr(ex, kind)]
        assert len(ids) == len(set(ids)), (
            f"duplicate {kind} ids: {sorted(i for i in ids if ids.count(i) > 1)}"
        )
    n = ex.source_file.lines
    for where, span in _spans(ex.model_dump()):
        assert 1 <= span["line_start"] <= span["line_end"] <= n, f"{where}: {span} outside 1..{n}"
    dg = document_graph(ex, Iris())
    store = ox.Store()
    store.load(dg.ntriples().encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    assert len(store) == len(set(dg.lines))


def _spans(value, where: str = ""):
    if isinstance(value, dict):
        if "line_start" in value and "line_end" in value:
            yield where, value
        for k, v in value.items():
            yield from _spans(v, f"{where}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _spans(v, f"{where}[{i}]")


# -- mutations of a document's lines ----------------------------------------------------------------
OPS = (
    "delete",
    "duplicate",
    "swap",
    "split",
    "join",
    "corrupt",
    "drop_pipe",
    "add_pipe",
    "drop_cell",
    "swap_cells",
)


def mutate(lines: list[str], op: str, i: int, j: int, ch: str) -> list[str]:
    """Apply one mutation at line ``i`` (``j`` a second position, ``ch`` a character)."""
    if not lines:
        return [ch]
    lines = list(lines)
    i, j = i % len(lines), j % len(lines)
    line = lines[i]
    if op == "delete":
        del lines[i]
    elif op == "duplicate":
        lines.insert(i, line)
    elif op == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif op == "split":
        k = j % (len(line) + 1)
        lines[i : i + 1] = [line[:k], line[k:]]
    elif op == "join" and i + 1 < len(lines):
        lines[i : i + 2] = [line + lines[i + 1]]
    elif op == "corrupt" and line:
        k = j % len(line)
        lines[i] = line[:k] + ch + line[k + 1 :]
    elif op in ("drop_pipe", "add_pipe", "drop_cell", "swap_cells") and "|" in line:
        cells = line.split("|")
        k = j % len(cells)
        if op == "drop_pipe":
            pipes = [p for p, c in enumerate(line) if c == "|"]
            p = pipes[j % len(pipes)]
            lines[i] = line[:p] + line[p + 1 :]
        elif op == "add_pipe":
            p = j % (len(line) + 1)
            lines[i] = line[:p] + "|" + line[p:]
        elif op == "drop_cell":
            lines[i] = "|".join(cells[:k] + cells[k + 1 :])
        else:
            m = (k + 1) % len(cells)
            cells[k], cells[m] = cells[m], cells[k]
            lines[i] = "|".join(cells)
    return lines


def to_html(lines: list[str]) -> str:
    """The document as a web page: Markdown table rows as a table, other lines as paragraphs."""
    out = ["<html><head><title>Văn bản</title></head><body>"]
    rows: list[str] = []

    def flush() -> None:
        if rows:
            out.append("<table>" + "".join(rows) + "</table>")
            rows.clear()

    for line in lines:
        if line.lstrip().startswith("|"):
            cells = line.strip().strip("|").split("|")
            if not all(set(c.strip()) <= set("-: ") for c in cells):
                rows.append("<tr>" + "".join(f"<td>{html.escape(c.strip())}</td>" for c in cells) + "</tr>")
        else:
            flush()
            out.append(f"<p>{html.escape(line)}</p>")
    flush()
    out.append("</body></html>")
    return "\n".join(out)
