"""Shared fixtures: the sample plan, a fresh store per test, an isolated environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.settings import get_settings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "ke-hoach-94-2022.md"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path):
    """No test sees the developer's PLANGRAPH_* variables or store."""
    import os

    for key in list(os.environ):
        if key.startswith("PLANGRAPH_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("PLANGRAPH_STORE", str(tmp_path / "store"))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def seed_path() -> Path:
    return SEED
