"""Forwarding a case out to the body in charge: the record, the letter, the state machine, and a
case opened in another tenant of this installation through the single intake door."""

import logging

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from acikmasa.cases.lifecycle import Action, is_open
from acikmasa.cases.models import Case
from acikmasa.cases.permissions import can_act, can_view
from acikmasa.cases.reactions import CaseChange
from acikmasa.cases.services import record as history
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import DomainError, NotFound, PermissionRefused, TransitionRefused
from acikmasa.directory.models import Channel, Neighbourhood, Subject

from .matching import rule_match
from .models import ForwardRecord, JurisdictionRule

logger = logging.getLogger(__name__)
R = ForwardRecord.Status
TRANSFER_CHANNEL = ("transfer", "Kurumlar Arası Aktarım", "Transfer from another municipality")
STANDARD_LETTER = (
    "Sayın {institution},\n\n{municipality} Beyaz Masa birimine {date} tarihinde {tracking_number} "
    "takip "
    "numarasıyla yapılan aşağıdaki başvuru, konusu itibarıyla kurumunuzun görev alanında "
    "bulunduğundan "
    "gereği için tarafınıza iletilmiştir.\n\nKonu: {subject}\nYer: {place}\nBaşvuru metni: "
    "{description}\n\n"
    "Bilgilerinize arz ederiz.\n{municipality}"
)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def place_text(case: Case) -> str:
    parts = [
        case.address,
        case.street.name if case.street_id else "",
        case.neighbourhood.name if case.neighbourhood_id else "",
    ]
    text = ", ".join(p for p in parts if p)
    if case.latitude is not None:
        text = f"{text} ({case.latitude:.5f}, {case.longitude:.5f})".strip()
    return text or "—"


def letter_render(rule: JurisdictionRule, case: Case) -> str:
    """The letter to the institution. No personal data of the applicant (KVKK: only what it
    needs)."""
    local = timezone.localtime(case.created_at)
    values = _Blank(
        tracking_number=case.tracking_number,
        date=local.strftime("%d.%m.%Y"),
        subject=case.subject.name if case.subject_id else "—",
        place=place_text(case),
        description=case.description,
        institution=rule.external_body.name,
        municipality=case.municipality.name,
    )
    return (rule.letter.strip() or STANDARD_LETTER).format_map(values)


def _citizen_text(record: ForwardRecord) -> str:
    """The public text of the FORWARDED_OUT event: where the application went (the citizen's
    message)."""
    body = record.external_body
    with translation.override(settings.LANGUAGE_CODE):
        text = _("Your application concerns the duties of %(body)s, so it was forwarded there.") % {
            "body": body.name
        }
        if body.phone:
            text += " " + _("Their contact number: %(phone)s.") % {"phone": body.phone}
        if record.target_case_id:
            target = record.target_case
            text += " " + _("Its tracking number at %(place)s: %(number)s.") % {
                "place": target.municipality.name,
                "number": target.tracking_number,
            }
    return text


def on_case_submitted(change: CaseChange) -> None:
    """Case reaction (inside the intake): when a rule that forwards at intake matches, write a
    waiting record and an internal event; the forwarding itself runs after commit (a task).

    A fault here is logged and never blocks the intake (the case then simply stays with us).
    """
    case = change.case
    if case.channel.code == TRANSFER_CHANNEL[0]:
        return  # forwarded in from another tenant: never sent on automatically (no loops)
    try:
        with transaction.atomic():
            match = rule_match(case)
            if match is None or not match.rule.forward_at_intake:
                return
            record = _record_create(case, match.rule, via=ForwardRecord.Via.INTAKE, actor=None)
            history.jurisdiction_matched(
                case,
                payload={
                    "rule": match.rule.pk,
                    "rule_name": match.rule.name,
                    "external_body": match.rule.external_body_id,
                    "reasons": match.reasons,
                    "forward_record": record.pk,
                },
            )
    except Exception:
        logger.exception("jurisdiction: rule check failed for case %s", case.pk)
        return
    record_id = record.pk
    transaction.on_commit(lambda: _enqueue(record_id))


def _enqueue(record_id: int) -> None:
    from .tasks import forward_run

    forward_run.enqueue(record_id)


def _record_create(
    case: Case, rule: JurisdictionRule, *, via: str, actor: AbstractBaseUser | None
) -> ForwardRecord:
    return ForwardRecord.objects.create(
        case=case,
        rule=rule,
        rule_name=rule.name,
        external_body=rule.external_body,
        letter=letter_render(rule, case),
        via=via,
        actor=actor,
        created_at=timezone.now(),
    )


