"""What the job seeker is told: one function per message, through units.tell (issue 20)."""

from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import CaseEvent
from acikmasa.units.tell import tell_citizen

from .models import Referral

ANSWERS = {
    Referral.Answer.INTERVIEW: _(
        "%(employer)s invites you to an interview for the position “%(title)s”. %(note)s"
    ),
    Referral.Answer.HIRED: _(
        "Good news: %(employer)s will hire you for the position “%(title)s”. %(note)s"
    ),
    Referral.Answer.NOT_HIRED: _(
        "%(employer)s did not choose you for the position “%(title)s”. We keep looking with you. "
        "%(note)s"
    ),
}


def tell_referred(referral: Referral, event: CaseEvent):
    return tell_citizen(
        referral.seeker.case,
        _("Your details were sent to %(employer)s for the position “%(title)s”."),
        {"employer": referral.vacancy.employer.name, "title": referral.vacancy.title},
        source_event=event.pk,
    )


def tell_answer(referral: Referral, event: CaseEvent):
    return tell_citizen(
        referral.seeker.case,
        ANSWERS[referral.answer],
        {
            "employer": referral.vacancy.employer.name,
            "title": referral.vacancy.title,
            "note": referral.answer_note,
        },
        source_event=event.pk,
    )
