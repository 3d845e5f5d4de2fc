import copy
import json
from pathlib import Path
from typing import Any

from acikmasa.channels.meta import sign

FIXTURES = Path(__file__).parent / "fixtures"
SECRET = "demo-whatsapp-secret"
URL = "/hooks/whatsapp/"


def fixture(name: str) -> dict[str, Any]:
    return copy.deepcopy(json.loads((FIXTURES / f"{name}.json").read_text()))


def first_message(payload: dict[str, Any]) -> dict[str, Any]:
    return payload["entry"][0]["changes"][0]["value"]["messages"][0]


def post(
    client,
    payload: Any,
    *,
    secret: str = SECRET,
    body: bytes | None = None,
    signature: str | None = None,
):
    raw = body if body is not None else json.dumps(payload, ensure_ascii=False).encode()
    headers = {
        "HTTP_X_HUB_SIGNATURE_256": signature if signature is not None else sign(secret, raw)
    }
    return client.post(URL, data=raw, content_type="application/json", **headers)
