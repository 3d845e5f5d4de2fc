import pytest

from acikmasa.common.testing import make_user
from acikmasa.directory.models import Directorate, Role, Subject

from ..models import CareerCentre


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_centre(town) -> CareerCentre:
    m = town.municipality
    directorate = Directorate.objects.create(municipality=m, code="kariyer", name="Kariyer Merkezi")
    town.directorates["kariyer"] = directorate
    subject = Subject.objects.create(
        municipality=m, code="is-basvurusu", name="İş başvurusu", directorate=directorate
    )
    make_user(town, "kariyer_staff", Role.DIRECTORATE_STAFF, ["kariyer"])
    return CareerCentre.objects.create(municipality=m, directorate=directorate, subject=subject)


@pytest.fixture
def centre(town) -> CareerCentre:
    return make_centre(town)
