"""The deadline engine's reaction to case events (settings.ACIKMASA_CASE_REACTIONS, before_save)."""

from acikmasa.cases.reactions import CaseChange

from .services import clock_sync


def clock_follow(change: CaseChange) -> None:
    """Replay the clock from the history and set due_at before the door saves the case.

    Registration, every transition (pauses, resumes, stops, restarts; forwarding inside the
    municipality changes nothing in the replay), an extension and the copying-cost notices. A new
    case's whole history is in hand (`change.events`), so the intake reads nothing back.
    """
    if change.created:
        clock_sync(change.case, history=change.events, new=True)
    else:
        clock_sync(change.case)
