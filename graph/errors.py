"""One exception hierarchy for the whole project.

Only broken inputs or configuration raise; validation returns reports.
The API maps these to 4xx problem+json responses and the CLI to a one-line
message with a non-zero exit.
"""

from __future__ import annotations


class PlangraphError(Exception):
    """The root of every error plangraph raises on purpose."""

    #: HTTP status the API answers with.
    status: int = 400
    #: short, stable title for the problem+json body.
    title: str = "Plangraph error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ParseError(PlangraphError):
    """A document could not be read or is not a plan.

    >>> str(ParseError("no plan structure found", source="x.md", line=3))
    'x.md:3: no plan structure found'
    """

    status = 422
    title = "Document cannot be parsed"

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        self.source = source
        self.line = line
        where = source or ""
        if line is not None:
            where = f"{where}:{line}" if where else f"line {line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.reason = message


class NotFound(PlangraphError):
    """Something named by the user does not exist in the store."""

    status = 404
    title = "Not found"


class InvalidInput(PlangraphError):
    """A request or command argument is malformed or out of range."""

    status = 400
    title = "Invalid input"


class NotBuilt(PlangraphError):
    """A command or feature that is not built yet; it says so instead of pretending."""

    status = 501
    title = "Not built yet"


class StoreBusy(PlangraphError):
    """The on-disk store is held by another writing process."""

    status = 409
    title = "Store is busy"


class Forbidden(PlangraphError):
    """A write without (or with a wrong) API key, or writes disabled."""

    status = 403
    title = "Forbidden"


class PayloadTooLarge(PlangraphError):
    """An upload bigger than the configured limit."""

    status = 413
    title = "Payload too large"


class StorageFailure(PlangraphError):
    """The store itself failed (a disk, lock or file error): not the user's fault.

    The message may name server files; the API answers a generic 500 and logs it."""

    status = 500
    title = "Storage failure"
