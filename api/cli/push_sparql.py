"""``plangraph push sparql URL``: the store's document graphs to a SPARQL 1.1 Graph Store (read-only on the store)."""

from __future__ import annotations

import time

import typer

from api.settings import Settings
from graph.errors import InvalidInput, PlangraphError
from ontology.store import GraphStore


def push_sparql(
    settings: Settings,
    url: str | None,
    keys: list[str] | None,
    *,
    dry_run: bool,
    force: bool,
    user: str | None,
    password: str | None,
    auth: str,
    chunk_triples: int,
    timeout: float,
) -> None:
    """Push (or, with ``dry_run``, list) the graphs; one line per document, then a summary."""
    from loaders.graphstore import GraphStoreClient, check_url, push

    url = url or settings.sparql_push_url
    if dry_run:
        _dry_run(settings, url, keys, chunk_triples)
        return
    if not url:
        raise InvalidInput(
            "no Graph Store configured: set PLANGRAPH_SPARQL_PUSH_URL (for Virtuoso "
            "http://host:8890/sparql-graph-crud-auth) or pass the URL"
        )
    check_url(url)
    user = user or settings.sparql_push_user
    if password is None and settings.sparql_push_password is not None:
        password = settings.sparql_push_password.get_secret_value()

    def progress(key: str, outcome: str) -> None:
        typer.echo(f"{outcome}: {key}")

    started = time.perf_counter()
    with GraphStoreClient(url, user=user, password=password, auth=auth, timeout=timeout) as client:
        report = GraphStore.reading(
            settings.store,
            lambda store: push(
                store, client, force=force, keys=keys, chunk_triples=chunk_triples, progress=progress
            ),
            base=settings.base_iri,
        )
    elapsed = time.perf_counter() - started
    if not report.ok:
        raise PlangraphError(f"push to {url} incomplete: {report.summary()}")
    typer.echo(f"pushed to {url}: {report.summary()} in {elapsed:.1f} s")


def _dry_run(settings: Settings, url: str | None, keys: list[str] | None, chunk_triples: int) -> None:
    """Every graph a push into an empty target would send, with its triple count; nothing is sent."""
    from loaders.graphstore import check_url, local_graphs

    if url:
        check_url(url)
    docs = GraphStore.reading(settings.store, lambda store: local_graphs(store, keys), base=settings.base_iri)
    for doc in docs:
        requests = max(1, -(-doc.triples // chunk_triples))
        how = "PUT" if requests == 1 else f"PUT + {requests - 1} POST"
        typer.echo(f"{doc.key}\t{doc.triples} triples\t{how}\t<{doc.graph}>")
    total = sum(d.triples for d in docs)
    typer.echo(
        f"dry run: {len(docs)} graph(s), {total} triples, then the push manifest; nothing sent "
        f"(a push sends only the documents whose content hash the target's manifest does not hold)",
        err=True,
    )
