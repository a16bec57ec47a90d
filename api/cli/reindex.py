"""``plangraph reindex``: store what a store written by an older version lacks (coordination
summaries, task indexes)."""

from __future__ import annotations

import typer

from api.cli.app import app, state
from ontology.network_index import backfill
from ontology.store import GraphStore
from ontology.task_index import backfill as backfill_tasks


@app.command()
def reindex(ctx: typer.Context) -> None:
    """Store the coordination summary and the task index of every document that lacks them (one transaction each)."""
    settings = state(ctx).settings
    with GraphStore.open(settings.store, base=settings.base_iri) as store:
        done = backfill(store)
        tables = backfill_tasks(store)
    typer.echo(f"stored the coordination summary of {done} document(s); the others were up to date")
    typer.echo(f"stored the task index of {tables} document(s); the others were up to date")
