"""A real server (uvicorn in its own process, on a free port) under many readers and one writer.

Six reader threads list documents, query the SPARQL endpoint (whose workers open the store
read-only next to the live writer) and ask for health, while a writer thread uploads, replaces and
deletes documents over HTTP. No answer may be a 5xx, every listing's total must match what it lists,
and every SPARQL answer must see each document whole. Then an endless chunked upload (no
Content-Length) over a raw socket is answered 413 long before it could have been sent.
"""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import textwrap
import threading
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from ontology.store import GraphStore
from tests.reliability import documents as D

KEY = "live-key"
LIMIT = 1_000_000
READERS = 6
WRITES = int(os.environ.get("PLANGRAPH_LIVE_WRITES", "10"))

SERVER = textwrap.dedent(
    """
    import socket, sys
    sys.path.insert(0, {root!r})
    import uvicorn
    from api.app import create_app
    from api.settings import Settings
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    port = sock.getsockname()[1]
    settings = Settings(store={store!r}, port=port, api_key={key!r}, max_upload_bytes={limit},
                        sparql_timeout_s=60)
    print(port, flush=True)
    uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning")).run(sockets=[sock])
    """
)


@contextmanager
def live_server(store: Path, log: Path):
    root = str(Path(__file__).resolve().parents[2])
    code = SERVER.format(root=root, store=str(store), key=KEY, limit=LIMIT)
    with log.open("w") as err:
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=err, text=True)
    try:
        port = int(proc.stdout.readline())
        url = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=url, timeout=120) as c:
            for _ in range(600):  # until the lifespan has opened the store
                try:
                    if c.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                threading.Event().wait(0.1)
        yield url, port
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("live")
    docs = D.versions()
    with GraphStore.open(folder / "store") as store:  # every document starts in its "new" version
        store.bulk_load_graphs([d.new for d in docs])
    with live_server(folder / "store", folder / "server.log") as (url, port):
        yield url, port
    log = (folder / "server.log").read_text(encoding="utf-8")
    assert "Traceback" not in log, log


@pytest.mark.slow
def test_many_readers_and_one_writer(server):
    url, _ = server
    docs = D.versions()
    sizes = {d.key: {d.old.size, d.new.size} for d in docs}
    texts = dict(D.texts())
    small = [(name, data) for name, data in texts.items() if name != "plan-big.md"]
    done = threading.Event()
    statuses: list[tuple[str, int]] = []
    failures: list[str] = []
    counts = {"sparql": 0, "list": 0, "versions": set()}

    def reader(n: int) -> None:
        with httpx.Client(base_url=url, timeout=120) as c:
            i = 0
            while not done.is_set() or i < 3:
                i += 1
                try:
                    if (i + n) % 3 == 0:
                        r = c.get(
                            "/sparql", params={"query": D.WHOLE}, headers={"Accept": "application/json"}
                        )
                        statuses.append(("sparql", r.status_code))
                        if r.status_code >= 500:
                            failures.append(f"reader {n}: {r.status_code} {r.text[:300]}")
                        if r.status_code == 200:
                            rows = [
                                {k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]
                            ]
                            counts["versions"].add(tuple(sorted(D.check_whole(rows, docs).items())))
                            counts["sparql"] += 1
                    elif (i + n) % 3 == 1:
                        r = c.get("/documents", params={"limit": 1000})
                        statuses.append(("list", r.status_code))
                        if r.status_code == 200:
                            body = r.json()
                            assert body["total"] == len(body["documents"]), body
                            for doc in body["documents"]:
                                assert doc["triples"] in sizes[doc["id"]], doc
                            counts["list"] += 1
                    else:
                        statuses.append(("health", c.get("/health").status_code))
                except AssertionError as exc:
                    failures.append(f"reader {n}: {exc}"[:500])

    def writer() -> None:
        with httpx.Client(base_url=url, timeout=300, headers={"X-API-Key": KEY}) as c:
            for i in range(WRITES):
                name, data = small[i % len(small)]
                r = c.post("/documents", files={"file": (name, data)})
                statuses.append(("upload", r.status_code))
                if i % 3 == 2 and r.status_code == 201:  # and now and then delete it, to load it again later
                    statuses.append(("delete", c.delete(f"/documents/{r.json()['id']}").status_code))

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
    for t in threads:
        t.start()
    try:
        writer()
    finally:
        done.set()
        for t in threads:
            t.join(300)
    assert not failures, failures[:3]
    assert not [s for s in statuses if s[1] >= 500], [s for s in statuses if s[1] >= 500]
    expected = {"sparql": {200}, "list": {200}, "health": {200}, "upload": {201}, "delete": {204}}
    assert all(code in expected[kind] for kind, code in statuses), sorted(set(statuses))
    assert counts["sparql"] >= READERS and counts["list"] >= READERS
    assert len([s for s in statuses if s[0] == "upload"]) == WRITES


@pytest.mark.slow
def test_an_endless_chunked_upload_is_cut_off_with_413(server):
    _, port = server
    chunk = b"x" * 65536
    total = 64 * 1024 * 1024  # what the client would send: 64 times the limit
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)
        head = (
            "POST /documents HTTP/1.1\r\nHost: test\r\nX-API-Key: " + KEY + "\r\n"
            "Content-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        part = b'--b\r\nContent-Disposition: form-data; name="file"; filename="p.md"\r\n\r\n'
        sock.sendall(head.encode() + b"%x\r\n%s\r\n" % (len(part), part))
        answer = b""
        while sent < total:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        try:
            while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
                data = sock.recv(65536)
                if not data:
                    break
                answer += data
        except ConnectionResetError:
            pass
    assert answer.startswith(b"HTTP/1.1 413"), answer[:300]
    assert b"application/problem+json" in answer and b"larger than" in answer
    assert sent < total // 4, sent  # the server stopped reading long before the end
