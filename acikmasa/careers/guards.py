"""The career centre's rule on a case's resolution (seed 002's "no request is closed until the work
is done", for a job seeker): a job application is resolved only once the seeker has an answer.
A line of settings.ACIKMASA_CASE_REACTIONS (in_transaction, first, on `resolved`)."""

from django.utils.translation import gettext as _

from acikmasa.cases.kinds import EventKind
from acikmasa.cases.reactions import CaseChange
from acikmasa.common.errors import TransitionRefused

from .models import JobSeeker, Referral

PENDING = (Referral.Answer.WAITING, Referral.Answer.INTERVIEW)


def answer_before_resolving(change: CaseChange) -> None:
    """Inside the transition's transaction, before anyone is told: refusing rolls it back.

    A seeker with a referral still waiting for the employer, or with no employer's answer at all,
    has no answer yet; the centre records the answer first (or rejects the application with its
    reason, which is an answer too).
    """
    if change.event.kind != EventKind.RESOLVED:
        return
    seeker = JobSeeker.objects.filter(case_id=change.case.pk).first()
    if seeker is None:
        return
    answers = list(seeker.referrals.values_list("answer", flat=True))
    if not answers or any(a in PENDING for a in answers):
        raise TransitionRefused(
            _(
                "A job application is resolved only when the seeker has an answer: record the "
                "employer's answer to every referral first."
            )
        )
