"""The OpenAPI 3.1 description of our GeoReport v2 endpoints (served at
/open311/v2/openapi.json)."""

from typing import Any

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_TIME = {"type": ["string", "null"], "format": "date-time"}

SERVICE = {
    "type": "object",
    "required": ["service_code", "service_name", "metadata", "type"],
    "properties": {
        "service_code": {"type": "string"},
        "service_name": {"type": "string"},
        "description": NULLABLE_STRING,
        "metadata": {"type": "boolean"},
        "type": {"type": "string", "enum": ["realtime", "batch", "blackbox"]},
        "keywords": NULLABLE_STRING,
        "group": NULLABLE_STRING,
    },
}
DEFINITION = {
    "type": "object",
    "required": ["service_code", "attributes"],
    "properties": {
        "service_code": {"type": "string"},
        "attributes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["variable", "code", "datatype", "required"],
                "properties": {
                    "variable": {"type": "boolean"},
                    "code": {"type": "string"},
                    "datatype": {
                        "type": "string",
                        "enum": [
                            "string",
                            "number",
                            "datetime",
                            "text",
                            "singlevaluelist",
                            "multivaluelist",
                        ],
                    },
                    "required": {"type": "boolean"},
                    "datatype_description": NULLABLE_STRING,
                    "order": {"type": ["integer", "null"]},
                    "description": NULLABLE_STRING,
                    "values": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["key", "name"],
                            "properties": {"key": {"type": "string"}, "name": {"type": "string"}},
                        },
                    },
                },
            },
        },
    },
}
REQUEST = {
    "type": "object",
    "required": ["service_request_id", "status", "service_code", "requested_datetime"],
    "properties": {
        "service_request_id": {"type": "string"},
        "status": {"type": "string", "enum": ["open", "closed"]},
        "status_notes": NULLABLE_STRING,
        "service_name": NULLABLE_STRING,
        "service_code": {"type": "string"},
        "description": {"type": ["string", "null"], "maxLength": 4000},
        "agency_responsible": NULLABLE_STRING,
        "service_notice": NULLABLE_STRING,
        "requested_datetime": {"type": "string", "format": "date-time"},
        "updated_datetime": NULLABLE_TIME,
        "expected_datetime": NULLABLE_TIME,
        "address": NULLABLE_STRING,
        "address_id": NULLABLE_STRING,
        "zipcode": NULLABLE_STRING,
        "lat": {"type": ["number", "null"]},
        "long": {"type": ["number", "null"]},
        "media_url": NULLABLE_STRING,
        "extended_attributes": {"type": "object"},
    },
}
CREATED = {
    "type": "object",
    "required": ["service_request_id"],
    "properties": {
        "service_request_id": {"type": "string"},
        "token": {"type": "string"},
        "service_notice": NULLABLE_STRING,
        "account_id": NULLABLE_STRING,
    },
}
TOKEN = {
    "type": "object",
    "required": ["service_request_id", "token"],
    "properties": {"service_request_id": {"type": "string"}, "token": {"type": "string"}},
}
DISCOVERY = {
    "type": "object",
    "required": ["changeset", "endpoints"],
    "properties": {
        "changeset": {"type": "string"},
        "contact": {"type": "string"},
        "key_service": {"type": "string"},
        "endpoints": {
            "type": "array",
            "items": {"type": "object", "required": ["specification", "url", "type", "formats"]},
        },
    },
}
ERRORS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["code", "description"],
        "properties": {"code": {"type": "integer"}, "description": {"type": "string"}},
    },
}


def _content(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}, "text/xml": {"schema": {"type": "string"}}}


def _responses(ok: dict[str, Any], *errors: int) -> dict[str, Any]:
    responses = {"200": {"description": "OK", "content": _content(ok)}}
    for status in errors or (400, 403, 404, 405, 429):
        responses[str(status)] = {"description": "Error list", "content": _content(ERRORS)}
    return responses


def _q(
    name: str, schema: dict[str, Any], description: str = "", required: bool = False
) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "schema": schema,
        "description": description,
    }


FORMAT = {
    "name": "format",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "enum": ["json", "xml"]},
}
JURISDICTION = _q(
    "jurisdiction_id", {"type": "string"}, "Municipality code; needed only when several are served."
)
API_KEY = _q("api_key", {"type": "string"}, "Optional on reads; lifts the anonymous rate limit.")


