"""One town with every unit of issue 20 set up, for the units' browser tests."""

from datetime import time

from django.contrib.auth import get_user_model
from django.utils import timezone

from acikmasa.careers.tests.conftest import make_centre
from acikmasa.channels.muhtar.models import Muhtar
from acikmasa.common.testing import make_user
from acikmasa.directory.models import Directorate, Role, Subject
from acikmasa.disability.models import DisabilityUnit
from acikmasa.homevisits.tests.conftest import make_visits
from acikmasa.mobileoffice.models import Vehicle
from acikmasa.mobileoffice.services import stop_schedule
from acikmasa.socialaid.models import AidGround, AidKind, AidSubject


def make_units(town) -> dict:
    m = town.municipality
    visits = make_visits(town)
    centre = make_centre(town)
    engelli = Directorate.objects.create(municipality=m, code="engelli", name="Engelli Birimi")
    unit = DisabilityUnit.objects.create(
        municipality=m,
        directorate=engelli,
        subject=Subject.objects.create(
            municipality=m,
            code="engelli-birimi",
            name="Engelli Birimi başvurusu",
            directorate=engelli,
        ),
        relay_sms_number="0555 444 00 73",
        relay_whatsapp_number="0555 444 00 73",
        video_call_url="https://meet.example.org/engelli",
        video_call_hours="Hafta içi 09:00–17:00",
    )
    food = Subject.objects.create(
        municipality=m,
        code="gida-yardimi",
        name="Gıda yardımı (gıda kolisi)",
        directorate=town.directorates["temizlik"],
        keywords="gıda, koli, erzak",
    )
    AidSubject.objects.create(subject=food, kind=AidKind.FOOD)
    grounds = [
        AidGround.objects.create(
            municipality=m,
            code="muhtac",
            applies_to="approval",
            text="5393 s. Kanun md. 14; Sosyal Yardım Yönetmeliği md. 8: muhtaçlık koşulu",
        ),
        AidGround.objects.create(
            municipality=m,
            code="gelir",
            applies_to="refusal",
            text="Sosyal Yardım Yönetmeliği md. 9: hane geliri sınırın üstünde",
        ),
    ]
    bus = Vehicle.objects.create(municipality=m, name="Mobil ESTİM 1")
    stop = stop_schedule(
        user=town.users["pr"],
        vehicle=bus,
        neighbourhood=town.neighbourhoods["tuna"],
        place="Tuna Camii meydanı",
        day=timezone.localdate(),
        opens_at=time(0, 0),
        closes_at=time(23, 59),
    )
    muhtar_user = get_user_model().objects.create_user(
        username="muhtar.birlik", password="pw-muhtar.birlik", first_name="Kemal"
    )
    muhtar = Muhtar.objects.create(user=muhtar_user, neighbourhood=town.neighbourhoods["birlik"])
    field = town.users["field"].staff
    field.region = town.neighbourhoods["birlik"].region
    field.save()
    make_user(town, "sosyal_manager", Role.DIRECTORATE_MANAGER, ["temizlik"])
    return {
        "visits": visits,
        "centre": centre,
        "unit": unit,
        "food": food,
        "grounds": grounds,
        "stop": stop,
        "muhtar": muhtar,
    }
