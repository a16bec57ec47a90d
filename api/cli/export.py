"""``plangraph export``: the store as RDF, or as the files staff use (read-only, works while the server runs)."""

from __future__ import annotations

import typer

from api.cli.app import app, state
from graph.queries import KnowledgeBase
from ontology import exports, sinks
from ontology.reads import StoreReader
from ontology.store import GraphStore


@app.command()
def export(
    ctx: typer.Context,
    fmt: str = typer.Option(..., "--format", "-f", help=f"One of: {', '.join(sinks.known())}."),
    output: str = typer.Option("-", "-o", "--output", help="A file, or - for stdout."),
) -> None:
    """Export the whole store: RDF (turtle, jsonld, ntriples, nquads, trig, rdfxml) or for staff (xlsx, ics,
    csv, graphml, gexf); output is deterministic."""
    f = sinks.resolve(fmt)
    settings = state(ctx).settings

    def run(store: GraphStore) -> bytes:
        if f.staff:
            return sinks.export(KnowledgeBase(StoreReader(store)), f.name)
        return exports.serialize(store.raw, f.name)

    data = GraphStore.reading(settings.store, run, base=settings.base_iri)
    size = exports.write_bytes(data, output)
    if output != "-":
        typer.echo(f"wrote {size} bytes of {f.name} to {output}", err=True)
