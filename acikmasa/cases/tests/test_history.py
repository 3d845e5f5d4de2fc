"""The history is append-only: the ORM refuses edits and deletes, and on PostgreSQL so does the
database."""

import pytest
from django.db import DatabaseError, connection, transaction

from acikmasa.cases.models import CaseEvent

from .helpers import submit


def test_saving_an_existing_event_is_refused(town):
    event = submit(town).events.first()
    event.text = "değiştirildi"
    with pytest.raises(PermissionError):
        event.save()
    assert CaseEvent.objects.get(pk=event.pk).text == ""


def test_saving_a_copy_under_an_existing_id_is_refused(town):
    event = submit(town).events.first()
    copy = CaseEvent(
        pk=event.pk,
        case=event.case,
        sequence=event.sequence,
        kind="resolved",
        actor_kind="system",
        created_at=event.created_at,
    )
    with pytest.raises(PermissionError):
        copy.save()
    assert CaseEvent.objects.get(pk=event.pk).kind == event.kind


def test_deleting_an_event_is_refused(town):
    event = submit(town).events.first()
    with pytest.raises(PermissionError):
        event.delete()
    assert CaseEvent.objects.filter(pk=event.pk).exists()


def test_queryset_update_and_delete_are_refused(town):
    case = submit(town)
    with pytest.raises(PermissionError):
        CaseEvent.objects.filter(case=case).update(text="x")
    with pytest.raises(PermissionError):
        CaseEvent.objects.filter(case=case).delete()
    with pytest.raises(PermissionError):
        case.events.all().delete()
    with pytest.raises(PermissionError), transaction.atomic():
        CaseEvent.objects.bulk_update(list(case.events.all()), ["text"])
    assert case.events.count() == 2


def test_two_events_cannot_share_a_sequence_number(town):
    from django.db import IntegrityError

    case = submit(town)
    first = case.events.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseEvent.objects.create(
            case=case,
            sequence=first.sequence,
            kind="note_added",
            actor_kind="system",
            created_at=first.created_at,
        )


@pytest.mark.postgres_only
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE cases_caseevent SET text = 'silindi' WHERE case_id = %s",
        "DELETE FROM cases_caseevent WHERE case_id = %s",
    ],
)
def test_raw_sql_update_or_delete_is_refused_by_the_database(town, sql):
    case = submit(town)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [case.pk])
    assert list(case.events.values_list("text", flat=True)) == ["", ""]
