"""A tiny SPARQL 1.1 Graph Store on loopback (a real HTTP server in a thread) with knobs for failures.

GET / PUT / POST / DELETE ``?graph=<iri>`` on N-Triples; basic authentication when
``password`` is set; ``max_body`` answers 413 to bigger bodies; ``fail_next`` answers
503 to that many requests; ``refuse`` answers 400 to writes of those graphs; ``refuse_posts``
answers 400 to every POST; ``forbid_after`` answers 403 to every write after that many.
"""

from __future__ import annotations

import base64
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox


@dataclass
class GraphStoreServer:
    user: str | None = None
    password: str | None = None
    max_body: int | None = None
    fail_next: int = 0
    refuse: set[str] = field(default_factory=set)
    refuse_posts: bool = False
    forbid_after: int | None = None
    graphs: dict[str, set[ox.Triple]] = field(default_factory=dict)
    log: list[tuple[str, str, int]] = field(default_factory=list)
    url: str = ""

    def start(self) -> GraphStoreServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status: int, body: bytes = b"", ctype: str = "text/plain") -> None:
                server.log.append((self.command, self._graph(), status))
                self.send_response(status)
                if status == 401:
                    self.send_header("WWW-Authenticate", 'Basic realm="gsp"')
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _graph(self) -> str:
                return parse_qs(urlsplit(self.path).query).get("graph", [""])[0]

            def _handle(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if urlsplit(self.path).path != "/data":
                    return self._answer(404, b"no such endpoint")
                if server.password is not None:
                    token = base64.b64encode(f"{server.user}:{server.password}".encode()).decode()
                    if self.headers.get("Authorization") != f"Basic {token}":
                        return self._answer(401, b"who are you")
                if server.fail_next > 0:
                    server.fail_next -= 1
                    return self._answer(503, b"busy")
                g = self._graph()
                if self.command in ("PUT", "POST"):
                    if server.forbid_after is not None and len(server.writes()) >= server.forbid_after:
                        return self._answer(403, b"forbidden")
                    if server.refuse_posts and self.command == "POST":
                        return self._answer(400, b"cannot append")
                    if server.max_body is not None and len(body) > server.max_body:
                        return self._answer(413, b"<html><b>Request Entity Too Large</b></html>", "text/html")
                    if g in server.refuse:
                        return self._answer(400, b"refused")
                    triples = {q.triple for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)}
                    created = g not in server.graphs
                    if self.command == "PUT":
                        server.graphs[g] = triples
                    else:
                        server.graphs.setdefault(g, set()).update(triples)
                    return self._answer(201 if created else 204)
                if g not in server.graphs:
                    return self._answer(404, b"no such graph")
                if self.command == "DELETE":
                    del server.graphs[g]
                    return self._answer(204)
                data = "".join(f"{t} .\n" for t in sorted(server.graphs[g], key=str)).encode()
                return self._answer(200, data, "application/n-triples")

            do_GET = do_PUT = do_POST = do_DELETE = _handle

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}/data"
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join(timeout=10)

    def writes(self) -> list[str]:
        return [m for m, _, _ in self.log if m in ("PUT", "POST")]
