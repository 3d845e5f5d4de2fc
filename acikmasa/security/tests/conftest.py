import pytest

from acikmasa.directory.models import Role


@pytest.fixture
def staff(town):
    """A desk agent with the password `pw-masa`."""
    from acikmasa.common.testing import make_user

    user = make_user(town, "masa", Role.DESK_AGENT)
    user.set_password("pw-masa")
    user.save()
    return user
