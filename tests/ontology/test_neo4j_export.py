"""The neo4j-admin CSV files and the Cypher script of the seed: well-formed, complete, deterministic."""

from __future__ import annotations

import csv
import datetime as dt
import re
import subprocess
import sys
import textwrap

import pytest

from api.cli import main
from loaders.extract import extract_file
from loaders.neo4j import cypher, schema
from loaders.neo4j.model import merge, project_store
from ontology import neo4j_export
from ontology.store import GraphStore
from tests.conftest import ROOT, SEED
from tests.loaders.neo4j_support import SEED_NODES, SEED_RELS, assert_valid_cypher
from tests.ontology import fixtures as fx


@pytest.fixture(scope="module")
def seed_store():
    store = GraphStore.memory()
    store.load_extraction(extract_file(SEED))
    return store


@pytest.fixture(scope="module")
def seed_csv(seed_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("import")
    export = neo4j_export.write_csv(seed_store, out)
    return out, export


def read(path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_files_headers_and_counts(seed_csv):
    out, export = seed_csv
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(export.files)
    assert "nodes_Task.csv" in names and "rels_LEAD.csv" in names and "schema.cypher" in names
    for p in out.glob("nodes_*.csv"):
        columns, _ = read(p)
        assert columns[:2] == ["iri:ID", ":LABEL"], p.name
    for p in out.glob("rels_*.csv"):
        columns, _ = read(p)
        assert columns[:3] == [":START_ID", ":END_ID", ":TYPE"], p.name
    counts = {p.name: len(read(p)[1]) for p in out.glob("*.csv")}
    assert counts["nodes_Task.csv"] == 54 and counts["nodes_Agency.csv"] == 45
    assert counts["rels_LEAD.csv"] == 54 and counts["rels_COORDINATING.csv"] == 74
    assert sum(v for k, v in counts.items() if k.startswith("nodes_")) == export.nodes == SEED_NODES
    assert sum(v for k, v in counts.items() if k.startswith("rels_")) == export.relationships == SEED_RELS


def test_ids_are_unique_and_no_relationship_end_dangles(seed_csv):
    out, _ = seed_csv
    ids: list[str] = []
    for p in out.glob("nodes_*.csv"):
        ids += [r["iri:ID"] for r in read(p)[1]]
    assert len(ids) == len(set(ids)) == SEED_NODES
    known = set(ids)
    for p in out.glob("rels_*.csv"):
        for r in read(p)[1]:
            assert r[":START_ID"] in known and r[":END_ID"] in known, (p.name, r)
            assert p.name == f"rels_{r[':TYPE']}.csv"


def test_labels_and_typed_columns_parse(seed_csv):
    out, export = seed_csv
    d = export.array_delimiter
    assert d == ";"
    for p in out.glob("*.csv"):
        columns, rows = read(p)
        for row in rows:
            if ":LABEL" in row:
                labels = row[":LABEL"].split(d)
                assert labels[0] == "Resource" and set(labels) <= set(schema.LABEL_CLASSES)
                assert p.name == f"nodes_{labels[-1]}.csv"
            for col in columns:
                name, _, kind = col.partition(":")
                value = row[col]
                if not name or kind == "ID" or value == "":
                    continue
                assert schema.KINDS.get(name, "string") == (kind or "string"), col
                if kind == "int":
                    int(value)
                elif kind == "date":
                    dt.date.fromisoformat(value)
                elif kind == "boolean":
                    assert value in ("true", "false")


def test_array_columns_round_trip(seed_store, seed_csv):
    out, export = seed_csv
    nodes, _ = merge(project_store(seed_store))
    by_iri = {n.iri: n for n in nodes}
    _, rows = read(out / "nodes_Agency.csv")
    for row in rows:
        expected = by_iri[row["iri:ID"]].props.get("alt_labels", [])
        got = row["alt_labels:string[]"].split(export.array_delimiter) if row["alt_labels:string[]"] else []
        assert got == expected
        assert not any(export.array_delimiter in item for item in expected)


def test_the_array_delimiter_moves_aside_when_the_data_contains_it():
    store = GraphStore.memory()
    x = fx.make_extraction()
    x.agencies[0].aliases = [*x.agencies[0].aliases, "Sở A; Sở B"]
    store.load_extraction(x)
    export = neo4j_export.csv_export(store)
    assert export.array_delimiter == "|"
    assert "--array-delimiter='|'" in export.command("import")
    assert "Resource|Agency" in export.files["nodes_Agency.csv"]


def test_the_printed_command_is_neo4j_5_syntax_and_lists_every_file(seed_csv):
    _, export = seed_csv
    command = export.command("import/")
    assert command.startswith("neo4j-admin database import full \\\n")
    assert "--array-delimiter=';'" in command and "--overwrite-destination" in command
    for name in export.node_files:
        assert f"--nodes=import/{name}" in command
    for name in export.relationship_files:
        assert f"--relationships=import/{name}" in command
    assert command.rstrip().endswith("neo4j")


def test_the_schema_file_is_the_push_schema(seed_csv):
    out, _ = seed_csv
    assert (out / "schema.cypher").read_text(encoding="utf-8") == "".join(f"{s};\n" for s in cypher.schema())


def test_csv_export_is_deterministic(seed_store, tmp_path):
    a = neo4j_export.write_csv(seed_store, tmp_path / "a")
    b = neo4j_export.write_csv(seed_store, tmp_path / "b")
    assert a.files == b.files
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == sorted(a.files)


def test_exports_are_byte_identical_across_processes(tmp_path):
    code = textwrap.dedent(
        """
        import sys
        from ontology.store import GraphStore
        from ontology import neo4j_export
        from tests.ontology import fixtures as fx
        s = GraphStore.memory()
        s.load_extraction(fx.make_extraction("94"))
        s.load_extraction(fx.make_extraction("95"))
        files = neo4j_export.csv_export(s).files
        sys.stdout.write("".join(files[k] for k in sorted(files)))
        sys.stdout.write(neo4j_export.cypher_script(s).decode())
        """
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={"PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outs) == 1 and len(next(iter(outs))) > 1000


def test_the_cypher_script_of_the_seed_passes_neo4j_grammar(seed_store):
    statements = neo4j_export.script_statements(seed_store)
    script = neo4j_export.cypher_script(seed_store).decode("utf-8")
    body = "".join(line + "\n" for line in script.splitlines() if not line.startswith("//"))
    assert body == "".join(f"{s};\n" for s in statements)
    assert sum(s.count("row_label: ") for s in statements) == 54 + 19  # tasks and responsibilities
    assert "$" not in "".join(statements)  # every parameter became a literal
    assert_valid_cypher(statements)


def test_cli_writes_both_exports_and_prints_the_import_command(seed_path, tmp_path, capsys):
    assert main(["load", str(seed_path)]) == 0
    capsys.readouterr()
    assert main(["export", "--format", "neo4j-csv", "-o", str(tmp_path / "import")]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("neo4j-admin database import full") and "cypher-shell" in out
    assert f"{SEED_NODES} nodes, {SEED_RELS} relationships" in err
    assert main(["export", "--format", "cypher", "-o", str(tmp_path / "seed.cypher")]) == 0
    assert (tmp_path / "seed.cypher").read_text(encoding="utf-8").startswith("// plangraph")
    assert main(["export", "--format", "neo4j-csv"]) == 1
    assert "-o DIR" in capsys.readouterr().err


# -- Cypher literals: the one place values are written into Cypher text -----------------------
_DECODE = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def decode(lit: str) -> str:
    """Cypher's documented string escapes, read back (to check what literal() writes)."""
    assert lit[0] == lit[-1] == "'"
    out, i, body = [], 0, lit[1:-1]
    while i < len(body):
        ch = body[i]
        if ch == "'":
            raise AssertionError(f"unescaped quote in {lit!r}")
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        nxt = body[i + 1]
        if nxt == "u":
            out.append(chr(int(body[i + 2 : i + 6], 16)))
            i += 6
        else:
            out.append(_DECODE[nxt])
            i += 2
    return "".join(out)


TRICKY = [
    "plain",
    "it's",
    'say "hi"',
    "back\\slash",
    "ends with backslash\\",
    "\\'",
    "line\nbreak\r\n",
    "tab\there",
    "Nghị định 72/2015/NĐ-CP – “Đài” 中文 🇻🇳",
    "\x00\x07\x1b\x7f\u2028",
    "$rows {iri: x}) DETACH DELETE n //",
    "",
]


@pytest.mark.parametrize("text", TRICKY)
def test_string_literals_round_trip(text):
    lit = cypher.string(text)
    assert decode(lit) == text
    assert "\n" not in lit and "\r" not in lit


def test_literals_of_every_kind_pass_neo4j_grammar():
    values = [
        *TRICKY,
        None,
        True,
        False,
        0,
        -5,
        2022,
        dt.date(2022, 3, 25),
        ["a;b", "c'd"],
        {"name_vi": "Sở 'Ngoại vụ'", "line_start": 3, "odd key": "x", "b`q": 1},
        [{"iri": "https://w3id.org/x", "props": {"start": dt.date(2022, 1, 1)}}],
    ]
    assert_valid_cypher([f"RETURN {cypher.literal(v)} AS v" for v in values])


def test_literal_refuses_what_it_cannot_write():
    with pytest.raises(TypeError):
        cypher.literal(1.5j)
    assert cypher.literal({"odd key": 1}) == "{`odd key`: 1}"
    assert re.fullmatch(r"date\('2022-03-25'\)", cypher.literal(dt.date(2022, 3, 25)))
