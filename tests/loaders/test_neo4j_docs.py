"""docs/neo4j.md cannot drift: every Cypher block passes Neo4j's grammar and uses the real vocabulary."""

from __future__ import annotations

import re

from loaders.neo4j import schema
from tests.conftest import ROOT
from tests.loaders.neo4j_support import assert_valid_cypher

DOC = ROOT / "docs" / "neo4j.md"


def cypher_blocks(section: str | None = None) -> list[str]:
    """The ```cypher blocks of docs/neo4j.md (of one '## ' section when given)."""
    text = DOC.read_text(encoding="utf-8")
    if section is not None:
        text = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```cypher\n(.*?)```", text, flags=re.S)


def test_every_cypher_block_passes_neo4j_grammar():
    blocks = cypher_blocks()
    assert len(blocks) >= 9
    assert_valid_cypher(blocks)


def test_the_cookbook_answers_the_questions_with_evidence():
    cookbook = cypher_blocks("Cookbook")
    assert len(cookbook) >= 7
    text = "\n".join(cookbook)
    for needle in (
        "Ban Tuyên giáo",
        "Sở Ngoại vụ",
        "BASED_ON*",
        "a.iri < b.iri",
        "date('2022-07-01')",
        "ReportingDuty",
    ):
        assert needle in text, needle
    for query in cookbook:
        assert "line_start" in query and ("quote" in query or "evidence" in query), query[:60]


def test_the_cookbook_uses_only_labels_and_types_that_exist():
    text = "\n".join(cypher_blocks())
    labels = set(re.findall(r"\(\w*:(\w+)", text)) | set(re.findall(r"\bNOT n:(\w+)", text))
    types = {t for group in re.findall(r"\[\w*:([A-Z_|]+)", text) for t in group.split("|")}
    assert labels and labels <= set(schema.LABEL_CLASSES), labels - set(schema.LABEL_CLASSES)
    assert types and types <= set(schema.REL_PROPERTIES), types - set(schema.REL_PROPERTIES)


def test_the_mapping_tables_list_every_label_and_type():
    text = DOC.read_text(encoding="utf-8")
    for label in schema.LABEL_CLASSES:
        assert f"| `:{label}` |" in text, label
    for rel_type in schema.REL_PROPERTIES:
        assert f"| `{rel_type}` |" in text, rel_type
    for name in schema.RENAMED:
        assert "renamed" in text and name in text


def test_the_docs_show_the_three_commands_and_the_settings():
    text = DOC.read_text(encoding="utf-8")
    three = (
        text.split("## The seed in Neo4j, in three commands", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    )
    assert len(three.strip().splitlines()) == 3 and "plangraph push neo4j" in three
    for needle in (
        "PLANGRAPH_NEO4J_URI",
        "PLANGRAPH_NEO4J_USER",
        "PLANGRAPH_NEO4J_PASSWORD",
        "PLANGRAPH_NEO4J_DATABASE",
        "--dry-run",
        "neo4j-admin database import full",
        "cypher-shell",
        "docker run",
        "NEO4J_URI",
        "array delimiter",
    ):
        assert needle in text, needle


def test_the_readme_lists_what_this_adds():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for needle in ("`plangraph push neo4j", "--format neo4j-csv", "--format cypher", "docs/neo4j.md"):
        assert needle in readme, needle
