import io

import pytest
from django.core.cache import cache
from PIL import Image


@pytest.fixture(autouse=True)
def _media_and_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()


def jpeg_with_gps(size=(64, 48)) -> bytes:
    """A JPEG whose EXIF carries a GPS position and a camera model, as phone photos do."""
    image = Image.new("RGB", size, (200, 40, 40))
    exif = Image.Exif()
    exif[0x0110] = "PhoneCam X"  # Model
    exif[0x0112] = 1  # Orientation
    gps = {1: "N", 2: (41.0, 2.0, 30.0), 3: "E", 4: (28.0, 52.0, 10.0)}
    exif[0x8825] = gps  # GPSInfo
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (10, 10), (0, 0, 255, 128)).save(out, format="PNG")
    return out.getvalue()
