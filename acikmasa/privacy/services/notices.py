"""Privacy notices (aydınlatma metni, KVKK Art. 10): drafted, published once, never edited after."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases.models import Case
from acikmasa.common.errors import NotFound, TransitionRefused, ValidationFailed
from acikmasa.directory.models import Municipality

from ..models import NoticeReceipt, PrivacyNotice
from ..selectors import current_notice

MAX_SUMMARY = 2000


def notice_errors(*, summary: str, body: str, effective_from: date | None) -> dict[str, str]:
    errors = {}
    if not (summary or "").strip():
        errors["summary"] = _("Write the short text shown on forms.")
    elif len(summary) > MAX_SUMMARY:
        errors["summary"] = _("The short text may be at most %(n)d characters.") % {
            "n": MAX_SUMMARY
        }
    if not (body or "").strip():
        errors["body"] = _("Write the full text of the notice.")
    if effective_from is None:
        errors["effective_from"] = _("Give the date the notice takes effect.")
    return errors


def notice_create(
    *,
    municipality: Municipality,
    summary: str,
    body: str,
    effective_from: date | None,
    summary_en: str = "",
    body_en: str = "",
    title: str = "",
) -> PrivacyNotice:
    """Write a new draft version (the next number for the municipality).

    Rule: short and full Turkish texts and an effective date are required; English is optional.
    Callers: the admin, the demo, tests. Side effects: one PrivacyNotice row (not yet published).
    """
    errors = notice_errors(summary=summary, body=body, effective_from=effective_from)
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        # Lock the municipality so two drafts never get the same number.
        Municipality.objects.select_for_update().get(pk=municipality.pk)
        last = (
            PrivacyNotice.objects.filter(municipality=municipality).aggregate(n=Max("version"))["n"]
            or 0
        )
        notice = PrivacyNotice(
            municipality=municipality,
            version=last + 1,
            summary=summary.strip(),
            body=body.strip(),
            summary_en=summary_en.strip(),
            body_en=body_en.strip(),
            effective_from=effective_from,
        )
        if title.strip():
            notice.title = title.strip()[:200]
        notice.save()
    return notice


def notice_publish(*, notice_id: int) -> PrivacyNotice:
    """Publish a draft: from its effective date it is the one shown; from now on it cannot change.

    Callers: the admin action, the demo. Side effects: sets `published_at` once.
    """
    with transaction.atomic():
        notice = PrivacyNotice.objects.select_for_update().filter(pk=notice_id).first()
        if notice is None:
            raise NotFound(_("This notice was not found."))
        if notice.is_published:
            raise TransitionRefused(
                _("This version is already published; write a new version instead.")
            )
        PrivacyNotice.objects.filter(pk=notice.pk).update(published_at=timezone.now())
        notice.refresh_from_db()
    return notice


def receipt_record(
    *, case: Case, via: str, notice_id: int | None = None, user: AbstractBaseUser | None = None
) -> NoticeReceipt | None:
    """Record which notice version the applicant of `case` was given; None when none is published.

    Rule: a version the form showed (`notice_id`) counts only if it is a published version of the
    case's municipality; otherwise the version in force at registration is recorded.
    Callers: the intake hook. Side effects: one NoticeReceipt row.
    """
    notice = None
    if notice_id:
        notice = PrivacyNotice.objects.filter(
            pk=notice_id,
            municipality_id=case.municipality_id,
            published_at__isnull=False,
        ).first()
    if notice is None:
        notice = current_notice(case.municipality_id, on=case.created_at.date())
    if notice is None:
        return None
    receipt, _created = NoticeReceipt.objects.get_or_create(
        case=case,
        defaults={"notice": notice, "via": via, "given_by": user, "given_at": case.created_at},
    )
    return receipt
