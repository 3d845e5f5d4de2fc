"""RFC 4226 and RFC 6238 test vectors, replay protection, and the enrolment URI."""

import base64

import pytest

from acikmasa.security import totp

RFC_SECRET = base64.b32encode(b"12345678901234567890").decode()


@pytest.mark.parametrize(
    "counter, expected",
    enumerate(
        [
            "755224",
            "287082",
            "359152",
            "969429",
            "338314",
            "254676",
            "287922",
            "162583",
            "399871",
            "520489",
        ]
    ),
)
def test_hotp_matches_rfc_4226_appendix_d(counter, expected):
    assert totp.hotp(b"12345678901234567890", counter) == expected


@pytest.mark.parametrize(
    "at, expected",
    [
        (59, "94287082"),
        (1111111109, "07081804"),
        (1111111111, "14050471"),
        (1234567890, "89005924"),
        (2000000000, "69279037"),
        (20000000000, "65353130"),
    ],
)
def test_totp_sha1_matches_rfc_6238_appendix_b(at, expected):
    assert totp.hotp(b"12345678901234567890", at // 30, digits=8) == expected


def test_a_code_matches_its_step_and_its_neighbours_only():
    step = totp.step_at(1_800_000_000)
    code = totp.hotp(base64.b32decode(RFC_SECRET), step)
    assert totp.matching_step(RFC_SECRET, code, at=1_800_000_000) == step
    assert (
        totp.matching_step(RFC_SECRET, code, at=1_800_000_000 + 30) == step
    )  # phone a step behind
    assert totp.matching_step(RFC_SECRET, code, at=1_800_000_000 + 90) is None


def test_a_used_step_cannot_be_replayed():
    step = totp.step_at(1_800_000_000)
    code = totp.hotp(base64.b32decode(RFC_SECRET), step)
    assert totp.matching_step(RFC_SECRET, code, at=1_800_000_000, after=step) is None


@pytest.mark.parametrize("junk", ["", "12345", "1234567", "abcdef", "12 34 5x", "٠١٢٣٤٥"])
def test_malformed_codes_never_match(junk):
    assert totp.matching_step(RFC_SECRET, junk) is None


def test_new_secrets_are_160_bit_base32_and_the_uri_carries_them():
    secret = totp.new_secret()
    assert len(secret) == 32 and len(base64.b32decode(secret)) == 20
    uri = totp.provisioning_uri(secret, account="fen1", issuer="Açık Masa")
    assert (
        uri.startswith("otpauth://totp/A%C3%A7%C4%B1k%20Masa%3Afen1?") and f"secret={secret}" in uri
    )
