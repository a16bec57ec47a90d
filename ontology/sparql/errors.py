"""The SPARQL endpoint's errors: each a :class:`PlangraphError` with its HTTP status.

The API turns them into ``application/problem+json`` with the type
``urn:plangraph:error:{kebab-case class name}`` (e.g. ``urn:plangraph:error:update-refused``).
Messages are one line and never carry file paths or stack traces.
"""

from __future__ import annotations

from graph.errors import InvalidInput, PayloadTooLarge, PlangraphError


class QuerySyntaxError(InvalidInput):
    """The query does not parse (the parser's message, one line)."""

    title = "SPARQL syntax error"


class QueryRefused(InvalidInput):
    """A well-formed request the endpoint will not run."""

    title = "SPARQL query refused"


class UpdateRefused(QueryRefused):
    """INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD: the endpoint is read-only."""

    title = "SPARQL update refused"


class ServiceRefused(QueryRefused):
    """SERVICE (a federated query to another host) is refused wherever it appears."""

    title = "SPARQL SERVICE refused"


class UnsupportedSyntax(QueryRefused):
    """Syntax outside SPARQL 1.1 that the structural check cannot inspect (e.g. SPARQL-star)."""

    title = "SPARQL syntax not accepted"


class QueryTooLarge(PayloadTooLarge):
    """The query text (or the request body) is longer than the endpoint accepts."""

    title = "SPARQL query too large"


class NotAcceptable(PlangraphError):
    """No result format both fits the query form and matches Accept / ``format``."""

    status = 406
    title = "Not acceptable"


class UnsupportedMediaType(PlangraphError):
    """A POST body that is neither a form nor ``application/sparql-query``."""

    status = 415
    title = "Unsupported media type"


class QueryTimeout(PlangraphError):
    """The query ran past the time limit; its worker process was killed."""

    status = 504
    title = "SPARQL query time limit exceeded"


class EndpointBusy(PlangraphError):
    """Every query worker stayed busy for the whole time limit."""

    status = 503
    title = "SPARQL endpoint busy"


class QueryFailed(PlangraphError):
    """The worker could not answer (its store failed, or it died); details go to the log only."""

    status = 503
    title = "SPARQL query failed"
