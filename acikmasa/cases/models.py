"""Citizens, their cases, the append-only history of each case, and attachments."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.common.identity import mask_tckn
from acikmasa.common.phones import mask_phone
from acikmasa.directory.models import (
    Channel,
    Directorate,
    ExternalBody,
    Municipality,
    Neighbourhood,
    ServiceStandard,
    Street,
    Subject,
)

from .kinds import event_kind_choices
from .lifecycle import OPEN_STATUSES, Status


class CaseType(models.TextChoices):
    REQUEST = "request", _("Request")
    COMPLAINT = "complaint", _("Complaint")
    SUGGESTION = "suggestion", _("Suggestion")
    WISH = "wish", _("Wish")
    INFORMATION = "information", _("Information request")
    TIP_OFF = "tip_off", _("Tip-off")
    THANKS = "thanks", _("Thanks")


class Priority(models.IntegerChoices):
    LOW = 1, _("Low")
    NORMAL = 2, _("Normal")
    HIGH = 3, _("High")
    URGENT = 4, _("Urgent")


class Citizen(models.Model):
    """Whoever applied. Every field is optional: anonymous applications are allowed."""

    class Gender(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Other")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="citizens"
    )
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    national_id = models.CharField(_("T.C. Kimlik No"), max_length=11, blank=True, db_index=True)
    phone = models.CharField(
        _("phone"), max_length=20, blank=True, db_index=True, help_text=_("E.164")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("address"), max_length=500, blank=True)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_consent = models.BooleanField(_("agrees to be contacted"), default=False)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("citizen")
        verbose_name_plural = _("citizens")

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def masked_national_id(self) -> str:
        return mask_tckn(self.national_id)

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)

    def __str__(self) -> str:
        return self.full_name or str(_("Anonymous"))


class Case(models.Model):
    """One application (başvuru). `status` is a cache of the history for queries; events are the
    truth."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="cases")
    tracking_number = models.CharField(_("tracking number"), max_length=20)
    public_token = models.CharField(_("public token"), max_length=40, unique=True, editable=False)
    case_type = models.CharField(
        _("type"), max_length=20, choices=CaseType.choices, default=CaseType.REQUEST
    )
    channel = models.ForeignKey(
        Channel, verbose_name=_("channel"), on_delete=models.PROTECT, related_name="cases"
    )
    external_id = models.CharField(_("id in the channel"), max_length=200, blank=True, default="")
    subject = models.ForeignKey(
        Subject,
        verbose_name=_("subject"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    directorate = models.ForeignKey(
        Directorate,
        verbose_name=_("directorate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_cases",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    description = models.TextField(_("description"))
    citizen = models.ForeignKey(
        Citizen,
        verbose_name=_("citizen"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    street = models.ForeignKey(
        Street,
        verbose_name=_("street"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    address = models.CharField(_("address"), max_length=500, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    service_standard = models.ForeignKey(
        ServiceStandard,
        verbose_name=_("service standard"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
    )
    forwarded_to = models.ForeignKey(
        ExternalBody,
        verbose_name=_("forwarded to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    created_at = models.DateTimeField(_("created at"), db_index=True)
    due_at = models.DateTimeField(_("due at"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"))
    version = models.PositiveIntegerField(
        _("version"), default=0, help_text=_("Number of events; guards against lost updates.")
    )

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "tracking_number"], name="case_tracking_number_unique"
            ),
            models.UniqueConstraint(
                fields=["municipality", "channel", "external_id"],
                name="case_channel_external_id_unique",
                condition=~models.Q(external_id=""),
            ),
        ]
        indexes = [
            models.Index(fields=["directorate", "status", "due_at"], name="case_queue_idx"),
            models.Index(fields=["municipality", "status", "due_at"], name="case_open_due_idx"),
            models.Index(fields=["assignee", "status"], name="case_assignee_idx"),
            # The duplicate search: one subject's cases of a time window, newest first.
            models.Index(fields=["subject", "created_at"], name="case_subject_time_idx"),
            # Open and overdue figures are counted live (a state of now, not an event): only the
            # open cases, with every column the analysis filters on, so PostgreSQL answers from the
            # index alone instead of intersecting a year of created_at with the open statuses.
            models.Index(
                fields=["municipality", "created_at"],
                name="case_open_created_idx",
                include=[
                    "id",
                    "directorate",
                    "subject",
                    "channel",
                    "case_type",
                    "neighbourhood",
                    "due_at",
                ],
                condition=models.Q(status__in=sorted(OPEN_STATUSES)),
            ),
        ]

    def __str__(self) -> str:
        return self.tracking_number


class CaseEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Case history is append-only.")

    def delete(self):
        raise PermissionError("Case history is append-only.")

    def redact(self, *, text: str, payload: dict) -> int:
        """The one change history allows: anonymisation overwrites text and details, nothing else.

        Only `events.event_redact` calls it (docs/privacy.md); on PostgreSQL the trigger lets it
        through only inside that function's transaction.
        """
        return super().update(text=text, payload=payload)


class CaseEvent(models.Model):
    """One entry of a case's history: who, when, what, why. Never edited, never deleted."""

    class ActorKind(models.TextChoices):
        STAFF = "staff", _("Staff")
        CITIZEN = "citizen", _("Citizen")
        SYSTEM = "system", _("System")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    sequence = models.PositiveIntegerField(_("sequence"))
    kind = models.CharField(_("kind"), max_length=40, db_index=True, choices=event_kind_choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_kind = models.CharField(_("actor kind"), max_length=10, choices=ActorKind.choices)
    created_at = models.DateTimeField(_("time"))
    from_status = models.CharField(_("from status"), max_length=20, blank=True)
    to_status = models.CharField(_("to status"), max_length=20, blank=True)
    directorate = models.ForeignKey(
        Directorate,
        verbose_name=_("directorate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_public = models.BooleanField(_("shown to the citizen"), default=False)
    text = models.TextField(_("text"), blank=True)
    payload = models.JSONField(_("details"), default=dict, blank=True)

    objects = CaseEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["case", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["case", "sequence"], name="case_event_sequence_unique")
        ]
        indexes = [models.Index(fields=["kind", "created_at"], name="case_event_kind_time_idx")]

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise PermissionError("Case history is append-only: an event cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Case history is append-only: an event cannot be deleted.")

    def __str__(self) -> str:
        return f"{self.case_id}#{self.sequence} {self.kind}"


class Attachment(models.Model):
    """A file on a case: a photo, a scanned petition, evidence of resolution."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="attachments")
    event = models.ForeignKey(
        CaseEvent, null=True, blank=True, on_delete=models.PROTECT, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to="attachments/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    is_public = models.BooleanField(_("shown to the citizen"), default=False)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")


class TrackingSequence(models.Model):
    """The last tracking number given out per municipality and year (2026-000123)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year"], name="tracking_sequence_unique"
            )
        ]
