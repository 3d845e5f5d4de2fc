"""Photos are accepted by content and stored without any metadata."""

import io

import pytest
from PIL import Image

from acikmasa.portal.photos import PhotoRefused, Upload, clean_photo

from .conftest import jpeg_with_gps, png_bytes


def test_gps_and_camera_exif_are_removed_from_a_jpeg():
    raw = jpeg_with_gps()
    assert Image.open(io.BytesIO(raw)).getexif().get_ifd(0x8825)  # the fixture really has GPS
    cleaned = clean_photo(Upload("IMG_0001.JPG", raw))
    image = Image.open(io.BytesIO(cleaned.content))
    assert cleaned.content_type == "image/jpeg" and image.format == "JPEG"
    assert (
        not image.getexif()
        and b"Exif" not in cleaned.content
        and b"PhoneCam" not in cleaned.content
    )
    assert image.size == (64, 48) and cleaned.name == "IMG_0001.jpg" and cleaned.is_public


def test_png_keeps_its_format_and_loses_text_chunks():
    out = io.BytesIO()
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", "ev adresim: Tuna Mah.")
    Image.new("RGB", (8, 8)).save(out, format="PNG", pnginfo=info)
    cleaned = clean_photo(Upload("a.png", out.getvalue()))
    assert cleaned.content_type == "image/png" and b"ev adresim" not in cleaned.content
    assert clean_photo(Upload("b.png", png_bytes())).content_type == "image/png"


def test_type_is_decided_by_content_not_by_the_name():
    cleaned = clean_photo(Upload("looks-like.gif", jpeg_with_gps()))
    assert cleaned.content_type == "image/jpeg" and cleaned.name.endswith(".jpg")


@pytest.mark.parametrize(
    "content",
    [
        b"<html><script>alert(1)</script></html>",
        b"GIF89a" + b"\x00" * 40,
        jpeg_with_gps()[:200],  # truncated
    ],
)
def test_non_photos_are_refused(content):
    with pytest.raises(PhotoRefused):
        clean_photo(Upload("photo.jpg", content))


def test_gif_is_refused_even_when_valid():
    out = io.BytesIO()
    Image.new("P", (4, 4)).save(out, format="GIF")
    with pytest.raises(PhotoRefused):
        clean_photo(Upload("x.gif", out.getvalue()))


def test_too_large_file_is_refused(settings):
    settings.ACIKMASA_MAX_ATTACHMENT_BYTES = 1000
    with pytest.raises(PhotoRefused):
        clean_photo(Upload("big.jpg", jpeg_with_gps((400, 400))))


def test_huge_sides_are_scaled_down():
    out = io.BytesIO()
    Image.new("RGB", (5000, 100)).save(out, format="PNG")
    image = Image.open(io.BytesIO(clean_photo(Upload("wide.png", out.getvalue())).content))
    assert image.size[0] == 2560
