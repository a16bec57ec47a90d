"""``plangraph reindex``: store what a store written by an older version lacks (coordination summaries)."""

from __future__ import annotations

import typer

from api.cli.app import app, state
from ontology.network_index import backfill
from ontology.store import GraphStore


@app.command()
def reindex(ctx: typer.Context) -> None:
    """Store the coordination summary of every document that lacks a current one (one transaction each)."""
    settings = state(ctx).settings
    with GraphStore.open(settings.store, base=settings.base_iri) as store:
        done = backfill(store)
    typer.echo(f"stored the coordination summary of {done} document(s); the others were up to date")
