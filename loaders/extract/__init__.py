"""Extraction: a document -> :class:`graph.model.Extraction` (the extraction contract).

    read (Text) -> parse (DocumentTree) -> plan identity -> citations, agencies, tasks,
    responsibilities, reporting duties, anniversaries, recipients — every item with its source span.

>>> ex = extract_file("examples/ke-hoach-94-2022.md")
>>> ex.document.full_symbol, ex.document.issuer, len(ex.tasks)
('94/KH-UBND', 'Ủy ban nhân dân thành phố Hà Nội', 54)
"""

from __future__ import annotations

import re
from pathlib import Path

from graph.errors import ParseError
from graph.model import Extraction, Recipient, SourceFile, SourceSpan
from graph.values.text import clean, fold
from loaders.extract.agencies import AgencyBook
from loaders.extract.citations import CitationFinder
from loaders.extract.duties import reporting_duties, responsibilities
from loaders.extract.events import find_events
from loaders.extract.plan import build_plan, detect_jurisdiction
from loaders.extract.tasks import prose_tasks, table_tasks, task_columns
from loaders.parse.structure import DocumentTree, parse_document
from loaders.read import Text, read_bytes, read_file

__all__ = ["extract_bytes", "extract_file", "extract_text", "extract_tree"]


def extract_file(path: str | Path) -> Extraction:
    return extract_text(read_file(path))


def extract_bytes(data: bytes, *, name: str) -> Extraction:
    return extract_text(read_bytes(data, name=name))


def extract_text(text: Text) -> Extraction:
    try:
        tree = parse_document(text)
    except RecursionError:
        raise ParseError("the document nests too deeply to parse", source=text.name) from None
    return extract_tree(tree)


def _looks_like_plan(tree: DocumentTree) -> bool:
    h = tree.header
    return bool(
        h.doc_type
        or h.symbol_text
        or h.caption
        or h.metadata.get("symbol")
        or tree.preamble
        or any(t.rows and task_columns(t) for t in tree.tables)
    ) and (len(tree.sections) + len(tree.tables) > 0 or h.has_block)


def extract_tree(tree: DocumentTree) -> Extraction:
    text = tree.text
    if not _looks_like_plan(tree):
        raise ParseError(
            "not a plan: no document header, number, preamble or task table found", source=text.name
        )
    warnings: list[str] = []
    jurisdiction = detect_jurisdiction(tree)
    if jurisdiction == "vn":
        warnings.append("no province or city found: local bodies are resolved as national")
    book = AgencyBook(jurisdiction)
    plan = build_plan(tree, book, warnings)
    own = {plan.full_symbol} if plan.full_symbol else set()
    if tree.header.caption:
        own.add(tree.header.caption[2])
    cites = CitationFinder(
        book, plan_title=plan.title, own_symbols=own, plan_type=plan.doc_type, plan_year=plan.year
    )

    if plan.title:
        cites.scan(plan.title, "title", plan.source.line_start, plan.source.line_end)
    preamble_ids: list[str] = []
    for b in tree.preamble:
        preamble_ids += cites.scan(
            b.text, "preamble", b.line_start, b.line_end, preamble=True, line_at=b.line_at
        )
        book.mentions(b.text, b.line_start)

    tasks = table_tasks(tree, book, cites, plan.year, warnings)
    if not tasks:
        tasks = prose_tasks(tree, book, cites, plan.year)

    resp = responsibilities(tree, book, cites)
    resp_lines = {ln for r in resp for ln in range(r.source.line_start, r.source.line_end + 1)}
    anniversaries = []
    for b in tree.blocks():
        location = "closing" if b.kind == "closing" else (_location(b) or "body")
        if not (b.line_start in resp_lines and b.kind in ("dash", "plus")):
            cites.scan(b.text, location, b.line_start, b.line_end, line_at=b.line_at)
        book.mentions(b.text, b.line_start)
        anniversaries.extend(find_events(b.text, location, b.line_start, plan.year))
    for t in tasks:
        if t.origin == "table":
            anniversaries.extend(find_events(t.content, f"appendix {t.id}", t.source.line_start, plan.year))
    reporting = reporting_duties(tree, book, resp, tasks, plan.year)
    recipients = _recipients(tree, book)

    renames = cites.finalize()
    # the legal bases: documents the preamble cites itself (not those named inside their titles)
    legal_bases = list(dict.fromkeys(renames.get(x, x) for x in preamble_ids))
    legal_bases = [x for x in legal_bases if cites.documents[x].in_preamble]
    if renames:
        for item in (*tasks, *resp):
            item.cites = [renames.get(x, x) for x in item.cites]
    agencies, groups = book.results()
    docs = sorted(cites.documents.values(), key=lambda d: d.source.line_start)
    seen: set[str] = set()
    anniversaries = [a for a in anniversaries if not (a.id in seen or seen.add(a.id))]
    return Extraction(
        document=plan,
        legal_bases=legal_bases,
        cited_documents=docs,
        agencies=agencies,
        collectives=groups,
        tasks=tasks,
        responsibilities=resp,
        reporting=reporting,
        anniversaries=anniversaries,
        recipients=recipients,
        warnings=warnings,
        source_file=SourceFile(name=text.name, sha256=text.sha256, format=text.format, lines=len(text.lines)),
    )


def _location(b) -> str:
    """'I.1', 'II.5', 'IV.3': the first two levels of a block's path."""
    parts = b.path.split(".") if b.path else []
    return ".".join(parts[:2])


def _recipients(tree: DocumentTree, book: AgencyBook) -> list[Recipient]:
    out = []
    for r in tree.recipients:
        text = clean(r.text).rstrip(" ;.")
        text = re.sub(r"\s+\*?\w\*?$", "", text) if re.search(r"\s\*\w\*$", r.raw) else text
        archive = fold(text).startswith("luu")
        body = text.split(":", 1)[1] if archive and ":" in text else text
        refs = [] if archive else book.cell(body, r.line)
        if not refs and not archive:
            refs = book.mentions(body, r.line)[0]
        out.append(
            Recipient(
                as_written=text,
                refs=refs,
                kind="archive" if archive else "recipient",
                source=SourceSpan(line_start=r.line, line_end=r.line, quote=clean(r.raw)),
            )
        )
    return out
