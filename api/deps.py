"""FastAPI dependencies (``Annotated`` aliases) shared by the routers."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Header, Request

from api.settings import Settings
from graph.errors import Forbidden
from graph.queries import KnowledgeBase
from ontology.reads import StoreReader
from ontology.store import GraphStore


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> GraphStore:
    return request.app.state.store


def get_kb(request: Request) -> KnowledgeBase:
    """The knowledge base over the app's store (its name indexes are kept up to date by the write routes)."""
    kb = getattr(request.app.state, "kb", None)
    store = request.app.state.store
    if kb is None or kb.reader.store is not store:
        kb = request.app.state.kb = KnowledgeBase(StoreReader(store))
    return kb


def require_writer(
    request: Request,
    x_api_key: Annotated[str | None, Header(description="The API key, or the local hand-off token.")] = None,
) -> None:
    """Writes need ``X-API-Key``: the configured key, or the token of the local hand-off file.

    Keys are compared in constant time. With no key configured, writes over HTTP are
    disabled (only a local ``plangraph load`` can hand documents over).
    """
    settings: Settings = request.app.state.settings
    accepted = [settings.api_key.get_secret_value()] if settings.api_key is not None else []
    token = getattr(request.app.state, "local_token", None)
    if token:
        accepted.append(token)
    if not accepted:
        raise Forbidden("writes over HTTP are disabled: set PLANGRAPH_API_KEY to enable them")
    given = (x_api_key or "").encode("utf-8")
    matches = [hmac.compare_digest(given, key.encode("utf-8")) for key in accepted]
    if not x_api_key or not any(matches):
        if settings.api_key is None:
            raise Forbidden("writes over HTTP are disabled: set PLANGRAPH_API_KEY to enable them")
        raise Forbidden("a valid X-API-Key header is required for writes")


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
KBDep = Annotated[KnowledgeBase, Depends(get_kb)]
StoreDep = Annotated[GraphStore, Depends(get_store)]
WriterDep = Depends(require_writer)
