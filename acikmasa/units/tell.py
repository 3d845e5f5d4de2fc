"""Messages the units send to citizens (issue 20), through notify's path of today.

Every message of a unit is one small function in that unit (`homevisits.messages`...), and each of
them calls `tell_citizen` here. When the one outbox (issue 14) is on main, this function is the one
place to convert. Until then the text rides on notify's "answered" template ("the answer to your
application ...: <text>"), in the citizen's language, under notify's consent and quiet-hour rules.
"""

from typing import Any

from django.utils import translation
from django.utils.functional import Promise

from acikmasa.cases.models import Case


def tell_citizen(
    case: Case, message: str | Promise, params: dict[str, Any], *, source_event: int | None = None
):
    """Queue `message % params` for the applicant of `case`, written in their language.

    Side effects: one notify Notification row (sent after commit, or skipped with its reason).
    """
    from acikmasa.notify.models import Event
    from acikmasa.notify.services import policy
    from acikmasa.notify.services.outbox import notification_create

    language = policy.choose_delivery(case, Event.ANSWERED).language or "tr"
    with translation.override(language):
        text = str(message) % {k: str(v) for k, v in params.items()}
    return notification_create(
        case=case, event=Event.ANSWERED, text=text, source_event=source_event
    )
