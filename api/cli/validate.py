"""``plangraph validate``: the store against the SHACL shapes (read-only)."""

from __future__ import annotations

import typer

from api.cli.app import app, state
from graph.errors import NotFound
from ontology.store import GraphStore
from ontology.validate import ValidationReport, validate_store


@app.command()
def validate(
    ctx: typer.Context,
    document: list[str] = typer.Option(None, "--document", "-d", help="Only this document id (repeatable)."),
) -> None:
    """Check every document graph against ontology/shapes.ttl; exit 1 when it does not conform."""
    settings = state(ctx).settings

    def check(store: GraphStore) -> ValidationReport:
        for key in document or []:
            if not store.has_document(key):
                raise NotFound(f"no document '{key}' in the store")
        return validate_store(store, documents=document or None)

    report = GraphStore.reading(settings.store, check, base=settings.base_iri)
    for v in report.violations:
        typer.echo(v.line())
    typer.echo(report.summary())
    if not report.conforms:
        raise typer.Exit(1)
