"""Reference data of a municipality: who does what, where, and by when."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.common.models import BilingualName, SearchKeyed


def same_tenant(row: models.Model, fields: list[str]) -> None:
    """Refuse links from `row` to another municipality's reference data (admin and form
    validation)."""
    errors = {}
    for name in fields:
        target = getattr(row, name, None)
        if (
            target is not None
            and row.municipality_id
            and target.municipality_id != row.municipality_id
        ):
            errors[name] = _("Choose one of this municipality's own entries.")
    if errors:
        raise ValidationError(errors)


class Municipality(BilingualName):
    """A tenant: one municipality (district or metropolitan) with its own desk and data."""

    class Kind(models.TextChoices):
        DISTRICT = "district", _("District municipality")
        METROPOLITAN = "metropolitan", _("Metropolitan municipality")
        TOWN = "town", _("Town municipality")

    code = models.SlugField(
        _("code"), max_length=50, unique=True, help_text=_("Also the Open311 jurisdiction_id.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DISTRICT)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("metropolitan municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="districts",
    )
    province = models.CharField(_("province"), max_length=100, blank=True)
    phone = models.CharField(_("call-centre number"), max_length=40, blank=True)
    website = models.URLField(_("web site"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]


class Directorate(BilingualName):
    """A müdürlük: the unit a subject belongs to and that must act on its cases."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="directorates"
    )
    code = models.SlugField(_("code"), max_length=50)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("directorate")
        verbose_name_plural = _("directorates")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "code"], name="directorate_code_unique")
        ]


class ExternalBody(BilingualName):
    """Another institution cases can be forwarded out to (electricity distributor, water
    authority...)."""

    class Kind(models.TextChoices):
        UTILITY = "utility", _("Utility company")
        METROPOLITAN = "metropolitan", _("Metropolitan municipality")
        MINISTRY = "ministry", _("Ministry or state agency")
        OTHER = "other", _("Other institution")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="external_bodies"
    )
    code = models.SlugField(_("code"), max_length=50)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("external institution")
        verbose_name_plural = _("external institutions")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "code"], name="external_body_code_unique"
            )
        ]


