"""Copies of the loaded source texts, kept next to the store, so that evidence can link to its line.

The store keeps the extraction, not the file. Every answer's evidence names a document and a line
span; to show those lines, loading a document also keeps the text it was extracted from — the NFC
lines the readers produced, so line ``n`` here is line ``n`` of the evidence whatever the original
format (a .docx or .pdf becomes the same numbered lines extraction saw) — in a folder beside the
store: ``<store>.sources/<percent-encoded document id>.json``.

The copy is written (staged) before the document is loaded, and put in place by one ``os.replace``
only after the store committed the document: a copy that cannot be written fails the load before
the store changes; a load that fails leaves the old copy in place and no new one. An in-memory
store keeps no copies.

>>> import tempfile; from pathlib import Path
>>> from loaders.read.base import Text
>>> folder = Path(tempfile.mkdtemp()) / "store"
>>> staged = stage(folder, Text(name="/tmp/kh-94.md", lines=["KẾ HOẠCH", "Số 94/KH-UBND"], format="md"))
>>> staged.commit("vn/ubnd-ha-noi/kh/2022/94")
>>> src = read(folder, "vn/ubnd-ha-noi/kh/2022/94")
>>> src.name, src.lines[1]
('kh-94.md', 'Số 94/KH-UBND')
>>> remove(folder, "vn/ubnd-ha-noi/kh/2022/94"), read(folder, "vn/ubnd-ha-noi/kh/2022/94")
(True, None)
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from graph.errors import PlangraphError
from loaders.read.base import Text


@dataclass(frozen=True)
class SourceText:
    """A kept source: its document id, file name (no folder), format, SHA-256 of the file, lines."""

    id: str
    name: str
    format: str
    sha256: str
    lines: list[str]


def folder_of(store_path: str | Path) -> Path:
    """Where the copies of a store's sources live: ``<store>.sources`` beside it."""
    p = Path(store_path)
    return p.with_name(p.name + ".sources")


def path_of(store_path: str | Path, doc_id: str) -> Path:
    """The copy of one document (the id percent-encoded into one safe file name)."""
    return folder_of(store_path) / (quote(doc_id, safe="") + ".json")


class Staged:
    """A copy written to a temporary file, waiting for the load to succeed."""

    def __init__(self, store_path: Path | None, tmp: Path | None) -> None:
        self.store_path = store_path
        self.tmp = tmp

    def commit(self, doc_id: str) -> None:
        """Put the copy in place under the loaded document's id (atomic replace)."""
        if self.tmp is None or self.store_path is None:
            return
        os.replace(self.tmp, path_of(self.store_path, doc_id))
        self.tmp = None

    def discard(self) -> None:
        if self.tmp is not None:
            self.tmp.unlink(missing_ok=True)
            self.tmp = None


def stage(store_path: str | Path | None, text: Text) -> Staged:
    """Write ``text`` to a temporary file in the store's source folder (nothing for a memory store)."""
    if store_path is None:
        return Staged(None, None)
    folder = folder_of(store_path)
    record = {
        "name": Path(text.name).name,
        "format": text.format,
        "sha256": text.sha256,
        "lines": text.lines,
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".staged-", suffix=".json", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
    except OSError as exc:
        raise PlangraphError(f"cannot keep a copy of the source text: {exc.strerror or exc}") from None
    return Staged(Path(store_path), Path(name))


def read(store_path: str | Path | None, doc_id: str) -> SourceText | None:
    """The kept copy of a document's source text, or None (none kept, or unreadable)."""
    if store_path is None:
        return None
    path = path_of(store_path, doc_id)
    if path.parent != folder_of(store_path):  # pragma: no cover - quote() leaves no separator
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return SourceText(
            id=doc_id,
            name=str(data.get("name") or ""),
            format=str(data.get("format") or ""),
            sha256=str(data.get("sha256") or ""),
            lines=[str(x) for x in data["lines"]],
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def has(store_path: str | Path | None, doc_id: str) -> bool:
    """True when a copy of the document's source text is kept."""
    return store_path is not None and path_of(store_path, doc_id).is_file()


def remove(store_path: str | Path | None, doc_id: str) -> bool:
    """Forget a document's copy (when the document is deleted); True if there was one."""
    if store_path is None:
        return False
    try:
        path_of(store_path, doc_id).unlink()
    except FileNotFoundError:
        return False
    return True
