"""The vendored vis-network: what it is, where it came from, and that the package ships it."""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path

from viz.assets import VIS_JS, asset, vis_network_version

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "viz" / "static"
VENDOR = STATIC / "vendor" / "vis-network"


def test_vendored_bundle_matches_its_recorded_provenance():
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    recorded = re.search(r"^- sha256: ([0-9a-f]{64})$", readme, re.MULTILINE).group(1)
    assert hashlib.sha256((VENDOR / "vis-network.min.js").read_bytes()).hexdigest() == recorded
    assert "npm pack vis-network@10.1.5" in readme
    assert vis_network_version() == "10.1.5"
    assert "@version 10.1.5" in asset(VIS_JS)[:400]


def test_licences_ship_with_the_bundle():
    assert "MIT License" in (VENDOR / "LICENSE-MIT").read_text(encoding="utf-8")
    assert "Apache License" in (VENDOR / "LICENSE-APACHE-2.0").read_text(encoding="utf-8")


def test_only_what_is_needed_is_vendored():
    names = sorted(p.name for p in VENDOR.iterdir())
    assert names == ["LICENSE-APACHE-2.0", "LICENSE-MIT", "README.md", "vis-network.min.js"]
    assert not list(STATIC.rglob("*.map")) and not list(STATIC.rglob("*bootstrap*"))


def test_package_data_globs_cover_every_static_and_template_file():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["viz"]
    shipped = {p for g in globs for p in (ROOT / "viz").glob(g) if p.is_file()}
    wanted = {p for d in ("static", "templates") for p in (ROOT / "viz" / d).rglob("*") if p.is_file()}
    assert wanted and wanted <= shipped


def test_update_script_pins_the_same_version():
    script = (STATIC / "vendor" / "update.sh").read_text(encoding="utf-8")
    assert 'version="${1:-10.1.5}"' in script
    assert "npm pack" in script and "standalone/umd/vis-network.min.js" in script
