"""One JSON error shape for the whole API: RFC 9457 ``application/problem+json``.

Every error path answers ``{"type", "title", "status", "detail", "instance"}``;
bodies never carry paths or stack traces.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import PlangraphError, StorageFailure

PROBLEM = "application/problem+json"
log = logging.getLogger("plangraph.api")

_TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    409: "Conflict",
    413: "Payload too large",
    415: "Unsupported media type",
    422: "Unprocessable content",
    500: "Internal server error",
    501: "Not implemented",
    503: "Service unavailable",
    504: "Gateway timeout",
}


#: On every response (api/limits.py adds them); error bodies also get ``Cache-Control: no-store``.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
GENERIC_500 = "The store could not complete the operation; the error has been logged."


def problem(
    status: int,
    detail: str,
    *,
    request: Request | None = None,
    title: str | None = None,
    type_: str = "about:blank",
    extra: dict | None = None,
    headers: dict | None = None,
) -> JSONResponse:
    body = {"type": type_, "title": title or _TITLES.get(status, "Error"), "status": status, "detail": detail}
    if request is not None:
        body["instance"] = request.url.path
    if extra:
        body.update(extra)
    # set here too: a 500 from an unexpected error is answered outside the app's middleware
    headers = {**SECURITY_HEADERS, "Cache-Control": "no-store", **(headers or {})}
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def _kebab(name: str) -> str:
    return "".join("-" + c.lower() if c.isupper() else c for c in name).lstrip("-")


def install(app: FastAPI) -> None:
    @app.exception_handler(PlangraphError)
    async def _domain(request: Request, exc: PlangraphError) -> JSONResponse:
        detail = str(exc)
        if isinstance(exc, StorageFailure):  # its message may name server files
            log.error("%s on %s: %s", type(exc).__name__, request.url.path, detail)
            detail = GENERIC_500
        return problem(
            exc.status,
            without_server_paths(detail, request),
            request=request,
            title=exc.title,
            type_=f"urn:plangraph:error:{_kebab(type(exc).__name__)}",
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg", "")} for e in exc.errors()]
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        detail = f"{'.'.join(first['loc'])}: {first['msg']}" if first["loc"] else first["msg"]
        return problem(
            422,
            detail,
            request=request,
            title="Invalid request",
            type_="urn:plangraph:error:invalid-request",
            extra={"errors": errors},
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else _TITLES.get(exc.status_code, "Error")
        return problem(exc.status_code, detail, request=request, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return problem(500, "The server hit an unexpected error; it has been logged.", request=request)


def without_server_paths(detail: str, request: Request) -> str:
    """``detail`` with the store's folder (and the folder holding it) replaced by "the store".

    A last safety net: domain messages name documents, not files, but some name the store.
    """
    settings = getattr(request.app.state, "settings", None)
    store = getattr(settings, "store", None)
    if store is None:
        return detail
    for folder in sorted(
        {str(store), str(store.resolve()), str(store.resolve().parent)}, key=len, reverse=True
    ):
        if folder not in ("", ".", "/"):
            detail = detail.replace(folder, "<store>")
    return detail
