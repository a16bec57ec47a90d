"""``plangraph viz``: one view of the store as an offline HTML page (read-only: works while ``serve`` runs)."""

from __future__ import annotations

import typer

from api.cli.app import app, state
from graph.queries import KnowledgeBase
from loaders import sources
from ontology import exports
from ontology.reads import StoreReader
from ontology.store import GraphStore
from viz.graphs import Links
from viz.store_views import KINDS, render


@app.command()
def viz(
    ctx: typer.Context,
    kind: str = typer.Option("coordination", "--kind", "-k", help=f"One of: {', '.join(KINDS)}."),
    agency: str | None = typer.Option(None, "--agency", help="An agency, by name or id (--kind agency)."),
    plan: str | None = typer.Option(
        None, "--plan", help="A plan, by id or symbol: the plan view, or only this plan's network."
    ),
    task: str | None = typer.Option(None, "--task", help="A task, by id or row such as II.3 (--kind legal)."),
    jurisdiction: str | None = typer.Option(
        None, "--jurisdiction", help="Only the plans of one province: ha-noi (--kind coordination)."
    ),
    radius: int = typer.Option(
        1, "--radius", help="1 or 2: partners, or partners of partners (--kind agency)."
    ),
    lang: str = typer.Option("vi", "--lang", help="vi or en: the page's language."),
    base_url: str | None = typer.Option(
        None, "--base-url", help="Where nodes link to (default: http://HOST:PORT of plangraph serve)."
    ),
    output: str = typer.Option("-", "-o", "--output", help="An .html file, or - for stdout."),
) -> None:
    """Draw the coordination network, a plan, an agency's partners or a task's legal basis (offline HTML)."""
    settings = state(ctx).settings
    links = Links(
        base=base_url or f"http://{settings.host}:{settings.port}",
        has_source=lambda doc_id: sources.has(settings.store, doc_id),
    )

    def run(store: GraphStore) -> str:
        kb = KnowledgeBase(StoreReader(store))
        return render(
            kb,
            kind,
            agency=agency,
            plan=plan,
            task=task,
            jurisdiction=jurisdiction,
            radius=radius,
            lang=lang,
            links=links,
        )

    html = GraphStore.reading(settings.store, run, base=settings.base_iri)
    size = exports.write_bytes(html.encode("utf-8"), output)
    if output != "-":
        typer.echo(f"wrote {size} bytes ({kind} view) to {output}", err=True)
