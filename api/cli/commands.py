"""The commands extract and serve (load, stats, export and validate have modules of their own)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from api.cli.app import app, state
from graph.errors import InvalidInput
from loaders.extract import extract_file


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
        f"plangraph serving {settings.store} on {base}  (pages: {base}/, API docs: {base}/docs, health: {base}/health)",
        err=True,
    )
    uvicorn.run(app_, host=settings.host, port=settings.port, log_level=settings.log_level)
