"""The seeds' units in the demo municipality (issue 20): their directorates, subjects, settings,
teams, vehicle, employers, aid grounds, priority groups and muhtar accounts. Idempotent (natural
keys), like reference.py."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from acikmasa.careers.models import CareerCentre
from acikmasa.channels.muhtar.models import Muhtar
from acikmasa.common.turkish import fold
from acikmasa.directory.models import Directorate, Role, ServiceStandard, StaffProfile, Subject
from acikmasa.disability.models import DisabilityUnit
from acikmasa.homevisits.models import HomeVisitService, VisitTeam
from acikmasa.mobileoffice.models import Vehicle
from acikmasa.prioritycare.models import PriorityGroup
from acikmasa.socialaid.models import AidGround, AidKind, AidSubject

from . import geography
from .people import DEMO_PASSWORD, _name
from .reference import Reference, _upsert

UNIT_DIRECTORATES = [
    ("engelli", "Engelli Hizmetleri Birimi", "Disability Unit"),
    ("kariyer", "Kariyer Merkezi", "Career Centre"),
]
# (code, name, English, directorate, keywords, standard key)
UNIT_SUBJECTS = [
    (
        "hizmet-kapinizda",
        "Hizmet Kapınızda: ev ziyareti",
        "Service at your door: home visit",
        "halkla",
        "ev ziyareti, evde ziyaret, gelemiyor, yatalak, yaşlı annem, hizmet kapınızda",
        "saha",
    ),
    (
        "engelli-birimi",
        "Engelli Birimi başvurusu",
        "Application to the disability unit",
        "engelli",
        "engelli, işitme engelli, görme engelli, işaret dili, tekerlekli sandalye, akülü sandalye",
        None,
    ),
    (
        "kariyer-merkezi",
        "Kariyer Merkezi: iş başvurusu",
        "Career centre: job application",
        "kariyer",
        "iş arıyorum, iş başvurusu, cv, özgeçmiş, eleman, kariyer merkezi",
        None,
    ),
]
PRIORITY_GROUPS = [
    (
        "yalniz-yasli",
        "Yalnız yaşayan yaşlılar",
        "Elderly living alone",
        "65 yaş üstü, yalnız yaşayan",
    ),
    ("engelli", "Engelli vatandaşlar", "Disabled citizens", "Engelli sağlık kurulu raporu olanlar"),
    (
        "gazi-sehit",
        "Gazi ve şehit aileleri",
        "Veterans' and martyrs' families",
        "Gaziler, şehit ve gazi yakınları (3713 sayılı Kanun)",
    ),
]
AID_GROUNDS = [
    (
        "muhtac",
        "approval",
        "5393 sayılı Belediye Kanunu md. 14; Sosyal Yardım Yönetmeliği md. 8: "
        "muhtaçlık ölçütleri sağlanıyor",
    ),
    (
        "gelir-siniri",
        "refusal",
        "Sosyal Yardım Yönetmeliği md. 9/a: hane geliri yönetmelikteki sınırın üstünde",
    ),
    (
        "mukerrer-yardim",
        "refusal",
        "Sosyal Yardım Yönetmeliği md. 9/c: aynı dönemde başka kurumdan aynı türde yardım alınıyor",
    ),
    ("ikamet", "refusal", "Sosyal Yardım Yönetmeliği md. 7: ilçede ikamet koşulu sağlanmıyor"),
]
EMPLOYERS = [
    ("Yıldız Tekstil A.Ş.", "Tekstil"),
    ("Esen Konfeksiyon Ltd.", "Tekstil"),
    ("Atışalanı Lojistik", "Lojistik"),
    ("Davutpaşa Metal San.", "Metal"),
    ("Menderes Gıda A.Ş.", "Gıda"),
    ("Tuna Market Zinciri", "Perakende"),
    ("Birlik Yapı İnşaat", "İnşaat"),
    ("Kemer Oto Servis", "Otomotiv"),
    ("Nine Hatun Temizlik Hizmetleri", "Temizlik"),
    ("Fatih Matbaacılık", "Matbaa"),
    ("Oruçreis Mobilya", "Mobilya"),
    ("15 Temmuz Güvenlik Hizmetleri", "Güvenlik"),
    ("Havaalanı Kargo", "Lojistik"),
    ("Çiftehavuzlar Eczanesi", "Sağlık"),
    ("Mimar Sinan Kafe", "Yiyecek-içecek"),
    ("Yavuz Selim Plastik", "Plastik"),
]
JOBS = [
    "Ön muhasebe elemanı",
    "Forklift operatörü",
    "Kasiyer",
    "Dikiş makinesi operatörü",
    "Depo elemanı",
    "Güvenlik görevlisi",
    "Temizlik personeli",
    "Satış danışmanı",
    "Kalıpçı",
    "Şoför (B sınıfı)",
    "Garson",
    "Oto tamircisi",
    "Eczane teknisyeni",
]


@dataclass
class UnitRefs:
    subjects: dict[str, Subject] = field(default_factory=dict)
    directorates: dict[str, Directorate] = field(default_factory=dict)
    teams: dict[str, VisitTeam] = field(default_factory=dict)
    vehicle: Vehicle | None = None
    users: dict[str, object] = field(default_factory=dict)
    groups: dict[str, PriorityGroup] = field(default_factory=dict)
    muhtars: dict[str, Muhtar] = field(default_factory=dict)


def _prefix(ref: Reference) -> str:
    return "" if ref.municipality.code == "esenler" else f"{ref.municipality.code}."


def _user(ref: Reference, username: str, first: str, last: str, role: str, dirs=()):
    user, created = get_user_model().objects.get_or_create(
        username=_prefix(ref) + username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{fold(first)[0]}.{fold(last)}@esenler.bel.tr".replace(" ", ""),
            "password": make_password(DEMO_PASSWORD),
        },
    )
    if created:
        profile = StaffProfile.objects.create(user=user, municipality=ref.municipality, role=role)
        profile.directorates.set([d.pk for d in dirs])
    return user


def units_reference_load(ref: Reference, users: dict) -> UnitRefs:
    m = ref.municipality
    out = UnitRefs(users=dict(users))
    out.directorates = dict(ref.directorates)
    for code, name, name_en in UNIT_DIRECTORATES:
        out.directorates[code] = _upsert(
            Directorate,
            {"municipality": m, "code": code},
            {"name": name, "name_en": name_en, "email": f"{code}@esenler.bel.tr"},
        )
    for code, name, name_en, directorate, keywords, standard in UNIT_SUBJECTS:
        out.subjects[code] = _upsert(
            Subject,
            {"municipality": m, "code": code},
            {
                "name": name,
                "name_en": name_en,
                "keywords": keywords,
                "directorate": out.directorates[directorate],
                "service_standard": ref.standards[standard] if standard else None,
                "is_active": True,
            },
        )
    for code in ("gida-yardimi", "yakacak-yardimi", "is-basvurusu"):
        out.subjects[code] = ref.subjects[code]
    for index, (code, _n, _e) in enumerate(UNIT_DIRECTORATES):
        d = out.directorates[code]
        out.users[f"{code}.mudur"] = _user(
            ref, f"{code}.mudur", *_name(120 + index, True), Role.DIRECTORATE_MANAGER, [d]
        )
        out.users[f"{code}1"] = _user(
            ref, f"{code}1", *_name(130 + index, False), Role.DIRECTORATE_STAFF, [d]
        )
    _services(ref, out)
    _teams(ref, out)
    _priority(ref, out)
    _muhtars(ref, out)
    return out


def _services(ref: Reference, out: UnitRefs) -> None:
    m = ref.municipality
    _upsert(
        HomeVisitService,
        {"municipality": m},
        {"subject": out.subjects["hizmet-kapinizda"], "is_active": True},
    )
    _upsert(
        DisabilityUnit,
        {"municipality": m},
        {
            "directorate": out.directorates["engelli"],
            "subject": out.subjects["engelli-birimi"],
            "relay_sms_number": "0555 444 00 73",
            "relay_whatsapp_number": "0555 444 00 73",
            "video_call_url": "https://meet.esenler.bel.tr/engelli-birimi",
            "video_call_hours": "Hafta içi 09:00–17:00",
            "is_active": True,
        },
    )
    _upsert(
        CareerCentre,
        {"municipality": m},
        {
            "directorate": out.directorates["kariyer"],
            "subject": out.subjects["kariyer-merkezi"],
        },
    )
    for code, kind in (("gida-yardimi", AidKind.FOOD), ("yakacak-yardimi", AidKind.FUEL)):
        _upsert(AidSubject, {"subject": out.subjects[code]}, {"kind": kind, "is_active": True})
    for code, applies, text in AID_GROUNDS:
        _upsert(
            AidGround,
            {"municipality": m, "code": code},
            {"applies_to": applies, "text": text, "is_active": True},
        )
    out.vehicle = _upsert(
        Vehicle,
        {"municipality": m, "name": "Mobil ESTİM 1"},
        {"plate": "34 ES 0073", "is_active": True},
    )


def _teams(ref: Reference, out: UnitRefs) -> None:
    """Seed 000: per region one man and one woman representative: the demo's saha1..saha10."""
    prefix = _prefix(ref)
    reps = {
        p.user.username.removeprefix(prefix): p.user
        for p in StaffProfile.objects.filter(
            municipality=ref.municipality, role=Role.FIELD_REP
        ).select_related("user")
    }
    for number, (code, name, _en) in enumerate(geography.REGIONS, start=1):
        team = _upsert(
            VisitTeam,
            {"municipality": ref.municipality, "name": f"{name} ekibi"},
            {"region": ref.regions[code], "is_active": True},
        )
        members = [reps[u] for u in (f"saha{2 * number - 1}", f"saha{2 * number}") if u in reps]
        team.members.add(*members)
        out.teams[code] = team


