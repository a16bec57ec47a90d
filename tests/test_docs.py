"""Docs cannot drift: every CLI command, setting and API route is documented."""

from __future__ import annotations

import re
from pathlib import Path

from api.app import create_app
from api.cli.app import app as cli_app
from api.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = README + "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))


def test_readme_starts_with_the_two_commands():
    block = README.split("```", 2)[1]
    lines = [ln.split("#")[0].strip() for ln in block.splitlines()[1:] if ln.strip()]
    assert lines == ["make run", "make test"]


def test_every_cli_command_is_in_the_readme():
    names = {c.name or c.callback.__name__ for c in cli_app.registered_commands}
    missing = [n for n in sorted(names) if f"plangraph {n}" not in README]
    assert not missing, f"commands not in README.md: {missing}"


def test_every_setting_is_documented():
    missing = [
        f"PLANGRAPH_{name.upper()}"
        for name in Settings.model_fields
        if f"PLANGRAPH_{name.upper()}" not in README
    ]
    assert not missing, f"settings not in README.md: {missing}"


def _normalise(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path.replace(":path", ""))


def test_every_api_route_is_documented():
    app = create_app(Settings(), store=None)
    documented = {_normalise(p) for p in re.findall(r"`(?:GET|POST|DELETE|PUT) (/[^`?\s]*)", DOCS)}
    documented |= {_normalise(p.split("?")[0]) for p in re.findall(r"`(/[a-z][^`\s]*)`", DOCS)}
    routes = {
        _normalise(r.path)
        for r in app.routes
        if hasattr(r, "methods")
        and r.path not in ("/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc")
    }
    missing = sorted(r for r in routes if r not in documented)
    assert not missing, f"routes not in README.md or docs/: {missing}"
