from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def eml(name: str) -> bytes:
    return (FIXTURES / f"{name}.eml").read_bytes()
