"""Hizmet Kapınızda (seed 000): visits at home for those who cannot come to the desk.

A visit request is a case (subject of the service, so it has a tracking number, a deadline and a
history); the calendar offers slots per team and region; a visit books one slot; the team records
what it did, and applications taken at the door are cases of their own on channel "field".
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import Case, Citizen
from acikmasa.directory.models import Municipality, Neighbourhood, Region, Street, Subject


class HomeVisitService(models.Model):
    """The municipality's settings for the service: which subject a visit request is filed under."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.PROTECT, related_name="home_visit_service"
    )
    subject = models.ForeignKey(
        Subject,
        verbose_name=_("subject of a visit request"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("home-visit service")
        verbose_name_plural = _("home-visit services")

    def __str__(self) -> str:
        return str(self.municipality)


class VisitTeam(models.Model):
    """A pair of field representatives (seed 000: one man and one woman per region)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=100)
    region = models.ForeignKey(
        Region, verbose_name=_("field region"), on_delete=models.PROTECT, related_name="+"
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("members"), blank=True, related_name="visit_teams"
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("visit team")
        verbose_name_plural = _("visit teams")
        ordering = ["region__code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="visit_team_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class VisitSlot(models.Model):
    """A time window the calendar offers for one team; `capacity` visits fit in it."""

    team = models.ForeignKey(
        VisitTeam, verbose_name=_("team"), on_delete=models.PROTECT, related_name="slots"
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveSmallIntegerField(_("visits in this window"), default=2)
    is_open = models.BooleanField(_("open for booking"), default=True)

    class Meta:
        verbose_name = _("visit slot")
        verbose_name_plural = _("visit slots")
        ordering = ["starts_at", "team"]
        constraints = [
            models.UniqueConstraint(fields=["team", "starts_at"], name="visit_slot_unique"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="visit_slot_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team} {self.starts_at:%Y-%m-%d %H:%M}"


class HomeVisit(models.Model):
    """One visit to one home, booked into a slot. A missed visit stays; its new date is a new
    row."""

    class RequestedBy(models.TextChoices):
        CITIZEN = "citizen", _("The citizen")
        RELATIVE = "relative", _("A relative or neighbour")
        CALL_CENTRE = "call_centre", _("The call centre for them")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for a date")
        PLANNED = "planned", _("Planned")
        DONE = "done", _("Visited")
        MISSED = "missed", _("Missed")
        CANCELLED = "cancelled", _("Cancelled")

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(
        Case, verbose_name=_("visit request"), on_delete=models.PROTECT, related_name="home_visits"
    )
    citizen = models.ForeignKey(
        Citizen, verbose_name=_("citizen"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_by = models.CharField(
        _("asked by"), max_length=20, choices=RequestedBy.choices, default=RequestedBy.CITIZEN
    )
    requester_name = models.CharField(_("name of the person asking"), max_length=200, blank=True)
    requester_phone = models.CharField(_("their phone"), max_length=20, blank=True)
    neighbourhood = models.ForeignKey(
        Neighbourhood, verbose_name=_("neighbourhood"), on_delete=models.PROTECT, related_name="+"
    )
    street = models.ForeignKey(
        Street,
        verbose_name=_("street"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=300)
    needs = models.TextField(_("what the visit is for"))
    slot = models.ForeignKey(
        VisitSlot,
        verbose_name=_("slot"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="visits",
    )
    route_order = models.PositiveSmallIntegerField(_("order on the route"), default=0)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    outcome = models.TextField(_("what was done"), blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    previous = models.OneToOneField(
        "self",
        verbose_name=_("rescheduled from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="next_visit",
    )
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("home visit")
        verbose_name_plural = _("home visits")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["slot", "status"], name="home_visit_slot_idx")]

    def __str__(self) -> str:
        return f"{self.case} {self.get_status_display()}"


class DoorApplication(models.Model):
    """An application taken at the door during a visit: a case of its own (channel "field")."""

    visit = models.ForeignKey(HomeVisit, on_delete=models.PROTECT, related_name="door_applications")
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("application taken at the door")
        verbose_name_plural = _("applications taken at the door")
