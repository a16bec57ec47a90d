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


# -- a graph that applies the push's statements (their meaning, in Python) ---------------------
class SimulatedGraph:
    """What Neo4j would hold after the push's statements, for the five statement shapes plangraph sends.

    It recognises each statement by its exact text (from :mod:`loaders.neo4j.cypher`) and applies
    its documented meaning; an unknown statement fails the test. Used as ``RecordingDriver(answer=)``
    to check that a replacement leaves exactly the newer version, without a server.
    """

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}  # iri -> {"labels": set, "props": dict}
        self.rels: dict[tuple[str, str, str], dict[str, Any]] = {}  # (type, start, end) -> props

    def answer(self, query: str, params: dict[str, Any]) -> list[dict[str, Any]] | None:
        from loaders.neo4j import cypher
        from loaders.neo4j.schema import LABELS, REL_TYPES

        if query.startswith("CREATE "):
            return []
        if query == cypher.stored_hash():
            found = self.nodes.get(params["graph"])
            return [{"content_hash": found["props"].get("content_hash")}] if found else []
        if query == cypher.delete_document():
            gone = {i for i, n in self.nodes.items() if n["props"].get("doc") == params["doc"]}
            self.nodes = {i: n for i, n in self.nodes.items() if i not in gone}
            self.rels = {k: v for k, v in self.rels.items() if k[1] not in gone and k[2] not in gone}
            return []
        if query == cypher.delete_plan_relationships():
            self.rels = {k: v for k, v in self.rels.items() if k[1] != params["plan"]}
            return []
        for labels in self._label_sets(LABELS):
            if query == cypher.merge_nodes(labels):
                for row in params["rows"]:
                    node = self.nodes.setdefault(
                        row["iri"], {"labels": {"Resource"}, "props": {"iri": row["iri"]}}
                    )
                    node["labels"] |= set(labels)
                    node["props"].update(row["props"])
                return [{"written": len(params["rows"])}]
        for rel_type in REL_TYPES.values():
            if query == cypher.merge_relationships(rel_type):
                written = 0
                for row in params["rows"]:
                    if row["start"] in self.nodes and row["end"] in self.nodes:
                        self.rels.setdefault((rel_type, row["start"], row["end"]), {}).update(row["props"])
                        written += 1
                return [{"written": written}]
        raise AssertionError(f"statement the simulation does not know:\n{query}")

    def _label_sets(self, labels: dict[str, str]):
        from itertools import combinations

        names = list(labels.values())
        yield ("Resource",)
        for size in (1, 2):
            for combo in combinations(names, size):
                yield ("Resource", *combo)

    def state(self) -> tuple[dict[str, tuple], dict[tuple[str, str, str], dict[str, Any]]]:
        return {i: (tuple(sorted(n["labels"])), n["props"]) for i, n in self.nodes.items()}, self.rels


#: the seed's projection (tests/loaders/test_neo4j_model.py checks its parts against the store); when the
#: extractor learns a new fact about the seed these two move together with `plangraph stats`
SEED_NODES = 474
SEED_RELS = 920
#: rows the push sends for the seed (nodes + relationships + bookkeeping)
SEED_ROWS = 1394
