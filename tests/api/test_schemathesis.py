"""Property-based API testing over the OpenAPI schema: no input makes the server answer 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from api.app import create_app
from api.settings import Settings
from loaders.extract import extract_file
from ontology.store import GraphStore
from tests.conftest import SEED


def _app():
    store = GraphStore.memory()
    store.load_extraction(extract_file(SEED))
    return create_app(Settings(api_key="k"), store=store)


@schemathesis.serializer("application/sparql-query")
def _sparql_query(ctx, value) -> bytes:
    """A SPARQL query body is text: generated values are sent as UTF-8 (non-strings as their str)."""
    return (value if isinstance(value, str) else str(value)).encode("utf-8")


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path} -> {response.status_code}"
