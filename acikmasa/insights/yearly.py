"""The yearly report (issue 20) in the form the seeds publish.

Seed 003 (Erzurum, 2015) reports a year as: people who applied, visitors advised, petitions
handled, BİMER and web applications, the disability unit's requests and how many were concluded,
job requests the career centre sent to firms, electronic requests routed to units, the requests
that came by BİMER, information requests, petitions by hand, muhtars and interactive media, and the
desk's staff. Seed 000 adds applications and how many were solved. Every figure here is counted
from the cases (and the units' own records); none is typed in. Aggregates only: the public page
shows the same table.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.lifecycle import OPEN_STATUSES, Status
from acikmasa.cases.models import Case, CaseType
from acikmasa.directory.models import Channel, Directorate, Municipality, Role, StaffProfile
from acikmasa.units.periods import year_bounds

from .guidance import guidance_between

SOLVED = (Status.RESOLVED, Status.CLOSED)
CIMER = ("cimer", "bimer")
# "Elektronik sisteme dâhil olan istek, talep ve şikâyet": what came in electronically.
ELECTRONIC = ("web", "mobile_app", "email", "sms", "open311")
# "BİMER, Bilgi Edinme, elden dilekçe, muhtarlık hizmetleri ve interaktif ortam".
FORMAL_AND_INTERACTIVE = (
    "cimer",
    "bimer",
    "information_request",
    "petition",
    "muhtar",
    "whatsapp",
    "social_media",
)
DESK_ROLES = (Role.DESK_AGENT, Role.CALL_AGENT, Role.FIELD_REP, Role.PR_MANAGER)


@dataclass
class Row:
    label: Any
    value: int | None
    detail: str = ""
    key: str = ""


@dataclass
class YearlyReport:
    municipality: Municipality
    year: int
    seed_rows: list[Row] = field(default_factory=list)
    by_channel: list[tuple[Channel, int, int]] = field(default_factory=list)
    by_unit: list[tuple[Directorate, int, int]] = field(default_factory=list)
    unit_rows: list[Row] = field(default_factory=list)
    received: int = 0
    solved: int = 0

    @property
    def solved_share(self) -> float | None:
        return self.solved / self.received if self.received else None


def _counts(cases: QuerySet[Case]) -> dict[str, int]:
    return cases.order_by().aggregate(
        received=Count("pk"),
        applicants=Count("citizen", distinct=True),
        anonymous=Count("pk", filter=Q(citizen__isnull=True)),
        solved=Count("pk", filter=Q(status__in=SOLVED)),
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        petitions=Count("pk", filter=Q(channel__code="petition")),
        cimer=Count("pk", filter=Q(channel__code__in=CIMER)),
        web=Count("pk", filter=Q(channel__code="web")),
        information=Count("pk", filter=Q(case_type=CaseType.INFORMATION)),
        electronic_routed=Count(
            "pk", filter=Q(channel__code__in=ELECTRONIC, directorate__isnull=False)
        ),
        formal_interactive=Count(
            "pk",
            filter=Q(channel__code__in=FORMAL_AND_INTERACTIVE) | Q(case_type=CaseType.INFORMATION),
        ),
        muhtar=Count("pk", filter=Q(channel__code="muhtar")),
    )


def _grouped(cases: QuerySet[Case], key: str, model) -> list[tuple[Any, int, int]]:
    rows = (
        cases.order_by()
        .values(key)
        .annotate(n=Count("pk"), solved=Count("pk", filter=Q(status__in=SOLVED)))
        .order_by("-n")
    )
    rows = list(rows)
    found = model.objects.in_bulk([r[key] for r in rows if r[key]])
    return [(found[r[key]], r["n"], r["solved"]) for r in rows if r[key] in found]


def yearly_report_get(
    *, municipality: Municipality, year: int, cases: QuerySet[Case] | None = None
) -> YearlyReport:
    """The year's figures of `municipality` (cases registered in the year, where they stand now)."""
    start, end = year_bounds(year)
    scoped = Case.objects.filter(municipality=municipality) if cases is None else cases
    scoped = scoped.filter(created_at__gte=start, created_at__lt=end)
    c = _counts(scoped)
    report = YearlyReport(municipality, year, received=c["received"], solved=c["solved"])
    units = _unit_figures(municipality.pk, year, start, end)
    report.seed_rows = [
        Row(_("Applications"), c["received"], key="received"),
        Row(
            _("Applicants (people)"),
            c["applicants"],
            str(_("and %(n)d anonymous applications") % {"n": c["anonymous"]}),
            key="applicants",
        ),
        Row(_("Solved"), c["solved"], key="solved"),
        Row(_("Still open"), c["open"], key="open"),
        Row(
            _("Visitors advised at the information desk (Danışma)"),
            units["guidance"],
            key="guidance",
        ),
        Row(_("Petitions handled"), c["petitions"], key="petitions"),
        Row(_("CİMER / BİMER applications"), c["cimer"], key="cimer"),
        Row(_("Applications through the web site"), c["web"], key="web"),
        Row(_("Information requests (Law 4982)"), c["information"], key="information"),
        *units["rows"],
        Row(
            _("Electronic requests routed to the units in charge"),
            c["electronic_routed"],
            key="electronic_routed",
        ),
        Row(
            _("Requests by CİMER, information requests, petitions, muhtars and interactive media"),
            c["formal_interactive"],
            key="formal_interactive",
        ),
        Row(_("Applications filed by muhtars"), c["muhtar"], key="muhtar"),
        Row(
            _("Desk staff (call centre, walk-in desk, field, public relations)"),
            units["staff"],
            key="staff",
        ),
    ]
    report.by_channel = _grouped(scoped, "channel_id", Channel)
    report.by_unit = _grouped(scoped, "directorate_id", Directorate)
    return report


