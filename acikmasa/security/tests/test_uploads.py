"""Type by content, photos rebuilt without metadata, and files served so nothing can run."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from acikmasa.cases.models import Attachment
from acikmasa.cases.services.intake import IncomingFile, case_submit
from acikmasa.security.uploads import (
    ImageRefused,
    attachment_response,
    download_name,
    image_without_metadata,
    sniff_content_type,
    stored_content_type,
)

from .files import FAKE_IMAGES, fake_image, jpeg_with_gps, jpeg_zip_polyglot, png


def test_gps_and_camera_are_gone_after_the_rebuild():
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get(0x8825)
    cleaned, kind = image_without_metadata(original)
    image = Image.open(io.BytesIO(cleaned))
    assert kind == "image/jpeg" and not image.getexif() and b"EvKamerasi" not in cleaned


def test_a_polyglots_appended_archive_is_left_behind():
    cleaned, _ = image_without_metadata(jpeg_zip_polyglot())
    assert b"PK\x03\x04" not in cleaned and b"shell.php" not in cleaned


@pytest.mark.parametrize("name", sorted(FAKE_IMAGES))
def test_fake_images_are_refused(name):
    with pytest.raises(ImageRefused):
        image_without_metadata(fake_image(name))


@pytest.mark.parametrize(
    "content, claimed, expected",
    [
        (png(), "text/html", "image/png"),
        (b"<html><script>alert(1)</script>", "text/html", "application/octet-stream"),
        (b"<svg onload=alert(1)>", "image/svg+xml", "application/octet-stream"),
        (b"GIF89a<script>", "image/gif", "image/gif"),
        (b"hello", "text/plain; charset=utf-8", "text/plain"),
        (b"%PDF-1.7 ...", "application/octet-stream", "application/pdf"),
        (b"OggS\x00voice", "audio/ogg; codecs=opus", "audio/ogg"),
    ],
)
def test_the_stored_type_comes_from_the_bytes(content, claimed, expected):
    assert stored_content_type(content, claimed) == expected


@pytest.mark.parametrize(
    "name", ['a"b.html', "x\r\nSet-Cookie: a=b.jpg", "../../etc/passwd", "", "çukur fotoğrafı.jpg"]
)
def test_download_names_cannot_break_the_header(name):
    cleaned = download_name(name)
    assert cleaned and not any(ch in cleaned for ch in '"\r\n/\\;')


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content, claimed, inline",
    [
        (png(), "image/png", True),
        (b"<html><script>alert(document.cookie)</script></html>", "text/html", False),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
            False,
        ),
        (
            b"GIF89a<html><script>alert(1)</script>",
            "text/html",
            False,
        ),  # row claims html: never inline
        (b"%PDF-1.4 /JS (app.alert(1))", "application/pdf", False),
    ],
)
def test_served_files_run_nothing(town, settings, tmp_path, content, claimed, inline):
    settings.MEDIA_ROOT = tmp_path
    case = case_submit(municipality=town.municipality, channel="web", description="x").case
    attachment = Attachment(
        case=case,
        original_name='evil"\r\n.html',
        content_type=claimed,
        size=len(content),
        sha256="0" * 64,
    )
    attachment.file.save("f.bin", ContentFile(content), save=False)
    attachment.save()
    response = attachment_response(attachment)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    disposition = response["Content-Disposition"]
    assert disposition.startswith("inline" if inline else "attachment") and "\r" not in disposition
    assert response["Content-Type"] == ("image/png" if inline else "application/octet-stream")


@pytest.mark.django_db
def test_channel_and_intake_attachments_record_the_sniffed_type(town, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    case = case_submit(
        municipality=town.municipality,
        channel="web",
        description="x",
        attachments=[
            IncomingFile("a.jpg", b"<html><script>alert(1)</script>", "image/jpeg"),
            IncomingFile("b.txt", png(), "text/plain"),
        ],
    ).case
    assert sorted(case.attachments.values_list("content_type", flat=True)) == [
        "application/octet-stream",
        "image/png",
    ]


def test_sniffing_ignores_the_name():
    assert sniff_content_type(b"<?php echo 1;") == "application/octet-stream"
