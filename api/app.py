"""The FastAPI application factory.

>>> from api.settings import Settings
>>> app = create_app(Settings(), store=None)
>>> app.title
'plangraph'
"""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import errors
from api.routers import health
from api.settings import Settings
from ontology.store import GraphStore

DESCRIPTION = """Who must do what, with whom, by when, and on what legal authority —
questions over Vietnamese government plans, every answer with its evidence."""


def create_app(settings: Settings, *, store: GraphStore | None = None) -> FastAPI:
    """Build the app. ``store`` is injected by tests; otherwise opened from settings at start-up."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        owned = app.state.store is None
        if owned:
            app.state.store = GraphStore.open(settings.store, base=settings.base_iri)
        try:
            yield
        finally:
            if owned:
                app.state.store.flush()
                app.state.store = None

    app = FastAPI(title="plangraph", version="0.1.0", description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.state.store = store
    errors.install(app)
    app.include_router(health.router)
    return app
