"""The citizen's stated way of hearing from us."""

from django.db import transaction
from django.utils.translation import gettext as _

from acikmasa.cases.models import Citizen
from acikmasa.common.errors import ValidationFailed

from ..models import ContactPreference, DeliveryChannel, Language


@transaction.atomic
def contact_preference_set(
    *, citizen: Citizen, channel: str = "", language: str = Language.TURKISH
) -> ContactPreference:
    """Record how the citizen wants to be told (channel may be empty: the case's own channel).

    Rule: the channel must be SMS, WhatsApp or e-mail and the citizen must have an address for it.
    Callers: the portal, the desk, the admin. Side effects: one ContactPreference row (upserted).
    """
    errors = {}
    if channel and channel not in DeliveryChannel.values:
        errors["channel"] = _("Choose SMS, WhatsApp or e-mail.")
    elif channel and not (citizen.email if channel == DeliveryChannel.EMAIL else citizen.phone):
        errors["channel"] = _("There is no address for this channel.")
    if language not in Language.values:
        errors["language"] = _("Choose Turkish or English.")
    if errors:
        raise ValidationFailed(errors)
    preference, _created = ContactPreference.objects.update_or_create(
        citizen=citizen,
        defaults={"channel": channel, "language": language},
    )
    return preference
