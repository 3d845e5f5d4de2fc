"""The career centre's rule on a case's resolution (seed 002's "no request is closed until the work
is done", for a job seeker): a job application is resolved only once the seeker has an answer."""

from django.utils.translation import gettext as _

from acikmasa.cases.events import EventKind
from acikmasa.cases.models import Case, CaseEvent
from acikmasa.common.errors import TransitionRefused

from .models import JobSeeker, Referral

PENDING = (Referral.Answer.WAITING, Referral.Answer.INTERVIEW)


def answer_before_resolving(case: Case, event: CaseEvent) -> None:
    """Case hook, inside the transition's transaction: refusing rolls the resolution back.

    A seeker with a referral still waiting for the employer, or with no employer's answer at all,
    has no answer yet; the centre records the answer first (or rejects the application with its
    reason, which is an answer too).
    """
    if event.kind != EventKind.RESOLVED:
        return
    seeker = JobSeeker.objects.filter(case_id=case.pk).first()
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
