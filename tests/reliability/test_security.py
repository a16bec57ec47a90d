"""Nobody in where they don't belong: the promises of docs/security.md, each tested on the real app.

API key (constant time, every write route), the body limit before any route (declared and
streamed), client-named files never opened, DOCX without entity expansion or fetches, no RDF/XML
from users, CORS off by default, error bodies without paths or tracebacks, security headers.
The SPARQL endpoint's refusals and bounds are tested in tests/api/test_sparql_*.py.
"""

from __future__ import annotations

import ast
import asyncio
import io
import logging
import zipfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

import api.deps
from api.app import MULTIPART_ROOM, create_app
from api.settings import Settings
from graph.errors import InvalidInput, ParseError
from loaders.read import read_bytes
from ontology.store import GraphStore
from tests.api.sparql_helpers import LEAKS, LoopbackServer
from tests.conftest import ROOT, SEED
from tests.ontology import fixtures as fx

KEY = "Key-0f-The-Right-Length"
PLAN_95 = "vn/ubnd-ha-noi/kh/2022/95"
SEED_ID = "vn/ubnd-ha-noi/kh/2022/94"
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


def dump(store: GraphStore) -> list[bytes]:
    return sorted(store.raw.dump(format=ox.RdfFormat.N_QUADS).splitlines())


def app_client(settings: Settings, store: GraphStore | None = None) -> TestClient:
    if store is None:
        store = GraphStore.memory()
        store.load_extraction(fx.make_extraction("95"))
    return TestClient(create_app(settings, store=store), raise_server_exceptions=False)


