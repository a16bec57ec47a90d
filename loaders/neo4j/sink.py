"""The Neo4j sink: ``write(document)`` per document, ``finalize()`` for the report.

The driver is injected (anything with the ``neo4j`` driver's ``session()``,
``run``, ``execute_read`` and ``execute_write``), so tests pass a recording
driver and the CLI a real one. What it does:

1. once, before the first document: constraints and indexes (``IF NOT EXISTS``);
2. per document: read the content hash of the version Neo4j holds; when it is
   the store's, skip the document (re-pushing writes nothing); otherwise run
   :func:`.statements.document_statements` in ONE write transaction: delete the
   document's own nodes and the plan's statements, MERGE its nodes and
   relationships in ``UNWIND $rows`` batches. Each batch returns how many rows
   it wrote; fewer than sent (a relationship end that does not exist) fails the
   transaction, so a document is written whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.errors import NotFound, PlangraphError
from loaders.neo4j.connect import one_line
from loaders.neo4j.model import DocumentProjection
from loaders.neo4j.statements import (
    DEFAULT_BATCH,
    Statement,
    document_statements,
    hash_statement,
    schema_statements,
)
from loaders.push_report import PushReport as BasePushReport


class PushFailed(PlangraphError):
    """A document could not be written (its transaction was rolled back)."""


@dataclass
class PushReport(BasePushReport):
    """What a push did, document by document."""

    statements: int = 0
    rows: int = 0

    def _volume(self) -> str:
        return f"{self.statements} statements, {self.rows} rows"


def _run(tx: Any, stmt: Statement) -> None:
    result = tx.run(stmt.text, stmt.params)
    if "rows" not in stmt.params:
        result.consume()
        return
    record = result.single()
    written = record["written"] if record is not None else 0
    if written != stmt.rows:
        raise PushFailed(f"{stmt.name}: wrote {written} of {stmt.rows} rows (a relationship end is missing)")


class Neo4jSink:
    """Writes document projections to Neo4j through an injected driver."""

    def __init__(
        self,
        driver: Any,
        *,
        database: str | None = None,
        batch_size: int = DEFAULT_BATCH,
        force: bool = False,
    ) -> None:
        self.driver = driver
        self.database = database
        self.batch_size = batch_size
        self.force = force
        self.report = PushReport()
        self._schema_done = False

    def _session(self):
        return self.driver.session(database=self.database) if self.database else self.driver.session()

    def ensure_schema(self) -> None:
        """Constraints and indexes, each in its own auto-commit transaction (schema and data never mix)."""
        if self._schema_done:
            return
        with self._session() as session:
            for stmt in schema_statements():
                session.run(stmt.text).consume()
                self.report.statements += 1
        self._schema_done = True

    def write(self, doc: DocumentProjection) -> str:
        """Push one document in one transaction; returns 'written' or 'unchanged'."""
        self.ensure_schema()
        statements = document_statements(doc, self.batch_size)
        with self._session() as session:
            if not self.force and doc.content_hash is not None:
                check = hash_statement(doc)
                stored = session.execute_read(lambda tx: tx.run(check.text, check.params).single())
                self.report.statements += 1
                if stored is not None and stored["content_hash"] == doc.content_hash:
                    self.report.unchanged.append(doc.key)
                    return "unchanged"

            def work(tx: Any) -> None:
                for stmt in statements:
                    _run(tx, stmt)

            session.execute_write(work)
        self.report.written.append(doc.key)
        self.report.statements += len(statements)
        self.report.rows += sum(s.rows for s in statements)
        return "written"

    def fail(self, key: str, exc: BaseException) -> None:
        self.report.failed.append((key, one_line(exc)))

    def finalize(self) -> PushReport:
        return self.report


def _errors() -> tuple[tuple[type[BaseException], ...], tuple[type[BaseException], ...]]:
    """(errors that fail one document, errors that stop the push: the server is gone)."""
    from neo4j import exceptions as ne

    fatal = (ne.ServiceUnavailable, ne.SessionExpired, ne.AuthError)
    return (ne.Neo4jError, ne.DriverError, PushFailed), fatal


def push(
    store: Any,
    driver: Any,
    *,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH,
    force: bool = False,
    keys: list[str] | None = None,
    progress: Any = None,
) -> PushReport:
    """Push every document of the store (or ``keys``), sorted by key, one transaction each.

    A document that fails is reported and the push goes on with the next one,
    unless the server is gone (then the rest are reported as not attempted).
    """
    from loaders.neo4j.model import document_projection

    per_document, fatal = _errors()
    sink = Neo4jSink(driver, database=database, batch_size=batch_size, force=force)
    try:
        sink.ensure_schema()
    except per_document as exc:
        raise PlangraphError(f"cannot create the constraints and indexes: {one_line(exc)}") from exc
    all_keys = sorted(keys) if keys is not None else [d.id for d in store.documents()]
    for key in all_keys:
        if not store.has_document(key):
            raise NotFound(f"no document '{key}' in the store")
    for i, key in enumerate(all_keys):
        try:
            outcome = sink.write(document_projection(store, key))
        except per_document as exc:
            sink.fail(key, exc)
            if isinstance(exc, fatal):
                sink.report.not_attempted.extend(all_keys[i + 1 :])
                break
            outcome = "failed"
        if progress is not None:
            progress(key, outcome)
    return sink.finalize()
