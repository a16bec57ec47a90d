"""plangraph viz: the four views as offline files, read-only next to a writer, one-line errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from api.cli import main
from loaders.corpus import load_paths
from ontology.store import GraphStore
from tests.conftest import SEED
from tests.viz.pages import is_remote, page_data, referenced_urls

PLAN = "vn/ubnd-ha-noi/kh/2022/94"


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store_path() -> Path:
    path = Path(os.environ["PLANGRAPH_STORE"])
    with GraphStore.open(path) as s:
        load_paths(s, [SEED])
    return path


def _hrefs(html: str) -> list[str]:
    data = page_data(html)
    found = [n["tip"]["href"] for n in data["nodes"] if "href" in n.get("tip", {})]
    found += [ev["href"] for n in data["nodes"] for ev in n.get("tip", {}).get("ev", []) if "href" in ev]
    return found


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--kind", "coordination", "--plan", "94/KH-UBND", "--lang", "en"],
        ["--kind", "plan", "--plan", PLAN],
        ["--kind", "agency", "--agency", "so ngoai vu", "--radius", "2"],
        ["--kind", "legal", "--task", "II.3"],
    ],
)
def test_viz_writes_an_offline_page(store_path, tmp_path, capsys, args):
    out = tmp_path / "net.html"
    code, stdout, err = run(["viz", *args, "-o", str(out)], capsys)
    assert code == 0 and stdout == "" and "wrote" in err
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert not [u for u in referenced_urls(html) if is_remote(u)], "the page loads nothing from the internet"
    hrefs = _hrefs(html)
    assert hrefs and all(h.startswith("http://127.0.0.1:8000/ui/") for h in hrefs)  # the server's pages
    assert any(h.startswith(f"http://127.0.0.1:8000/ui/source/{PLAN}?from=") for h in hrefs)


def test_viz_to_stdout_with_a_base_url_while_a_writer_holds_the_store(store_path, capsys):
    with GraphStore.open(store_path):  # as `plangraph serve` would
        code, html, _ = run(
            ["viz", "--kind", "legal", "--task", "VI.3", "--base-url", "https://kb.example"], capsys
        )
    assert code == 0 and "<title>" in html
    assert all(h.startswith("https://kb.example/ui/") for h in _hrefs(html))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "agency", "--agency", "Bộ Không Tồn Tại"], "no agency or group matches"),
        (["--kind", "plan", "--plan", "999/KH-XYZ"], "no document matches"),
        (["--kind", "legal", "--task", "XX.9"], "no task 'XX.9'"),
        (["--kind", "agency"], "needs an agency"),
        (["--kind", "spaceship"], "unknown kind"),
        (["--lang", "fr"], "lang must be"),
    ],
)
def test_viz_errors_are_one_line_and_exit_1(store_path, tmp_path, capsys, args, message):
    out = tmp_path / "net.html"
    code, stdout, err = run(["viz", *args, "-o", str(out)], capsys)
    assert code == 1 and stdout == "" and err.count("\n") == 1 and message in err
    assert not out.exists()


def test_viz_without_a_store_says_so(tmp_path, capsys):
    code, _, err = run(["--store", str(tmp_path / "none"), "viz"], capsys)
    assert code == 1 and err.count("\n") == 1 and "no store" in err
