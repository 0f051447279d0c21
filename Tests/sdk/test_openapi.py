"""The committed OpenAPI document of the REST API is a valid OpenAPI 3 document and lists every route."""

from pathlib import Path

import yaml
from openapi_spec_validator import validate

SPEC = Path(__file__).resolve().parents[2] / "Sources" / "AdOpsServer" / "Resources" / "openapi.yaml"

ROUTES = {
    "/healthz": {"get"},
    "/api/v1/ad_accounts": {"get", "post"},
    "/api/v1/ad_accounts/{id}": {"get", "put", "delete"},
    "/api/v1/ads/{platform}": {"post"},
    "/api/v1/campaigns": {"post"},
    "/api/v1/jobs": {"get"},
    "/api/v1/jobs/{id}": {"get"},
    "/api/v1/jobs/{id}/retry": {"post"},
    "/api/v1/openapi.yaml": {"get"},
    "/api/v1/optimizations": {"get", "post"},
    "/api/v1/campaigns/{id}/creative-tests": {"get", "post"},
}


def load():
    return yaml.safe_load(SPEC.read_text(encoding="utf-8"))


def test_document_is_valid_openapi():
    validate(load())


def test_every_route_is_documented():
    paths = load()["paths"]
    for path, methods in ROUTES.items():
        assert path in paths, path
        assert methods <= set(paths[path]), (path, set(paths[path]))


def test_every_protected_route_needs_the_bearer_key():
    document = load()
    assert document["components"]["securitySchemes"]["bearerAuth"]["scheme"].lower() == "bearer"
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "delete", "patch"}:
                continue
            security = operation.get("security", document.get("security"))
            # Meta cannot send our key: its webhook is checked by the verify token and the body's signature.
            if path in {"/healthz", "/api/v1/webhooks/meta"}:
                assert security == [], (path, method)
            else:
                assert security and any("bearerAuth" in entry for entry in security), (path, method)
