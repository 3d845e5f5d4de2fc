"""The demo's units (issue 20): every unit gets activity with real histories, loading twice adds
nothing, and a demo too small for them (a test fixture counting its cases) gets none."""

import pytest

from acikmasa.careers.models import Referral
from acikmasa.cases.events import EventKind
from acikmasa.cases.models import Case, CaseEvent
from acikmasa.channels.muhtar.models import Muhtar
from acikmasa.demo.services import demo_load
from acikmasa.desk.models import GuidanceLog
from acikmasa.homevisits.models import HomeVisit
from acikmasa.mobileoffice.models import StopApplication
from acikmasa.muhtars.models import MuhtarSummary
from acikmasa.prioritycare.models import PriorityMembership
from acikmasa.socialaid.models import HouseholdCheck

from .conftest import UNTIL

pytestmark = pytest.mark.django_db


def test_the_units_are_loaded_through_their_services_once():
    result = demo_load(seed=3, cases=300, until=UNTIL, chunk_size=150, units=True)
    m = result.municipality
    assert HomeVisit.objects.filter(municipality=m, status="done").exists()
    assert HomeVisit.objects.filter(
        municipality=m, status="planned", slot__starts_at__gt=UNTIL
    ).exists()
    assert StopApplication.objects.filter(case__channel__code="mobile_office").exists()
    assert Referral.objects.filter(answer="hired").exists()
    assert HouseholdCheck.objects.filter(decision="refused").exists()
    assert PriorityMembership.objects.exists()
    assert Muhtar.objects.filter(neighbourhood__municipality=m).count() == 17
    assert MuhtarSummary.objects.exists()
    # Erzurum's shape: about 1.36 people advised per application.
    cases = Case.objects.filter(municipality=m).count()
    assert GuidanceLog.objects.filter(municipality=m).count() == round(1.36 * cases)
    # Real histories: each visit's case holds its planned event, versions match the history.
    visit = HomeVisit.objects.filter(status="done").first()
    assert visit.case.events.filter(kind=EventKind.VISIT_PLANNED).exists()
    for case in Case.objects.filter(home_visits__isnull=False).distinct()[:20]:
        assert case.version == CaseEvent.objects.filter(case=case).count()
    before = Case.objects.count()
    demo_load(seed=3, cases=300, until=UNTIL, units=True)
    assert Case.objects.count() == before


def test_a_small_demo_has_no_units():
    demo_load(seed=4, cases=120, until=UNTIL)
    assert not HomeVisit.objects.exists() and Case.objects.count() == 120
