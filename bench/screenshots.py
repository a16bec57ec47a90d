"""Screenshots of the web pages for the docs: a live server over the seed, Debian's headless Chromium.

    .venv/bin/python -m bench.screenshots [--out-dir docs/img]

writes ``pages-network.png`` (the coordination network page), ``pages-agency.png`` and
``pages-task.png``. Needs /usr/bin/chromium (``make test`` installs it as root) and Playwright's
Python package (never ``playwright install``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tests.viz.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.viz.live import LiveServer, seed_store

WAIT_MS = 120_000
SHOTS = (
    ("pages-network.png", "/ui/network", False),
    ("pages-agency.png", "/ui/agency/ha-noi/so-ngoai-vu", False),
    ("pages-task.png", "/ui/task/vn/ubnd-ha-noi/kh/2022/94/task/VI-3", True),
)


def take(out_dir: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp, LiveServer(seed_store(Path(tmp) / "store")) as url:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 960}, device_scale_factor=1)
            for name, path, full in SHOTS:
                page.goto(url + path)
                frame = next((f for f in page.frames if "/viz/" in f.url), None)
                if frame is not None:
                    frame.wait_for_function(
                        "() => window.plangraph && window.plangraph.ready", timeout=WAIT_MS
                    )
                page.screenshot(path=out_dir / name, full_page=full)
                written.append(out_dir / name)
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=Path("docs/img"))
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"needs Debian's chromium at {CHROMIUM}", file=sys.stderr)
        return 1
    for path in take(args.out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