def forward_execute(*, record_id: int) -> ForwardRecord:
    """Carry out a waiting forwarding made at intake (the task; re-runs are safe).

    Rule: only a waiting record is carried out; a case no longer open fails the record with the
    reason. Side effects: as _carry_out; on refusal the record is marked failed, nothing else.
    """
    try:
        with transaction.atomic():
            record = (
                ForwardRecord.objects.select_for_update(of=("self",))
                .select_related("rule", "external_body")
                .get(pk=record_id)
            )
            if record.status != R.PENDING:
                return record
            _carry_out(record, actor=None)
            return record
    except DomainError as error:
        ForwardRecord.objects.filter(pk=record_id, status=R.PENDING).update(
            status=R.FAILED, error=error.message[:2000]
        )
        logger.warning("jurisdiction: forwarding %s failed: %s", record_id, error.message)
        return ForwardRecord.objects.get(pk=record_id)


def jurisdiction_forward(*, case_id: int, rule_id: int, actor: AbstractBaseUser) -> ForwardRecord:
    """Staff forward a case out by the rule the preview showed.

    Rule: the actor may see the case and forward it out (cases.permissions); the rule must still
    be the one that matches (else the page was stale); all or nothing. Callers: the desk panel.
    Side effects: a ForwardRecord, FORWARDED_OUT through case_transition (the citizen is told),
    and, for a rule naming another tenant, a case there through case_submit.
    """
    case = Case.objects.select_related("municipality").filter(pk=case_id).first()
    if case is None or not can_view(actor, case):
        raise NotFound(_("This case was not found."))
    if not can_act(actor, case, Action.FORWARD_OUT):
        raise PermissionRefused(_("You are not allowed to do this on this case."))
    if not is_open(case.status):
        raise TransitionRefused(_("Only an open case can be forwarded."))
    match = rule_match(case)
    if match is None or match.rule.pk != rule_id:
        raise TransitionRefused(
            _("This rule does not match the case (any more). Reload the page."), field="rule"
        )
    with transaction.atomic():
        waiting = (
            ForwardRecord.objects.select_for_update().filter(case=case, status=R.PENDING).first()
        )
        if (
            waiting is not None
        ):  # the intake's forwarding never ran: staff finish it, by today's rule
            waiting.status = R.FAILED
            waiting.error = _("Replaced by a forwarding made by staff.")
            waiting.save(update_fields=["status", "error"])
        record = _record_create(case, match.rule, via=ForwardRecord.Via.STAFF, actor=actor)
        _carry_out(record, actor=actor)
    return record


def _carry_out(record: ForwardRecord, *, actor: AbstractBaseUser | None) -> None:
    case = Case.objects.select_related(
        "municipality", "subject", "street", "neighbourhood", "citizen"
    ).get(pk=record.case_id)
    rule = record.rule
    if rule is not None and rule.target_municipality_id and record.target_case_id is None:
        record.target_case = _open_there(case, rule)
    case_transition(
        case_id=case.pk,
        actor=actor,
        request=TransitionRequest(
            action=Action.FORWARD_OUT,
            text=_citizen_text(record),
            params={"external_body_id": record.external_body_id},
        ),
    )
    record.status, record.done_at = R.DONE, timezone.now()
    record.save(update_fields=["status", "done_at", "target_case"])


def _transfer_channel() -> Channel:
    code, name, name_en = TRANSFER_CHANNEL
    return Channel.objects.get_or_create(code=code, defaults={"name": name, "name_en": name_en})[0]


def _open_there(case: Case, rule: JurisdictionRule) -> Case:
    """A case in the target tenant through case_submit. The external id makes a retry find the
    same case instead of opening a second one."""
    target = rule.target_municipality
    subject = rule.target_subject
    if subject is None and case.subject_id:
        subject = Subject.objects.filter(
            municipality=target, code=case.subject.code, is_active=True
        ).first()
    neighbourhood = (
        Neighbourhood.objects.filter(municipality=target, name=case.neighbourhood.name).first()
        if case.neighbourhood_id
        else None
    )
    c = case.citizen
    citizen = (
        CitizenInput(
            first_name=c.first_name,
            last_name=c.last_name,
            national_id=c.national_id,
            phone=c.phone,
            email=c.email,
            address=c.address,
            contact_consent=c.contact_consent,
        )
        if c
        else None
    )
    submission = case_submit(
        municipality=target,
        channel=_transfer_channel(),
        description=case.description,
        case_type=case.case_type,
        subject=subject,
        citizen=citizen,
        neighbourhood=neighbourhood,
        address=place_text(case)[:500],
        latitude=case.latitude,
        longitude=case.longitude,
        priority=case.priority,
        external_id=f"{case.municipality.code}:{case.tracking_number}",
        extra={
            "forwarded_from": {
                "municipality": case.municipality.code,
                "municipality_name": case.municipality.name,
                "tracking_number": case.tracking_number,
                "case": case.pk,
                "rule": rule.name,
            }
        },
    )
    return submission.case
