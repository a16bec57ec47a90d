"""A private Virtuoso (Debian's ``virtuoso-opensource``) on free loopback ports, in a temp folder.

The recipe of NOTES.md: copy the packaged ``virtuoso.ini``, point every database
file at the private folder (the temp database with its own names), change both
ports, run ``virtuoso-t +configfile FILE +foreground`` and wait until ``/sparql``
answers. A user with update rights is created with ``isql-vt``.
"""

from __future__ import annotations

import re
import secrets
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

VIRTUOSO = shutil.which("virtuoso-t") or "/usr/bin/virtuoso-t"
ISQL = shutil.which("isql-vt") or "/usr/bin/isql-vt"
PACKAGED_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
PACKAGED_DB = "/var/lib/virtuoso-opensource-7/db/"
USER = "plangraph"


def installed() -> bool:
    return Path(VIRTUOSO).is_file() and Path(ISQL).is_file() and PACKAGED_INI.is_file()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Virtuoso:
    folder: Path
    sql_port: int
    http_port: int
    password: str
    process: subprocess.Popen

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def gsp(self) -> str:
        """The Graph Store endpoint that takes digest authentication."""
        return f"{self.base}/sparql-graph-crud-auth"

    def select(self, query: str) -> list[dict[str, dict]]:
        """Rows of a SELECT on Virtuoso's own SPARQL endpoint (JSON results)."""
        import json

        url = f"{self.base}/sparql?" + urllib.parse.urlencode(
            {"query": query, "format": "application/sparql-results+json"}
        )
        with urllib.request.urlopen(url, timeout=60) as answer:
            return json.loads(answer.read())["results"]["bindings"]

    def log_tail(self) -> str:
        log = self.folder / "virtuoso.log"
        return "\n".join(log.read_text(errors="replace").splitlines()[-15:]) if log.exists() else ""

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)


def write_ini(folder: Path, sql_port: int, http_port: int) -> Path:
    ini = PACKAGED_INI.read_text()
    ini = ini.replace(PACKAGED_DB + "virtuoso-temp", str(folder / "virtuoso-temp"))
    ini = ini.replace(PACKAGED_DB, str(folder) + "/")
    ini = re.sub(r"(?m)^(ServerPort\s*=\s*)1111\b", rf"\g<1>{sql_port}", ini)
    ini = re.sub(r"(?m)^(ServerPort\s*=\s*)8890\b", rf"\g<1>{http_port}", ini)
    ini = re.sub(r"(?m)^(DefaultHost\s*=\s*)\S+", rf"\g<1>127.0.0.1:{http_port}", ini)
    path = folder / "virtuoso.ini"
    path.write_text(ini)
    return path


def start(folder: Path, *, timeout: float = 60.0) -> Virtuoso:
    """Start a private instance and a user with update rights; raise with the log when it does not come up."""
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = write_ini(folder, sql_port, http_port)
    out = open(folder / "stdout.log", "wb")  # the process writes it until stopped
    process = subprocess.Popen(
        [VIRTUOSO, "+configfile", str(ini), "+foreground"], cwd=folder, stdout=out, stderr=subprocess.STDOUT
    )
    out.close()
    v = Virtuoso(folder, sql_port, http_port, secrets.token_urlsafe(12), process)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited with {process.returncode}:\n{v.log_tail()}")
        try:
            with urllib.request.urlopen(f"{v.base}/sparql?query=ASK%7B%7D", timeout=5) as answer:
                if answer.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            v.stop()
            raise RuntimeError(f"Virtuoso did not answer within {timeout:.0f} s:\n{v.log_tail()}")
        time.sleep(0.25)
    sql = f"DB.DBA.USER_CREATE('{USER}', '{v.password}'); GRANT SPARQL_UPDATE TO \"{USER}\";"
    done = subprocess.run(
        [ISQL, str(sql_port), "dba", "dba", f"exec={sql}"], capture_output=True, text=True, timeout=60
    )
    if done.returncode != 0 or "Error" in done.stdout + done.stderr:
        v.stop()
        raise RuntimeError(f"isql-vt could not create the user: {done.stdout} {done.stderr}")
    return v
