"""Property-based run of schemathesis against the app's own OpenAPI schema: whatever a client
sends that the schema allows, or nearly allows, the answer is never a 5xx.

Uploads are exercised with the token, so the generated multipart bodies reach the parser and
the worker; the run is kept small so that it takes seconds.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")

from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402 (after the skip)
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.openapi import from_asgi  # noqa: E402

from stratdoc.web import create_app  # noqa: E402
from tests.web_fixtures import TOKEN, auth, build_store  # noqa: E402

# The schema is read when the module is collected, so the app exists by then, over a store
# that the fixture below fills before the first case runs (the app opens it per request).
STORE = Path(tempfile.mkdtemp(prefix="stratdoc-schema-")) / "store.db"
APP = create_app(STORE, token=TOKEN, max_upload_bytes=20_000)
schema = from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def filled_store() -> Iterator[None]:
    build_store(STORE)
    yield
    assert APP.state.web.uploads.wait(60)
    APP.state.web.close()
    shutil.rmtree(STORE.parent, ignore_errors=True)


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_no_server_errors(case) -> None:  # noqa: ANN001 (a schemathesis Case)
    case.call_and_validate(headers=auth(), checks=[not_a_server_error])


def test_schema_lists_the_api() -> None:
    paths = TestClient(APP).get("/openapi.json").json()["paths"]
    assert {"/documents", "/documents/{doc_id}", "/records/{kind}", "/records/{kind}/{record_id}",
            "/funding/summary", "/uploads/{upload_id}"} <= set(paths)
    assert "multipart/form-data" in paths["/documents"]["post"]["requestBody"]["content"]
    assert not any(p.startswith("/browse") for p in paths)
