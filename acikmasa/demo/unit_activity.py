"""A year or so of the units' life, generated through their own services (issue 20), so that every
visit, stop, referral and check has its real case history and events.

The services read the time from django.utils.timezone.now; the generator sets that clock to each
moment it replays (`_at`), the way the insights tests do. Citizens here do not consent to messages,
so loading the demo sends nobody anything. Shapes: Esenler (seed 000: 5 regions, a man and a woman
per region, the mobile minibus of seed 001) and Erzurum (seed 003: guidance ≈ 1.36 × applicants,
disability unit ≈ 1.4 % of applications with 89 % concluded, career referrals ≈ 2.8 %).
"""

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from acikmasa.careers import services as careers
from acikmasa.careers.models import Referral
from acikmasa.cases.lifecycle import Action
from acikmasa.cases.models import Case
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import IncomingFile, case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import DomainError
from acikmasa.desk.models import GuidanceLog
from acikmasa.desk.services import Registration
from acikmasa.disability.services import AccessibleApplication, disability_apply
from acikmasa.homevisits import services as visits
from acikmasa.homevisits.models import HomeVisit
from acikmasa.mobileoffice.services import stop_register, stop_schedule
from acikmasa.prioritycare.models import Basis
from acikmasa.prioritycare.services import membership_record
from acikmasa.socialaid.models import AidGround, HouseholdCheck
from acikmasa.socialaid.services import Visit, check_decide, check_visit

from . import geography
from .people import FEMALE_NAMES, LAST_NAMES, MALE_NAMES, _salt, mobile_phone, national_id
from .reference import Reference
from .unit_reference import EMPLOYERS, JOBS, UnitRefs

COMMON = [
    "moloz",
    "yol-cukur",
    "cop-toplama",
    "kaldirim-onarim",
    "park-bakim",
    "konteyner",
    "agac-budama",
    "sokak-temizligi",
    "hatali-park",
    "gurultu",
]
NEEDS = [
    "Yatağa bağlı annem için evde bakım ve hasta bezi başvurusu yapmak istiyoruz.",
    "Yürüyemiyorum, akülü sandalye başvurusu için evime gelinmesini istiyorum.",
    "Yalnız yaşıyorum, faturalarım ve su borcum için bilgi almak istiyorum.",
    "Felçli babam için tekerlekli sandalye ve evde sağlık hizmeti talep ediyoruz.",
    "Evden çıkamıyorum, sosyal yardım başvurusu yapmak istiyorum.",
    "Görme engelliyim, belediyenin hizmetleri hakkında bilgi almak istiyorum.",
]
DONE = [
    "Evde bakım formu dolduruldu, sağlık işleri müdürlüğüne iletildi.",
    "Sandalye ölçüsü alındı, başvuru evrakı imzalatıldı.",
    "Vatandaş bilgilendirildi, su borcu için taksit başvurusu alındı.",
    "Ev ziyareti yapıldı, ihtiyaç listesi çıkarıldı ve ilgili birime iletildi.",
]
MISSED = ["Kapı açılmadı, telefona cevap verilmedi.", "Vatandaş hastanedeydi, ziyaret yapılamadı."]
DOOR = [
    ("Sokağımızdaki lamba iki haftadır yanmıyor.", "sokak-lambasi"),
    ("Apartman önündeki konteyner taşıyor, çöp alınmıyor.", "konteyner"),
    ("Kaldırım taşları yerinden oynamış, yaşlılar düşüyor.", "kaldirim-onarim"),
]
TOPICS = [
    ("Emlak vergisi ödemesi nereye yapılır?", 14),
    ("Su aboneliği ve İSKİ işlemleri", 10),
    ("Evlendirme dairesi randevusu", 9),
    ("Ruhsat başvurusu hangi katta?", 7),
    ("Sosyal yardım başvurusu nasıl yapılır?", 8),
    ("Nikah salonu ve belgeler", 5),
    ("İmar durumu belgesi", 6),
    ("Otopark ve park cezası itirazı", 4),
    ("Kurs kayıtları (kültür merkezi)", 6),
    ("Muhtarlık ve ikametgah belgesi", 5),
    ("Cenaze hizmetleri", 3),
    ("Engelli kartı ve ulaşım", 3),
    ("İş başvurusu nereye?", 5),
    ("CİMER başvurusunun takibi", 2),
    ("Çöp toplama saatleri", 3),
]
PLACES = ["Muhtarlığı önü", "Camii meydanı", "Pazar yeri girişi", "Parkı önü", "Sağlık ocağı önü"]
WINDOWS = [(time(10, 0), time(12, 0)), (time(13, 30), time(15, 30))]
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@contextmanager
def _at(moment: datetime) -> Iterator[None]:
    real = timezone.now
    timezone.now = lambda: moment  # the services read the clock through the module attribute
    try:
        yield
    finally:
        timezone.now = real


