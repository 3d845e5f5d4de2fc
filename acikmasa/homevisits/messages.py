"""What the citizen is told about their home visit: one function per message (issue 20).

Each goes through `units.tell.tell_citizen`, the one place to convert to the outbox (issue 14).
"""

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import CaseEvent
from acikmasa.units.tell import tell_citizen

from .models import HomeVisit


def _window(visit: HomeVisit) -> dict[str, str]:
    start = timezone.localtime(visit.slot.starts_at)
    end = timezone.localtime(visit.slot.ends_at)
    return {
        "date": formats.date_format(start, "DATE_FORMAT"),
        "start": start.strftime("%H:%M"),
        "end": end.strftime("%H:%M"),
    }


def tell_visit_planned(visit: HomeVisit, event: CaseEvent):
    return tell_citizen(
        visit.case,
        _("Our team will visit you on %(date)s between %(start)s and %(end)s."),
        _window(visit),
        source_event=event.pk,
    )


def tell_visit_rescheduled(missed: HomeVisit, visit: HomeVisit, event: CaseEvent):
    return tell_citizen(
        visit.case,
        _(
            "Our team could not reach you on %(missed)s. The new visit is on %(date)s between "
            "%(start)s and %(end)s."
        ),
        {
            "missed": formats.date_format(timezone.localtime(missed.slot.starts_at), "DATE_FORMAT"),
            **_window(visit),
        },
        source_event=event.pk,
    )


def tell_visit_missed_unplanned(missed: HomeVisit, event: CaseEvent):
    return tell_citizen(
        missed.case,
        _(
            "Our team could not reach you on %(missed)s. We will call you to agree on a new day "
            "for the visit."
        ),
        {"missed": formats.date_format(timezone.localtime(missed.slot.starts_at), "DATE_FORMAT")},
        source_event=event.pk,
    )
