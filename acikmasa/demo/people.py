"""Demo staff accounts (one per role and directorate) and the synthetic citizens of generated
cases."""

import hashlib
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from acikmasa.common.identity import tckn_check_digits
from acikmasa.common.turkish import fold
from acikmasa.directory.models import ApplicationPlace, Role, StaffProfile

from . import catalogue
from .reference import Reference

DEMO_PASSWORD = "demo12345"

MALE_NAMES = [
    "Mehmet",
    "Mustafa",
    "Ahmet",
    "Ali",
    "Hüseyin",
    "Hasan",
    "İbrahim",
    "İsmail",
    "Osman",
    "Yusuf",
    "Murat",
    "Ömer",
    "Ramazan",
    "Halil",
    "Süleyman",
    "Abdullah",
    "Mahmut",
    "Recep",
    "Salih",
    "Fatih",
    "Kadir",
    "Emre",
    "Hakan",
    "Serkan",
    "Burak",
    "Yasin",
    "Furkan",
    "Enes",
    "Emir",
    "Kerem",
    "Yunus",
    "Selim",
    "Erkan",
    "Cem",
    "Tolga",
    "Onur",
    "Eyüp",
    "Bayram",
    "Şükrü",
    "Nurettin",
]
FEMALE_NAMES = [
    "Fatma",
    "Ayşe",
    "Emine",
    "Hatice",
    "Zeynep",
    "Elif",
    "Meryem",
    "Şerife",
    "Zehra",
    "Sultan",
    "Hanife",
    "Merve",
    "Özlem",
    "Yasemin",
    "Hacer",
    "Esra",
    "Büşra",
    "Rabia",
    "Kübra",
    "Sümeyye",
    "Gülsüm",
    "Hülya",
    "Songül",
    "Dilek",
    "Leyla",
    "Nurcan",
    "Derya",
    "Tuğba",
    "Ebru",
    "Hilal",
    "Esma",
    "Havva",
    "Saniye",
    "Ümmühan",
    "Gülizar",
    "Nazlı",
    "Seda",
    "Betül",
    "Ecrin",
    "Nisa",
]
LAST_NAMES = [
    "Yılmaz",
    "Kaya",
    "Demir",
    "Şahin",
    "Çelik",
    "Yıldız",
    "Yıldırım",
    "Öztürk",
    "Aydın",
    "Özdemir",
    "Arslan",
    "Doğan",
    "Kılıç",
    "Aslan",
    "Çetin",
    "Kara",
    "Koç",
    "Kurt",
    "Özkan",
    "Şimşek",
    "Polat",
    "Özcan",
    "Korkmaz",
    "Çakır",
    "Erdoğan",
    "Yavuz",
    "Can",
    "Acar",
    "Şen",
    "Aktaş",
    "Güler",
    "Yalçın",
    "Güneş",
    "Bozkurt",
    "Bulut",
    "Keskin",
    "Ünal",
    "Turan",
    "Gül",
    "Özer",
    "Işık",
    "Kaplan",
    "Avcı",
    "Sarı",
    "Tekin",
    "Taş",
    "Köse",
    "Yüksel",
    "Ateş",
    "Aksoy",
    "Karataş",
    "Uçar",
    "Coşkun",
    "Tunç",
    "Duman",
    "Bayram",
    "Altun",
    "Akbulut",
    "Tuncer",
    "Erdem",
]
_BIG_DIRECTORATES = {"zabita", "temizlik", "fen", "park", "veteriner"}


@dataclass(frozen=True)
class Login:
    username: str
    first_name: str
    last_name: str
    role: str
    directorates: tuple[str, ...] = ()
    region: str = ""
    superuser: bool = False


def _name(index: int, female: bool) -> tuple[str, str]:
    names = FEMALE_NAMES if female else MALE_NAMES
    return names[(index * 7) % len(names)], LAST_NAMES[(index * 11) % len(LAST_NAMES)]


def demo_logins() -> list[Login]:
    """Every demo account, in the order the login table shows them."""
    logins = [
        Login("admin", "Sistem", "Yöneticisi", Role.ADMIN, superuser=True),
        Login("halkla.mudur", "Ercan", "Zengin", Role.PR_MANAGER, ("halkla",)),
        Login("baskan.yrd", "Aydın", "Polat", Role.EXECUTIVE),
        Login("masa1", *_name(1, True), Role.DESK_AGENT),
        Login("masa2", *_name(2, False), Role.DESK_AGENT),
        Login("cagri1", *_name(3, True), Role.CALL_AGENT),
        Login("cagri2", *_name(4, True), Role.CALL_AGENT),
        Login("cagri3", *_name(5, False), Role.CALL_AGENT),
    ]
    # Seed 000: per region one man and one woman representative.
    for number in range(1, 11):
        region = f"bolge-{(number + 1) // 2}"
        logins.append(
            Login(
                f"saha{number}", *_name(10 + number, number % 2 == 0), Role.FIELD_REP, region=region
            )
        )
    with_subjects = {s.directorate for s in catalogue.SUBJECTS}
    for index, (code, _name_tr, _name_en) in enumerate(catalogue.DIRECTORATES):
        if code != "halkla":
            logins.append(
                Login(
                    f"{code}.mudur",
                    *_name(30 + index, index % 3 == 0),
                    Role.DIRECTORATE_MANAGER,
                    (code,),
                )
            )
        if code in with_subjects:
            logins.append(
                Login(
                    f"{code}1", *_name(60 + index, index % 2 == 0), Role.DIRECTORATE_STAFF, (code,)
                )
            )
        if code in _BIG_DIRECTORATES:
            logins.append(
                Login(
                    f"{code}2", *_name(90 + index, index % 2 == 1), Role.DIRECTORATE_STAFF, (code,)
                )
            )
    return logins


