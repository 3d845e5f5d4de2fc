"""A survey answered by replying to the SMS, end to end through the channels' webhook."""

import json

import pytest

from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.models import Case
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.notify.models import SurveyAnswer

from .conftest import submit

pytestmark = pytest.mark.django_db


def resolved_case(town, capture):
    """A case whose registration and resolution messages really went out (after commit)."""
    with capture(execute=True):
        case = submit(town)
    with capture(execute=True):
        resolve(town, case)
    return case


def resolve(town, case):
    for action, text in ((Action.START, ""), (Action.RESOLVE, "Çukur asfaltla kapatıldı.")):
        case_transition(
            case_id=case.pk,
            actor=town.users["fen_staff"],
            request=TransitionRequest(action=action, text=text),
        )


def reply_by_sms(client, text, message_id):
    body = {"id": message_id, "from": "+905321234567", "to": "4440000", "text": text}
    return client.post(
        "/hooks/sms/",
        data=json.dumps(body, ensure_ascii=False),
        content_type="application/json",
        HTTP_X_ACIKMASA_SECRET="demo-sms-secret",
    )


def test_a_score_replied_by_sms_answers_the_survey_and_opens_no_case(
    client, town, gateway, django_capture_on_commit_callbacks
):
    # given a resolved case whose citizen was sent the survey by SMS
    case = resolved_case(town, django_capture_on_commit_callbacks)
    # when the citizen replies "5 teşekkürler"
    assert reply_by_sms(client, "5 teşekkürler", "gw-reply-1").status_code == 200
    # then it is the survey answer of that case, and no new case was opened
    answer = SurveyAnswer.objects.get(case=case)
    assert answer.solved and answer.score == 5 and answer.via == "sms"
    assert Case.objects.count() == 1


def test_not_solved_replied_by_sms_reopens_the_case(
    client, town, gateway, django_capture_on_commit_callbacks
):
    case = resolved_case(town, django_capture_on_commit_callbacks)
    reply_by_sms(client, "çözülmedi hâlâ çukur var", "gw-reply-2")
    case.refresh_from_db()
    assert case.status == Status.REOPENED and not SurveyAnswer.objects.get(case=case).solved


def test_a_long_new_message_later_opens_a_new_case(
    client, town, gateway, django_capture_on_commit_callbacks
):
    case = resolved_case(town, django_capture_on_commit_callbacks)
    reply_by_sms(
        client,
        "Merhaba, bu sefer Tuna Mahallesi parkındaki salıncak kırık, çocuklar için tehlikeli.",
        "gw-new",
    )
    assert Case.objects.count() == 2 and not SurveyAnswer.objects.filter(case=case).exists()
