from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from acikmasa.demo.services import demo_load

# A fixed end of the generated period: same seed + same end => the same cases.
UNTIL = datetime(2026, 6, 15, 12, 0, tzinfo=ZoneInfo("Europe/Istanbul"))


@pytest.fixture
def demo(db):
    """The demo municipality with a few hundred generated cases."""
    return demo_load(seed=7, cases=400, until=UNTIL, chunk_size=150)
