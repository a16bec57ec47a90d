"""Commands not built yet: each says so in one line and exits 2, it never pretends."""

from __future__ import annotations

from pathlib import Path

import typer

from api.cli.app import app
from graph.errors import NotBuilt


def _not_built(command: str, issue: int) -> NotBuilt:
    return NotBuilt(f"'plangraph {command}' is not built yet (issue {issue})")


@app.command()
def viz(output: Path | None = typer.Option(None, "-o")) -> None:
    """Draw a coordination network as an offline HTML page."""
    raise _not_built("viz", 6)
