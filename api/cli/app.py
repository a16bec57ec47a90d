"""The typer application and its global options (``--store``, ``--debug``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import typer

from api.settings import Settings, get_settings

app = typer.Typer(
    name="plangraph",
    help="Turn Vietnamese government plans into a knowledge graph and question it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@dataclass
class State:
    settings: Settings
    debug: bool = False


@app.callback()
def _global(
    ctx: typer.Context,
    store: Path | None = typer.Option(
        None, "--store", help="Store folder (default: $PLANGRAPH_STORE or .plangraph/store)."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks on errors."),
) -> None:
    settings = get_settings()
    if store is not None:
        settings = settings.model_copy(update={"store": store})
    ctx.obj = State(settings=settings, debug=debug)


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    if obj is None:  # invoked without the callback (tests calling commands directly)
        obj = State(settings=get_settings())
    return obj
