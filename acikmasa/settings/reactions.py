"""What happens when a case event is appended: the one ordered list (docs/architecture.md).

Like MIDDLEWARE, order matters: the event door (cases/services/history.py) runs, for each event,
the lines whose "on" names its kind, phase by phase (before_save, in_transaction, after_commit),
in the order written here. "on" holds event kinds (cases/kinds.py), "@transitions" (every kind
case_transition writes) or "*" (every kind). To react to a case event, add one line here and
write `def react(change: CaseChange) -> None` in your app; never register anything in ready().
"""

# Kinds the citizen is told about (notify.services.outbox.EVENT_FOR_KIND says with which message).
TOLD_TO_THE_CITIZEN = [
    "created",
    "forwarded",
    "forwarded_out",
    "info_requested",
    "answer_written",
    "resolved",
    "closed",
    "reopened",
    "rejected",
    "marked_duplicate",
    "duplicate_unmarked",
]

ACIKMASA_CASE_REACTIONS = [
    # 1. The deadline engine owns due_at and the Clock row: replayed from the history before the
    #    case row is saved, so due_at goes out in the same UPDATE and everything after sees it.
    {
        "reaction": "acikmasa.deadlines.reactions.clock_follow",
        "phase": "before_save",
        "on": ["created", "@transitions", "deadline_extended", "clock_stopped", "clock_resumed"],
    },
    # 1b. issue 20: a job application is resolved only once the seeker has an employer's answer;
    #     refusing here, first in the transaction (before the citizen's message is written),
    #     takes the whole resolution back.
    {
        "reaction": "acikmasa.careers.guards.answer_before_resolving",
        "phase": "in_transaction",
        "on": ["resolved"],
    },
    # 2. The citizen's message is written with the change (the outbox row commits with it; it is
    #    sent after commit). A fault is logged, never rolls the change back (its own savepoint).
    {
        "reaction": "acikmasa.notify.services.outbox.on_case_event",
        "phase": "in_transaction",
        "on": TOLD_TO_THE_CITIZEN,
    },
    # 3. The roll-ups equal the history in the same commit: after the deadline engine (due_at
    #    decides met/missed), from the case as saved and `change.before`.
    {
        "reaction": "acikmasa.insights.rollup.on_case_change",
        "phase": "in_transaction",
        "on": ["created", "@transitions", "survey_answered"],
    },
    # 4. A corrected subject is kept as a lesson for the next routing model.
    {
        "reaction": "acikmasa.routing.hooks.on_case_transition",
        "phase": "in_transaction",
        "on": ["reclassified", "rerouted"],
    },
    # 5. Possible duplicates of a new case are stored for the desk's panel (own savepoint).
    {
        "reaction": "acikmasa.duplicates.services.on_case_submitted",
        "phase": "in_transaction",
        "on": ["created"],
    },
    # 6. A master's outcome reaches every case joined to it, in the master's commit.
    {
        "reaction": "acikmasa.duplicates.services.on_case_transition",
        "phase": "in_transaction",
        "on": ["resolved", "rejected", "forwarded_out"],
    },
    # 7. A jurisdiction rule that forwards at intake: a waiting record and an internal event now,
    #    the forwarding itself in a task after commit (own savepoint).
    {
        "reaction": "acikmasa.jurisdiction.services.on_case_submitted",
        "phase": "in_transaction",
        "on": ["created"],
    },
    # 8. The privacy notice the applicant was given and the consents they ticked, with the case.
    {
        "reaction": "acikmasa.privacy.hooks.on_case_submitted",
        "phase": "in_transaction",
        "on": ["created"],
    },
    # 9. A reply on a resolved case may be the survey answer: read once the message is saved (it
    #    appends SURVEY_ANSWERED, and may reopen the case, through the door).
    {
        "reaction": "acikmasa.notify.services.surveys.on_citizen_message",
        "phase": "in_transaction",
        "on": ["message_received"],
    },
    # 10. issue 20: a food or fuel aid request opens its household check in the same commit (also
    #     when the desk corrects a case onto an aid subject); it appends HOUSEHOLD_CHECK_OPENED.
    {
        "reaction": "acikmasa.socialaid.reactions.open_check",
        "phase": "in_transaction",
        "on": ["created", "reclassified", "rerouted"],
    },
]

# Asked by the intake before the case row exists (not reactions: there is no event yet).
# Chooses a subject for a case submitted without one: (subject or None, details).
ACIKMASA_CASE_SUBJECT_RESOLVER = "acikmasa.routing.hooks.subject_for_new_case"
# The service standard that binds a new case; the deadline engine alone computes its due_at.
ACIKMASA_CASE_STANDARD_RESOLVER = "acikmasa.deadlines.policy.standard_for_new_case"
# issue 20, priority care: (priority or None, an extra candidate standard or None) for the citizen
# of a new case; the standard resolver gets the extra standard as `also` (the strictest binds).
ACIKMASA_CASE_PRIORITY_RESOLVER = "acikmasa.prioritycare.services.priority_for"