class Channel(BilingualName):
    """A way in (desk, call centre, WhatsApp, CİMER...). Rows are data: a new channel adds a row."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    is_active = models.BooleanField(_("active"), default=True)
    requires_identity = models.BooleanField(
        _("identity document required"),
        default=False,
        help_text=_("Walk-in and petition applications need an ID card (seed 001)."),
    )

    class Meta:
        verbose_name = _("channel")
        verbose_name_plural = _("channels")
        ordering = ["name"]


class ApplicationPlace(models.Model):
    """A 'müracaat yeri' of the service-standards table: whom the citizen turns to when a deadline
    slips."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="application_places"
    )
    unit = models.CharField(_("unit"), max_length=200)
    person_name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    fax = models.CharField(_("fax"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("place of application")
        verbose_name_plural = _("places of application")

    def __str__(self) -> str:
        return f"{self.person_name} ({self.title})"


class ServiceStandard(BilingualName):
    """A row of the published service-standards table (Regulation of 31.07.2009, Art. 6)."""

    class Unit(models.TextChoices):
        HOURS = "hours", _("hours")
        CALENDAR_DAYS = "calendar_days", _("calendar days")
        WORKING_DAYS = "working_days", _("working days")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="service_standards"
    )
    sequence_no = models.PositiveIntegerField(_("no."), default=0)
    required_documents = models.TextField(_("required documents and process"), blank=True)
    deadline_amount = models.PositiveIntegerField(_("deadline"))
    deadline_unit = models.CharField(_("deadline unit"), max_length=20, choices=Unit.choices)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    is_statutory = models.BooleanField(
        _("set by law"),
        default=False,
        help_text=_("Statutory deadlines are not paused by the municipality's own closure days."),
    )
    channels = models.ManyToManyField(
        Channel, verbose_name=_("channels"), blank=True, related_name="standards"
    )
    case_types = models.JSONField(_("case types"), default=list, blank=True)
    first_place = models.ForeignKey(
        ApplicationPlace,
        verbose_name=_("first place of application"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    second_place = models.ForeignKey(
        ApplicationPlace,
        verbose_name=_("second place of application"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("service standard")
        verbose_name_plural = _("service standards")
        ordering = ["municipality", "sequence_no"]

    def clean(self) -> None:
        same_tenant(self, ["first_place", "second_place"])

    @property
    def deadline_text(self) -> str:
        return f"{self.deadline_amount} {self.get_deadline_unit_display()}"


class Region(BilingualName):
    """A group of mahalleler covered by one pair of field representatives (seed 000)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="regions")
    code = models.SlugField(_("code"), max_length=50)

    class Meta:
        verbose_name = _("field region")
        verbose_name_plural = _("field regions")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "code"], name="region_code_unique")
        ]


class Neighbourhood(SearchKeyed):
    """A mahalle."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="neighbourhoods"
    )
    name = models.CharField(_("name"), max_length=200)
    former_names = models.CharField(_("former names"), max_length=300, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("field region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="neighbourhoods",
    )
    households = models.PositiveIntegerField(_("households"), null=True, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    boundary = models.JSONField(
        _("outline"),
        null=True,
        blank=True,
        help_text=_("GeoJSON Polygon or MultiPolygon geometry (WGS 84)."),
    )

    class Meta:
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="neighbourhood_name_unique"
            )
        ]

    def search_text(self) -> str:
        return f"{self.name} {self.former_names}"

    def clean(self) -> None:
        same_tenant(self, ["region"])

    def __str__(self) -> str:
        return self.name


class Street(SearchKeyed):
    """A sokak, cadde or bulvar inside a mahalle."""

    class Kind(models.TextChoices):
        STREET = "sokak", _("street")
        AVENUE = "cadde", _("avenue")
        BOULEVARD = "bulvar", _("boulevard")

    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.PROTECT, related_name="streets"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.STREET)

    class Meta:
        verbose_name = _("street")
        verbose_name_plural = _("streets")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["neighbourhood", "name"], name="street_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Subject(BilingualName, SearchKeyed):
    """A konu: what a case is about; it decides the directorate and the service standard."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="subjects"
    )
    code = models.SlugField(_("code"), max_length=60)
    directorate = models.ForeignKey(
        Directorate,
        verbose_name=_("directorate"),
        on_delete=models.PROTECT,
        related_name="subjects",
    )
    default_case_type = models.CharField(_("default case type"), max_length=20, default="request")
    service_standard = models.ForeignKey(
        ServiceStandard,
        verbose_name=_("service standard"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subjects",
    )
    external_body = models.ForeignKey(
        ExternalBody,
        verbose_name=_("belongs to external institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subjects",
        help_text=_("Cases of this subject are forwarded out to this institution."),
    )
    keywords = models.TextField(
        _("keywords"), blank=True, help_text=_("Comma-separated words citizens use.")
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "code"], name="subject_code_unique")
        ]

    def search_text(self) -> str:
        return f"{self.name} {self.name_en} {self.keywords}"

    def clean(self) -> None:
        # A subject routes cases: every row it points to must belong to the same municipality.
        same_tenant(self, ["directorate", "service_standard", "external_body"])


class Role(models.TextChoices):
    DESK_AGENT = "desk_agent", _("Desk agent")
    CALL_AGENT = "call_agent", _("Call-centre agent")
    FIELD_REP = "field_rep", _("Field representative")
    DIRECTORATE_STAFF = "directorate_staff", _("Directorate staff")
    DIRECTORATE_MANAGER = "directorate_manager", _("Directorate manager")
    PR_MANAGER = "pr_manager", _("Public-relations manager")
    EXECUTIVE = "executive", _("Executive (read-only)")
    ADMIN = "admin", _("System administrator")


class StaffProfile(models.Model):
    """What a Django user is in the municipality: a role and the directorates it works in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff"
    )
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="staff")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    directorates = models.ManyToManyField(
        Directorate, verbose_name=_("directorates"), blank=True, related_name="staff"
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("field region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff",
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.username} ({self.get_role_display()})"
