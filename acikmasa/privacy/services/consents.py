"""Explicit consent (açık rıza) for the extras only; handling an application never depends on it.

`Citizen.contact_consent` (read by notify) and the citizen's gender and birth year follow the
consent rows: withdrawing contact consent stops messages, withdrawing demographic consent erases
the two fields.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases.models import Case, Citizen
from acikmasa.common.errors import NotFound, TransitionRefused, ValidationFailed

from ..models import Consent, PrivacyNotice, Purpose

MAX_CHANNEL = 40


def _check(purpose: str, channel: str) -> None:
    errors = {}
    if purpose not in Purpose.values:
        errors["purpose"] = _("Unknown purpose of consent.")
    if not (channel or "").strip() or len(channel) > MAX_CHANNEL:
        errors["channel"] = _("Say through which channel the consent was given.")
    if errors:
        raise ValidationFailed(errors)


def consent_give(
    *,
    citizen: Citizen,
    purpose: str,
    channel: str,
    notice: PrivacyNotice | None = None,
    user: AbstractBaseUser | None = None,
    case: Case | None = None,
) -> tuple[Consent, bool]:
    """Record an explicit consent; a standing consent for the same purpose is returned unchanged.

    Callers: the intake hook (a ticked box on the form), staff on the citizen's privacy page.
    Side effects: a Consent row; for contact, `Citizen.contact_consent` set.
    """
    _check(purpose, channel)
    with transaction.atomic():
        existing = Consent.objects.filter(
            citizen=citizen, purpose=purpose, withdrawn_at__isnull=True
        ).first()
        if existing is not None:
            return existing, False
        try:
            with transaction.atomic():
                consent = Consent.objects.create(
                    citizen=citizen,
                    purpose=purpose,
                    channel=channel.strip(),
                    notice=notice,
                    recorded_by=user,
                    case=case,
                    given_at=timezone.now(),
                )
        except IntegrityError:  # given twice at the same moment: the first one stands
            return Consent.objects.get(
                citizen=citizen, purpose=purpose, withdrawn_at__isnull=True
            ), False
        if purpose == Purpose.CONTACT and not citizen.contact_consent:
            Citizen.objects.filter(pk=citizen.pk).update(contact_consent=True)
            citizen.contact_consent = True
    return consent, True


def consent_withdraw(
    *, consent_id: int, channel: str, user: AbstractBaseUser | None = None
) -> Consent:
    """Withdraw a consent (KVKK Art. 11): it stops from now on and was lawful until now.

    Rule: a consent is withdrawn once; staff record what the citizen said on any channel.
    Side effects: `withdrawn_*` set; contact → no more messages; demographics → gender and
    birth year erased from the citizen.
    """
    _check(Purpose.CONTACT, channel)
    with transaction.atomic():
        consent = Consent.objects.select_for_update().filter(pk=consent_id).first()
        if consent is None:
            raise NotFound(_("This consent was not found."))
        if consent.withdrawn_at is not None:
            raise TransitionRefused(_("This consent was already withdrawn."))
        Consent.objects.filter(pk=consent.pk).update(
            withdrawn_at=timezone.now(),
            withdrawn_via=channel.strip(),
            withdrawn_by=user,
        )
        if consent.purpose == Purpose.CONTACT:
            Citizen.objects.filter(pk=consent.citizen_id).update(contact_consent=False)
        elif consent.purpose == Purpose.DEMOGRAPHICS:
            Citizen.objects.filter(pk=consent.citizen_id).update(gender="", birth_year=None)
        consent.refresh_from_db()
    return consent
