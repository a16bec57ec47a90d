"""Commands not built yet: each says so in one line and exits 2, it never pretends."""

from __future__ import annotations

import typer

from api.cli.app import app
from graph.errors import NotBuilt


def _not_built(command: str, issue: int) -> NotBuilt:
    return NotBuilt(f"'plangraph {command}' is not built yet (issue {issue})")


@app.command()
def push(
    target: str = typer.Argument(..., help="neo4j or sparql"), url: str | None = typer.Argument(None)
) -> None:
    """Push the graph to Neo4j or to a SPARQL 1.1 Graph Store."""
    raise _not_built(f"push {target}", 7 if target == "neo4j" else 9)