def _unit_figures(municipality_id: int, year: int, start, end) -> dict:
    """The seeds' units, each asked for its year (a unit not set up here gives no row)."""
    from acikmasa.careers.models import CareerCentre
    from acikmasa.careers.selectors import career_figures
    from acikmasa.disability.models import DisabilityUnit
    from acikmasa.disability.selectors import unit_year
    from acikmasa.homevisits.selectors import visit_figures
    from acikmasa.mobileoffice.selectors import applications_between

    rows: list[Row] = []
    unit = DisabilityUnit.objects.filter(municipality_id=municipality_id).first()
    if unit is not None:
        figures = unit_year(unit=unit, year=year)
        rows.append(
            Row(
                _("Disability unit: requests received"),
                figures.received,
                str(_("%(n)d concluded") % {"n": figures.concluded}),
                key="disability",
            )
        )
        rows.append(
            Row(
                _("Disability unit: requests concluded"),
                figures.concluded,
                key="disability_concluded",
            )
        )
    if CareerCentre.objects.filter(municipality_id=municipality_id).exists():
        career = career_figures(municipality_id=municipality_id, start=start, end=end)
        rows += [
            Row(
                _("Career centre: job applications"), career.applications, key="career_applications"
            ),
            Row(
                _("Career centre: job requests sent to firms"),
                career.referrals,
                key="career_referrals",
            ),
            Row(_("Career centre: placements"), career.placements, key="career_placements"),
        ]
    visits = visit_figures(municipality_id=municipality_id, start=start, end=end)
    if visits["requested"] or visits["done"]:
        rows.append(
            Row(
                _("Service at your door: home visits made"),
                visits["done"],
                str(_("%(n)d requested") % {"n": visits["requested"]}),
                key="home_visits",
            )
        )
    stops = applications_between(municipality_id=municipality_id, start=start, end=end)
    if stops["stops"]:
        rows.append(
            Row(
                _("Mobile office: applications taken at stops"),
                stops["applications"],
                str(_("at %(n)d stops") % {"n": stops["stops"]}),
                key="mobile_office",
            )
        )
    staff = StaffProfile.objects.filter(
        municipality_id=municipality_id, role__in=DESK_ROLES, user__is_active=True
    ).count()
    return {
        "rows": rows,
        "guidance": guidance_between(municipality_id=municipality_id, start=start, end=end),
        "staff": staff,
    }
