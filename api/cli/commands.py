"""The commands that are built: extract, load, serve, stats."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from api.cli.app import app, state
from graph.errors import InvalidInput
from loaders.corpus import load_paths
from loaders.extract import extract_file
from ontology.store import GraphStore


@app.command()
def extract(
    file: Path = typer.Argument(..., help="A plan: .md or .txt."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write the JSON here instead of stdout."),
) -> None:
    """Extract a plan into the extraction contract (JSON)."""
    text = extract_file(file).to_json()
    if output is None or str(output) == "-":
        sys.stdout.write(text + "\n")
    else:
        tmp = output.with_name(output.name + ".tmp")
        tmp.write_text(text + "\n", encoding="utf-8")
        tmp.replace(output)


@app.command()
def load(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Files or folders of plans."),
) -> None:
    """Load plans into the embedded store (one named graph per document)."""
    settings = state(ctx).settings
    store = GraphStore.open(settings.store, base=settings.base_iri)
    report = load_paths(store, paths, echo=lambda m: typer.echo(m, err=True))
    typer.echo(
        f"loaded {report.loaded} document(s), {report.failed} failed; "
        f"the store holds {store.count_triples()} triples in {settings.store}"
    )
    if report.failed:
        raise typer.Exit(1)


@app.command()
def serve(
    ctx: typer.Context,
    host: str | None = typer.Option(None, help="Interface to listen on (default 127.0.0.1)."),
    port: int | None = typer.Option(None, help="Port (default $PLANGRAPH_PORT or 8000)."),
) -> None:
    """Serve the HTTP API and the web pages."""
    import uvicorn

    from api.app import create_app

    settings = state(ctx).settings
    updates = {k: v for k, v in {"host": host, "port": port}.items() if v is not None}
    settings = settings.model_copy(update=updates)
    if not 0 < settings.port < 65536:
        raise InvalidInput(f"port {settings.port} is out of range")
    app_ = create_app(settings)
    base = f"http://{settings.host}:{settings.port}"
    typer.echo(
        f"plangraph serving {settings.store} on {base}  (API docs: {base}/docs, health: {base}/health)",
        err=True,
    )
    uvicorn.run(app_, host=settings.host, port=settings.port, log_level=settings.log_level)


@app.command()
def stats(ctx: typer.Context) -> None:
    """Counts of what the store holds."""
    settings = state(ctx).settings
    store = GraphStore.open(settings.store, read_only=True, base=settings.base_iri)
    typer.echo(f"documents: {len(store.documents())}")
    typer.echo(f"triples:   {store.count_triples()}")
