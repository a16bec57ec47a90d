"""Settings through pydantic-settings (``PLANGRAPH_`` environment prefix).

Never instantiated at import time: call :func:`get_settings` (cached), which
tests override with ``get_settings.cache_clear()`` or by passing a
``Settings`` to ``create_app``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLANGRAPH_", extra="ignore")

    #: The on-disk Oxigraph store shared by the CLI and the server.
    store: Path = Path(".plangraph/store")
    #: Where `plangraph serve` listens.
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    #: Base of every IRI plangraph mints.
    base_iri: str = "https://w3id.org/plangraph/"
    #: API key for writes over HTTP (`X-API-Key`); unset = writes disabled.
    api_key: SecretStr | None = None
    #: Largest upload accepted by POST /documents, in bytes.
    max_upload_bytes: int = Field(default=10 * 1024 * 1024, ge=1)
    #: SPARQL endpoint limits.
    sparql_timeout_s: float = Field(default=10.0, gt=0)
    sparql_max_results: int = Field(default=10_000, ge=1)
    #: Origins allowed by CORS; empty = CORS off.
    cors_origins: list[str] = Field(default_factory=list)
    #: Neo4j sink (`plangraph push neo4j`).
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str | None = None
    #: SPARQL 1.1 Graph Store sink (`plangraph push sparql`).
    sparql_push_url: str | None = None
    sparql_push_user: str | None = None
    sparql_push_password: SecretStr | None = None
    #: Log level of the server.
    log_level: str = "info"

    @field_validator("base_iri")
    @classmethod
    def _base_iri_ends_with_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("base_iri must be an http(s) IRI")
        return value if value.endswith("/") else value + "/"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read once from the environment."""
    return Settings()
