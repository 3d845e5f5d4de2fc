"""Satisfaction surveys: one answer per case; "not solved" reopens the case and alerts the
directorate."""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import TRANSITIONS, Action, Status
from acikmasa.cases.models import Case
from acikmasa.cases.reactions import CaseChange
from acikmasa.cases.services import record
from acikmasa.cases.services.history import case_lock
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import NotFound, ValidationFailed
from acikmasa.common.turkish import fold
from acikmasa.directory.models import Role, StaffProfile

from .. import conf
from ..models import DirectorateAlert, Event, Survey, SurveyAnswer
from .outbox import notification_create

SURVEY_ANSWERED = EventKind.SURVEY_ANSWERED
NOT_SOLVED_WORDS = (
    "cozulmedi",
    "cozulmemis",
    "cozumlenmedi",
    "halledilmedi",
    "hayir",
    "not solved",
    "unsolved",
    "no",
)
SOLVED_WORDS = ("cozuldu", "cozulmus", "halledildi", "evet", "solved", "yes")
SCORE = re.compile(r"^\s*([1-5])(?![\d.,]\d)\s*(?:/\s*5)?(?=\W|$)[\s,.;:!\-]*", re.S)


@dataclass(frozen=True)
class ParsedReply:
    solved: bool
    score: int | None
    comment: str


def _strip_word(text: str, words: tuple[str, ...]) -> str | None:
    """The text after a leading keyword (compared folded), or None when it does not start with
    one."""
    folded = fold(text)
    for word in words:
        if (
            folded == word
            or folded.startswith(word + " ")
            or re.match(re.escape(word) + r"[\s,.;:!\-]", folded)
        ):
            tokens = len(word.split())
            return (
                re.sub(r"^[\s,.;:!\-]+", "", " ".join(text.split()[tokens:]))
                if len(text.split()) > tokens
                else ""
            )
    return None


def parse_reply(text: str) -> ParsedReply | None:
    """Read "5", "5 teşekkürler", "4/5", "çözülmedi", "çözülmedi 2 hâlâ yanmıyor", "evet 4".

    A score alone means solved (the question says: score 1-5 if solved, else write ÇÖZÜLMEDİ).
    Returns None when the text is not a survey answer.
    """
    rest = " ".join((text or "").split())
    solved: bool | None = None
    for words, value in ((NOT_SOLVED_WORDS, False), (SOLVED_WORDS, True)):
        after = _strip_word(rest, words)
        if after is not None:
            solved, rest = value, after
            break
    score = None
    match = SCORE.match(rest)
    if match:
        score, rest = int(match.group(1)), rest[match.end() :]
    if solved is None and score is None:
        return None
    return ParsedReply(
        solved=True if solved is None else solved, score=score, comment=rest.strip()[:2000]
    )


def survey_answer_submit(
    *,
    case_id: int,
    solved: bool,
    score: int | None,
    comment: str = "",
    via: str = "web",
) -> SurveyAnswer:
    """Store the citizen's one answer to the survey of a case.

    Rule: only a case with a survey (it was resolved) and no answer yet; score 1-5 or none. "Not
    solved" reopens a resolved or closed case as the citizen and alerts the directorate's managers.
    Callers: the survey page, survey_answer_from_reply (channels). Side effects: a SurveyAnswer, a
    survey_answered event, possibly a reopen (with its notification) and a DirectorateAlert.
    """
    if score is not None and not 1 <= score <= 5:
        raise ValidationFailed({"score": _("Choose a score from 1 to 5.")})
    comment = (comment or "").strip()[:2000]
    with transaction.atomic():
        try:
            case = case_lock(case_id)
        except Case.DoesNotExist:
            case = None
        if case is None or not Survey.objects.filter(case=case).exists():
            raise NotFound(_("This survey was not found."))
        if SurveyAnswer.objects.filter(case=case).exists():
            raise ValidationFailed(
                {"survey": _("This survey has already been answered. Thank you.")}
            )
        try:
            with transaction.atomic():
                answer = SurveyAnswer.objects.create(
                    case=case,
                    directorate_id=case.directorate_id,
                    solved=solved,
                    score=score,
                    comment=comment,
                    via=via,
                )
        except IntegrityError as exc:
            raise ValidationFailed(
                {"survey": _("This survey has already been answered. Thank you.")}
            ) from exc
        record.survey_answered(case, solved=solved, score=score, comment=comment, via=via)
        if not solved:
            _not_solved(case, comment)
    return answer


