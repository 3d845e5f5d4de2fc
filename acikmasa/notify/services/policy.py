"""Whom to tell, on which channel, in which language, when: pure decisions, no writes.

Consent rule: a citizen hears from us only if they left an address and agreed to be contacted
(Citizen.contact_consent). One exception: the answer the law requires (a petition, Law 3071; an
information request, Law 4982) reaches them by the channel they applied through even without
consent, because they gave that address for the answer. Anonymous applicants are never messaged:
the tracking page is their channel.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import formats, translation

from acikmasa.cases.models import Case, CaseType

from .. import conf
from ..models import ContactPreference, DeliveryChannel, Event

LEGAL_CHANNELS = frozenset({"petition", "information_request", "cimer", "bimer"})
LEGAL_EVENTS = frozenset({Event.ANSWERED, Event.RESOLVED, Event.REJECTED})
# The phone buzzes: only these wait for the end of quiet hours; e-mail waits in the inbox anyway.
QUIET_CHANNELS = frozenset({DeliveryChannel.SMS, DeliveryChannel.WHATSAPP})
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Delivery:
    channel: str = ""
    recipient: str = ""
    language: str = "tr"
    skip_reason: str = ""
    consented: bool = False


def is_legal_answer(case: Case, event: str) -> bool:
    legal_case = case.case_type == CaseType.INFORMATION or case.channel.code in LEGAL_CHANNELS
    return legal_case and event in LEGAL_EVENTS


def _address(citizen, channel: str) -> str:
    return citizen.email if channel == DeliveryChannel.EMAIL else citizen.phone


def choose_delivery(case: Case, event: str) -> Delivery:
    """The channel and address for this message, or why none is used."""
    citizen = case.citizen
    if citizen is None or not (citizen.phone or citizen.email):
        return Delivery(skip_reason="anonymous")
    preference = ContactPreference.objects.filter(citizen=citizen).first()
    language = preference.language if preference else "tr"
    own = case.channel.code
    if citizen.contact_consent:
        candidates = [
            preference.channel if preference else "",
            own,
            DeliveryChannel.SMS,
            DeliveryChannel.EMAIL,
        ]
    elif is_legal_answer(case, event):
        # Only the channel they applied through; paper and CİMER answers go to the e-mail they gave.
        candidates = [own] if own in DeliveryChannel.values else [DeliveryChannel.EMAIL]
    else:
        return Delivery(language=language, skip_reason="no consent")
    for channel in candidates:
        if channel in DeliveryChannel.values and _address(citizen, channel):
            return Delivery(
                channel, _address(citizen, channel), language, consented=citizen.contact_consent
            )
    return Delivery(language=language, skip_reason="no address")


def release_time(channel: str, now: datetime) -> datetime:
    """`now`, or the end of the quiet hours when `now` falls inside them (for phone channels)."""
    if channel not in QUIET_CHANNELS:
        return now
    start, end = conf.quiet_hours()
    local = now.astimezone(ZoneInfo(conf.get("TIME_ZONE")))
    t = local.time().replace(tzinfo=None)
    if start == end:
        return now
    if start > end:  # wraps midnight, e.g. 22:00-08:00
        if t >= start:
            return local.replace(
                hour=end.hour, minute=end.minute, second=0, microsecond=0
            ) + timedelta(days=1)
        quiet = t < end
    else:
        quiet = start <= t < end
    return (
        local.replace(hour=end.hour, minute=end.minute, second=0, microsecond=0) if quiet else now
    )


def render(template: str, values: dict[str, str]) -> str:
    """Fill known {placeholders}; anything else is left as written."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def site_url(path: str) -> str:
    return conf.get("SITE_URL").rstrip("/") + path


def placeholder_values(
    case: Case, language: str, *, text: str = "", survey_token: str = ""
) -> dict[str, str]:
    with translation.override(language):
        subject = ""
        if case.subject_id:
            subject = (
                getattr(case.subject, "name_en", "") if language == "en" else ""
            ) or case.subject.name
        deadline = ""
        if case.due_at:
            local = case.due_at.astimezone(ZoneInfo(conf.get("TIME_ZONE")))
            deadline = formats.date_format(local, "d.m.Y H:i")
        return {
            "tracking_number": case.tracking_number,
            "subject": subject,
            "deadline": deadline,
            "answer": text,
            "reason": text,
            "tracking_url": site_url(reverse("portal:track_case", args=[case.public_token])),
            "survey_url": site_url(reverse("notify:survey", args=[survey_token]))
            if survey_token
            else "",
            "privacy_url": site_url(
                reverse("privacy:notice")
            ),  # KVKK Art. 10: the notice on every channel
        }
