"""Two answers to one survey at the same moment: one is kept, the other refused (PostgreSQL row
locks)."""

import threading

import pytest
from django.db import connection

from acikmasa.cases.models import Case, CaseEvent
from acikmasa.common.errors import ValidationFailed
from acikmasa.common.testing import make_town
from acikmasa.notify.models import SurveyAnswer
from acikmasa.notify.services.surveys import survey_answer_submit

from .conftest import submit
from .helpers import resolve


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_simultaneous_survey_answers_keep_exactly_one():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")
    town = make_town()
    case = submit(town)
    resolve(case, town)
    barrier = threading.Barrier(2)
    results: list[object] = [None, None]

    def answer(index: int, solved: bool) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = survey_answer_submit(
                case_id=case.pk, solved=solved, score=5 if solved else 1
            )
        except Exception as error:
            results[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=answer, args=(0, True)),
        threading.Thread(target=answer, args=(1, False)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    kept = [r for r in results if isinstance(r, SurveyAnswer)]
    refused = [r for r in results if isinstance(r, ValidationFailed)]
    assert len(kept) == 1 and len(refused) == 1, results
    assert SurveyAnswer.objects.get(case=case).solved == kept[0].solved
    case = Case.objects.get(pk=case.pk)
    assert case.status == ("resolved" if kept[0].solved else "reopened")
    sequences = list(
        CaseEvent.objects.filter(case=case).order_by("sequence").values_list("sequence", flat=True)
    )
    assert sequences == list(range(1, case.version + 1))
    assert CaseEvent.objects.filter(case=case, kind="survey_answered").count() == 1
