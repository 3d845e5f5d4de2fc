"""Payloads and helpers of the hostile-input suite (docs/security.md lists what each got)."""

from urllib.parse import quote, urlencode

# Raw, already percent-encoded values that are not valid text: each must be refused with a 400.
BAD_ENCODINGS = {
    "nul_byte": "a%00b",
    "broken_utf8": "%FF%FEabc",
    "overlong_utf8_slash": "..%C0%AF..%C0%AFetc%C0%AFpasswd",
    "utf8_surrogate": "%ED%A0%80x",
    "windows1254_as_utf8": quote("Kısa yağmur çukuru".encode("cp1254"), safe=""),
    "terminal_escape": "%1B%5B31mred",
}
# Accepted as text (a citizen may write anything): stored verbatim, always rendered escaped.
INJECTIONS = {
    "sql_drop": "'; DROP TABLE cases_case; --",
    "sql_or": "1' OR '1'='1",
    "sql_union": "x' UNION SELECT password FROM auth_user --",
    "template_var": "{{ settings.SECRET_KEY }}",
    "template_tag": "{% debug %}{% load log %}",
    "ssti_math": "${7*7} {{7*7}} #{7*7}",
    "xss_script": "<script>alert(document.cookie)</script>",
    "xss_img": '<img src=x onerror="alert(1)">',
    "xss_attr_break": '"><svg onload=alert(1)>',
    "xss_js_url": "javascript:alert(1)",
    "crlf_header": "x\r\nSet-Cookie: pwned=1\r\nLocation: https://evil.example/",
    "rtl_override": "\u202eexe.fdp",
}
DANGEROUS_MARKUP = [
    "<script>alert(document.cookie)</script>",
    "<img src=x onerror",
    "<svg onload=alert(1)>",
]


def body_with(base: dict, field: str, raw_value: str) -> bytes:
    """An urlencoded body: `base` encoded normally, `field` carrying a raw percent-encoded value."""
    rest = {k: v for k, v in base.items() if k != field}
    return (urlencode(rest) + "&" + quote(field) + "=" + raw_value).encode("ascii")


def multipart_with(
    base: dict, field: str, raw: bytes, boundary: str = "HOSTILEBOUNDARY"
) -> tuple[bytes, str]:
    """A multipart body whose `field` carries raw bytes (no percent-encoding to hide behind)."""
    parts = []
    for key, value in {**base, field: None}.items():
        data = raw if key == field else str(value).encode()
        parts.append(
            b"--"
            + boundary.encode()
            + b'\r\nContent-Disposition: form-data; name="'
            + key.encode()
            + b'"\r\n\r\n'
            + data
            + b"\r\n"
        )
    return b"".join(
        parts
    ) + b"--" + boundary.encode() + b"--\r\n", f"multipart/form-data; boundary={boundary}"
