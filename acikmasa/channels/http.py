"""A tiny HTTP client for providers (urllib: no extra dependency), with timeouts and size caps."""

import json
import urllib.error
import urllib.request
from typing import Any

from .base import SendFailed

TIMEOUT_SECONDS = 10


def _request(
    method: str,
    url: str,
    *,
    token: str = "",
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> urllib.request.Request:
    if not url.startswith(("http://", "https://")):
        raise SendFailed(f"not an http(s) URL: {url!r}")
    request = urllib.request.Request(url, data=data, method=method)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    return request


def fetch(
    method: str,
    url: str,
    *,
    token: str = "",
    payload: Any = None,
    form: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    max_bytes: int = 1024 * 1024,
) -> tuple[bytes, str]:
    """Call `url`; return (body, content type). Raise SendFailed on network errors and non-2xx."""
    data = None
    headers = dict(headers or {})
    if payload is not None:
        data = json.dumps(payload).encode()
        headers["Content-Type"] = "application/json"
    elif form is not None:
        from urllib.parse import urlencode

        data = urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    request = _request(method, url, token=token, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(max_bytes + 1)
            content_type = response.headers.get("Content-Type", "application/octet-stream")
    except urllib.error.HTTPError as exc:
        detail = exc.read(500).decode("utf-8", "replace")
        raise SendFailed(f"HTTP {exc.code} from {url}: {detail}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise SendFailed(f"cannot reach {url}: {exc}") from exc
    if len(body) > max_bytes:
        raise SendFailed(f"response from {url} is larger than {max_bytes} bytes")
    return body, content_type.split(";")[0].strip()


def fetch_json(method: str, url: str, **kwargs: Any) -> dict[str, Any]:
    body, _ = fetch(method, url, **kwargs)
    try:
        found = json.loads(body or b"{}")
    except ValueError as exc:
        raise SendFailed(f"invalid JSON from {url}") from exc
    if not isinstance(found, dict):
        raise SendFailed(f"unexpected JSON from {url}")
    return found
