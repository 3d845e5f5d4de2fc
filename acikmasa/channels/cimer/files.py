"""Reading CİMER's exported application lists (CSV or XLSX) into plain rows with known column
names."""

import csv
import io
import re
from datetime import date, datetime
from typing import Any

from acikmasa.common.turkish import fold

MAX_ROWS = 20_000

# Our field -> the headings CİMER exports and staff retype (folded: case and Turkish letters
# ignored).
COLUMNS: dict[str, tuple[str, ...]] = {
    "number": (
        "basvuru no",
        "basvuru numarasi",
        "cimer no",
        "cimer basvuru no",
        "basvuru id",
        "application no",
    ),
    "date": ("basvuru tarihi", "tarih", "gelis tarihi", "kayit tarihi", "application date"),
    "name": ("ad soyad", "adi soyadi", "basvuru sahibi", "basvuran", "name"),
    "first_name": ("ad", "adi"),
    "last_name": ("soyad", "soyadi"),
    "national_id": ("t.c. kimlik no", "tc kimlik no", "t.c. kimlik numarasi", "tckn", "kimlik no"),
    "phone": ("telefon", "cep telefonu", "gsm", "telefon no", "phone"),
    "email": ("e-posta", "e-posta adresi", "eposta", "email", "e-mail"),
    "address": ("adres", "address"),
    "neighbourhood": ("mahalle", "mahallesi"),
    "topic": ("konu", "basvuru konusu", "subject"),
    "text": ("basvuru metni", "metin", "aciklama", "basvuru icerigi", "text"),
    "type": ("basvuru turu", "tur", "basvuru tipi", "type"),
}
_LOOKUP = {heading: field for field, headings in COLUMNS.items() for heading in headings}

CASE_TYPES = {
    "sikayet": "complaint",
    "istek": "request",
    "talep": "request",
    "oneri": "suggestion",
    "bilgi edinme": "information",
    "ihbar": "tip_off",
    "tesekkur": "thanks",
    "temenni": "wish",
    "gorus": "wish",
    "dilek": "wish",
}


class CimerFileError(ValueError):
    pass


def _field(heading: Any) -> str | None:
    return _LOOKUP.get(fold(str(heading or "")).rstrip(":"))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores application numbers as numbers
    return str(value).strip()


def _rows(table: list[list[Any]]) -> list[dict[str, str]]:
    start = next(
        (i for i, row in enumerate(table[:20]) if sum(_field(c) is not None for c in row) >= 2),
        None,
    )
    if start is None:
        raise CimerFileError(
            "No heading row with CİMER columns (e.g. “Başvuru No”, “Başvuru Metni”) was found."
        )
    fields = [_field(c) for c in table[start]]
    if "number" not in fields:
        raise CimerFileError("The file has no “Başvuru No” column.")
    rows = []
    for values in table[start + 1 :]:
        row = {f: _cell(v) for f, v in zip(fields, values, strict=False) if f}
        if any(row.values()):
            rows.append(row)
    if len(rows) > MAX_ROWS:
        raise CimerFileError(f"At most {MAX_ROWS} rows per file.")
    return rows


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "windows-1254"):  # Excel in Turkish saves CSV as windows-1254
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CimerFileError("The CSV file is neither UTF-8 nor windows-1254.")


def read_csv(content: bytes) -> list[dict[str, str]]:
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    return _rows(list(csv.reader(io.StringIO(text), delimiter=delimiter)))


def read_xlsx(content: bytes) -> list[dict[str, str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:
        raise CimerFileError(f"The XLSX file cannot be read: {exc}") from exc
    try:
        sheet = book.worksheets[0]
        return _rows(
            [list(row) for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 25)]
        )
    finally:
        book.close()


def read_file(name: str, content: bytes) -> list[dict[str, str]]:
    if not content:
        raise CimerFileError("The file is empty.")
    if name.lower().endswith(".xlsx") or content[:2] == b"PK":
        return read_xlsx(content)
    if name.lower().endswith((".csv", ".txt")):
        return read_csv(content)
    raise CimerFileError("Give a .csv or .xlsx file.")


def parse_date(value: str) -> datetime | None:
    """CİMER dates as exported: 24.11.2026 14:05, 24/11/2026, 2026-11-24 14:05 or ISO."""
    value = value.strip()
    for pattern in (
        "%d.%m.%Y %H:%M:%S",
        "%d.%m.%Y %H:%M",
        "%d.%m.%Y",
        "%d/%m/%Y %H:%M",
        "%d/%m/%Y",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d",
    ):
        try:
            return datetime.strptime(value, pattern)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def case_type_of(value: str) -> str | None:
    return CASE_TYPES.get(re.sub(r"\s+", " ", fold(value)))
