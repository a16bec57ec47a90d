"""A live plangraph server for browser tests and screenshots: ``plangraph serve`` in a subprocess on a
free loopback port, over a store loaded with the seed plan (its source text kept for the line links)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from loaders.corpus import load_paths
from ontology.store import GraphStore

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "ke-hoach-94-2022.md"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed_store(path: Path) -> Path:
    """A store at ``path`` holding the seed plan."""
    with GraphStore.open(path) as store:
        load_paths(store, [SEED])
    return path


class LiveServer:
    """``with LiveServer(store) as url:`` serves the store at ``url`` until the block ends."""

    def __init__(self, store: Path, *, give_up_after: float = 120.0) -> None:
        self.store = store
        self.give_up_after = give_up_after
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = store.with_name(store.name + ".serve.log")
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> str:
        env = {**os.environ, "PLANGRAPH_STORE": str(self.store), "PLANGRAPH_LOG_LEVEL": "warning"}
        code = "from api.cli import main; main()"
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", code, "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + self.give_up_after
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"plangraph serve exited: {self.log.read_text(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as r:
                    if r.status == 200:
                        return self.url
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.__exit__()
                raise RuntimeError(f"plangraph serve did not answer within {self.give_up_after:.0f} s")
            time.sleep(0.2)

    def __exit__(self, *exc) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
