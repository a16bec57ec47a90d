"""``plangraph reindex``: store what a store written by an older version lacks (the per-document
coordination and names summaries, and task indexes)."""

from __future__ import annotations

import typer

from api.cli.app import app, state
from ontology import name_index, network_index
from ontology.store import GraphStore
from ontology.task_index import backfill as backfill_tasks


@app.command()
def reindex(ctx: typer.Context) -> None:
    """Store the coordination and names summaries and the task index of every document that lacks a
    current one (one transaction each)."""
    settings = state(ctx).settings
    with GraphStore.open(settings.store, base=settings.base_iri) as store:
        network = network_index.backfill(store)
        names = name_index.backfill(store)
        tables = backfill_tasks(store)
    typer.echo(
        f"stored the coordination summary of {network} document(s), the names summary of {names} "
        f"document(s) and the task index of {tables} document(s); the others were up to date"
    )
