"""Property-based API tests: schemathesis generates requests from the app's OpenAPI schema
and checks every response (no server errors, documented status codes, content types and
response schemas).  Examples are bounded so the run stays well under a minute.

`POST /api/analyze` may refuse schema-valid text for what a schema cannot say (binary, not
English) with a documented 422 and its reason, so "valid data accepted" is not checked there."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from schemathesis.checks import positive_data_acceptance
from hypothesis import HealthCheck, settings

from presslens.web import create_app

_store = tempfile.TemporaryDirectory(prefix="presslens-schemathesis-")  # removed when the test process ends
app = create_app(str(Path(_store.name) / "corpus.db"))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture(scope="module", autouse=True)
def analysis_workers():
    """Workers that have loaded the model before the first request (schemathesis waits 10 s for a reply)."""
    app.state.analysis_pool.start(wait=True)
    yield
    app.state.analysis_pool.close()


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case):
    refusals_allowed = case.operation.path == "/api/analyze"
    case.call_and_validate(excluded_checks=[positive_data_acceptance] if refusals_allowed else None)
