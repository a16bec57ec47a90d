"""`plangraph load` against a store a running server holds: hand over, or say what to do in one line."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from api.cli import main
from api.handoff import handoff_path, local_url, read_handoff, remove_handoff, write_handoff
from ontology.store import GraphStore


def test_handoff_file_is_private_and_removed_only_by_its_owner(tmp_path):
    store = tmp_path / "store"
    h = write_handoff(store, "http://127.0.0.1:8123")
    path = handoff_path(store)
    assert path.name == "store.server.json" and path.stat().st_mode & 0o777 == 0o600
    assert json.loads(path.read_text()) == {
        "url": h.url,
        "pid": os.getpid(),
        "token": h.token,
        "store": str(store.resolve()),
    }
    assert read_handoff(store) == h
    newer = write_handoff(store, "http://127.0.0.1:8124")
    remove_handoff(store, h)  # not ours any more: stays
    assert read_handoff(store) == newer
    remove_handoff(store, newer)
    assert not path.exists() and read_handoff(store) is None


def test_a_dead_server_handoff_is_ignored(tmp_path):
    store = tmp_path / "store"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    handoff_path(store).write_text(
        json.dumps({"url": "http://127.0.0.1:1", "pid": int(dead.stdout), "token": "t", "store": "x"})
    )
    assert read_handoff(store) is None


def test_local_url():
    assert local_url("0.0.0.0", 8000) == "http://127.0.0.1:8000"
    assert local_url("::1", 8000) == "http://[::1]:8000"


def test_load_into_a_busy_store_without_a_server_says_what_to_do(tmp_path, seed_path, capsys):
    store_path = Path(os.environ["PLANGRAPH_STORE"])
    with GraphStore.open(store_path):
        code = main(["load", str(seed_path)])
    _out, err = capsys.readouterr()
    assert code == 1
    assert err.count("\n") == 1 and "in use by another process" in err and "LOCK" not in err


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from api.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
    )


@pytest.mark.slow
def test_load_hands_documents_to_a_running_server(tmp_path, seed_path):
    store = tmp_path / "store"
    env = {**os.environ, "PLANGRAPH_STORE": str(store), "PLANGRAPH_PORT": str(free_port())}
    env.pop("PLANGRAPH_API_KEY", None)
    server = subprocess.Popen(
        [sys.executable, "-c", "from api.cli import main; main()", "serve"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while read_handoff(store) is None:
            assert server.poll() is None, server.stderr.read()
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.1)
        viet = tmp_path / "kế-hoạch-94.md"
        shutil.copy(seed_path, viet)
        for _ in range(100):  # the hand-off file is written just before the socket listens
            loaded = cli("load", str(viet), env=env)
            if "does not answer" not in loaded.stderr:
                break
            time.sleep(0.1)
        assert loaded.returncode == 0, loaded.stderr
        assert (
            "loaded 1 document(s), 0 failed; handed to plangraph serve at http://127.0.0.1:" in loaded.stdout
        )
        stats = cli("stats", env=env)  # a reader, while the server holds the store
        assert stats.returncode == 0 and "plans: 1" in stats.stdout and "tasks: 54" in stats.stdout
        export = cli("export", "--format", "nquads", env=env)
        assert "kế-hoạch-94.md" in export.stdout  # the file name survived the upload
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
    assert not handoff_path(store).exists()
    again = cli("load", str(viet), env=env)  # the server is gone: load opens the store itself
    assert again.returncode == 0 and "(1 unchanged)" in again.stdout
