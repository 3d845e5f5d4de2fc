from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from acikmasa.cases.models import Case
from acikmasa.common.errors import NotFound, ValidationFailed
from acikmasa.notify.models import DirectorateAlert, Notification, Survey, SurveyAnswer
from acikmasa.notify.selectors import survey_figures
from acikmasa.notify.services.outbox import due_send
from acikmasa.notify.services.surveys import (
    parse_reply,
    survey_answer_from_reply,
    survey_answer_submit,
    survey_reminders_send,
)

from .conftest import submit
from .helpers import act, resolve


@pytest.mark.parametrize(
    "text, solved, score, comment",
    [
        ("1", True, 1, ""),
        ("5", True, 5, ""),
        ("5 teşekkürler", True, 5, "teşekkürler"),
        ("4/5 hızlıydınız", True, 4, "hızlıydınız"),
        ("çözülmedi", False, None, ""),
        ("ÇÖZÜLMEDİ", False, None, ""),
        ("cozulmedi 2 lamba hâlâ yanmıyor", False, 2, "lamba hâlâ yanmıyor"),
        ("Çözülmedi, ekip hiç gelmedi", False, None, "ekip hiç gelmedi"),
        ("hayır", False, None, ""),
        ("NOT SOLVED", False, None, ""),
        ("evet 4", True, 4, ""),
        ("Çözüldü", True, None, ""),
    ],
)
def test_replies_are_read_as_survey_answers(text, solved, score, comment):
    parsed = parse_reply(text)
    assert (parsed.solved, parsed.score, parsed.comment) == (solved, score, comment)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "6", "10 numaralı kapı", "Merhaba, çukur büyüdü", "0", "2026-000001 ne oldu"],
)
def test_ordinary_messages_are_not_survey_answers(text):
    assert parse_reply(text) is None


@hsettings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_reply_parser_never_crashes_and_scores_stay_in_range(text):
    parsed = parse_reply(text)
    assert parsed is None or parsed.score is None or 1 <= parsed.score <= 5


def _resolved_case(town, capture, **kwargs):
    with capture(execute=True):
        case = submit(town, **kwargs)
        resolve(case, town)
    return Case.objects.get(pk=case.pk)


def test_resolution_opens_a_survey_linked_from_the_message(
    town, django_capture_on_commit_callbacks
):
    case = _resolved_case(town, django_capture_on_commit_callbacks)
    survey = Survey.objects.get(case=case)
    assert (
        f"https://basvuru.example/anket/{survey.token}/"
        in Notification.objects.get(case=case, event="resolved").text
    )


def test_survey_page_takes_one_answer(client, town, django_capture_on_commit_callbacks):
    case = _resolved_case(town, django_capture_on_commit_callbacks)
    url = f"/anket/{case.survey.token}/"
    page = client.get(url)
    assert page.status_code == 200 and case.tracking_number.encode() in page.content
    assert client.post(url, {"solved": "yes", "score": "9"}).status_code == 400
    assert not SurveyAnswer.objects.exists()
    answered = client.post(url, {"solved": "yes", "score": "4", "comment": "Hızlıydı"})
    assert answered.status_code == 200
    answer = SurveyAnswer.objects.get(case=case)
    assert (answer.solved, answer.score, answer.comment, answer.via) == (True, 4, "Hızlıydı", "web")
    assert client.post(url, {"solved": "no", "score": "1"}).status_code == 409
    assert SurveyAnswer.objects.count() == 1
    event = case.events.get(kind="survey_answered")
    assert event.is_public and event.payload == {"solved": True, "score": 4, "via": "web"}
    assert client.get("/en/anket/" + case.survey.token + "/").content.count(b"Thank you") == 1


def test_unknown_survey_token_is_404(client, db):
    assert client.get("/anket/nope/").status_code == 404