def problem(r, status: int, *, leaks: tuple[str, ...] = ()) -> dict:
    """The one error shape, with no path, traceback or other private text in it."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json"), r.headers
    body = r.json()
    assert PROBLEM_KEYS <= set(body) and body["status"] == status, body
    assert "\n" not in body["detail"]
    for leak in (*LEAKS, *leaks, "/tmp/", "/etc/", "/home/", "/root/"):
        assert leak not in r.text, (leak, r.text)
    assert r.headers["cache-control"] == "no-store"
    return body


# -- the API key ---------------------------------------------------------------------------------------

WRONG_KEYS = [
    None,
    "",
    "wrong",
    " " + KEY,
    KEY + " ",
    KEY + "\t",
    KEY.upper(),
    KEY.lower(),
    KEY[:-1],
    KEY + "x",
]


def write(c: TestClient, route: str, key: str | None):
    headers = {"X-API-Key": key} if key is not None else {}
    if route == "upload":
        return c.post("/documents", files={"file": ("plan.md", SEED.read_bytes())}, headers=headers)
    return c.delete(f"/documents/{PLAN_95}", headers=headers)


@pytest.mark.parametrize("route", ["upload", "delete"])
@pytest.mark.parametrize("key", WRONG_KEYS, ids=repr)
def test_every_write_route_refuses_a_missing_or_wrong_key(route, key):
    store = GraphStore.memory()
    store.load_extraction(fx.make_extraction("95"))
    before = dump(store)
    with app_client(Settings(api_key=KEY), store) as c:
        body = problem(write(c, route, key), 403)
        assert "X-API-Key" in body["detail"]
    assert dump(store) == before


@pytest.mark.parametrize("route", ["upload", "delete"])
def test_the_right_key_writes(route):
    with app_client(Settings(api_key=KEY)) as c:
        assert write(c, route, KEY).status_code == {"upload": 201, "delete": 204}[route]


@pytest.mark.parametrize("route", ["upload", "delete"])
@pytest.mark.parametrize("key", [None, "", KEY, "anything"], ids=repr)
def test_without_a_configured_key_writes_are_disabled(route, key):
    store = GraphStore.memory()
    store.load_extraction(fx.make_extraction("95"))
    before = dump(store)
    with app_client(Settings(), store) as c:
        assert "disabled" in problem(write(c, route, key), 403)["detail"]
    assert dump(store) == before


def test_the_key_is_compared_in_constant_time(monkeypatch):
    """Every comparison goes through hmac.compare_digest, on bytes, against the configured key."""
    calls = []
    real = api.deps.hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(api.deps.hmac, "compare_digest", spy)
    with app_client(Settings(api_key=KEY)) as c:
        problem(write(c, "delete", "guess"), 403)
        assert calls == [(b"guess", KEY.encode())]
        calls.clear()
        assert write(c, "delete", KEY).status_code == 204
        assert calls == [(KEY.encode(), KEY.encode())]


def test_the_comparison_decides(monkeypatch):
    """A spy that says "equal" lets a wrong key in: the route's decision is compare_digest's."""
    monkeypatch.setattr(api.deps.hmac, "compare_digest", lambda a, b: True)
    with app_client(Settings(api_key=KEY)) as c:
        assert write(c, "delete", "not-the-key").status_code == 204


# -- body size -----------------------------------------------------------------------------------------


def test_an_upload_over_the_limit_is_413_and_the_store_is_unchanged():
    store = GraphStore.memory()
    store.load_extraction(fx.make_extraction("95"))
    before = dump(store)
    with app_client(Settings(api_key=KEY, max_upload_bytes=1000), store) as c:
        # over the file limit but inside the envelope: the route's own check
        r = c.post("/documents", files={"file": ("p.md", b"x" * 1001)}, headers={"X-API-Key": KEY})
        problem(r, 413)
        # far over: the middleware, before any route
        big = b"x" * (1000 + MULTIPART_ROOM + 1)
        problem(c.post("/documents", files={"file": ("p.md", big)}, headers={"X-API-Key": KEY}), 413)
        # without a key too: the size is checked first, the body never read
        problem(c.post("/documents", files={"file": ("p.md", big)}), 413)
    assert dump(store) == before


async def _asgi(app, headers: list[tuple[bytes, bytes]], chunks, method: str = "POST"):
    """Drive the app as a server would; returns (status, body, bytes the app pulled)."""
    pulled = 0
    source = iter(chunks)
    sent: list[dict] = []

    async def receive():
        nonlocal pulled
        chunk = next(source, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": "/documents",
        "raw_path": b"/documents",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"test"), (b"x-api-key", KEY.encode()), *headers],
        "client": ("127.0.0.1", 1),
        "server": ("test", 80),
    }
    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], body, pulled


def _endless(size: int = 16 * 1024):
    """A well-formed multipart upload that never ends."""
    yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="p.md"\r\n\r\n'
    while True:
        yield b"x" * size


def test_a_declared_length_over_the_limit_is_refused_without_reading_the_body():
    app = create_app(Settings(api_key=KEY, max_upload_bytes=1000), store=GraphStore.memory())
    headers = [(b"content-type", b"multipart/form-data; boundary=b"), (b"content-length", b"999999999")]
    status, body, pulled = asyncio.run(_asgi(app, headers, _endless()))
    assert status == 413 and b"larger than" in body and pulled == 0


def test_a_chunked_upload_is_cut_off_once_it_passes_the_limit():
    limit = 1000 + MULTIPART_ROOM
    app = create_app(Settings(api_key=KEY, max_upload_bytes=1000), store=GraphStore.memory())
    headers = [(b"content-type", b"multipart/form-data; boundary=b"), (b"transfer-encoding", b"chunked")]
    status, body, pulled = asyncio.run(_asgi(app, headers, _endless()))
    assert status == 413 and b"Payload too large" in body
    assert limit < pulled <= limit + 16 * 1024 + 5  # one chunk past the limit, never the rest


# -- client-named files --------------------------------------------------------------------------------


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in folder.rglob("*")}


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../evil.md", "evil.md"),
        ("/etc/passwd.md", "passwd.md"),
        ("..\\..\\evil.md", "evil.md"),
        ("{real}", "sentinel.md"),
        ("../../{real_name}", "sentinel.md"),
        ("./..", "upload.md"),
    ],
)
def test_a_client_named_path_is_a_display_name_only(tmp_path, monkeypatch, name, shown):
    """The upload's bytes are what is loaded; no file is opened or created where the name points."""
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    real = tmp_path / "sentinel.md"  # a real plan (another one) under the name the client gives
    real.write_text("KẾ HOẠCH\nSố 1/KH-UBND\n", encoding="utf-8")
    name = name.format(real=str(real), real_name=real.name)
    store = GraphStore.open(tmp_path / "data" / "store")
    outside = {p: _tree(p) for p in (tmp_path / "a",)}
    sentinel = (real.read_bytes(), real.stat().st_mtime_ns)
    with app_client(Settings(api_key=KEY), store) as c:
        r = c.post("/documents", files={"file": (name, SEED.read_bytes())}, headers={"X-API-Key": KEY})
    assert r.status_code == 201, r.text
    assert r.json()["id"] == SEED_ID  # the uploaded bytes, not the file the name points at
    [kept] = (tmp_path / "data" / "store.sources").iterdir()
    assert f'"name": "{shown}"' in kept.read_text(encoding="utf-8")
    assert {p: _tree(p) for p in outside} == outside
    assert (real.read_bytes(), real.stat().st_mtime_ns) == sentinel
    assert not (tmp_path / "evil.md").exists() and not Path("/etc/passwd.md").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "data", "sentinel.md"]


