"""Corpus loading: files and folders into the store, one document at a time.

A file that fails is reported and skipped; the good ones are still loaded.
Re-loading a document replaces its named graph (idempotent).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import ParseError, PlangraphError
from loaders.extract import extract_file
from loaders.read import FORMATS
from ontology.store import GraphStore


@dataclass
class LoadReport:
    loaded: int = 0
    failed: int = 0
    documents: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to load: the files named, and every known format under the folders named (sorted)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS)
        else:
            yield path


def load_paths(
    store: GraphStore, paths: Iterable[Path], *, echo: Callable[[str], None] = print
) -> LoadReport:
    report = LoadReport()
    files = list(iter_files(paths))
    if not files:
        raise ParseError("no documents found", source=", ".join(str(p) for p in paths))
    for path in files:
        try:
            extraction = extract_file(path)
            n = store.load_extraction(extraction)
        except PlangraphError as exc:
            report.failed += 1
            report.errors.append(str(exc))
            echo(f"failed: {exc}")
            continue
        report.loaded += 1
        report.documents.append(extraction.document.id)
        echo(f"loaded {path} as {extraction.document.id} ({n} triples)")
    return report
