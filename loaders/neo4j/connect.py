"""Opening a driver from the settings: every failure becomes one line, never a traceback."""

from __future__ import annotations

from typing import Any

from graph.errors import InvalidInput, PlangraphError


def open_driver(uri: str | None, user: str, password: str | None) -> Any:
    """A connected ``neo4j`` driver (connectivity checked), or a one-line :class:`PlangraphError`.

    >>> open_driver(None, "neo4j", None)
    Traceback (most recent call last):
    ...
    graph.errors.InvalidInput: no Neo4j server configured: set PLANGRAPH_NEO4J_URI (e.g. bolt://localhost:7687) or pass the URI
    """
    if not uri:
        raise InvalidInput(
            "no Neo4j server configured: set PLANGRAPH_NEO4J_URI (e.g. bolt://localhost:7687) or pass the URI"
        )
    import neo4j
    from neo4j import exceptions as ne

    auth = (user, password) if password is not None else None
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=auth)
    except (ValueError, ne.ConfigurationError) as exc:
        raise InvalidInput(f"not a usable Neo4j URI {uri!r}: {one_line(exc)}") from None
    try:
        driver.verify_connectivity()
    except ne.AuthError as exc:
        driver.close()
        raise PlangraphError(
            f"Neo4j at {uri} refused the credentials of user {user!r} (PLANGRAPH_NEO4J_USER / "
            f"PLANGRAPH_NEO4J_PASSWORD): {one_line(exc)}"
        ) from None
    except (ne.DriverError, ne.Neo4jError, OSError) as exc:
        driver.close()
        raise PlangraphError(f"cannot reach Neo4j at {uri}: {one_line(exc)}") from None
    return driver


def one_line(exc: BaseException) -> str:
    """The whole message on one line (the driver spreads its reasons over several), at most 300 characters."""
    text = " ".join(str(exc).split())
    text = text if len(text) <= 300 else text[:299] + "…"
    return text or type(exc).__name__
