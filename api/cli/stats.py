"""``plangraph stats``: what the store holds (read-only, works while the server runs)."""

from __future__ import annotations

import typer

from api.cli.app import app, state
from ontology.store import GraphStore


@app.command()
def stats(
    ctx: typer.Context,
    documents: bool = typer.Option(False, "--documents", help="Also list the documents."),
) -> None:
    """Counts per class (plans, tasks, agencies, ...) and triples."""
    settings = state(ctx).settings

    def read(store: GraphStore):
        rows = [("documents", store.count_documents()), *store.class_counts().items()]
        rows.append(("triples", store.count_triples()))
        return rows, (store.documents() if documents else [])

    rows, docs = GraphStore.reading(settings.store, read, base=settings.base_iri)
    for name, n in rows:
        typer.echo(f"{name}: {n}")
    for d in docs:
        date = d.date.isoformat() if d.date else "-"
        typer.echo(f"{d.id}\t{d.label or d.title or '-'}\t{date}\t{d.triples} triples")
