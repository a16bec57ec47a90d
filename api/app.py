"""The FastAPI application factory.

>>> from api.settings import Settings
>>> app = create_app(Settings(), store=None)
>>> app.title
'plangraph'
"""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from api import errors
from api.handoff import local_url, remove_handoff, write_handoff
from api.limits import BodyLimit, SecurityHeaders
from api.routers import agencies, ask, calendar, documents, export, health, network, pages, sparql, tasks, viz
from api.settings import Settings
from graph.queries import KnowledgeBase
from ontology.reads import StoreReader
from ontology.store import GraphStore

DESCRIPTION = """Who must do what, with whom, by when, and on what legal authority —
questions over Vietnamese government plans, every answer with its evidence."""


#: Bytes a multipart upload may carry beyond the file itself (boundaries, part headers, a file name).
MULTIPART_ROOM = 64 * 1024


def create_app(
    settings: Settings, *, store: GraphStore | None = None, local_token: str | None = None
) -> FastAPI:
    """Build the app. ``store`` (and a ``local_token``) are injected by tests; otherwise the
    store is opened from settings at start-up and a hand-off file is written next to it, so
    that ``plangraph load`` can hand documents to this server (see ``api/handoff.py``)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        owned = app.state.store is None
        handoff = None
        warming = None
        if owned:
            app.state.store = GraphStore.open(settings.store, base=settings.base_iri)
            handoff = write_handoff(settings.store, local_url(settings.host, settings.port))
            app.state.local_token = handoff.token
            # the name indexes are merged in the background: the server answers at once, and the
            # first agency question or search finds them ready (or waits only for the rest)
            app.state.kb = KnowledgeBase(StoreReader(app.state.store))
            warming = threading.Thread(target=app.state.kb.warm, name="plangraph-names", daemon=True)
            warming.start()
        try:
            yield
        finally:
            if warming is not None:
                warming.join()  # it reads the store: let it finish before the store is closed
            if owned:
                if handoff is not None:
                    remove_handoff(settings.store, handoff)
                app.state.local_token = None
                app.state.store.close()
                app.state.store = None

    app = FastAPI(title="plangraph", version="0.1.0", description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.state.store = store
    app.state.local_token = local_token
    errors.install(app)
    app.include_router(health.router)
    app.include_router(documents.router)
    app.include_router(ask.router)
    app.include_router(agencies.router)
    app.include_router(tasks.router)
    app.include_router(network.router)
    app.include_router(calendar.router)
    app.include_router(export.router)
    app.include_router(sparql.router)
    app.include_router(viz.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("viz", "static")]), name="static")
    if settings.cors_origins:  # CORS is off unless origins are configured
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["X-API-Key", "Content-Type", "Accept"],
        )
    # a body larger than the upload limit (plus room for the multipart envelope) is refused before any
    # route, or CORS, reads it; the security headers go on every answer, the 413 included
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes + MULTIPART_ROOM)
    app.add_middleware(SecurityHeaders)
    return app
