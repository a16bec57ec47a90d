"""Property-graph exports of the store: CSV files for ``neo4j-admin database import`` and a Cypher script.

Both are the projection of :mod:`loaders.neo4j.model` (read from the RDF),
merged over all documents, so they hold what ``plangraph push neo4j`` writes.
Output is deterministic: files, rows, columns and statements are sorted.

- ``neo4j-csv``: one node file per primary label (``nodes_Task.csv``, header
  ``iri:ID,:LABEL,...``) and one relationship file per type (``rels_LEAD.csv``,
  ``:START_ID,:END_ID,:TYPE,...``); typed columns (``:int``, ``:boolean``,
  ``:date``, ``:string[]`` with ``;`` between array items), plus ``schema.cypher``
  (constraints and indexes, for after the import) and the exact import command.
- ``cypher``: a standalone script for ``cypher-shell -f``: constraints and
  indexes, then per document the statements of a push with their parameters
  written as Cypher literals (:func:`loaders.neo4j.cypher.literal`).

>>> sorted(FORMATS)
['cypher', 'neo4j-csv']
>>> header("alt_labels"), header("line_start"), header("name_vi")
('alt_labels:string[]', 'line_start:int', 'name_vi')
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import InvalidInput

FORMATS = {"neo4j-csv": "a folder of CSV files for neo4j-admin", "cypher": "a Cypher script for cypher-shell"}

#: Array delimiters, in order of preference: the first that no array item contains is used.
ARRAY_DELIMITERS = (";", "|", "¦")
SCRIPT_BATCH = 500


def header(key: str) -> str:
    """A CSV column header: the key, with its type unless it is a string."""
    from loaders.neo4j.schema import KINDS

    kind = KINDS.get(key, "string")
    return key if kind == "string" else f"{key}:{kind}"


def _cell(value: Any, delimiter: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return delimiter.join(str(v) for v in value)
    return str(value)


def _array_delimiter(items: list[Any]) -> str:
    values = [v for item in items for p in item.props.values() if isinstance(p, list) for v in p]
    for candidate in ARRAY_DELIMITERS:
        if not any(candidate in v for v in values):
            return candidate
    raise InvalidInput(f"every array delimiter ({' '.join(ARRAY_DELIMITERS)}) occurs in the data")


def _table(columns: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buf.getvalue()


@dataclass(frozen=True)
class CsvExport:
    """The files of a neo4j-admin import (name -> content) and how to run it."""

    files: dict[str, str]
    array_delimiter: str
    nodes: int
    relationships: int

    @property
    def node_files(self) -> list[str]:
        return sorted(f for f in self.files if f.startswith("nodes_"))

    @property
    def relationship_files(self) -> list[str]:
        return sorted(f for f in self.files if f.startswith("rels_"))

    def command(self, directory: str, database: str = "neo4j") -> str:
        """The exact ``neo4j-admin database import full`` command (Neo4j 5) for files in ``directory``."""
        base = directory.rstrip("/") or "."
        parts = [
            "neo4j-admin database import full",
            "--overwrite-destination",
            f"--array-delimiter={shlex.quote(self.array_delimiter)}",
            "--multiline-fields=true",
            *(f"--nodes={shlex.quote(f'{base}/{f}')}" for f in self.node_files),
            *(f"--relationships={shlex.quote(f'{base}/{f}')}" for f in self.relationship_files),
            shlex.quote(database),
        ]
        return " \\\n  ".join(parts)


def csv_export(store: Any) -> CsvExport:
    """The whole store as neo4j-admin import files (in memory; see :func:`write_csv`)."""
    from loaders.neo4j.cypher import schema
    from loaders.neo4j.model import merge, project_store

    nodes, rels = merge(project_store(store))
    delimiter = _array_delimiter([*nodes, *rels])
    files: dict[str, str] = {}
    by_label: dict[str, list] = {}
    for n in nodes:
        by_label.setdefault(n.primary, []).append(n)
    for label, group in by_label.items():
        keys = sorted({k for n in group for k in n.props})
        columns = ["iri:ID", ":LABEL", *(header(k) for k in keys)]
        rows = [
            [n.iri, delimiter.join(n.labels), *(_cell(n.props.get(k), delimiter) for k in keys)]
            for n in group
        ]
        files[f"nodes_{label}.csv"] = _table(columns, rows)
    by_type: dict[str, list] = {}
    for r in rels:
        by_type.setdefault(r.type, []).append(r)
    for rel_type, group in by_type.items():
        keys = sorted({k for r in group for k in r.props})
        columns = [":START_ID", ":END_ID", ":TYPE", *(header(k) for k in keys)]
        rows = [[r.start, r.end, r.type, *(_cell(r.props.get(k), delimiter) for k in keys)] for r in group]
        files[f"rels_{rel_type}.csv"] = _table(columns, rows)
    files["schema.cypher"] = "".join(f"{s};\n" for s in schema())
    return CsvExport(dict(sorted(files.items())), delimiter, len(nodes), len(rels))


def write_csv(store: Any, directory: str | Path) -> CsvExport:
    """Write the import files into ``directory`` (created if needed; plangraph's files replaced)."""
    export = csv_export(store)
    path = Path(directory)
    if path.exists() and not path.is_dir():
        raise InvalidInput(f"{path} is not a folder (neo4j-csv writes a folder of files)")
    path.mkdir(parents=True, exist_ok=True)
    for old in [*path.glob("nodes_*.csv"), *path.glob("rels_*.csv")]:
        old.unlink()
    for name, content in export.files.items():
        (path / name).write_text(content, encoding="utf-8")
    return export


def script_statements(store: Any, batch_size: int = SCRIPT_BATCH) -> list[str]:
    """The statements of the Cypher script, values inlined as literals."""
    from loaders.neo4j.model import project_store
    from loaders.neo4j.statements import document_statements, schema_statements

    out = [s.inline() for s in schema_statements()]
    for doc in project_store(store):
        out.extend(s.inline() for s in document_statements(doc, batch_size))
    return out


def cypher_script(store: Any, batch_size: int = SCRIPT_BATCH) -> bytes:
    """A standalone script: constraints and indexes, then each document replaced (idempotent)."""
    statements = script_statements(store, batch_size)
    head = (
        "// plangraph: the property graph of the store (see docs/neo4j.md).\n"
        "// Run: cypher-shell -a bolt://localhost:7687 -u neo4j -p PASSWORD -f THIS_FILE\n"
    )
    return (head + "".join(f"{s};\n" for s in statements)).encode("utf-8")
