"""Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP), written with hmac and hashlib."""

import base64
import hashlib
import hmac
import secrets
import struct
import time
from urllib.parse import quote, urlencode

STEP = 30
DIGITS = 6
DRIFT_STEPS = 1  # accept the previous and next 30 s code: phone clocks drift


def new_secret() -> str:
    """160 random bits (RFC 4226 recommends at least 128), base32 as authenticator apps expect."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii").rstrip("=")


def _key(secret: str) -> bytes:
    cleaned = secret.replace(" ", "").upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))


def hotp(key: bytes, counter: int, *, digits: int = DIGITS, digest: str = "sha1") -> str:
    """RFC 4226 section 5.3: HMAC the big-endian counter, truncate dynamically, keep `digits`
    digits."""
    mac = hmac.new(key, struct.pack(">Q", counter), getattr(hashlib, digest)).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def step_at(at: float | None = None) -> int:
    return int((time.time() if at is None else at) // STEP)


def matching_step(secret: str, code: str, *, at: float | None = None, after: int = 0) -> int | None:
    """The time step whose code equals `code` (within the drift), if later than `after`; else None.

    Returning the step lets the caller store it, so that the same code cannot be replayed.
    """
    code = "".join(code.split())
    if not (code.isascii() and code.isdigit() and len(code) == DIGITS):  # "٠١٢" is isdigit() too
        return None
    key, now = _key(secret), step_at(at)
    for step in range(now - DRIFT_STEPS, now + DRIFT_STEPS + 1):
        if step > after and hmac.compare_digest(hotp(key, step), code):
            return step
    return None


def provisioning_uri(secret: str, *, account: str, issuer: str) -> str:
    """The otpauth:// URI authenticator apps read (typed in or pasted; no QR image is needed)."""
    label = quote(f"{issuer}:{account}")
    query = urlencode(
        {"secret": secret, "issuer": issuer, "algorithm": "SHA1", "digits": DIGITS, "period": STEP}
    )
    return f"otpauth://totp/{label}?{query}"
