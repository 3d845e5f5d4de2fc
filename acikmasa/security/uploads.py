"""Files that come in: their real type by content, photos rebuilt from pixels, and served safely.

Every upload path (portal photos, desk evidence, channel media, e-mail attachments) stores the
type found here, never the one the sender claimed; every download goes through `file_response`.
"""

import io
import re

from django.http import FileResponse
from PIL import Image, ImageOps

MAX_PIXELS = 40_000_000  # a decompression bomb is refused before Pillow allocates its pixels
MAX_SIDE = 2560
INLINE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}
_MAGIC = [
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
    (b"OggS", "audio/ogg"),
    (b"ID3", "audio/mpeg"),
    (b"PK\x03\x04", "application/zip"),
]
# Claimed types kept when the bytes do not say otherwise: all are offered as downloads, never shown.
KEEPABLE_CLAIMS = {
    "text/plain",
    "text/csv",
    "audio/ogg",
    "audio/mpeg",
    "audio/mp4",
    "audio/amr",
    "audio/aac",
    "video/mp4",
    "video/3gpp",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
}


def sniff_content_type(content: bytes) -> str:
    """The type from the file's first bytes: a sender's claim is never trusted."""
    for magic, kind in _MAGIC:
        if content.startswith(magic):
            return kind
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    if content[4:8] == b"ftyp":
        return "video/mp4"
    return "application/octet-stream"


def stored_content_type(content: bytes, claimed: str = "") -> str:
    """What to record for an incoming file: the sniffed type, else a harmless claimed one, else
    bytes."""
    sniffed = sniff_content_type(content)
    if sniffed != "application/octet-stream":
        return sniffed
    claimed = (claimed or "").split(";")[0].strip().lower()
    return claimed if claimed in KEEPABLE_CLAIMS else "application/octet-stream"


class ImageRefused(ValueError):
    """Not a usable image (wrong type, too many pixels, corrupt)."""


def image_without_metadata(content: bytes) -> tuple[bytes, str]:
    """Re-encode a JPEG/PNG/WebP/GIF from its pixels only: EXIF (GPS), XMP, ICC and comments are
    gone,
    and anything appended to the image (a polyglot's second file) is left behind. GIF becomes PNG.
    """
    try:
        probe = Image.open(io.BytesIO(content))
        kind = probe.format
        if kind not in ("JPEG", "PNG", "WEBP", "GIF"):
            raise ImageRefused(kind or "unknown")
        if probe.width * probe.height > MAX_PIXELS:
            raise ImageRefused("too many pixels")
        probe.verify()
        image = ImageOps.exif_transpose(Image.open(io.BytesIO(content)))
        image.thumbnail((MAX_SIDE, MAX_SIDE))
    except ImageRefused:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ImageRefused(str(exc)) from exc
    kind = "PNG" if kind == "GIF" else kind
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    # A fresh image has an empty info dict: no EXIF, ICC, XMP or text chunk can ride along.
    bare = Image.frombytes(image.mode, image.size, image.tobytes())
    out = io.BytesIO()
    bare.save(
        out, format=kind, **({"quality": 85} if kind in ("JPEG", "WEBP") else {"optimize": True})
    )
    return out.getvalue(), {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}[kind]


def download_name(name: str, fallback: str = "dosya") -> str:
    """A file name safe inside a header: no quotes, slashes, control characters or line breaks."""
    cleaned = re.sub(r"[\x00-\x1f\x7f\"\\/;]+", "_", name or "").strip(" ._")[:120]
    return cleaned or fallback


def file_response(fileobj, *, name: str, content_type: str, head: bytes) -> FileResponse:
    """Serve a stored file: only a raster image whose bytes say so is shown inline; everything else
    is
    a download of opaque bytes. `nosniff` and a sandboxing CSP stop a browser running what it finds.
    """
    sniffed = sniff_content_type(head)
    inline = sniffed in INLINE_TYPES and content_type == sniffed
    response = FileResponse(
        fileobj,
        content_type=sniffed if inline else "application/octet-stream",
        as_attachment=not inline,
        filename=download_name(name),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def attachment_response(attachment) -> FileResponse:
    """An `Attachment` row through `file_response` (the first bytes are read to check the type)."""
    handle = attachment.file.open("rb")
    head = handle.read(16)
    handle.seek(0)
    return file_response(
        handle, name=attachment.original_name, content_type=attachment.content_type, head=head
    )