@transaction.atomic
def staff_load(ref: Reference) -> dict[str, object]:
    """Create the demo accounts that are missing and keep their role and directorates as listed.

    Rule: idempotent; an existing account keeps its password. Callers: the `demo` command.
    Side effects: users, staff profiles; the seed-001 places of application get their accounts.
    """
    user_model = get_user_model()
    password = make_password(DEMO_PASSWORD)  # hash once: PBKDF2 per user would cost seconds
    users = {}
    # Usernames are global: a second demo municipality (tests) gets its own prefixed accounts.
    prefix = (
        ""
        if ref.municipality.code == catalogue.MUNICIPALITY["code"]
        else f"{ref.municipality.code}."
    )
    existing = {
        u.username: u
        for u in user_model.objects.filter(username__startswith=prefix)
        .select_related("staff")
        .prefetch_related("staff__directorates")
    }
    for login in demo_logins():
        user = existing.get(prefix + login.username)
        if user is None:
            email = f"{fold(login.first_name)[0]}.{fold(login.last_name)}@esenler.bel.tr".replace(
                " ", ""
            )
            user = user_model.objects.create(
                username=prefix + login.username,
                first_name=login.first_name,
                last_name=login.last_name,
                email=email,
                password=password,
                is_staff=login.superuser,
                is_superuser=login.superuser,
            )
        _profile_sync(user, login, ref)
        users[login.username] = user
    for username, person in (("halkla.mudur", "Ercan ZENGİN"), ("baskan.yrd", "Aydın POLAT")):
        ApplicationPlace.objects.filter(
            municipality=ref.municipality, person_name=person, user=None
        ).update(user=users[username])
    return users


def _profile_sync(user, login: Login, ref: Reference) -> None:
    """Create or correct the account's profile; touches the database only when something differs."""
    region = ref.regions[login.region] if login.region else None
    wanted = {ref.directorates[c].pk for c in login.directorates}
    try:
        profile = user.staff
    except StaffProfile.DoesNotExist:
        profile = StaffProfile.objects.create(
            user=user, municipality=ref.municipality, role=login.role, region=region
        )
        profile.directorates.set(wanted)
        return
    values = {
        "municipality_id": ref.municipality.pk,
        "role": login.role,
        "region_id": region.pk if region else None,
    }
    changed = [name for name, value in values.items() if getattr(profile, name) != value]
    for name in changed:
        setattr(profile, name, values[name])
    if changed:
        profile.save(update_fields=changed)
    if {d.pk for d in profile.directorates.all()} != wanted:
        profile.directorates.set(wanted)


# Citizens ------------------------------------------------------------------------------------

_MOBILE_PREFIXES = [
    "501",
    "505",
    "506",
    "507",
    "530",
    "531",
    "532",
    "533",
    "534",
    "535",
    "536",
    "537",
    "538",
    "539",
    "541",
    "542",
    "543",
    "544",
    "545",
    "546",
    "549",
    "551",
    "552",
    "553",
    "554",
    "555",
    "559",
]
_MAIL_DOMAINS = [
    "gmail.com",
    "gmail.com",
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "yandex.com",
    "icloud.com",
]
# Large primes make the index -> number maps bijective, so no two citizens share an ID or a phone.
_TCKN_SPAN, _TCKN_STEP = 899_999_999, 472_882_049
_PHONE_SPAN, _PHONE_STEP = 9_999_999, 7_654_321


def _salt(seed: int, code: str) -> int:
    return int.from_bytes(hashlib.blake2b(f"{seed}:{code}".encode(), digest_size=6).digest())


def national_id(index: int, salt: int) -> str:
    """A valid T.C. Kimlik No, unique per index (first digit never 0)."""
    first_nine = str(100_000_000 + (index * _TCKN_STEP + salt) % _TCKN_SPAN)
    return first_nine + tckn_check_digits(first_nine)


def mobile_phone(index: int, salt: int) -> str:
    """An E.164 Turkish mobile number, unique per index."""
    prefix = _MOBILE_PREFIXES[index % len(_MOBILE_PREFIXES)]
    return f"+90{prefix}{(index * _PHONE_STEP + salt) % _PHONE_SPAN:07d}"


def email_for(first: str, last: str, index: int, rng_value: float) -> str:
    local = f"{fold(first)}.{fold(last)}".replace(" ", "")
    if rng_value < 0.5:
        local += str(index % 97 + 1960 if rng_value < 0.25 else index % 1000)
    return f"{local}@{_MAIL_DOMAINS[index % len(_MAIL_DOMAINS)]}"
