"""``plangraph export``: the store as RDF, as the files staff use, or as a property graph for Neo4j
(read-only, works while the server runs)."""

from __future__ import annotations

import typer

from api.cli.app import app, state
from graph.errors import InvalidInput
from graph.queries import KnowledgeBase
from ontology import exports, neo4j_export, sinks
from ontology.reads import StoreReader
from ontology.store import GraphStore

_ALL = [*sinks.known(), *neo4j_export.FORMATS]


@app.command()
def export(
    ctx: typer.Context,
    fmt: str = typer.Option(..., "--format", "-f", help=f"One of: {', '.join(_ALL)}."),
    output: str = typer.Option(
        "-", "-o", "--output", help="A file (a folder for neo4j-csv), or - for stdout."
    ),
) -> None:
    """Export the whole store: RDF (turtle, jsonld, ntriples, nquads, trig, rdfxml), for staff (xlsx, ics, csv,
    graphml, gexf) or for Neo4j (neo4j-csv, cypher); output is deterministic."""
    settings = state(ctx).settings
    if fmt.lower() == "neo4j-csv":
        _neo4j_csv(settings, output)
        return
    if fmt.lower() == "cypher":
        data = GraphStore.reading(settings.store, neo4j_export.cypher_script, base=settings.base_iri)
        name = "cypher"
    else:
        f = sinks.resolve(fmt)
        name = f.name

        def run(store: GraphStore) -> bytes:
            if f.staff:
                return sinks.export(KnowledgeBase(StoreReader(store)), f.name)
            return exports.serialize(store.raw, f.name)

        data = GraphStore.reading(settings.store, run, base=settings.base_iri)
    size = exports.write_bytes(data, output)
    if output != "-":
        typer.echo(f"wrote {size} bytes of {name} to {output}", err=True)


def _neo4j_csv(settings, output: str) -> None:
    """Write the import files and print the neo4j-admin command (then the constraints step)."""
    if output == "-":
        raise InvalidInput("neo4j-csv writes a folder of files: give it with -o DIR")
    result = GraphStore.reading(
        settings.store, lambda store: neo4j_export.write_csv(store, output), base=settings.base_iri
    )
    typer.echo(
        f"wrote {len(result.files)} files to {output} ({result.nodes} nodes, {result.relationships} "
        "relationships); import them into a stopped Neo4j 5 with:",
        err=True,
    )
    typer.echo(result.command(output, settings.neo4j_database or "neo4j"))
    typer.echo("then, with Neo4j running, create the constraints and indexes:", err=True)
    typer.echo(f"cypher-shell -u neo4j -p PASSWORD -f {output.rstrip('/') or '.'}/schema.cypher")