class UnitActivity:
    def __init__(self, ref: Reference, units: UnitRefs, *, seed: int, cases: int, end: datetime):
        self.ref, self.units, self.end = ref, units, end
        self.rng = random.Random(seed * 7919 + 20)
        self.salt = _salt(seed, f"{ref.municipality.code}:units")
        self.scale = max(cases, 1000) / 5000
        self.person = 0
        self.hoods = [ref.neighbourhoods[m.name] for m in geography.MAHALLELER]
        self.u = units.users

    def n(self, at_5000: int, least: int = 5) -> int:
        return max(least, round(at_5000 * self.scale))

    def citizen(self, **extra) -> CitizenInput:
        self.person += 1
        i = 800_000 + self.person
        female = self.rng.random() < 0.55
        first = self.rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        return CitizenInput(
            first_name=first,
            last_name=self.rng.choice(LAST_NAMES),
            national_id=national_id(i, self.salt),
            phone=mobile_phone(i, self.salt),
            **extra,
        )

    def moment(self, days_back: float, *, working: bool = True) -> datetime:
        t = timezone.localtime(self.end) - timedelta(days=days_back)
        if working and t.weekday() >= 5:
            t -= timedelta(days=t.weekday() - 4)
        return t.replace(hour=self.rng.randint(9, 16), minute=self.rng.randint(0, 59))

    def resolve(self, case: Case, at: datetime, text: str, user=None) -> None:
        if at >= self.end:
            return
        code = case.directorate.code if case.directorate_id else "halkla"
        actor = user or self.u.get(f"{code}1") or self.u.get(f"{code}.mudur") or self.u["admin"]
        with _at(at):
            case_transition(
                case_id=case.pk,
                actor=actor,
                request=TransitionRequest(action=Action.RESOLVE, text=text),
            )

    def run(self) -> dict[str, int]:
        return {
            "home_visits": self.home_visits(),
            "stop_applications": self.mobile_office(),
            "disability": self.disability(),
            "referrals": self.careers(),
            "household_checks": self.social_aid(),
            "priority": self.priority(),
            "guidance": self.guidance(),
        }

    # Hizmet Kapınızda ------------------------------------------------------------------------
    def home_visits(self) -> int:
        first = (timezone.localtime(self.end) - timedelta(days=130)).date()
        with _at(self.end):
            for team in self.units.teams.values():
                visits.slots_open_days(
                    user=self.u["halkla.mudur"],
                    team=team,
                    first_day=first,
                    days=60,
                    windows=WINDOWS,
                )
                visits.slots_open_days(
                    user=self.u["halkla.mudur"],
                    team=team,
                    first_day=first + timedelta(days=60),
                    days=62,
                    windows=WINDOWS,
                )
                visits.slots_open_days(
                    user=self.u["halkla.mudur"],
                    team=team,
                    first_day=first + timedelta(days=122),
                    days=21,
                    windows=WINDOWS,
                )
        made = 0
        for _k in range(self.n(150)):
            asked = self.moment(self.rng.uniform(1, 120))
            made += self._one_visit(asked)
        for _k in range(self.n(20)):  # asked this week: the coming days' routes
            made += self._one_visit(self.moment(self.rng.uniform(0.05, 4)))
        return made

    def _one_visit(self, asked: datetime) -> int:
        hood = self.rng.choice(self.hoods)
        caller = self.u[self.rng.choice(["cagri1", "cagri2", "cagri3"])]
        relative = self.rng.random() < 0.4
        data = visits.VisitRequest(
            citizen=self.citizen(address=f"{hood.name} Mah. No: {self.rng.randint(1, 90)}"),
            neighbourhood_id=hood.pk,
            address=f"No: {self.rng.randint(1, 90)} D: {self.rng.randint(1, 12)}",
            needs=self.rng.choice(NEEDS),
            requested_by=visits.HomeVisit.RequestedBy.RELATIVE
            if relative
            else visits.HomeVisit.RequestedBy.CITIZEN,
            requester_name=f"{self.rng.choice(MALE_NAMES)} (oğlu)" if relative else "",
        )
        with _at(asked):
            visit = visits.visit_request(user=caller, data=data)
            slot = visits.next_open_slot(visit, after=asked + timedelta(days=1))
            if slot is None:
                return 1
            visits.visit_plan(user=caller, visit_id=visit.pk, slot_id=slot.pk)
        return 1 + self._record(visit.pk)

    def _record(self, visit_id: int, depth: int = 0) -> int:
        visit = HomeVisit.objects.select_related("slot__team").get(pk=visit_id)
        when = visit.slot.ends_at - timedelta(minutes=15)
        if when >= self.end or depth > 2:
            return 0
        member = visit.slot.team.members.order_by("?").first() or self.u["halkla.mudur"]
        done = self.rng.random() < 0.85
        doors = []
        if done and self.rng.random() < 0.3:
            text, code = self.rng.choice(DOOR)
            doors = [visits.DoorCase(text, self.ref.subjects[code].pk)]
        record = visits.VisitRecord(
            done=done, text=self.rng.choice(DONE if done else MISSED), door_cases=doors
        )
        with _at(when):
            result = visits.visit_record(user=member, visit_id=visit.pk, record=record)
        if not done and result.slot_id:
            return self._record(result.pk, depth + 1)
        return 0

    # Mobil ESTİM ---------------------------------------------------------------------------
    def mobile_office(self) -> int:
        today = timezone.localtime(self.end).date()
        monday = today - timedelta(days=today.weekday())
        taken = 0
        for week in range(-16, 5):
            for weekday in (1, 3):  # Tuesdays and Thursdays
                day = monday + timedelta(weeks=week, days=weekday)
                hood = self.hoods[(week * 2 + weekday) % len(self.hoods)]
                with _at(self.end):
                    stop = stop_schedule(
                        user=self.u["halkla.mudur"],
                        vehicle=self.units.vehicle,
                        neighbourhood=hood,
                        place=f"{hood.name} {self.rng.choice(PLACES)}",
                        day=day,
                        opens_at=time(10, 0),
                        closes_at=time(16, 0),
                    )
                if day <= today:
                    taken += self._at_stop(stop, day)
        return taken

    def _at_stop(self, stop, day: date) -> int:
        count = self.rng.randint(1, max(2, round(5 * self.scale)))
        for _k in range(count):
            at = timezone.make_aware(
                datetime.combine(day, time(self.rng.randint(10, 15), self.rng.randint(0, 59)))
            )
            if at >= self.end:
                return 0
            code = self.rng.choice(COMMON)
            registration = Registration(
                channel="mobile_office",
                description=self._describe(code),
                subject_id=self.ref.subjects[code].pk,
                citizen=self.citizen(),
            )
            with _at(at):
                case = stop_register(
                    user=self.u["masa2"], stop_id=stop.pk, registration=registration
                ).case
            if self.rng.random() < 0.75:
                self.resolve(
                    case,
                    at + timedelta(days=self.rng.uniform(1, 12)),
                    "Ekip yerinde inceledi, sorun giderildi.",
                )
        return count

    def _describe(self, code: str) -> str:
        return f"{self.ref.subjects[code].name}: mobil araçta başvuru, mahallede sorun var."

    # Engelli Birimi --------------------------------------------------------------------------
    def disability(self) -> int:
        count = self.n(70)
        texts = [
            "Akülü sandalyemin aküsü bitti, değişim istiyorum.",
            "İşitme engelliyim, belediyeden işaret dili tercümanı desteği istiyorum.",
            "Binamızın girişine rampa yapılmasını talep ediyorum.",
            "Engelli aracımız için park yeri tahsisi istiyoruz.",
            "Hasta bezi ve mama desteği başvurusu.",
        ]
        for k in range(count):
            at = self.moment(self.rng.uniform(1, 700))
            data = AccessibleApplication(
                form_token=f"demo-{k}-{self.salt}",
                description=self.rng.choice(texts),
                contact_by=self.rng.choice(["sms", "whatsapp", "phone", "video"]),
                citizen=self.citizen(),
                neighbourhood_id=self.rng.choice(self.hoods).pk,
            )
            with _at(at):
                case = disability_apply(municipality=self.ref.municipality, data=data).case
            if self.rng.random() < 0.89:
                self.resolve(
                    case,
                    at + timedelta(days=self.rng.uniform(2, 25)),
                    "Talebiniz karşılandı, ekibimiz teslimatı yaptı.",
                    user=self.u["engelli1"],
                )
        return count

    # Kariyer Merkezi -------------------------------------------------------------------------
    def careers(self) -> int:
        staff = self.u["kariyer1"]
        start = self.moment(380)
        vacancies = []
        with _at(start):
            for name, sector in EMPLOYERS:
                try:
                    firm = careers.employer_register(
                        user=staff,
                        name=name,
                        sector=sector,
                        contact_name="İnsan Kaynakları",
                        phone="0212 000 00 00",
                    )
                except DomainError:  # already in the registry
                    continue
                for _v in range(self.rng.randint(1, 3)):
                    vacancies.append(
                        careers.vacancy_open(
                            user=staff,
                            employer_id=firm.pk,
                            title=self.rng.choice(JOBS),
                            positions=self.rng.randint(1, 4),
                        )
                    )
        if not vacancies:
            return 0
        sent = 0
        for _k in range(self.n(100)):
            sent += self._seeker(staff, vacancies)
        return sent

    def _seeker(self, staff, vacancies) -> int:
        at = self.moment(self.rng.uniform(5, 360))
        consent = self.rng.random() < 0.85
        data = careers.SeekerInput(
            citizen=self.citizen(),
            profession=self.rng.choice(JOBS),
            education=self.rng.choice(["primary", "secondary", "high", "vocational", "bachelor"]),
            experience_years=self.rng.randint(0, 15),
            share_consent=consent,
            cv=IncomingFile("ozgecmis.pdf", PDF, "application/pdf")
            if consent and self.rng.random() < 0.3
            else None,
        )
        with _at(at):
            seeker = careers.seeker_register(
                user=self.u[self.rng.choice(["masa1", "cagri1"])], data=data
            )
        if not consent:
            return 0
        sent = 0
        for vacancy in self.rng.sample(vacancies, k=min(len(vacancies), self.rng.randint(1, 3))):
            at += timedelta(days=self.rng.uniform(1, 10))
            if at >= self.end:
                break
            with _at(at):
                referral = careers.seeker_refer(
                    user=staff, seeker_id=seeker.pk, vacancy_id=vacancy.pk
                )
            sent += 1
            if self._answer(staff, referral, at):
                break
        return sent

    def _answer(self, staff, referral: Referral, at: datetime) -> bool:
        """The employer's answer (maybe an interview first); True when the seeker was hired."""
        roll = self.rng.random()
        if roll < 0.2:
            return False  # still waiting for the employer
        steps = (
            ["interview", "hired"]
            if roll < 0.38
            else (["interview", "not_hired"] if roll < 0.6 else ["not_hired"])
        )
        for answer in steps:
            at += timedelta(days=self.rng.uniform(2, 12))
            if at >= self.end:
                return False
            with _at(at):
                careers.referral_answer(
                    user=staff,
                    referral_id=referral.pk,
                    answer=answer,
                    note="Pazartesi 10:00, fabrika binası" if answer == "interview" else "",
                )
        return steps[-1] == "hired"

    # Sosyal yardım ---------------------------------------------------------------------------
    def social_aid(self) -> int:
        grounds = {g.code: g for g in AidGround.objects.filter(municipality=self.ref.municipality)}
        count = self.n(50)
        for _k in range(count):
            at = self.moment(self.rng.uniform(1, 90))
            hood = self.rng.choice(self.hoods)
            code = "gida-yardimi" if self.rng.random() < 0.75 else "yakacak-yardimi"
            with _at(at):
                case = case_submit(
                    municipality=self.ref.municipality,
                    channel="call_centre",
                    description="Evde yiyecek kalmadı, gıda kolisi istiyorum."
                    if code == "gida-yardimi"
                    else "Kış geldi, kömür yardımı talep ediyorum.",
                    subject=self.ref.subjects[code],
                    neighbourhood=hood,
                    citizen=self.citizen(),
                    submitted_by=self.u["cagri1"],
                ).case
            self._check(case, at, grounds)
        return count

    def _check(self, case: Case, at: datetime, grounds: dict) -> None:
        check = HouseholdCheck.objects.filter(case=case).first()
        if check is None or self.rng.random() > 0.75:
            return
        region = case.neighbourhood.region.code if case.neighbourhood.region_id else "bolge-1"
        member = self.units.teams[region].members.first() or self.u["halkla.mudur"]
        at += timedelta(days=self.rng.uniform(1, 6))
        if at >= self.end:
            return
        with _at(at):
            check_visit(
                user=member,
                check_id=check.pk,
                visit=Visit(
                    household_size=self.rng.randint(1, 8),
                    monthly_income=self.rng.choice([0, 8500, 17002, 25000, 42000]),
                    findings="Hane ziyaret edildi; geliri ve gideri soruldu, evin durumu görüldü.",
                ),
            )
        at += timedelta(days=self.rng.uniform(1, 5))
        if at >= self.end or self.rng.random() > 0.8:
            return
        approve = self.rng.random() < 0.65
        ground = (
            grounds["muhtac"]
            if approve
            else grounds[self.rng.choice(["gelir-siniri", "mukerrer-yardim", "ikamet"])]
        )
        with _at(at):
            check_decide(
                user=self.u["sosyal.mudur"],
                check_id=check.pk,
                approved=approve,
                ground_id=ground.pk,
                reason="Gıda kolisi bu hafta adresinize teslim edilecek."
                if approve
                else "Hane tespitine göre yardım koşulları sağlanmıyor.",
            )

    # Öncelikli hizmet ------------------------------------------------------------------------
    def priority(self) -> int:
        groups = list(self.units.groups.values())
        count = self.n(30)
        for _k in range(count):
            person = self.citizen()
            at = self.moment(self.rng.uniform(30, 300))
            with _at(at):
                membership_record(
                    user=self.u["masa1"],
                    citizen=person,
                    group_id=self.rng.choice(groups).pk,
                    basis=self.rng.choice([Basis.CONSENT, Basis.CONSENT, Basis.SOCIAL_SERVICES]),
                    evidence=f"Açık rıza formu no. {at:%Y}/{self.rng.randint(100, 999)}",
                )
            if self.rng.random() < 0.4:
                code = self.rng.choice(COMMON)
                later = at + timedelta(days=self.rng.uniform(5, 25))
                with _at(later):
                    case_submit(
                        municipality=self.ref.municipality,
                        channel="call_centre",
                        description=self._describe(code),
                        subject=self.ref.subjects[code],
                        citizen=person,
                        submitted_by=self.u["cagri2"],
                    )
        return count

    # Danışma ---------------------------------------------------------------------------------
    def guidance(self) -> int:
        """Erzurum advised 230,000 visitors for 169,222 applicants: about 1.36 per application."""
        applications = Case.objects.filter(municipality=self.ref.municipality).count()
        count = round(applications * 1.36)
        first = Case.objects.filter(municipality=self.ref.municipality).order_by("created_at")
        start = first.values_list("created_at", flat=True).first() or self.end - timedelta(days=365)
        span = (self.end - start).total_seconds()
        topics, weights = zip(*TOPICS, strict=True)
        givers = [self.u["masa1"], self.u["masa2"]]
        directorates = list(self.ref.directorates.values())
        rows = []
        for _k in range(count):
            at = start + timedelta(seconds=self.rng.uniform(0, span))
            rows.append(
                GuidanceLog(
                    municipality=self.ref.municipality,
                    given_by=self.rng.choice(givers),
                    given_at=at,
                    topic=self.rng.choices(topics, weights)[0],
                    referred_to=self.rng.choice(directorates) if self.rng.random() < 0.4 else None,
                    neighbourhood=self.rng.choice(self.hoods) if self.rng.random() < 0.6 else None,
                )
            )
        GuidanceLog.objects.bulk_create(rows, batch_size=2000)
        return count
