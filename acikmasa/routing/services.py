"""Routing's writers: training a municipality's model and re-routing a case through the core."""

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases.guards import param_id
from acikmasa.cases.lifecycle import Action
from acikmasa.cases.models import Case, CaseEvent
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import NotFound, ValidationFailed
from acikmasa.directory.models import Municipality, Subject

from . import learn
from .models import SubjectModel
from .selectors import training_examples

KEEP_MODELS = 3
MAX_REASON = 2_000


def routing_train(*, municipality: Municipality, until: datetime | None = None) -> SubjectModel:
    """Train a new subject model on the municipality's own cases and keep it beside the last ones.

    Rule: every case with a subject registered before `until` (default: now) is an example, labelled
    with its current subject (so staff corrections are labels); too little history raises
    learn.TooFewExamples and writes nothing. Callers: `acikmasa routing_train`, admins.
    Side effects: one SubjectModel row; models older than the newest KEEP_MODELS are deleted.
    """
    examples = [e for _, e in training_examples(municipality_id=municipality.pk, until=until)]
    classifier, seconds = learn.train(examples)
    blob = classifier.dumps()
    with transaction.atomic():
        row = SubjectModel.objects.create(
            municipality=municipality,
            trained_at=timezone.now(),
            examples=len(examples),
            corrections=sum(1 for e in examples if e.weight > 1),
            subjects=len(classifier.labels),
            history_until=until or timezone.now(),
            seconds=round(seconds, 3),
            blob=blob,
            size=len(blob),
        )
        old = SubjectModel.objects.filter(municipality=municipality).values_list("pk", flat=True)[
            KEEP_MODELS:
        ]
        SubjectModel.objects.filter(pk__in=list(old)).delete()
    return row


def case_reroute(
    *,
    case_id: int,
    subject_id: int | str | None,
    reason: str,
    actor: AbstractBaseUser | None,
    expected_version: int | None = None,
) -> CaseEvent:
    """Give a case the right subject; the directorate follows the subject, the deadline stays.

    Rule: the new subject must be an active one of the case's municipality and differ from the
    current one; within the same directorate the case keeps its status and assignee (RECLASSIFY),
    to another directorate it starts there as new, unassigned (REROUTE). A reason is required.
    Both go through case_transition, so role, scope, status and version are checked there.
    Callers: the case page, the triage queue. Side effects: one RECLASSIFIED or REROUTED event with
    the old and new subject and directorate; routing's hook records a Correction for training.
    """
    errors = {}
    if not (reason or "").strip():
        errors["reason"] = _("Write why the subject is wrong.")
    elif len(reason) > MAX_REASON:
        errors["reason"] = _("The reason may be at most %(n)d characters.") % {"n": MAX_REASON}
    case = Case.objects.filter(pk=case_id).only("pk", "municipality_id", "directorate_id").first()
    if case is None:
        raise NotFound(_("This case was not found."))
    subject = Subject.objects.filter(
        pk=param_id({"id": subject_id}, "id"), municipality_id=case.municipality_id, is_active=True
    ).first()
    if subject is None:
        errors["subject"] = _("Choose the right subject.")
    if errors:
        raise ValidationFailed(errors)
    action = Action.RECLASSIFY if subject.directorate_id == case.directorate_id else Action.REROUTE
    request = TransitionRequest(
        action=action,
        text=reason.strip(),
        params={"subject_id": subject.pk},
        expected_version=expected_version,
    )
    return case_transition(case_id=case.pk, request=request, actor=actor)
