"""``plangraph push neo4j|sparql``: copy the store to another database (read-only on the store).

``push neo4j`` writes the property-graph projection through the official driver
(settings ``PLANGRAPH_NEO4J_URI`` / ``_USER`` / ``_PASSWORD`` / ``_DATABASE``, or the
URI as an argument); ``--dry-run`` prints the statements without a server.
``push sparql`` writes each document's named graph to a SPARQL 1.1 Graph Store
(``PUT {url}?graph=<g>``; settings ``PLANGRAPH_SPARQL_PUSH_URL`` / ``_USER`` /
``_PASSWORD``, or the URL as an argument); ``--dry-run`` lists the graphs and
their triple counts without sending anything. Both are incremental: documents the
target holds unchanged are skipped. See docs/scaling.md.
"""

from __future__ import annotations

import time

import typer

from api.cli.app import app, state
from graph.errors import NotFound, PlangraphError
from ontology.store import GraphStore


@app.command()
def push(
    ctx: typer.Context,
    target: str = typer.Argument(..., help="neo4j or sparql"),
    url: str | None = typer.Argument(
        None,
        help="Neo4j URI (default: PLANGRAPH_NEO4J_URI) or Graph Store URL (default: PLANGRAPH_SPARQL_PUSH_URL).",
    ),
    dry_run: bool = typer.Option(
        False,
        "--dry-run",
        help="Print what would be sent (Cypher, or graphs and triple counts); send nothing.",
    ),
    force: bool = typer.Option(
        False, "--force", help="Rewrite documents the target already holds unchanged."
    ),
    batch_size: int = typer.Option(1000, "--batch-size", min=1, help="neo4j: rows per UNWIND statement."),
    documents: list[str] | None = typer.Option(
        None, "--document", help="Only this document id (repeatable)."
    ),
    user: str | None = typer.Option(
        None, "--user", help="sparql: user (default: PLANGRAPH_SPARQL_PUSH_USER)."
    ),
    password: str | None = typer.Option(
        None, "--password", help="sparql: password (default: PLANGRAPH_SPARQL_PUSH_PASSWORD, preferred)."
    ),
    auth: str = typer.Option(
        "auto", "--auth", help="sparql: auto (the server's challenge), basic or digest."
    ),
    chunk_triples: int = typer.Option(
        50_000,
        "--chunk-triples",
        min=1,
        help="sparql: larger graphs are sent as a PUT then POSTs of this size.",
    ),
    timeout: float = typer.Option(120.0, "--timeout", min=1, help="sparql: seconds per request."),
) -> None:
    """Push the graph to Neo4j or to a SPARQL 1.1 Graph Store (incremental: unchanged documents skipped)."""
    if target not in ("neo4j", "sparql"):
        raise typer.BadParameter(f"unknown target {target!r}: neo4j or sparql", param_hint="TARGET")
    settings = state(ctx).settings
    keys = list(documents) if documents else None
    if target == "sparql":
        from api.cli.push_sparql import push_sparql

        push_sparql(
            settings,
            url,
            keys,
            dry_run=dry_run,
            force=force,
            user=user,
            password=password,
            auth=auth,
            chunk_triples=chunk_triples,
            timeout=timeout,
        )
        return
    if dry_run:
        _dry_run(settings, keys, batch_size)
        return
    from loaders.neo4j import push as push_documents
    from loaders.neo4j.connect import open_driver

    password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
    uri = url or settings.neo4j_uri
    driver = open_driver(uri, settings.neo4j_user, password)

    def progress(key: str, outcome: str) -> None:
        typer.echo(f"{outcome}: {key}")

    try:
        report = GraphStore.reading(
            settings.store,
            lambda store: push_documents(
                store,
                driver,
                database=settings.neo4j_database,
                batch_size=batch_size,
                force=force,
                keys=keys,
                progress=progress,
            ),
            base=settings.base_iri,
        )
    finally:
        driver.close()
    if not report.ok:
        raise PlangraphError(f"push to {uri} incomplete: {report.summary()}")
    typer.echo(f"pushed to {uri}: {report.summary()}")


def _dry_run(settings, keys: list[str] | None, batch_size: int) -> None:
    """Every statement a push into an empty database would send, with its parameters summarised."""
    from loaders.neo4j.model import document_projection
    from loaders.neo4j.statements import document_statements, schema_statements

    started = time.perf_counter()

    def plan(store: GraphStore):
        wanted = sorted(keys) if keys is not None else [d.id for d in store.documents()]
        for key in wanted:
            if not store.has_document(key):
                raise NotFound(f"no document '{key}' in the store")
        return [(key, document_statements(document_projection(store, key), batch_size)) for key in wanted]

    per_document = GraphStore.reading(settings.store, plan, base=settings.base_iri)
    count = rows = 0
    for stmt in schema_statements():
        typer.echo(f"{stmt.text};")
        count += 1
    for key, statements in per_document:
        for stmt in statements:
            shown = ", ".join(
                f"{name}: {len(value)} rows" if name == "rows" else f"{name}: {value}"
                for name, value in stmt.params.items()
            )
            typer.echo(f"// {key}: {shown}\n{stmt.text};")
            count += 1
            rows += stmt.rows
    elapsed = time.perf_counter() - started
    typer.echo(
        f"dry run: {count} statements, {rows} rows for {len(per_document)} document(s), "
        f"nothing sent ({elapsed:.2f} s)",
        err=True,
    )