def _not_solved(case: Case, comment: str) -> None:
    if case.status in TRANSITIONS[Action.REOPEN].sources:
        text = _("The citizen answered the survey: not solved.") + (
            f" {comment}" if comment else ""
        )
        case_transition(
            case_id=case.pk,
            request=TransitionRequest(action=Action.REOPEN, text=text),
            actor=None,
            by_citizen=True,
        )
    if case.directorate_id:
        directorate_alert(
            case=case,
            text=_("Case %(number)s: the citizen says it is not solved. %(comment)s")
            % {"number": case.tracking_number, "comment": comment},
        )


def directorate_alert(*, case: Case, text: str) -> DirectorateAlert:
    """Record an alert for the case's directorate and e-mail its managers after commit."""
    managers = (
        StaffProfile.objects.filter(
            role=Role.DIRECTORATE_MANAGER,
            directorates=case.directorate_id,
            user__is_active=True,
        )
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    emails = sorted({*managers, *([case.directorate.email] if case.directorate.email else [])})
    alert = DirectorateAlert.objects.create(
        directorate_id=case.directorate_id, case=case, text=text.strip(), emailed_to=emails
    )
    if emails:
        from ..tasks import send_directorate_alert

        transaction.on_commit(lambda: send_directorate_alert.enqueue(alert.pk))
    return alert


def survey_answer_from_reply(case: Case, text: str, *, via: str = "reply") -> SurveyAnswer | None:
    """Treat an incoming WhatsApp/SMS text on `case` as a survey answer when it reads like one.

    Returns None (nothing written) when the case has no open survey or the text is not an answer,
    so the caller handles it as an ordinary message. Callers: the channels' inbound threading.
    """
    parsed = parse_reply(text)
    if (
        parsed is None
        or not Survey.objects.filter(case=case).exists()
        or SurveyAnswer.objects.filter(case=case).exists()
    ):
        return None
    try:
        return survey_answer_submit(
            case_id=case.pk,
            solved=parsed.solved,
            score=parsed.score,
            comment=parsed.comment,
            via=via,
        )
    except ValidationFailed:
        return None  # answered meanwhile


def on_citizen_message(change: CaseChange) -> None:
    """A reply on a resolved or closed case may be the survey answer (a case reaction:
    settings.ACIKMASA_CASE_REACTIONS)."""
    case, event = change.case, change.event
    if case.status in (Status.RESOLVED, Status.CLOSED) and event.text:
        survey_answer_from_reply(case, event.text, via=str(event.payload.get("channel") or "reply"))


def survey_reminders_send(*, now: datetime | None = None, limit: int = 500) -> int:
    """Send the one reminder of each survey unanswered after SURVEY_REMINDER_HOURS (idempotent)."""
    now = now or timezone.now()
    cutoff = now - timedelta(hours=conf.get("SURVEY_REMINDER_HOURS"))
    ids = list(
        Survey.objects.filter(
            reminder_sent_at__isnull=True, created_at__lte=cutoff, case__survey_answer__isnull=True
        ).values_list("pk", flat=True)[:limit]
    )
    sent = 0
    for survey_id in ids:
        with transaction.atomic():
            survey = Survey.objects.select_for_update().select_related("case").get(pk=survey_id)
            if (
                survey.reminder_sent_at is not None
                or SurveyAnswer.objects.filter(case_id=survey.case_id).exists()
            ):
                continue
            survey.reminder_sent_at = now
            survey.save(update_fields=["reminder_sent_at"])
            notification_create(
                case=survey.case, event=Event.SURVEY_REMINDER, survey_token=survey.token, now=now
            )
            sent += 1
    return sent
