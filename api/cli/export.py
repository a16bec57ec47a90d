"""``plangraph export``: the store as RDF (read-only, works while the server runs)."""

from __future__ import annotations

import typer

from api.cli.app import app, state
from ontology import exports
from ontology.store import GraphStore


@app.command()
def export(
    ctx: typer.Context,
    fmt: str = typer.Option(..., "--format", "-f", help=f"One of: {', '.join(exports.FORMATS)}."),
    output: str = typer.Option("-", "-o", "--output", help="A file, or - for stdout."),
) -> None:
    """Export the whole store (turtle, jsonld, ntriples, nquads, trig, rdfxml); output is deterministic."""
    name = exports.get_format(fmt).name
    settings = state(ctx).settings
    data = GraphStore.reading(
        settings.store, lambda store: exports.serialize(store.raw, name), base=settings.base_iri
    )
    size = exports.write_bytes(data, output)
    if output != "-":
        typer.echo(f"wrote {size} bytes of {name} to {output}", err=True)
