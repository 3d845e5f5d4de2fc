from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from acikmasa.cases.lifecycle import Action
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.channels.models import Muhtar
from acikmasa.channels.muhtar.adapter import muhtar_submit

from ..models import MuhtarNotice, MuhtarSummary
from ..selectors import mahalle_cases, muhtar_coverage
from ..sweep import muhtar_sweep

pytestmark = pytest.mark.django_db


@pytest.fixture
def muhtar(town):
    user = get_user_model().objects.create_user(username="birlik_muhtari", password="pw")
    return Muhtar.objects.create(user=user, neighbourhood=town.neighbourhoods["birlik"])


def citizen_case(town, place="birlik", **extra):
    return case_submit(
        municipality=town.municipality,
        channel="web",
        description="Sokak lambası yanmıyor, gece karanlık.",
        subject=town.subjects["street_light"],
        neighbourhood=town.neighbourhoods[place],
        citizen=CitizenInput(first_name="Veli", last_name="Kaya", phone="05321112233"),
        **extra,
    ).case


def test_a_muhtar_sees_a_citizens_case_of_their_mahalle_without_who_wrote_it(town, muhtar, client):
    case = citizen_case(town)
    elsewhere = citizen_case(town, place="tuna")
    assert [c.pk for c in mahalle_cases(muhtar=muhtar)] == [case.pk]
    client.force_login(muhtar.user)
    body = client.get(reverse("muhtars:mahalle")).content.decode()
    assert case.tracking_number in body and elsewhere.tracking_number not in body
    assert "Veli" not in body and "gece karanlık" not in body


def test_the_sweep_tells_new_overdue_and_resolved_once(town, muhtar):
    case = citizen_case(town)
    own = muhtar_submit(
        user=muhtar.user,
        key="k1",
        data={
            "description": "Yolda çukur var, araçlar zarar görüyor.",
            "subject": town.subjects["pothole"].pk,
        },
    ).case
    result = muhtar_sweep()
    assert result.new == 1  # the muhtar's own filing is not news to them
    assert MuhtarNotice.objects.get(kind="new").case == case
    assert muhtar_sweep().new == 0
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_staff"],
        request=TransitionRequest(action=Action.RESOLVE, text="Lamba değiştirildi, yanıyor."),
    )
    assert muhtar_sweep().resolved == 1
    later = timezone.now() + timedelta(days=3)  # the 48-hour standard has run out
    swept = muhtar_sweep(now=later)
    assert swept.overdue == 1 and MuhtarNotice.objects.get(kind="overdue").case == own


def test_a_monthly_summary_is_made_once_with_the_mahalles_figures(town, muhtar):
    citizen_case(town)
    muhtar_submit(user=muhtar.user, key="k2", data={"description": "Çeşme akmıyor, bakılsın."})
    next_month = (timezone.localdate().replace(day=1) + timedelta(days=32)).replace(day=3)
    now = timezone.make_aware(timezone.datetime.combine(next_month, timezone.datetime.min.time()))
    muhtar_sweep(now=now)
    muhtar_sweep(now=now)
    summary = MuhtarSummary.objects.get()
    assert summary.month == timezone.localdate().replace(day=1)
    assert summary.figures["received"] == 2 and summary.figures["by_muhtar"] == 1
    assert MuhtarNotice.objects.filter(kind="summary").count() == 1


def test_coverage_counts_muhtar_filed_cases_per_mahalle(town, muhtar):
    citizen_case(town)
    muhtar_submit(user=muhtar.user, key="k3", data={"description": "Kaldırım taşları söküldü."})
    from acikmasa.cases.permissions import visible_cases

    rows = {
        r.neighbourhood.name: r
        for r in muhtar_coverage(user=town.users["pr"], cases=visible_cases(town.users["pr"]))
    }
    assert (rows["Birlik"].total, rows["Birlik"].by_muhtar, rows["Birlik"].share) == (2, 1, 0.5)
    assert rows["Birlik"].has_account and not rows["Tuna"].has_account


def test_staff_and_strangers_do_not_get_the_muhtar_page(town, muhtar, client):
    client.force_login(town.users["pr"])
    assert client.get(reverse("muhtars:mahalle")).status_code == 403
