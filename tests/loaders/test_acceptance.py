"""The acceptance test: the seed plan scored against its hand-checked gold annotation."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from api.cli import main

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = ROOT.parent / "shared"


def _pick(shared: Path, vendored: Path) -> Path:
    return shared if shared.exists() else vendored


GOLD = _pick(
    SHARED / "gold" / "ke-hoach-94-2022.gold.json", ROOT / "tests/acceptance/ke-hoach-94-2022.gold.json"
)
SCORER = _pick(SHARED / "tools" / "score_extraction.py", ROOT / "tests/acceptance/score_extraction.py")


def test_seed_scores_at_least_097(seed_path, tmp_path, capsys):
    out = tmp_path / "seed.json"
    assert main(["extract", str(seed_path), "-o", str(out)]) == 0
    capsys.readouterr()
    r = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), str(out)], capture_output=True, text=True, check=False
    )
    print(r.stdout)
    m = re.search(r"^score: ([0-9.]+)$", r.stdout, re.MULTILINE)
    assert m, r.stdout + r.stderr
    assert float(m.group(1)) >= 0.97, r.stdout
