"""Corpus loading: files and folders into the store, one document (one transaction) at a time.

A file that fails is reported and skipped; the good ones are still loaded.
Re-loading a document replaces its named graph; re-loading identical content
writes nothing (idempotent).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import ParseError, PlangraphError
from loaders import sources
from loaders.extract import extract_text
from loaders.read import FORMATS, read_bytes, read_file
from loaders.read.base import Text
from ontology.store import GraphStore, LoadResult

#: Called after each file: (path, result or None, error message or None).
OnFile = Callable[[Path, LoadResult | None, str | None], None]


@dataclass
class LoadReport:
    loaded: int = 0
    unchanged: int = 0
    failed: int = 0
    documents: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, path: Path, result: LoadResult | None, error: str | None) -> None:
        if error is not None or result is None:
            self.failed += 1
            self.errors.append(error or f"{path}: failed")
            return
        self.documents.append(result.id)
        if result.changed:
            self.loaded += 1
        else:
            self.unchanged += 1

    def summary(self) -> str:
        """One line: 'loaded 3 document(s) (1 unchanged), 1 failed'."""
        done = self.loaded + self.unchanged
        unchanged = f" ({self.unchanged} unchanged)" if self.unchanged else ""
        return f"loaded {done} document(s){unchanged}, {self.failed} failed"


def iter_files(paths: Iterable[Path]) -> list[Path]:
    """Files to load: the files named, and every known format under the folders named (sorted)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS)
        else:
            out.append(path)
    return out


def load_text(store: GraphStore, text: Text) -> LoadResult:
    """Extract a read document and load it (one transaction), keeping a copy of its text beside an
    on-disk store so that evidence can link to its lines (see :mod:`loaders.sources`)."""
    extraction = extract_text(text)
    staged = sources.stage(store.path, text)
    try:
        result = store.load_extraction(extraction)
        staged.commit(result.id)
    finally:
        staged.discard()
    return result


def load_file(store: GraphStore, path: Path) -> LoadResult:
    """Extract one file and load it (one transaction)."""
    return load_text(store, read_file(path))


def load_bytes(store: GraphStore, data: bytes, *, name: str) -> LoadResult:
    """Extract an uploaded document and load it (the API's ``POST /documents``)."""
    return load_text(store, read_bytes(data, name=name))


def load_paths(store: GraphStore, paths: Iterable[Path], *, on_file: OnFile | None = None) -> LoadReport:
    """Load every file under ``paths``; a failing file is reported, the others still load."""
    paths = list(paths)
    files = iter_files(paths)
    if not files:
        raise ParseError("no documents found", source=", ".join(str(p) for p in paths))
    report = LoadReport()
    try:
        for path in files:
            result, error = None, None
            try:
                result = load_file(store, path)
            except PlangraphError as exc:
                error = str(exc)
            report.add(path, result, error)
            if on_file is not None:
                on_file(path, result, error)
    finally:
        store.flush()
    return report
