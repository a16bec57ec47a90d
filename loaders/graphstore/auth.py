"""HTTP authentication for a Graph Store: none, basic, digest, or whichever the server asks for.

Virtuoso's ``/sparql-graph-crud-auth`` asks for digest; Fuseki and GraphDB for
basic. ``auto`` sends the first request without credentials and answers the
server's challenge (``WWW-Authenticate``) with that scheme from then on, so the
password never travels in the clear to a server that asks for digest.

>>> make_auth("auto", None, None) is None
True
>>> type(make_auth("digest", "dba", "pw")).__name__
'DigestAuth'
>>> make_auth("kerberos", "u", "p")
Traceback (most recent call last):
...
graph.errors.InvalidInput: unknown authentication 'kerberos': auto, basic or digest
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import httpx

from graph.errors import InvalidInput

SCHEMES = ("auto", "basic", "digest")


def make_auth(scheme: str, user: str | None, password: str | None) -> Any:
    """An ``httpx.Auth`` for ``scheme``, or None when there is no user."""
    if scheme not in SCHEMES:
        raise InvalidInput(f"unknown authentication {scheme!r}: auto, basic or digest")
    if not user:
        return None
    password = password or ""
    if scheme == "basic":
        return httpx.BasicAuth(user, password)
    if scheme == "digest":
        return httpx.DigestAuth(user, password)
    return _Challenged(httpx.BasicAuth(user, password), httpx.DigestAuth(user, password))


class _Challenged(httpx.Auth):
    """Answers the server's first challenge with its own scheme, then keeps that scheme."""

    requires_request_body = True
    requires_response_body = False

    def __init__(self, basic: Any, digest: Any) -> None:
        self._basic = basic
        self._digest = digest
        self._chosen: Any = None

    def auth_flow(self, request: Any) -> Generator[Any, Any, None]:
        if self._chosen is not None:
            yield from self._chosen.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        scheme = response.headers.get("www-authenticate", "").split(" ", 1)[0].lower()
        if scheme == "basic":
            self._chosen = self._basic
            yield from self._basic.auth_flow(request)
        elif scheme == "digest":
            self._chosen = self._digest
            flow = self._digest.auth_flow(request)
            next(flow)  # the unauthenticated request it would send first: already answered
            authed = flow.send(response)
            response = yield authed
            try:
                flow.send(response)
            except StopIteration:
                pass
