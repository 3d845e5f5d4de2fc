"""The disability unit's one writer: the accessible application. Its cases are worked in the desk's
queue of the unit's directorate like any other."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import Submission, case_submit
from acikmasa.common.errors import NotFound, ValidationFailed
from acikmasa.directory.models import Municipality

from .models import DisabilityUnit

CONTACT_WAYS = {
    "sms": gettext_lazy("Text message (SMS)"),
    "whatsapp": gettext_lazy("WhatsApp message"),
    "email": gettext_lazy("E-mail"),
    "phone": gettext_lazy("Phone call"),
    "video": gettext_lazy("Video call in sign language"),
}
# Ways that need no hearing: the unit never answers these by a voice call.
TEXT_WAYS = frozenset({"sms", "whatsapp", "email", "video"})


@dataclass
class AccessibleApplication:
    form_token: str
    description: str
    contact_by: str
    citizen: CitizenInput
    neighbourhood_id: int | None = None
    address: str = ""
    privacy_notice: int | None = None


def unit_for(municipality: Municipality) -> DisabilityUnit:
    unit = DisabilityUnit.objects.filter(municipality=municipality, is_active=True).first()
    if unit is None:
        raise NotFound(_("This municipality has no disability unit on this site."))
    return unit


def disability_apply(*, municipality: Municipality, data: AccessibleApplication) -> Submission:
    """An application to the disability unit from its accessible form (web channel).

    Rule: the case goes to the unit's subject (so its directorate's queue); the way the citizen
    wants to be answered is kept with it, and a text way needs the matching address; the same form
    token twice gives one case. Side effects: those of `case_submit`.
    """
    unit = unit_for(municipality)
    errors = {}
    if data.contact_by not in CONTACT_WAYS:
        errors["contact_by"] = _("Choose how we should answer you.")
    elif data.contact_by in ("sms", "whatsapp", "phone", "video") and not data.citizen.phone:
        errors["phone"] = _("Write the mobile number we should answer.")
    elif data.contact_by == "email" and not data.citizen.email:
        errors["email"] = _("Write the e-mail address we should answer.")
    if errors:
        raise ValidationFailed(errors)
    return case_submit(
        municipality=municipality,
        channel="web",
        external_id=f"engelli:{data.form_token}",
        description=data.description,
        subject=unit.subject,
        citizen=data.citizen,
        neighbourhood=data.neighbourhood_id,
        address=data.address,
        extra={
            "accessible_form": True,
            "contact_by": data.contact_by,
            **({"privacy_notice": data.privacy_notice} if data.privacy_notice else {}),
        },
    )