def _path(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": {"type": "string", "pattern": "^[^/.]+$"},
    }


def _post_body() -> dict[str, Any]:
    text = {"type": "string"}
    properties = {
        "api_key": text,
        "jurisdiction_id": text,
        "service_code": text,
        "lat": {"type": "number", "minimum": -90, "maximum": 90},
        "long": {"type": "number", "minimum": -180, "maximum": 180},
        "address_string": text,
        "address_id": text,
        "email": text,
        "device_id": text,
        "account_id": text,
        "first_name": text,
        "last_name": text,
        "phone": text,
        "description": {"type": "string", "maxLength": 4000},
        "media_url": text,
    }
    return {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "required": ["api_key", "service_code"],
                    "properties": properties,
                    "description": "Attributes travel as attribute[code]=value or "
                    "attribute[code][]=value.",
                }
            }
        },
    }


def openapi_document(*, server_url: str = "/open311/v2") -> dict[str, Any]:
    list_params = [
        JURISDICTION,
        API_KEY,
        _q(
            "service_request_id",
            {"type": "string"},
            "Comma-separated ids; other filters are then ignored.",
        ),
        _q("service_code", {"type": "string"}, "Comma-separated service codes."),
        _q("start_date", {"type": "string", "format": "date-time"}),
        _q("end_date", {"type": "string", "format": "date-time"}),
        _q("status", {"type": "string", "enum": ["open", "closed", "open,closed"]}),
        _q("updated_after", {"type": "string", "format": "date-time"}, "Extension."),
        _q("updated_before", {"type": "string", "format": "date-time"}, "Extension."),
        _q("page", {"type": "integer", "minimum": 1}, "Extension."),
        _q("page_size", {"type": "integer", "minimum": 1, "maximum": 1000}, "Extension."),
        _q(
            "extensions",
            {"type": "boolean"},
            "Extension: extended_attributes with channel, photos, notes.",
        ),
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Açık Masa Open311 GeoReport v2",
            "version": "2.0",
            "description": "GeoReport v2 with the page/page_size, updated_after/updated_before and "
            "extensions=true extensions, and the Idempotency-Key header on POST.",
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/discovery.{format}": {
                "get": {
                    "operationId": "discovery",
                    "parameters": [FORMAT],
                    "responses": _responses(DISCOVERY, 404, 405, 429),
                }
            },
            "/services.{format}": {
                "get": {
                    "operationId": "services",
                    "parameters": [FORMAT, JURISDICTION, API_KEY],
                    "responses": _responses({"type": "array", "items": SERVICE}),
                }
            },
            "/services/{service_code}.{format}": {
                "get": {
                    "operationId": "service_definition",
                    "parameters": [_path("service_code"), FORMAT, JURISDICTION, API_KEY],
                    "responses": _responses(DEFINITION),
                }
            },
            "/requests.{format}": {
                "get": {
                    "operationId": "requests",
                    "parameters": [FORMAT, *list_params],
                    "responses": _responses({"type": "array", "items": REQUEST}),
                },
                "post": {
                    "operationId": "request_create",
                    "parameters": [
                        FORMAT,
                        {
                            "name": "Idempotency-Key",
                            "in": "header",
                            "required": False,
                            "schema": {"type": "string", "maxLength": 150},
                        },
                    ],
                    "requestBody": _post_body(),
                    "responses": _responses({"type": "array", "items": CREATED}),
                },
            },
            "/requests/{service_request_id}.{format}": {
                "get": {
                    "operationId": "request",
                    "parameters": [
                        _path("service_request_id"),
                        FORMAT,
                        JURISDICTION,
                        API_KEY,
                        _q("extensions", {"type": "boolean"}),
                    ],
                    "responses": _responses({"type": "array", "items": REQUEST}),
                }
            },
            "/tokens/{token}.{format}": {
                "get": {
                    "operationId": "token",
                    "parameters": [_path("token"), FORMAT, JURISDICTION, API_KEY],
                    "responses": _responses({"type": "array", "items": TOKEN}),
                }
            },
        },
    }
