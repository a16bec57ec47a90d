"""``plangraph load PATH...``: files and folders into the store, or to the server that holds it."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from api.cli.app import app, state
from api.handoff import Handoff, read_handoff, upload
from graph.errors import ParseError, PlangraphError, StoreBusy
from loaders.corpus import LoadReport, default_workers, iter_files, load_paths
from ontology.store import GraphStore, LoadResult


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[name]}"),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )


@app.command()
def load(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(
        ..., help="Files or folders of plans (.md, .txt, .html, .docx, .pdf)."
    ),
    workers: int = typer.Option(
        0, "--workers", min=0, max=32, help="Extraction processes (0: one per core)."
    ),
    bulk: bool = typer.Option(
        False,
        "--bulk",
        help="Import new documents with the bulk loader (fastest for a first import; not "
        "transactional: readers may see a document appear in pieces, and after a crash the next open drops "
        "what was left incomplete).",
    ),
) -> None:
    """Load plans into the embedded store (one named graph per document, replaced atomically)."""
    settings = state(ctx).settings
    files = iter_files(paths)
    if not files:
        raise ParseError("no documents found", source=", ".join(str(p) for p in paths))
    console = Console(stderr=True)
    try:
        store = GraphStore.open(settings.store, base=settings.base_iri)
    except StoreBusy:
        handoff = read_handoff(settings.store)
        if handoff is None:
            raise StoreBusy(
                f"the store {settings.store} is in use by another process and no running 'plangraph serve' "
                "takes documents for it: wait for that process to finish or stop it, then load again"
            ) from None
        report = _hand_over(handoff, files, console)
        where = f"handed to plangraph serve at {handoff.url}"
    else:
        with store:
            report = _load_here(store, files, console, workers or default_workers(len(files)), bulk)
        where = f"in {settings.store}"
    triples = GraphStore.reading(settings.store, GraphStore.count_triples, base=settings.base_iri)
    for doc, earlier, later in report.repeated[:5]:
        typer.echo(
            f"note: {later} is the same document as {earlier} ({doc}); the store keeps {later}", err=True
        )
    if len(report.repeated) > 5:
        typer.echo(f"note: {len(report.repeated) - 5} more file(s) repeat an earlier document", err=True)
    typer.echo(f"{report.summary()}; {where}; the store holds {triples} triples")
    if report.failed:
        raise typer.Exit(1)


def _load_here(
    store: GraphStore, files: list[Path], console: Console, workers: int, bulk: bool
) -> LoadReport:
    with _progress(console) as progress:
        task = progress.add_task("loading", total=len(files), name="")

        def on_file(path: Path, result: LoadResult | None, error: str | None) -> None:
            if error is not None:
                _failed(progress, error)
            progress.update(task, advance=1, name=path.name)

        return load_paths(store, files, on_file=on_file, workers=workers, bulk=bulk)


def _hand_over(handoff: Handoff, files: list[Path], console: Console) -> LoadReport:
    report = LoadReport()
    with _progress(console) as progress:
        task = progress.add_task("handing over", total=len(files), name="")
        for path in files:
            try:
                answer = upload(handoff, path)
                result = LoadResult(id=answer["id"], triples=answer["triples"], changed=answer["changed"])
                report.add(path, result, None)
            except StoreBusy:
                raise
            except PlangraphError as exc:
                report.add(path, None, f"{path}: {exc}")
                _failed(progress, f"{path}: {exc}")
            progress.update(task, advance=1, name=path.name)
    return report


def _failed(progress: Progress, error: str) -> None:
    """One line per failed file, however long (no wrapping at the console's width)."""
    line = " ".join(f"failed: {error}".split())
    progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
