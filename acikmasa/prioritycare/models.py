"""Priority care: our reading of ESTİM's "VIP Hizmet" (seed 000 names the module, nothing more).

A municipality defines groups that get priority and a shorter standard (elderly living alone,
disabled citizens, veterans' and martyrs' families). Belonging to such a group can reveal health
data or other special-category data (KVKK Art. 6), so a membership is recorded only with explicit
consent or a legal ground, read only by the roles that need it, and every read is logged.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import Citizen, Priority
from acikmasa.common.models import BilingualName
from acikmasa.directory.models import Municipality, ServiceStandard


class PriorityGroup(BilingualName):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    code = models.SlugField(_("code"), max_length=50)
    description = models.TextField(_("who belongs to it"), blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority of their cases"), choices=Priority.choices, default=Priority.HIGH
    )
    standard = models.ForeignKey(
        ServiceStandard,
        verbose_name=_("shorter service standard"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Binds their cases when it is stricter than the one that applies anyway."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("priority group")
        verbose_name_plural = _("priority groups")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "code"], name="priority_group_code_unique"
            )
        ]


class Basis(models.TextChoices):
    """KVKK Art. 6(3) as amended by Law 7499 (2024): the conditions for special-category data that
    fit a municipality's priority service."""

    CONSENT = "consent", _("Explicit consent of the citizen (KVKK Art. 6/3-a)")
    LAW = "law", _("Clearly provided for by a law (KVKK Art. 6/3-b)")
    SOCIAL_SERVICES = (
        "social_services",
        _("Legal obligations in social services and social aid (KVKK Art. 6/3-f)"),
    )


class PriorityMembership(models.Model):
    """One citizen in one group, on one basis, until it ends. Ended rows stay as the record."""

    citizen = models.ForeignKey(
        Citizen, on_delete=models.PROTECT, related_name="priority_memberships"
    )
    group = models.ForeignKey(
        PriorityGroup, verbose_name=_("group"), on_delete=models.PROTECT, related_name="members"
    )
    basis = models.CharField(_("legal basis"), max_length=20, choices=Basis.choices)
    evidence = models.CharField(
        _("evidence"),
        max_length=300,
        help_text=_(
            "E.g. the number of the signed consent form, or the law and article relied on and the "
            "document seen (disability report, veteran's card)."
        ),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"))
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    end_reason = models.CharField(_("why it ended"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("priority membership")
        verbose_name_plural = _("priority memberships")
        ordering = ["-recorded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["citizen", "group"],
                condition=models.Q(ended_at__isnull=True),
                name="priority_membership_one_active",
            )
        ]
        indexes = [
            models.Index(
                fields=["citizen"],
                condition=models.Q(ended_at__isnull=True),
                name="priority_member_active_idx",
            )
        ]
