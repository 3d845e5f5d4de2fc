"""Fake and hostile files shared by the upload tests and the hostile-input suite."""

import io
import struct
import zipfile
import zlib

from PIL import Image


def jpeg_with_gps() -> bytes:
    """A real JPEG whose EXIF holds a GPS position (41.04 N, 28.88 E) and a camera make."""
    image = Image.new("RGB", (40, 30), (200, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "EvKamerasi"  # Make
    gps = {1: "N", 2: (41.0, 2.0, 24.0), 3: "E", 4: (28.0, 52.0, 48.0)}
    exif[0x8825] = gps
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def png(width: int = 20, height: int = 20) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (10, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def png_bomb(side: int = 30_000) -> bytes:
    """A tiny PNG that claims side×side pixels (900 megapixels): a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    rows = zlib.compress(
        b"\x00" * (side // 8 + 1) * 64
    )  # only a few rows: the size is in the header
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def zip_bomb() -> bytes:
    """A zip of 50 MB of zeros in about 50 kB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.bin", b"\x00" * 50_000_000)
    return out.getvalue()


FAKE_IMAGES = {
    "php.jpg": b"<?php system($_GET['c']); ?>",
    "html.jpg": b"<!doctype html><script>alert(document.cookie)</script>",
    "svg.jpg": b'<svg xmlns="http://www.w3.org/2000/svg" '
    b'onload="alert(1)"><script>alert(2)</script></svg>',
    "gif-html-polyglot.jpg": b"GIF89a/*<script>alert(1)</script>*/=1;",
    "jpeg-header-only.jpg": b"\xff\xd8\xff\xe0" + b"<script>alert(1)</script>" * 10,
    "zip.jpg": None,  # filled lazily: zip_bomb() is slow-ish to build
    "bomb.png": None,
    "empty.jpg": b"",
}


def fake_image(name: str) -> bytes:
    if name == "zip.jpg":
        return zip_bomb()
    if name == "bomb.png":
        return png_bomb()
    return FAKE_IMAGES[name]


def jpeg_zip_polyglot() -> bytes:
    """A valid JPEG with a zip archive appended (readers of either format accept it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("shell.php", "<?php system($_GET['c']); ?>")
    return jpeg_with_gps() + out.getvalue()
