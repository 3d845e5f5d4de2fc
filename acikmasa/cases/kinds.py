"""Every kind of case event, declared once: its stored code, who may see it, and its two labels.

A kind is past tense and its code is never renamed or reused (the history keeps it forever). Each
kind says whether the citizen sees it on the tracking page (public) or only staff do (internal),
how the staff timeline names it (the choice label) and how the tracking page tells it to the
citizen (`citizen_label`). A test fails when a kind lacks any of these, in Turkish or English.

Adding a kind (docs/architecture.md): one member here, one `KINDS` row, the Turkish of both labels
in cases/locale/tr, and a typed helper in services/history.py if another app writes it.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    """The stored code and the staff label of every kind."""

    CREATED = "created", _("Registered")
    ROUTED = "routed", _("Routed to directorate")
    ASSIGNED = "assigned", _("Assigned")
    STARTED = "started", _("Work started")
    FORWARDED = "forwarded", _("Forwarded to another directorate")
    INFO_REQUESTED = "info_requested", _("Information asked from the citizen")
    WAITING_EXTERNAL = "waiting_external", _("Waiting for another body")
    RESUMED = "resumed", _("Resumed")
    ANSWER_WRITTEN = "answer_written", _("Answer written")
    NOTE_ADDED = "note_added", _("Internal note")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")
    REJECTED = "rejected", _("Rejected")
    MARKED_DUPLICATE = "marked_duplicate", _("Marked as duplicate")
    FORWARDED_OUT = "forwarded_out", _("Forwarded to another institution")
    RECLASSIFIED = "reclassified", _("Subject corrected")
    REROUTED = "rerouted", _("Re-routed to the right directorate")
    DUPLICATE_UNMARKED = "duplicate_unmarked", _("Duplicate marking undone")
    # The deadline engine.
    DEADLINE_EXTENDED = "deadline_extended", _("Deadline extended")
    ESCALATED = "escalated", _("Escalated")
    CLOCK_STOPPED = "clock_stopped", _("Deadline stopped (copying cost notified)")
    CLOCK_RESUMED = "clock_resumed", _("Deadline running again (copying cost paid)")
    # Messages in and out.
    MESSAGE_RECEIVED = "message_received", _("Message received")
    MESSAGE_SENT = "message_sent", _("Message sent")
    MESSAGE_FAILED = "message_failed", _("Message could not be delivered")
    SURVEY_ANSWERED = "survey_answered", _("Survey answered")
    # Duplicates, jurisdiction, the portal, privacy.
    DUPLICATES_MERGED = "duplicates_merged", _("Duplicates joined to this case")
    DUPLICATE_UNLINKED = "duplicate_unlinked", _("A joined duplicate was separated again")
    MASTER_RESOLVED = "master_resolved", _("The joined application was resolved")
    MASTER_REJECTED = "master_rejected", _("The joined application was rejected")
    MASTER_FORWARDED_OUT = (
        "master_forwarded_out",
        _("The joined application was forwarded to another institution"),
    )
    JURISDICTION_MATCHED = (
        "jurisdiction_matched",
        _("Belongs to another institution (rule matched)"),
    )
    SUPPORTED = "supported", _("Support added (“me too”)")
    PERSONAL_DATA_ANONYMISED = "personal_data_anonymised", _("Personal data anonymised")
    # issue 20: the seeds' own units (homevisits, careers, socialaid).
    VISIT_PLANNED = "visit_planned", _("Home visit planned")
    VISIT_DONE = "visit_done", _("Home visit made")
    VISIT_MISSED = "visit_missed", _("Home visit missed")
    VISIT_RESCHEDULED = "visit_rescheduled", _("Home visit rescheduled")
    JOB_REFERRED = "job_referred", _("Referred to an employer")
    EMPLOYER_ANSWERED = "employer_answered", _("The employer answered")
    HOUSEHOLD_CHECK_OPENED = "household_check_opened", _("Household check opened")
    HOUSEHOLD_VISITED = "household_visited", _("Household visited")


class Visibility(StrEnum):
    PUBLIC = "public"  # on the citizen's tracking page (with its text)
    INTERNAL = "internal"  # staff only


@dataclass(frozen=True)
class Kind:
    visibility: Visibility
    citizen_label: Promise


P, INT = Visibility.PUBLIC, Visibility.INTERNAL
K = EventKind

KINDS: dict[str, Kind] = {
    K.CREATED: Kind(P, _("Your application was registered")),
    K.ROUTED: Kind(INT, _("Your application was sent to the directorate in charge")),
    K.ASSIGNED: Kind(INT, _("A staff member was assigned to your application")),
    K.STARTED: Kind(INT, _("Work on your application has started")),
    K.FORWARDED: Kind(P, _("Your application was forwarded to another directorate")),
    K.INFO_REQUESTED: Kind(P, _("We asked you for more information")),
    K.WAITING_EXTERNAL: Kind(INT, _("We are waiting for another body")),
    K.RESUMED: Kind(P, _("Work on your application continues")),
    K.ANSWER_WRITTEN: Kind(P, _("We answered your application")),
    K.NOTE_ADDED: Kind(INT, _("A note was added")),
    K.RESOLVED: Kind(P, _("Your application was resolved")),
    K.CLOSED: Kind(P, _("Your application was closed")),
    K.REOPENED: Kind(P, _("Your application was reopened")),
    K.REJECTED: Kind(P, _("Your application was rejected")),
    K.MARKED_DUPLICATE: Kind(
        P, _("Your application was joined to another one about the same problem")
    ),
    K.FORWARDED_OUT: Kind(P, _("Your application was forwarded to the institution in charge")),
    K.RECLASSIFIED: Kind(INT, _("The subject of your application was corrected")),
    K.REROUTED: Kind(P, _("Your application was sent to the right directorate")),
    K.DUPLICATE_UNMARKED: Kind(P, _("Your application is handled on its own again")),
    K.DEADLINE_EXTENDED: Kind(P, _("The answer period was extended")),
    K.ESCALATED: Kind(INT, _("Your application was brought to a manager's attention")),
    # The notices of Law 4982's copying cost are sent to the applicant: they see them.
    K.CLOCK_STOPPED: Kind(P, _("The period is stopped until the copying cost is paid")),
    K.CLOCK_RESUMED: Kind(P, _("The copying cost was paid: the period runs again")),
    K.MESSAGE_RECEIVED: Kind(INT, _("We received your message")),
    K.MESSAGE_SENT: Kind(INT, _("We sent you a message")),
    K.MESSAGE_FAILED: Kind(INT, _("A message to you could not be delivered")),
    K.SURVEY_ANSWERED: Kind(P, _("You answered the satisfaction survey")),
    K.DUPLICATES_MERGED: Kind(
        INT, _("Other applications about the same problem were joined to yours")
    ),
    K.DUPLICATE_UNLINKED: Kind(INT, _("An application joined to yours was separated again")),
    K.MASTER_RESOLVED: Kind(P, _("The application yours was joined to was resolved")),
    K.MASTER_REJECTED: Kind(P, _("The application yours was joined to was rejected")),
    K.MASTER_FORWARDED_OUT: Kind(
        P, _("The application yours was joined to was forwarded to the institution in charge")
    ),
    K.JURISDICTION_MATCHED: Kind(INT, _("Your application concerns another institution")),
    K.SUPPORTED: Kind(INT, _("Someone added their voice to this application")),
    K.PERSONAL_DATA_ANONYMISED: Kind(
        INT, _("Your personal data on this application was anonymised")
    ),
    # issue 20. A missed visit's reason is the team's note: the citizen hears the new date.
    K.VISIT_PLANNED: Kind(P, _("Your home visit was planned")),
    K.VISIT_DONE: Kind(P, _("Our team visited you")),
    K.VISIT_MISSED: Kind(INT, _("Our team could not reach you")),
    K.VISIT_RESCHEDULED: Kind(P, _("Your home visit has a new date")),
    K.JOB_REFERRED: Kind(P, _("Your details were sent to an employer")),
    K.EMPLOYER_ANSWERED: Kind(P, _("The employer answered")),
    # The household's findings are personal and financial; the decision reaches the citizen as
    # the resolution or rejection.
    K.HOUSEHOLD_CHECK_OPENED: Kind(INT, _("A household visit was planned for your aid request")),
    K.HOUSEHOLD_VISITED: Kind(INT, _("Our team visited your household")),
}

# What the citizen sees on the tracking page; notes and internal moves stay inside.
PUBLIC_KINDS = frozenset(code for code, kind in KINDS.items() if kind.visibility == P)


def event_kind_choices() -> list[tuple[str, str]]:
    """`CaseEvent.kind`'s choices (a callable: a new kind needs no migration)."""
    return EventKind.choices


def is_public(kind: str) -> bool:
    return kind in PUBLIC_KINDS


def staff_label(kind: str) -> str:
    """The staff timeline's name of a kind; an undeclared code is named as unknown, never shown."""
    if kind in EventKind.values:
        return str(EventKind(kind).label)
    return str(_("Other event"))


def citizen_label(kind: str) -> str:
    """The tracking page's sentence for a kind, in the citizen's voice."""
    found = KINDS.get(kind)
    return str(found.citizen_label) if found else str(_("Something changed on your application"))
