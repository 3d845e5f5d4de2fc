"""Builders for the desk tests: cases made through the intake door and moved by transitions."""

from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition

VALID_TCKN = "10000000146"


def new_case(town, subject="pothole", description="Sokakta büyük bir çukur var", **kwargs):
    kwargs.setdefault("channel", "call_centre")
    return case_submit(
        municipality=town.municipality, subject=subject, description=description, **kwargs
    ).case


def with_citizen(town, **kwargs):
    citizen = CitizenInput(
        first_name="Ayşe", last_name="Işıkoğlu", national_id=VALID_TCKN, phone="0532 123 45 67"
    )
    return new_case(town, citizen=citizen, **kwargs)


def act(town, case, user, action, text="", **params):
    return case_transition(
        case_id=case.pk,
        actor=town.users[user],
        request=TransitionRequest(action=action, text=text, params=params),
    )


def tiny_png(
    width: int = 48, height: int = 32, rgb: tuple[int, int, int] = (240, 200, 40)
) -> bytes:
    """A real PNG image (one colour), so browsers can show the preview."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )
