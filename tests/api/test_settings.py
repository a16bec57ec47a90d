from pathlib import Path

import pytest
from pydantic import ValidationError

from api.settings import Settings, get_settings


def test_defaults(monkeypatch):
    monkeypatch.delenv("PLANGRAPH_STORE")
    s = Settings()
    assert s.store == Path(".plangraph/store")
    assert (s.host, s.port) == ("127.0.0.1", 8000)
    assert s.base_iri == "https://w3id.org/plangraph/"
    assert s.api_key is None


def test_environment_overrides(monkeypatch):
    monkeypatch.setenv("PLANGRAPH_PORT", "9123")
    monkeypatch.setenv("PLANGRAPH_API_KEY", "s3cret")
    monkeypatch.setenv("PLANGRAPH_BASE_IRI", "https://example.org/kg")
    s = Settings()
    assert s.port == 9123
    assert s.api_key.get_secret_value() == "s3cret"
    assert "s3cret" not in repr(s)  # secrets never printed
    assert s.base_iri == "https://example.org/kg/"


def test_invalid_values_are_refused(monkeypatch):
    monkeypatch.setenv("PLANGRAPH_PORT", "99999")
    with pytest.raises(ValidationError):
        Settings()
    with pytest.raises(ValidationError):
        Settings(base_iri="ftp://x/")


def test_get_settings_is_cached_and_resettable(monkeypatch):
    a = get_settings()
    assert get_settings() is a
    monkeypatch.setenv("PLANGRAPH_PORT", "8111")
    get_settings.cache_clear()
    assert get_settings().port == 8111


def test_no_settings_instantiated_at_import():
    import importlib

    import api.settings as mod

    importlib.reload(mod)
    assert mod.get_settings.cache_info().currsize == 0
