"""A SPARQL 1.1 Graph Store HTTP Protocol client: GET, PUT, POST and DELETE of one named graph.

``PUT {url}?graph=<g>`` replaces the graph, ``POST`` appends to it, ``DELETE``
removes it, ``GET`` reads it (https://www.w3.org/TR/sparql11-http-rdf-update/).
Bounded retries on connection errors and 5xx answers (every request here is
idempotent: an RDF graph is a set, so appending the same triples twice is a
no-op); every failure becomes one line naming what to fix.

>>> check_url("ftp://example.org/x")
Traceback (most recent call last):
...
graph.errors.InvalidInput: not a usable Graph Store URL 'ftp://example.org/x': it must be http(s)://host[:port]/path (for Virtuoso http://host:8890/sparql-graph-crud-auth)
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from graph.errors import InvalidInput, PlangraphError
from loaders.graphstore.auth import make_auth

#: What a graph is sent as: N-Triples lines (also valid Turtle).
NTRIPLES = "application/n-triples"
ACCEPT = "application/n-triples, text/turtle;q=0.9"
EXAMPLE = "for Virtuoso http://host:8890/sparql-graph-crud-auth"
USER_SETTINGS = "PLANGRAPH_SPARQL_PUSH_USER / PLANGRAPH_SPARQL_PUSH_PASSWORD, or --user / --password"


class Unreachable(PlangraphError):
    """The server cannot be reached or refused the credentials: the push stops."""


class GraphRefused(PlangraphError):
    """The server refused one graph (a 4xx other than auth, or 5xx after the retries)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def check_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL with a host, else :class:`InvalidInput` (one line)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise InvalidInput(
            f"not a usable Graph Store URL {url!r}: it must be http(s)://host[:port]/path ({EXAMPLE})"
        )
    try:
        parts.port  # noqa: B018  (raises for a port that is not a number)
    except ValueError:
        raise InvalidInput(f"not a usable Graph Store URL {url!r}: bad port ({EXAMPLE})") from None
    return url


@dataclass
class Answer:
    status: int
    content_type: str
    body: bytes


class GraphStoreClient:
    """One Graph Store endpoint; ``close()`` when done (or use ``with``)."""

    def __init__(
        self,
        url: str,
        *,
        user: str | None = None,
        password: str | None = None,
        auth: str = "auto",
        timeout: float = 120.0,
        retries: int = 3,
        backoff: float = 0.5,
    ) -> None:
        import httpx

        self.url = check_url(url)
        self.user = user
        self.retries = retries
        self.backoff = backoff
        self.requests = 0
        self._http = httpx.Client(auth=make_auth(auth, user, password), timeout=timeout)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> GraphStoreClient:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- the four operations -------------------------------------------------------------------
    def get(self, graph: str) -> Answer | None:
        """The graph's content, or None when the server has no such graph (404)."""
        answer = self._send("GET", graph, ok=(200, 404), headers={"Accept": ACCEPT})
        return None if answer.status == 404 else answer

    def put(self, graph: str, data: bytes) -> None:
        """Replace the graph by ``data`` (N-Triples)."""
        self._send("PUT", graph, ok=(200, 201, 204), data=data, headers={"Content-Type": NTRIPLES})

    def post(self, graph: str, data: bytes) -> None:
        """Append ``data`` (N-Triples) to the graph."""
        self._send("POST", graph, ok=(200, 201, 204), data=data, headers={"Content-Type": NTRIPLES})

    def delete(self, graph: str) -> bool:
        """Remove the graph; False when the server had no such graph."""
        return self._send("DELETE", graph, ok=(200, 202, 204, 404)).status != 404

    # -- sending, with bounded retries -----------------------------------------------------------
    def _send(
        self, method: str, graph: str, *, ok: tuple[int, ...], data: bytes | None = None, headers=None
    ) -> Answer:
        import httpx

        for attempt in range(self.retries + 1):
            self.requests += 1
            try:
                response = self._http.request(
                    method, self.url, params={"graph": graph}, content=data, headers=headers
                )
            except httpx.InvalidURL as exc:
                raise InvalidInput(f"not a usable Graph Store URL {self.url!r}: {exc}") from None
            except (httpx.TransportError, OSError) as exc:
                if attempt < self.retries:
                    time.sleep(self.backoff * 2**attempt)
                    continue
                raise Unreachable(f"cannot reach the Graph Store at {self.url}: {_reason(exc)}") from None
            if response.status_code >= 500 and response.status_code not in ok and attempt < self.retries:
                time.sleep(self.backoff * 2**attempt)
                continue
            if response.status_code in ok:
                ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
                return Answer(response.status_code, ctype, response.content)
            raise self._refusal(method, response)
        raise AssertionError("unreachable")  # pragma: no cover

    def _refusal(self, method: str, response: Any) -> PlangraphError:
        status = response.status_code
        where = f"the Graph Store at {self.url}"
        if status == 401:
            who = f"the credentials of user {self.user!r}" if self.user else "a request without credentials"
            return Unreachable(f"{where} refused {who} (HTTP 401): set {USER_SETTINGS}")
        if status == 403:
            who = f"user {self.user!r}" if self.user else "anonymous requests"
            return Unreachable(
                f"{where} forbids {method} to {who} (HTTP 403): give the user update rights, or use an "
                f"authenticated endpoint ({EXAMPLE}) and set {USER_SETTINGS}"
            )
        if status in (404, 405, 501) or (method == "GET" and status == 400):
            return Unreachable(
                f"{self.url} is not a Graph Store endpoint ({method} answered HTTP {status}): {EXAMPLE}, "
                "for Fuseki http://host:3030/DATASET/data"
            )
        return GraphRefused(f"{method} answered HTTP {status}: {_snippet(response)}", status)


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    if "refused" in text.lower():
        return "connection refused (is the server running?)"
    return text[:200]


def _snippet(response: Any) -> str:
    """The server's error text on one line, without HTML markup, at most 200 characters."""
    import re

    text = re.sub(r"<[^>]+>", " ", response.text or "")
    text = " ".join(text.split())
    return (text[:199] + "…" if len(text) > 200 else text) or response.reason_phrase
