"""Strict reading of query strings and form bodies: broken encodings and bad values are 400s."""

import math
import re
from datetime import datetime, time
from urllib.parse import parse_qsl

from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from .errors import ApiError

Form = dict[str, list[str]]
MAX_FIELDS = 100
_ATTRIBUTE = re.compile(r"^attribute\[([^\[\]]{1,60})\](\[\])?$")
MIN_YEAR, MAX_YEAR = 1900, 2999
BAD_ENCODING = "The parameters are not valid UTF-8 form encoding."


def _pairs(text: str) -> Form:
    try:
        pairs = parse_qsl(
            text,
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=MAX_FIELDS,
        )
    except (UnicodeDecodeError, ValueError) as exc:
        raise ApiError(400, BAD_ENCODING) from exc
    form: Form = {}
    for key, value in pairs:
        if "\x00" in key or "\x00" in value or "\ufffd" in key or "\ufffd" in value:
            raise ApiError(400, BAD_ENCODING)
        form.setdefault(key, []).append(value)
    return form


def query_params(request: HttpRequest) -> Form:
    """The query string, decoded strictly (Django would silently replace broken bytes)."""
    return _pairs(request.META.get("QUERY_STRING", ""))


def form_params(request: HttpRequest) -> Form:
    """A POST body: application/x-www-form-urlencoded (the spec's format), UTF-8."""
    content_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        form = _multipart(request)
    elif content_type in ("", "application/x-www-form-urlencoded"):
        try:
            text = request.body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ApiError(400, BAD_ENCODING) from exc
        form = _pairs(text)
    else:
        raise ApiError(
            400, "POST requests must be application/x-www-form-urlencoded (or multipart/form-data)."
        )
    # api_key and jurisdiction_id may also travel in the query string.
    for key, values in query_params(request).items():
        form.setdefault(key, values)
    return form


def _multipart(request: HttpRequest) -> Form:
    """Many GeoReport clients send multipart bodies; Django decodes them, replacing broken bytes."""
    try:
        items = request.POST.lists()
        form = {key: list(values) for key, values in items}
    except Exception as exc:  # a malformed multipart body (MultiPartParserError and friends)
        raise ApiError(400, "The multipart body could not be read.") from exc
    if len(form) > MAX_FIELDS:
        raise ApiError(400, BAD_ENCODING)
    for key, values in form.items():
        if any(bad in text for text in (key, *values) for bad in ("\x00", "\ufffd")):
            raise ApiError(400, BAD_ENCODING)
    return form


def one(form: Form, name: str, *, max_length: int = 200) -> str:
    """A single-valued parameter ('' when absent)."""
    values = form.get(name, [])
    if len(values) > 1:
        raise ApiError(400, f"{name} was given more than once.")
    value = values[0].strip() if values else ""
    if len(value) > max_length:
        raise ApiError(400, f"{name} is longer than {max_length} characters.")
    return value


def coordinate(form: Form, name: str, low: float, high: float) -> float | None:
    raw = one(form, name, max_length=40)
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError as exc:
        raise ApiError(400, f"{name} must be a decimal number (WGS84).") from exc
    if not math.isfinite(value) or not low <= value <= high:
        raise ApiError(400, f"{name} must be between {low:g} and {high:g}.")
    return value


def when(form: Form, name: str) -> datetime | None:
    """An ISO 8601 date or time; a time without zone is read in the municipality's zone."""
    raw = one(form, name, max_length=40)
    if not raw:
        return None
    try:
        value = parse_datetime(raw.replace(" ", "+"))
        if value is None:
            day = parse_date(raw)
            value = datetime.combine(day, time.min) if day else None
    except ValueError:
        value = None
    if value is None:
        raise ApiError(
            400, f"{name} must be an ISO 8601 date or date-time (e.g. 2026-05-01T00:00:00+03:00)."
        )
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        # Far dates overflow once a zone or the 90-day window is applied; nobody means them.
        raise ApiError(400, f"{name} must be between the years {MIN_YEAR} and {MAX_YEAR}.")
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def positive_int(form: Form, name: str, default: int, maximum: int) -> int:
    raw = one(form, name, max_length=10)
    if not raw:
        return default
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise ApiError(400, f"{name} must be a positive whole number.")
    return min(int(raw), maximum)


def attributes(form: Form) -> dict[str, list[str]]:
    """attribute[code]=value and attribute[code][]=value1&attribute[code][]=value2."""
    found: dict[str, list[str]] = {}
    for key, values in form.items():
        if not key.startswith("attribute"):
            continue
        match = _ATTRIBUTE.match(key)
        if match is None:
            raise ApiError(400, f"Malformed attribute parameter: {key[:60]}")
        found.setdefault(match.group(1), []).extend(v.strip() for v in values)
    return found


def flag(form: Form, name: str) -> bool:
    raw = one(form, name, max_length=10).lower()
    if raw in ("", "false", "0"):
        return False
    if raw in ("true", "1"):
        return True
    raise ApiError(400, f"{name} must be true or false.")
