"""Bad input through the real ``plangraph`` console script: one line on stderr, a non-zero exit, no
traceback (unless ``--debug``); a bad file in ``plangraph load`` leaves the store as it was and the
good files of the same run still load."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pyoxigraph as ox
import pytest

from loaders.read import MAX_BYTES
from tests.reliability.samples import make_docx

ROOT = Path(__file__).resolve().parents[2]
PLANGRAPH = Path(sys.executable).with_name("plangraph")
SEED = (ROOT / "examples" / "ke-hoach-94-2022.md").read_text(encoding="utf-8")
OTHER = ROOT / "tests" / "loaders" / "corpus" / "lao-cai-kh-34-2021.md"


def plangraph(*args: str, store: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PLANGRAPH_STORE": str(store), "COLUMNS": "80"}
    return subprocess.run(
        [str(PLANGRAPH), *args], capture_output=True, text=True, env=env, timeout=timeout, cwd=ROOT
    )


def assert_one_line_error(r: subprocess.CompletedProcess) -> str:
    assert r.returncode != 0, r.stdout
    assert "Traceback" not in r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr
    return lines[0]


def _bad_files(tmp: Path) -> dict[str, Path]:
    """name -> a path that must be refused."""
    files = {}

    def put(name: str, data: bytes) -> None:
        (tmp / name).write_bytes(data)
        files[name] = tmp / name

    files["missing"] = tmp / "missing.md"
    (tmp / "folder.md").mkdir()
    files["folder"] = tmp / "folder.md"
    put("binary.md", bytes(range(256)) * 8)
    put("cp1258.md", unicodedata.normalize("NFD", SEED).encode("cp1258", errors="replace"))
    put("utf16-no-bom.txt", SEED.encode("utf-16-le"))
    put("empty.md", b"")
    put("not-a-plan.md", (ROOT / "tests/loaders/corpus/not-a-plan.md").read_bytes())
    put("plan.rtf", SEED.encode("utf-8"))
    put("damaged.docx", make_docx(SEED.split("\n"))[:300])
    put("fake.pdf", b"%PDF-1.7\n" + bytes(200))
    big = tmp / "big.md"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    files["too large"] = big
    os.mkfifo(tmp / "fifo.md")
    files["fifo"] = tmp / "fifo.md"
    return files


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> dict[str, Path]:
    return _bad_files(tmp_path_factory.mktemp("bad"))


CASES = [
    ("missing", "no such file"),
    ("folder", "folder"),
    ("binary", "binary"),
    ("cp1258", "UTF-8 with or without BOM"),
    ("utf16-no-bom.txt", "without a BOM"),
    ("empty.md", "not a plan"),
    ("not-a-plan.md", "not a plan"),
    ("plan.rtf", "unsupported file type"),
    ("damaged.docx", "Word document"),
    ("fake.pdf", "PDF"),
    ("too large", "larger than the limit"),
    ("fifo", "not a regular file"),
]


def _key(name: str, bad: dict[str, Path]) -> Path:
    return bad.get(name) or bad[next(k for k in bad if k.startswith(name))]


@pytest.mark.parametrize(("name", "says"), CASES, ids=[c[0] for c in CASES])
def test_extract_refuses_in_one_line(tmp_path, bad, name, says):
    r = plangraph("extract", str(_key(name, bad)), store=tmp_path / "store", timeout=60)
    line = assert_one_line_error(r)
    assert line.startswith("plangraph: error:") and says in line, line
    assert r.returncode == 1 and r.stdout == ""


def test_debug_shows_the_traceback(tmp_path, bad):
    r = plangraph("--debug", "extract", str(bad["missing"]), store=tmp_path / "store")
    assert r.returncode != 0
    assert "Traceback" in r.stderr and "ParseError" in r.stderr


def _quads(store: Path) -> list[str]:
    s = ox.Store.read_only(str(store))
    return sorted(str(q) for q in s)


def test_load_of_bad_files_leaves_the_store_and_loads_the_good_ones(tmp_path, bad):
    store = tmp_path / "store"
    first = plangraph("load", str(ROOT / "examples" / "ke-hoach-94-2022.md"), store=store)
    assert first.returncode == 0, first.stderr
    before = _quads(store)
    names = [n for n, _ in CASES if n not in ("folder",)]  # a folder is walked for documents
    args = [str(_key(n, bad)) for n in names]
    r = plangraph("load", *args, store=store)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"loaded 0 document(s), {len(names)} failed" in r.stdout
    failed = [x for x in r.stderr.splitlines() if x.strip()]
    assert len(failed) == len(names) and all(x.startswith("failed: ") for x in failed), r.stderr
    assert _quads(store) == before

    mixed = plangraph("load", str(bad["cp1258.md"]), str(OTHER), str(bad["fifo"]), store=store)
    assert mixed.returncode == 1
    assert len(mixed.stderr.splitlines()) == 2 and "loaded 1 document(s), 2 failed" in mixed.stdout
    after = _quads(store)
    assert len(after) > len(before) and set(before) <= set(after)


def test_a_long_failure_stays_on_one_line(tmp_path):
    deep = tmp_path
    for k in range(4):
        deep = deep / (f"thu-muc-{k}-" + "x" * 150)
    deep.mkdir(parents=True)
    bad = deep / ("ke-hoach-" + "y" * 150 + ".md")
    bad.write_bytes(codecs.BOM_UTF32_LE + SEED.encode("utf-32-le"))
    r = plangraph("load", str(bad), store=tmp_path / "store")
    lines = r.stderr.splitlines()
    assert r.returncode == 1 and len(lines) == 1 and len(lines[0]) > 200, r.stderr  # wrapped at 80 before
    assert lines[0].startswith("failed: ") and "UTF-32" in lines[0]
