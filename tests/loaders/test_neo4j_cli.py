"""``plangraph push``: one line and the right exit code on every failure; the dry run; a recorded push."""

from __future__ import annotations

import pytest

from api.cli import main
from api.settings import get_settings
from loaders.neo4j import cypher
from tests.loaders.neo4j_support import SEED_ROWS, RecordingDriver, assert_valid_cypher

SEED_KEY = "vn/ubnd-ha-noi/kh/2022/94"


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def loaded(seed_path, capsys):
    assert main(["load", str(seed_path)]) == 0
    capsys.readouterr()


def test_push_without_a_server_configured_is_one_line(capsys):
    code, _, err = run(["push", "neo4j"], capsys)
    assert code == 1 and err.count("\n") == 1 and "PLANGRAPH_NEO4J_URI" in err


def test_push_to_an_unreachable_server_is_one_line_and_hides_the_password(monkeypatch, capsys):
    monkeypatch.setenv("PLANGRAPH_NEO4J_PASSWORD", "s3cret-pw")
    code, _, err = run(["push", "neo4j", "bolt://127.0.0.1:1"], capsys)
    assert code == 1 and err.count("\n") == 1 and "cannot reach Neo4j at bolt://127.0.0.1:1" in err
    assert "s3cret-pw" not in err and "Traceback" not in err


def test_a_bad_uri_is_one_line(capsys):
    code, _, err = run(["push", "neo4j", "http//nowhere"], capsys)
    assert code == 1 and err.count("\n") == 1 and "not a usable Neo4j URI" in err


def test_an_unknown_target_is_a_usage_error(capsys):
    code, _, _ = run(["push", "mongodb"], capsys)
    assert code == 2


def test_dry_run_prints_every_statement_and_they_pass_neo4j_grammar(loaded, capsys):
    code, out, err = run(["push", "neo4j", "--dry-run"], capsys)
    assert code == 0
    assert f"dry run: 61 statements, {SEED_ROWS} rows for 1 document(s), nothing sent" in err
    statements = [s for s in out.split(";\n") if s.strip()]
    assert len(statements) == 61
    assert cypher.merge_nodes(("Resource", "Task")) in out
    assert f"// {SEED_KEY}: rows: 54 rows" in out
    assert_valid_cypher(statements)


def test_dry_run_of_an_unknown_document_is_one_line(loaded, capsys):
    code, _, err = run(["push", "neo4j", "--dry-run", "--document", "vn/x/kh/2022/1"], capsys)
    assert code == 1 and "no document" in err


def test_a_recorded_push_through_the_cli(loaded, monkeypatch, capsys):
    driver = RecordingDriver()
    monkeypatch.setattr("loaders.neo4j.connect.open_driver", lambda uri, user, pw: driver)
    monkeypatch.setenv("PLANGRAPH_NEO4J_URI", "bolt://example:7687")
    monkeypatch.setenv("PLANGRAPH_NEO4J_DATABASE", "plans")
    get_settings.cache_clear()
    code, out, _ = run(["push", "neo4j", "--batch-size", "100"], capsys)
    assert code == 0 and f"written: {SEED_KEY}" in out and "pushed to bolt://example:7687" in out
    assert driver.closed and set(driver.databases) == {"plans"}
    assert all(len(c.params.get("rows", ())) <= 100 for c in driver.calls)


def test_a_failed_push_exits_1_with_what_was_written(loaded, monkeypatch, capsys):
    from neo4j.exceptions import ClientError

    driver = RecordingDriver(fail_on=lambda q, p: ClientError("constraint violated") if "rows" in p else None)
    monkeypatch.setattr("loaders.neo4j.connect.open_driver", lambda uri, user, pw: driver)
    code, _, err = run(["push", "neo4j", "bolt://example:7687"], capsys)
    assert code == 1 and err.count("\n") == 1
    assert "incomplete: 0 document(s) written" in err and f"failed: {SEED_KEY}: constraint violated" in err