def _priority(ref: Reference, out: UnitRefs) -> None:
    m = ref.municipality
    fast = _upsert(
        ServiceStandard,
        {"municipality": m, "name": "Öncelikli Hizmet (VIP)"},
        {
            "name_en": "Priority care (VIP)",
            "sequence_no": 11,
            "deadline_amount": 5,
            "deadline_unit": ServiceStandard.Unit.CALENDAR_DAYS,
            "legal_basis": "ESTİM VIP Hizmet modülü (seed 000); belediyenin kendi taahhüdü",
            "is_active": True,
        },
    )
    for code, name, name_en, description in PRIORITY_GROUPS:
        out.groups[code] = _upsert(
            PriorityGroup,
            {"municipality": m, "code": code},
            {
                "name": name,
                "name_en": name_en,
                "description": description,
                "standard": fast,
                "is_active": True,
            },
        )


def _muhtars(ref: Reference, out: UnitRefs) -> None:
    """One muhtar account per mahalle (usernames muhtar.<mahalle>)."""
    for index, mahalle in enumerate(geography.MAHALLELER):
        slug = fold(mahalle.name).replace(" ", "")
        user, _created = get_user_model().objects.get_or_create(
            username=f"{_prefix(ref)}muhtar.{slug}",
            defaults={
                "first_name": _name(150 + index, index % 4 == 0)[0],
                "last_name": _name(150 + index, False)[1],
                "password": make_password(DEMO_PASSWORD),
            },
        )
        out.muhtars[mahalle.name] = _upsert(
            Muhtar,
            {"user": user},
            {"neighbourhood": ref.neighbourhoods[mahalle.name], "is_active": True},
        )
