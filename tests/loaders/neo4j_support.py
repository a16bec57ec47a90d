"""Test helpers for the Neo4j sink: a recording driver and Neo4j's own Cypher grammar.

``RecordingDriver`` stands in for ``neo4j.Driver``: it records every
(query, parameters) a session or transaction runs, answers from a script of
results, and can fail on a chosen statement, so tests assert the exact
statements without a server.

``lint(queries)`` syntax-checks Cypher with ``@neo4j-cypher/language-support``
run by Node.js (``.ci/cypher-lint``); without node/npm the calling test skips
with the reason.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.conftest import ROOT

LINT_DIR = ROOT / ".ci" / "cypher-lint"


# -- the recording driver --------------------------------------------------------------------
class FakeRecord(dict):
    """A record: ``record["key"]`` like the driver's."""


class FakeResult:
    def __init__(self, records: list[dict[str, Any]]):
        self._records = [FakeRecord(r) for r in records]

    def single(self):
        return self._records[0] if self._records else None

    def consume(self):
        return None

    def __iter__(self):
        return iter(self._records)


@dataclass
class Call:
    kind: str  # "auto" (session.run), "read" or "write" (inside a managed transaction)
    query: str
    params: dict[str, Any]
    tx: int


@dataclass
class RecordingDriver:
    """Records (query, parameters); ``answer(query, params)`` returns the records of a query.

    By default every ``UNWIND $rows`` statement answers ``written = len(rows)``, reads of the
    stored hash answer nothing. ``fail_on(query, params)`` returning an exception raises it.
    """

    answer: Callable[[str, dict[str, Any]], list[dict[str, Any]] | None] | None = None
    fail_on: Callable[[str, dict[str, Any]], BaseException | None] | None = None
    calls: list[Call] = field(default_factory=list)
    committed: list[int] = field(default_factory=list)
    rolled_back: list[int] = field(default_factory=list)
    databases: list[str | None] = field(default_factory=list)
    closed: bool = False
    _tx: int = 0

    def session(self, database: str | None = None, **_: Any) -> FakeSession:
        self.databases.append(database)
        return FakeSession(self)

    def verify_connectivity(self) -> None:
        return None

    def close(self) -> None:
        self.closed = True

    def _run(self, kind: str, tx: int, query: str, params: dict[str, Any] | None) -> FakeResult:
        params = dict(params or {})
        self.calls.append(Call(kind, query, params, tx))
        if self.fail_on is not None:
            exc = self.fail_on(query, params)
            if exc is not None:
                raise exc
        records = self.answer(query, params) if self.answer is not None else None
        if records is None:
            records = [{"written": len(params["rows"])}] if "rows" in params else []
        return FakeResult(records)

    # views of what ran
    def queries(self, kind: str | None = None) -> list[str]:
        return [c.query for c in self.calls if kind is None or c.kind == kind]

    def writes(self) -> list[Call]:
        return [c for c in self.calls if c.kind == "write"]


class FakeTx:
    def __init__(self, driver: RecordingDriver, kind: str, number: int):
        self.driver, self.kind, self.number = driver, kind, number

    def run(self, query: str, parameters: dict[str, Any] | None = None, **kwargs: Any) -> FakeResult:
        return self.driver._run(self.kind, self.number, query, {**(parameters or {}), **kwargs})


class FakeSession:
    def __init__(self, driver: RecordingDriver):
        self.driver = driver

    def __enter__(self) -> FakeSession:
        return self

    def __exit__(self, *exc: Any) -> None:
        return None

    def run(self, query: str, parameters: dict[str, Any] | None = None, **kwargs: Any) -> FakeResult:
        return self.driver._run("auto", 0, query, {**(parameters or {}), **kwargs})

    def _managed(self, kind: str, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        self.driver._tx += 1
        number = self.driver._tx
        try:
            out = work(FakeTx(self.driver, kind, number), *args, **kwargs)
        except BaseException:
            self.driver.rolled_back.append(number)
            raise
        self.driver.committed.append(number)
        return out

    def execute_read(self, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self._managed("read", work, *args, **kwargs)

    def execute_write(self, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self._managed("write", work, *args, **kwargs)


# -- Neo4j's Cypher grammar ------------------------------------------------------------------
_cache: dict[str, list[dict[str, Any]]] = {}


def linter_missing() -> str | None:
    """Why the grammar check cannot run here (None when it can); installs it once if needed."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        return "node/npm not found: Neo4j's Cypher grammar (npm @neo4j-cypher/language-support) cannot run"
    if not (LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        subprocess.run([str(ROOT / ".ci" / "cypher-lint.sh")], check=False, capture_output=True, timeout=300)
    if not (LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        return "npm ci in .ci/cypher-lint failed: Neo4j's Cypher grammar is not installed"
    return None


def lint(queries: list[str]) -> list[list[dict[str, Any]]]:
    """The diagnostics of each query (errors and warnings; undeclared parameters are not reported)."""
    reason = linter_missing()
    if reason:
        pytest.skip(reason)
    todo = sorted({q for q in queries if q not in _cache})
    if todo:
        r = subprocess.run(
            ["node", str(LINT_DIR / "lint.mjs")],
            input=json.dumps(todo),
            capture_output=True,
            text=True,
            cwd=LINT_DIR,
            timeout=600,
            check=False,
        )
        assert r.returncode == 0, r.stderr
        for q, diagnostics in zip(todo, json.loads(r.stdout), strict=True):
            _cache[q] = diagnostics
    return [_cache[q] for q in queries]


def assert_valid_cypher(queries: list[str]) -> None:
    """Fail with every statement Neo4j's grammar rejects (or warns about), and why."""
    bad = [(q, d) for q, d in zip(queries, lint(queries), strict=True) if d]
    assert not bad, "\n\n".join(f"{q}\n  -> {d}" for q, d in bad[:5])