# -- XML inputs ----------------------------------------------------------------------------------------

_DOC = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
_BODY = "<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"


def docx(xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def hostile_docs(url: str, secret: Path) -> dict[str, str]:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return {
        "billion laughs": f'<!DOCTYPE w:document [<!ENTITY l0 "ha">{laughs}]>'
        + _DOC
        + _BODY.format(text="&l9;"),
        "file entity": f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
        + _DOC
        + _BODY.format(text="&x;"),
        "http entity": f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{url}entity">]>'
        + _DOC
        + _BODY.format(text="&x;"),
        "parameter entity": f'<!DOCTYPE w:document [<!ENTITY % p SYSTEM "{url}param"> %p;]>'
        + _DOC
        + _BODY.format(text="x"),
        "external dtd": f'<!DOCTYPE w:document SYSTEM "{url}doc.dtd">' + _DOC + _BODY.format(text="&x;"),
        "external dtd, no entity": f'<!DOCTYPE w:document SYSTEM "{url}doc.dtd">'
        + _DOC
        + _BODY.format(text="plain"),
    }


@pytest.fixture
def remote():
    server = LoopbackServer()
    yield server
    server.close()


def test_hostile_docx_is_refused_cleanly_and_fetches_nothing(tmp_path, remote):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LINE", encoding="utf-8")
    for label, xml in hostile_docs(remote.url, secret).items():
        with pytest.raises(ParseError) as err:
            read_bytes(docx(xml), name="x.docx")
        message = str(err.value)
        assert "\n" not in message and "TOP-SECRET" not in message and "ha" * 3 not in message, label
        assert "DTDForbidden" in message, label  # every one of them is refused at its DOCTYPE
    assert remote.hits == []
    # the same document without the DOCTYPE reads: what is refused is the DTD, not the content
    assert read_bytes(docx(_DOC + _BODY.format(text="plain")), name="x.docx").lines[0] == "plain"


def test_hostile_docx_uploads_are_422_and_store_nothing(tmp_path, remote):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LINE", encoding="utf-8")
    store = GraphStore.memory()
    before = dump(store)
    with app_client(Settings(api_key=KEY), store) as c:
        for label, xml in hostile_docs(remote.url, secret).items():
            r = c.post("/documents", files={"file": ("plan.docx", docx(xml))}, headers={"X-API-Key": KEY})
            body = problem(r, 422, leaks=("TOP-SECRET", str(secret)))
            assert body["detail"], label
    assert dump(store) == before and remote.hits == []


#: RDF syntaxes that cannot carry entity declarations (RDF/XML and TriX can).
SAFE_RDF_FORMATS = {"nt", "nquads", "turtle", "N_TRIPLES", "N_QUADS", "TURTLE"}
PACKAGES = ("api", "graph", "loaders", "ontology", "viz")


def _parse_calls():
    """Every call of an RDF parser or loader in the packages: (file:line, format given)."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                receiver = ast.unparse(func.value) if isinstance(func, ast.Attribute) else ""
                if name not in ("parse", "load", "bulk_load", "parse_file") or receiver in (
                    "json",
                    "tomllib",
                ):
                    continue
                fmt = next((k.value for k in node.keywords if k.arg == "format"), None)
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                yield where, ast.unparse(fmt) if fmt is not None else None


def test_no_rdf_xml_is_parsed_from_anything_a_user_sends():
    """Every RDF parse in the code names its syntax, and none of them is an XML one."""
    calls = list(_parse_calls())
    assert len(calls) >= 6, calls  # the scan does find the parsers
    for where, fmt in calls:
        assert fmt is not None, f"{where}: a parse without an explicit, fixed format"
        assert fmt.strip("'\"").rsplit(".", 1)[-1] in SAFE_RDF_FORMATS, f"{where}: format {fmt}"


# -- CORS ----------------------------------------------------------------------------------------------


def _preflight(c: TestClient, origin: str):
    return c.options(
        "/documents",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "X-API-Key",
        },
    )


def test_cors_is_off_by_default():
    with app_client(Settings(api_key=KEY)) as c:
        for r in (
            _preflight(c, "https://x.example"),
            c.get("/documents", headers={"Origin": "https://x.example"}),
        ):
            assert not [h for h in r.headers if h.lower().startswith("access-control-")], r.headers


def test_cors_allows_only_the_configured_origins(monkeypatch):
    monkeypatch.setenv("PLANGRAPH_CORS_ORIGINS", '["https://x.example"]')
    with app_client(Settings(api_key=KEY)) as c:
        ok = _preflight(c, "https://x.example")
        assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == "https://x.example"
        assert "X-API-Key".lower() in ok.headers["access-control-allow-headers"].lower()
        got = c.get("/documents", headers={"Origin": "https://x.example"})
        assert got.headers["access-control-allow-origin"] == "https://x.example"
        other = _preflight(c, "https://evil.example")
        assert other.status_code == 400 and "access-control-allow-origin" not in other.headers
        got = c.get("/documents", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in got.headers


# -- error bodies and headers --------------------------------------------------------------------------


def test_every_error_path_is_problem_json_without_paths_or_tracebacks(tmp_path):
    store_path = tmp_path / "store"
    with GraphStore.open(store_path) as s:
        s.load_extraction(fx.make_extraction("95"))
    settings = Settings(api_key=KEY, max_upload_bytes=1000, store=store_path)
    app = create_app(settings, store=GraphStore.open(store_path, read_only=True))

    @app.get("/boom")  # an unexpected error whose text names a server file
    def boom():
        raise RuntimeError(f"cannot open {store_path}/secret.db\nTraceback (most recent call last)")

    @app.get("/named")  # a domain error whose message names the store's folder
    def named():
        raise InvalidInput(f"the store {store_path.resolve()} cannot take this")

    leaks = (str(tmp_path), "secret.db")
    with TestClient(app, raise_server_exceptions=False) as c:
        problem(c.get("/no/such/route"), 404, leaks=leaks)
        problem(c.get("/documents/vn/no/such/doc"), 404, leaks=leaks)
        problem(c.get("/sparql", params={"query": "SELECT * WHERE {"}), 400, leaks=leaks)
        problem(c.post("/documents", content=b"x" * 70_000, headers={"X-API-Key": KEY}), 413, leaks=leaks)
        problem(c.post("/sparql", content=b"q", headers={"Content-Type": "text/plain"}), 415, leaks=leaks)
        problem(c.get("/documents", params={"limit": "many"}), 422, leaks=leaks)
        problem(c.put("/documents"), 405, leaks=leaks)
        problem(c.get("/boom"), 500, leaks=leaks)
        assert problem(c.get("/named"), 400, leaks=leaks)["detail"] == "the store <store> cannot take this"
        # a real storage failure: the store is read-only, so the write fails inside pyoxigraph
        r = c.delete(f"/documents/{PLAN_95}", headers={"X-API-Key": KEY})
        assert problem(r, 500, leaks=leaks)["title"] == "Storage failure"


def test_a_storage_failure_is_logged_for_the_operator(tmp_path, caplog):
    with GraphStore.open(tmp_path / "store") as s:
        s.load_extraction(fx.make_extraction("95"))
    app = create_app(Settings(api_key=KEY), store=GraphStore.open(tmp_path / "store", read_only=True))
    with TestClient(app, raise_server_exceptions=False) as c, caplog.at_level(logging.ERROR, "plangraph.api"):
        problem(c.delete(f"/documents/{PLAN_95}", headers={"X-API-Key": KEY}), 500)
    assert any("cannot write to the store" in r.getMessage() for r in caplog.records)


def test_security_headers_on_every_response():
    with app_client(Settings(api_key=KEY)) as c:
        for r in (c.get("/health"), c.get("/documents/vn/none"), c.get("/")):
            assert r.headers["x-content-type-options"] == "nosniff"
            assert r.headers["referrer-policy"] == "no-referrer"
            assert r.headers["x-frame-options"] in ("DENY", "SAMEORIGIN")
        assert c.get("/health").headers["x-frame-options"] == "DENY"
        assert "cache-control" not in c.get("/health").headers
        assert c.get("/documents/vn/none").headers["cache-control"] == "no-store"
        viz = c.get("/viz/coordination")
        assert viz.status_code == 200 and viz.headers["x-frame-options"] == "SAMEORIGIN"
