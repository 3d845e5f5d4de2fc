"""Citizens' photos: accept JPEG, PNG and WebP by their content, and re-encode them without
metadata.

A phone photo's EXIF carries the GPS position of the citizen's home as often as of the pothole, so
only the pixels survive: nothing the citizen uploaded is stored or shown before this step.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from acikmasa.cases.services.intake import IncomingFile

MAX_PHOTOS = 5
MAX_PIXELS = 40_000_000  # refuse decompression bombs long before Pillow's own limit
MAX_SIDE = 2560  # larger photos are scaled down; nobody needs more to see a pothole
FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}


class PhotoRefused(ValueError):
    """The upload is not a usable photo; the message is safe to show."""


@dataclass
class Upload:
    name: str
    content: bytes


def max_bytes() -> int:
    return getattr(settings, "ACIKMASA_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024)


def clean_photo(upload: Upload) -> IncomingFile:
    """Return the photo re-encoded from its pixels only (EXIF, GPS, XMP and comments dropped)."""
    if len(upload.content) > max_bytes():
        raise PhotoRefused(
            _("%(name)s is larger than %(mb)d MB.")
            % {"name": upload.name[:80], "mb": max_bytes() // 1_048_576}
        )
    try:
        probe = Image.open(io.BytesIO(upload.content))
        kind = probe.format
        if kind not in FORMATS:
            raise PhotoRefused(
                _("%(name)s is not a JPEG, PNG or WebP photo.") % {"name": upload.name[:80]}
            )
        if probe.width * probe.height > MAX_PIXELS:
            raise PhotoRefused(_("%(name)s has too many pixels.") % {"name": upload.name[:80]})
        probe.verify()
        image = Image.open(io.BytesIO(upload.content))
        image = ImageOps.exif_transpose(image)  # keep the photo upright once its EXIF is gone
        image.thumbnail((MAX_SIDE, MAX_SIDE))
    except PhotoRefused:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as exc:
        raise PhotoRefused(
            _("%(name)s is not a JPEG, PNG or WebP photo.") % {"name": upload.name[:80]}
        ) from exc
    return IncomingFile(
        name=_safe_name(upload.name, FORMATS[kind][1]),
        content=_pixels_only(image, kind),
        content_type=FORMATS[kind][0],
        is_public=True,
    )


def _pixels_only(image: Image.Image, kind: str) -> bytes:
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    # A fresh image has an empty info dict: no EXIF, ICC, XMP or text chunk can ride along.
    bare = Image.frombytes(image.mode, image.size, image.tobytes())
    out = io.BytesIO()
    options = {"quality": 85} if kind in ("JPEG", "WEBP") else {"optimize": True}
    bare.save(out, format=kind, **options)
    return out.getvalue()


def _safe_name(name: str, extension: str) -> str:
    stem = (
        "".join(ch for ch in name.rsplit(".", 1)[0] if ch.isalnum() or ch in "-_")[:60] or "photo"
    )
    return f"{stem}.{extension}"
