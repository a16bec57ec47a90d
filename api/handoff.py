"""The hand-off between ``plangraph serve`` and ``plangraph load`` on one store.

An on-disk Oxigraph store takes one writing process. While the server runs it
holds the store, so a ``load`` cannot open it; instead the server writes a small
file next to the store, ``<store>.server.json`` (mode 0600), with its URL, its
pid and a random token, and removes it at shutdown. ``load`` reads that file
and uploads the documents to ``POST /documents`` with the token as
``X-API-Key``; the server loads them (one transaction each).

>>> handoff_path(Path("/data/store"))
PosixPath('/data/store.server.json')
"""

from __future__ import annotations

import json
import os
import secrets
import urllib.error
import urllib.request
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from graph.errors import PlangraphError, StoreBusy

SUFFIX = ".server.json"


@dataclass(frozen=True)
class Handoff:
    url: str
    pid: int
    token: str
    store: str


def handoff_path(store: Path) -> Path:
    store = Path(store)
    return store.with_name(store.name + SUFFIX)


def local_url(host: str, port: int) -> str:
    """Where a local client reaches the server (a wildcard address means loopback)."""
    if host in ("", "0.0.0.0", "::", "[::]"):
        host = "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


def write_handoff(store: Path, url: str) -> Handoff:
    """Write the hand-off file (0600, atomically) and return what it holds."""
    store = Path(store)
    handoff = Handoff(url=url, pid=os.getpid(), token=secrets.token_urlsafe(32), store=str(store.resolve()))
    path = handoff_path(store)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(asdict(handoff), f)
    os.replace(tmp, path)
    return handoff


def read_handoff(store: Path) -> Handoff | None:
    """The hand-off of a server that is still alive, or None."""
    try:
        data = json.loads(handoff_path(store).read_text(encoding="utf-8"))
        handoff = Handoff(
            url=str(data["url"]), pid=int(data["pid"]), token=str(data["token"]), store=str(data["store"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return handoff if pid_alive(handoff.pid) else None


def remove_handoff(store: Path, handoff: Handoff) -> None:
    """Remove the hand-off file if it is still ours (a newer server may have replaced it)."""
    path = handoff_path(store)
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("token") == handoff.token:
            path.unlink()
    except (OSError, ValueError):
        pass


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return pid > 0


def upload(handoff: Handoff, path: Path, *, timeout: float = 300.0) -> dict:
    """Hand one file to the server; its JSON answer, or a one-line error."""
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{_safe(path.name)}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    try:
        body = head + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    except OSError as exc:
        raise PlangraphError(f"{path}: cannot read: {exc.strerror or exc}") from None
    request = urllib.request.Request(
        f"{handoff.url}/documents",
        data=body,
        method="POST",
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}", "X-API-Key": handoff.token},
    )
    return _send(request, handoff, timeout)


def _send(request: urllib.request.Request, handoff: Handoff, timeout: float) -> dict:
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        try:
            detail = json.loads(exc.read()).get("detail", exc.reason)
        except ValueError:
            detail = exc.reason
        raise PlangraphError(str(detail)) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise StoreBusy(
            f"the store is held by 'plangraph serve' (pid {handoff.pid}) but it does not answer at "
            f"{handoff.url} ({reason}); stop it or wait until it is up, then load again"
        ) from None


def _safe(name: str) -> str:
    return name.replace('"', "_").replace("\r", "_").replace("\n", "_")