def test_second_answer_is_refused_by_the_service_and_the_database(
    town, django_capture_on_commit_callbacks
):
    case = _resolved_case(town, django_capture_on_commit_callbacks)
    survey_answer_submit(case_id=case.pk, solved=True, score=5)
    with pytest.raises(ValidationFailed):
        survey_answer_submit(case_id=case.pk, solved=False, score=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyAnswer.objects.create(case=case, solved=False)


def test_a_case_without_a_survey_cannot_be_answered(town):
    case = submit(town)
    with pytest.raises(NotFound):
        survey_answer_submit(case_id=case.pk, solved=True, score=3)


def test_not_solved_reopens_the_case_alerts_the_directorate_and_tells_the_citizen(
    town, django_capture_on_commit_callbacks
):
    town.users["fen_manager"].email = "fen.mudur@testkent.example"
    town.users["fen_manager"].save()
    case = _resolved_case(town, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        answer = survey_answer_from_reply(case, "Çözülmedi 1 çukur duruyor")
    case.refresh_from_db()
    assert (answer.solved, answer.score, answer.via) == (False, 1, "reply")
    assert case.status == "reopened"
    reopened = case.events.get(kind="reopened")
    assert reopened.actor_kind == "citizen" and "çukur duruyor" in reopened.text
    alert = DirectorateAlert.objects.get(case=case)
    assert alert.directorate == town.directorates["fen"] and alert.emailed_to == [
        "fen.mudur@testkent.example"
    ]
    assert [m.to for m in mail.outbox] == [["fen.mudur@testkent.example"]]
    assert Notification.objects.filter(case=case, event="reopened").exists()


def test_reply_on_a_case_without_an_open_survey_is_left_to_the_channel(
    town, django_capture_on_commit_callbacks
):
    case = submit(town)
    assert survey_answer_from_reply(case, "5") is None
    resolved = _resolved_case(town, django_capture_on_commit_callbacks, phone="+905320000001")
    assert survey_answer_from_reply(resolved, "Ekip ne zaman gelecek?") is None
    assert survey_answer_from_reply(resolved, "5") is not None
    assert survey_answer_from_reply(resolved, "1") is None  # one answer per case
    assert SurveyAnswer.objects.get().score == 5


def test_survey_figures_match_the_answers(town, django_capture_on_commit_callbacks):
    answers = {"fen": [(True, 5), (True, 3), (False, 1), (False, None)], "temizlik": [(True, 4)]}
    for index, (directorate, rows) in enumerate(answers.items()):
        for number, (solved, score) in enumerate(rows):
            with django_capture_on_commit_callbacks(execute=True):
                case = submit(
                    town,
                    subject="pothole" if directorate == "fen" else "waste",
                    phone=f"+90532000{index}{number:03d}",
                )
                staff = town.users[f"{directorate}_staff"]
                act(case, "resolve", staff, "Ekip gitti, iş tamamlandı.")
                survey_answer_submit(case_id=case.pk, solved=solved, score=score)
    figures = {f.directorate: f for f in survey_figures(town.users["pr"])}
    fen, temizlik = figures["Fen İşleri Müdürlüğü"], figures["Temizlik İşleri Müdürlüğü"]
    assert (fen.responses, fen.solved, fen.not_solved, fen.solved_share, fen.mean_score) == (
        4,
        2,
        2,
        0.5,
        3.0,
    )
    assert (temizlik.responses, temizlik.solved_share, temizlik.mean_score) == (1, 1.0, 4.0)
    assert (
        Case.objects.filter(status="reopened").count() == 2
    )  # the not-solved ones count against fen
    scoped = survey_figures(town.users["temizlik_staff"])
    assert [f.directorate for f in scoped] == ["Temizlik İşleri Müdürlüğü"]


def test_one_reminder_for_an_unanswered_survey(town, django_capture_on_commit_callbacks, settings):
    settings.ACIKMASA_NOTIFY_SURVEY_REMINDER_HOURS = 48
    case = _resolved_case(town, django_capture_on_commit_callbacks)
    answered = _resolved_case(town, django_capture_on_commit_callbacks, phone="+905320000009")
    survey_answer_submit(case_id=answered.pk, solved=True, score=5)
    assert survey_reminders_send(now=timezone.now() + timedelta(hours=47)) == 0
    later = timezone.now() + timedelta(hours=49)
    with django_capture_on_commit_callbacks(execute=True):
        assert survey_reminders_send(now=later) == 1
    assert survey_reminders_send(now=later + timedelta(days=5)) == 0
    reminder = Notification.objects.get(event="survey_reminder")
    assert due_send(now=later) == 1
    reminder.refresh_from_db()
    assert (
        reminder.case == case and case.survey.token in reminder.text and reminder.status == "sent"
    )


def test_notify_sweep_command_is_idempotent(
    town, django_capture_on_commit_callbacks, settings, capsys
):
    settings.ACIKMASA_NOTIFY_SURVEY_REMINDER_HOURS = 0
    _resolved_case(town, django_capture_on_commit_callbacks)
    call_command("notify_sweep")
    call_command("notify_sweep")
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("1 survey reminders") and out[1].endswith("0 survey reminders")
    assert Notification.objects.filter(event="survey_reminder").count() == 1


def test_survey_page_speaks_turkish_by_default_and_english_under_en(
    client, town, django_capture_on_commit_callbacks
):
    case = _resolved_case(town, django_capture_on_commit_callbacks)
    assert "Sorununuz çözüldü mü?" in client.get(f"/anket/{case.survey.token}/").content.decode()
    assert (
        "Was your problem solved?" in client.get(f"/en/anket/{case.survey.token}/").content.decode()
    )


def test_sweep_schedule_starts_one_chain_on_the_database_backend(db, settings):
    from django_tasks_db.models import DBTaskResult

    from acikmasa.notify.tasks import sweep, sweep_schedule

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert sweep_schedule() is True
    assert sweep_schedule() is False  # a run is already waiting
    assert DBTaskResult.objects.filter(task_path=sweep.module_path).count() == 1


def test_no_survey_for_anonymous_or_non_consenting_applicants(
    town, django_capture_on_commit_callbacks
):
    _resolved_case(town, django_capture_on_commit_callbacks, anonymous=True, channel="web")
    _resolved_case(town, django_capture_on_commit_callbacks, consent=False)
    assert not Survey.objects.exists()
    assert survey_reminders_send(now=timezone.now() + timedelta(days=30)) == 0
