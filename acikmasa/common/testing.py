"""Builders for tests: a small municipality made through the same models the product uses."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from acikmasa.directory.channels import ensure_standard_channels
from acikmasa.directory.models import (
    ApplicationPlace,
    Channel,
    Directorate,
    ExternalBody,
    Municipality,
    Neighbourhood,
    Role,
    ServiceStandard,
    StaffProfile,
    Street,
    Subject,
)


@dataclass
class Town:
    municipality: Municipality
    directorates: dict[str, Directorate] = field(default_factory=dict)
    subjects: dict[str, Subject] = field(default_factory=dict)
    standards: dict[str, ServiceStandard] = field(default_factory=dict)
    neighbourhoods: dict[str, Neighbourhood] = field(default_factory=dict)
    streets: dict[str, Street] = field(default_factory=dict)
    external_bodies: dict[str, ExternalBody] = field(default_factory=dict)
    users: dict[str, object] = field(default_factory=dict)


def make_user(
    town: Town, username: str, role: str, directorates: list[str] | None = None, *, prefix: str = ""
):
    """A staff user; `town.users[username]` finds it, the login name is `prefix + username`."""
    login = prefix + username
    user = get_user_model().objects.create_user(
        username=login, password="pw-" + login, first_name=username.title()
    )
    profile = StaffProfile.objects.create(user=user, municipality=town.municipality, role=role)
    if directorates:
        profile.directorates.set([town.directorates[d] for d in directorates])
    town.users[username] = user
    return user


def make_town(code: str = "testkent", *, user_prefix: str | None = None) -> Town:
    """Two directorates, three subjects, the seed-001 style standards, and one user per role.

    A second town gets its own login names (`<code>_fen_staff`) unless `user_prefix` says otherwise;
    `town.users` is keyed by the unprefixed name either way.
    """
    prefix = ("" if code == "testkent" else f"{code}_") if user_prefix is None else user_prefix
    ensure_standard_channels(Channel)
    town = Town(
        Municipality.objects.create(
            code=code, name=f"{code.title()} Belediyesi", name_en=f"{code.title()} Municipality"
        )
    )
    m = town.municipality
    for c, name, en in [
        ("fen", "Fen İşleri Müdürlüğü", "Public Works"),
        ("temizlik", "Temizlik İşleri Müdürlüğü", "Cleaning Services"),
    ]:
        town.directorates[c] = Directorate.objects.create(
            municipality=m, code=c, name=name, name_en=en
        )
    first = ApplicationPlace.objects.create(
        municipality=m,
        unit="Halkla İlişkiler Müdürlüğü",
        person_name="Ercan Zengin",
        title="Halkla İlişkiler Müdürü",
    )
    second = ApplicationPlace.objects.create(
        municipality=m,
        unit="Başkan Yardımcılığı",
        person_name="Aydın Polat",
        title="Belediye Başkan Yardımcısı",
    )
    standards = [
        ("call", 5, "Çağrı Merkezi", 15, ServiceStandard.Unit.CALENDAR_DAYS, ["call_centre"], []),
        ("cimer", 1, "CİMER", 30, ServiceStandard.Unit.CALENDAR_DAYS, ["cimer"], []),
        (
            "info",
            3,
            "Bilgi Edinme",
            15,
            ServiceStandard.Unit.WORKING_DAYS,
            ["information_request"],
            ["information"],
        ),
        ("fast", 10, "48 saat", 48, ServiceStandard.Unit.HOURS, [], []),
    ]
    for key, no, name, amount, unit, channels, types in standards:
        standard = ServiceStandard.objects.create(
            municipality=m,
            sequence_no=no,
            name=name,
            deadline_amount=amount,
            deadline_unit=unit,
            case_types=types,
            first_place=first,
            second_place=second,
        )
        standard.channels.set(Channel.objects.filter(code__in=channels))
        town.standards[key] = standard
    town.external_bodies["elektrik"] = ExternalBody.objects.create(
        municipality=m,
        code="elektrik",
        name="Elektrik Dağıtım A.Ş.",
        kind=ExternalBody.Kind.UTILITY,
    )
    for code, name, directorate, standard, keywords in [
        ("pothole", "Yol çukuru", "fen", "fast", "çukur, asfalt, yol"),
        ("street_light", "Sokak lambası / ışık arızası", "fen", None, "lamba, ışık, aydınlatma"),
        ("waste", "Çöp toplama", "temizlik", None, "çöp, konteyner"),
    ]:
        town.subjects[code] = Subject.objects.create(
            municipality=m,
            code=code,
            name=name,
            directorate=town.directorates[directorate],
            service_standard=town.standards.get(standard) if standard else None,
            keywords=keywords,
        )
    town.neighbourhoods["birlik"] = Neighbourhood.objects.create(municipality=m, name="Birlik")
    town.neighbourhoods["tuna"] = Neighbourhood.objects.create(municipality=m, name="Tuna")
    town.streets["ataturk"] = Street.objects.create(
        neighbourhood=town.neighbourhoods["birlik"], name="Atatürk Caddesi", kind=Street.Kind.AVENUE
    )
    make_user(town, "fen_staff", Role.DIRECTORATE_STAFF, ["fen"], prefix=prefix)
    make_user(town, "fen_manager", Role.DIRECTORATE_MANAGER, ["fen"], prefix=prefix)
    make_user(town, "temizlik_staff", Role.DIRECTORATE_STAFF, ["temizlik"], prefix=prefix)
    make_user(town, "temizlik_manager", Role.DIRECTORATE_MANAGER, ["temizlik"], prefix=prefix)
    make_user(town, "desk", Role.DESK_AGENT, prefix=prefix)
    make_user(town, "caller", Role.CALL_AGENT, prefix=prefix)
    make_user(town, "field", Role.FIELD_REP, prefix=prefix)
    make_user(town, "pr", Role.PR_MANAGER, prefix=prefix)
    make_user(town, "mayor", Role.EXECUTIVE, prefix=prefix)
    make_user(town, "admin", Role.ADMIN, prefix=prefix)
    return town
