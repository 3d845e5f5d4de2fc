"""The mobile office (seed 001: "Mobil Minibüs ile ... resmi başvuruların kayıt altına alınması"):
a vehicle's published timetable of stops; applications taken at a stop are cases of channel
"mobile_office" that remember the stop."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import Case
from acikmasa.directory.models import Municipality, Neighbourhood

CHANNEL = "mobile_office"


class Vehicle(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=100)
    plate = models.CharField(_("number plate"), max_length=20, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("mobile office vehicle")
        verbose_name_plural = _("mobile office vehicles")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="vehicle_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Stop(models.Model):
    """Where and when the vehicle stands: a mahalle, a place, a date and the hours."""

    vehicle = models.ForeignKey(
        Vehicle, verbose_name=_("vehicle"), on_delete=models.PROTECT, related_name="stops"
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood, verbose_name=_("neighbourhood"), on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(_("place"), max_length=200)
    day = models.DateField(_("date"), db_index=True)
    opens_at = models.TimeField(_("from"))
    closes_at = models.TimeField(_("until"))
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)

    class Meta:
        verbose_name = _("stop")
        verbose_name_plural = _("stops")
        ordering = ["day", "opens_at"]
        constraints = [
            models.UniqueConstraint(fields=["vehicle", "day", "opens_at"], name="stop_unique"),
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="stop_hours_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day:%d.%m.%Y} {self.neighbourhood} · {self.place}"


class StopApplication(models.Model):
    """A case registered at a stop (its channel is the mobile office; this says which stop)."""

    stop = models.ForeignKey(Stop, on_delete=models.PROTECT, related_name="applications")
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("application taken at a stop")
        verbose_name_plural = _("applications taken at stops")
