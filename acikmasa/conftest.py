import pytest

from acikmasa.common.testing import Town, make_town


@pytest.fixture
def town(db) -> Town:
    return make_town()
