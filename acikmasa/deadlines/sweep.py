"""The periodic sweep: escalate the clocks whose next level has come, once per level.

Set-based: one indexed range scan on Clock.next_check_at finds the few clocks with work due; cases
that need nothing are never loaded. Several workers may sweep at once on PostgreSQL: each batch
locks its case rows with SKIP LOCKED (others take the next rows), re-reads the clocks under the
lock, and the unique constraint on (case, clock, level) is the last line against a double
escalation.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import F, Max, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from acikmasa.cases.lifecycle import OPEN_STATUSES, Status
from acikmasa.cases.models import Case
from acikmasa.cases.services.history import cases_lock
from acikmasa.cases.services.record import escalations_record
from acikmasa.directory.models import Role, ServiceStandard, StaffProfile

from .conf import deadline_settings
from .models import AdoptionMark, Clock, Escalation, EscalationNotice, Level

Recipient = tuple[int | None, str, str]  # (user id, name, e-mail)


@dataclass
class SweepResult:
    adopted: int = 0
    examined: int = 0
    escalations: int = 0
    batches: int = 0


class Recipients:
    """Who hears of each level, looked up once per sweep rather than once per case."""

    def __init__(self) -> None:
        self._managers: dict[int, list[Recipient]] | None = None
        self._places: dict[int, dict[int, list[Recipient]]] = {}

    def managers(self, directorate_id: int | None) -> list[Recipient]:
        if self._managers is None:
            self._managers = {}
            rows = StaffProfile.objects.filter(
                role=Role.DIRECTORATE_MANAGER, user__is_active=True
            ).values_list(
                "directorates",
                "user_id",
                "user__first_name",
                "user__last_name",
                "user__username",
                "user__email",
            )
            for directorate, user_id, first, last, username, email in rows:
                if directorate is not None:
                    name = f"{first} {last}".strip() or username
                    self._managers.setdefault(directorate, []).append((user_id, name, email))
        return self._managers.get(directorate_id, []) if directorate_id else []

    def place(self, standard_id: int | None, level: int) -> list[Recipient]:
        if standard_id is None:
            return []
        if standard_id not in self._places:
            standard = ServiceStandard.objects.select_related(
                "first_place__user", "second_place__user"
            ).get(pk=standard_id)
            self._places[standard_id] = {
                Level.OVERDUE: _place_recipient(standard.first_place),
                Level.OVERDUE_FURTHER: _place_recipient(standard.second_place),
            }
        return self._places[standard_id][level]

    def for_level(self, case: Case, level: int) -> list[Recipient]:
        if level == Level.DUE_SOON:
            return self.managers(case.directorate_id)
        return self.place(case.service_standard_id, level)


def _place_recipient(place) -> list[Recipient]:
    if place is None:
        return []
    email = place.email or (place.user.email if place.user else "")
    return [(place.user_id, f"{place.person_name} ({place.title})", email)]


def level_times(clock: Clock) -> dict[int, datetime]:
    return {
        Level.DUE_SOON: clock.warn_at,
        Level.OVERDUE: clock.due_at,
        Level.OVERDUE_FURTHER: clock.due_at + deadline_settings().second_escalation_after,
    }


def levels_due(clock: Clock, now: datetime) -> list[int]:
    """The levels above the one reached whose time has come (all of them when the sweep was
    late)."""
    if clock.paused_since is not None or clock.stopped_at is not None:
        return []
    return [level for level, at in level_times(clock).items() if level > clock.level and at <= now]


def next_check_after(clock: Clock) -> datetime | None:
    if clock.paused_since is not None or clock.stopped_at is not None:
        return None
    upcoming = [at for level, at in level_times(clock).items() if level > clock.level]
    return min(upcoming, default=None)


def cases_escalate(
    *, items: list[tuple[Case, Clock, int]], now: datetime, recipients: Recipients
) -> list[Escalation]:
    """Escalate locked cases: per (case, clock, level) an ESCALATED event, an Escalation row,
    notices.

    Rule: at most once per (case, clock, level) — the caller holds the case locks (cases_lock) and
    checked the levels; the unique constraint refuses a second row. Callers: the sweep only.
    Side effects: the events through the door (one INSERT; the cases' versions in one UPDATE);
    notices are sent by a task.
    """
    people = [recipients.for_level(case, level) for case, _clock, level in items]
    events = escalations_record(
        [
            (
                case,
                {
                    "level": level,
                    "level_name": Level(level).name.lower(),
                    "clock": clock.number,
                    "due_at": clock.due_at.isoformat(),
                    "recipients": [name for _, name, _ in found],
                },
            )
            for (case, clock, level), found in zip(items, people, strict=True)
        ],
        at=now,
    )
    escalations = [
        Escalation(
            case=case,
            clock_number=clock.number,
            level=level,
            event=event,
            due_at=clock.due_at,
            created_at=now,
        )
        for (case, clock, level), event in zip(items, events, strict=True)
    ]
    Escalation.objects.bulk_create(escalations)
    notices = []
    for escalation, found in zip(escalations, people, strict=True):
        seen: set[str] = set()
        for user_id, name, email in found:
            if email and email in seen:
                continue
            seen.add(email)
            notices.append(
                EscalationNotice(
                    escalation=escalation,
                    user_id=user_id,
                    name=name[:200],
                    email=email,
                    created_at=now,
                )
            )
    EscalationNotice.objects.bulk_create(notices)
    return escalations


def _sweep_batch(now: datetime, size: int, recipients: Recipients) -> tuple[int, int]:
    with transaction.atomic():
        # Lock the case rows first, as case_transition does, so a sweep and a transition never
        # wait on each other in opposite orders; SKIP LOCKED lets other workers take other rows.
        cases = cases_lock(
            Case.objects.filter(deadline_clock__next_check_at__lte=now).order_by(
                "deadline_clock__next_check_at"
            ),
            limit=size,
            skip_locked=True,
        )
        if not cases:
            return 0, 0
        # Re-read under the lock: another worker may have escalated these rows meanwhile.
        clocks = Clock.objects.in_bulk([case.pk for case in cases])
        # A level already escalated (e.g. a clock re-adopted after a restore) is never repeated.
        done: dict[tuple[int, int], set[int]] = {}
        for case_id, number, level in Escalation.objects.filter(case_id__in=clocks).values_list(
            "case_id", "clock_number", "level"
        ):
            done.setdefault((case_id, number), set()).add(level)
        items = []
        for case in cases:
            clock = clocks[case.pk]
            already = done.get((case.pk, clock.number), set())
            clock.level = max([clock.level, *already])
            levels = [level for level in levels_due(clock, now) if level not in already]
            items += [(case, clock, level) for level in levels]
            if levels:
                clock.level = max(clock.level, *levels)
            clock.next_check_at = next_check_after(clock)
        cases_escalate(items=items, now=now, recipients=recipients)
        _save_rows(Clock, list(clocks.values()), ["level", "next_check_at"])
    return len(cases), len(items)


def _save_rows(model, rows: list, fields: list[str]) -> None:
    """bulk_update, as one UPDATE … FROM (VALUES …) on PostgreSQL: the ORM's CASE form costs more
    in Python than the database work it saves."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_update(rows, fields)
        return
    meta = model._meta
    pk = meta.pk.column
    columns = [meta.get_field(name).column for name in fields]
    types = [meta.get_field(name).db_type(connection) for name in fields]
    row_sql = "(" + ", ".join(["%s::bigint", *(f"%s::{t}" for t in types)]) + ")"
    params = [value for row in rows for value in (row.pk, *(getattr(row, name) for name in fields))]
    assignments = ", ".join(f'"{c}" = v."{c}"' for c in columns)
    names = ", ".join(f'"{c}"' for c in ["_pk", *columns])
    sql = (
        f'UPDATE "{meta.db_table}" AS t SET {assignments} FROM '
        f"(VALUES {', '.join([row_sql] * len(rows))}) "
        f'AS v({names}) WHERE t."{pk}" = v."_pk"'
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _send_notices_later() -> None:
    from .tasks import escalation_notices_send

    escalation_notices_send.enqueue()


def sweep_run(
    *, now: datetime | None = None, batch_size: int | None = None, adopt_all: bool = False
) -> SweepResult:
    """One full sweep: adopt clockless open cases, then escalate every clock whose time has come.

    Idempotent: a second run at the same moment finds nothing to do. Callers: the deadline_sweep
    task and management command. Side effects: Clock rows, ESCALATED events, Escalation and
    EscalationNotice rows; the notices are sent by one task once the sweep has committed.
    """
    now = now or timezone.now()
    size = batch_size or deadline_settings().sweep_batch_size
    result = SweepResult(adopted=clocks_adopt(full=adopt_all))
    recipients = Recipients()
    while True:
        examined, escalated = _sweep_batch(now, size, recipients)
        if not examined:
            if result.escalations:
                transaction.on_commit(
                    _send_notices_later
                )  # once per sweep; the task drains the queue
            return result
        result.batches += 1
        result.examined += examined
        result.escalations += escalated


OPEN = sorted(OPEN_STATUSES)


FULL_ADOPTION_EVERY = timedelta(hours=1)


def clocks_adopt(*, full: bool = False, chunk: int = 5000) -> int:
    """Give a Clock to open cases written around the event door (bulk imports, the demo generator).

    The clock starts at registration with the cached due_at; the first transition replays the case's
    history and corrects it. A routine sweep looks only at cases above the last id it saw; once an
    hour (or with `full`) it looks at every open case, for rows whose transaction committed late.
    Set-based on PostgreSQL (one INSERT … SELECT), chunked elsewhere.
    """
    mark, _ = AdoptionMark.objects.get_or_create(key="clocks")
    now = timezone.now()
    full = full or mark.full_scan_at is None or mark.full_scan_at < now - FULL_ADOPTION_EVERY
    above = 0 if full else mark.last_case_id
    highest = Case.objects.aggregate(highest=Max("id"))["highest"] or 0
    share = deadline_settings().due_soon_share
    adopted = (
        _adopt_postgresql(share, above)
        if connection.vendor == "postgresql"
        else _adopt_in_chunks(share, above, chunk)
    )
    AdoptionMark.objects.filter(key="clocks").update(
        last_case_id=Greatest(F("last_case_id"), Value(highest)),
        **({"full_scan_at": now} if full else {}),
    )
    return adopted


def _adopt_in_chunks(share: float, above: int, chunk: int) -> int:
    adopted = 0
    rows = Case.objects.filter(
        id__gt=above,
        status__in=OPEN,
        due_at__isnull=False,
        service_standard__isnull=False,
        deadline_clock__isnull=True,
    ).values_list("id", "created_at", "due_at", "status", "updated_at")
    batch: list[Clock] = []
    for case_id, created, due, status, updated in rows.iterator(chunk_size=chunk):
        paused = updated if status == Status.WAITING_CITIZEN else None
        warn = created + (due - created) * share
        batch.append(
            Clock(
                case_id=case_id,
                started_at=created,
                due_at=due,
                warn_at=warn,
                paused_since=paused,
                next_check_at=None if paused else warn,
            )
        )
        if len(batch) >= chunk:
            adopted += len(Clock.objects.bulk_create(batch, ignore_conflicts=True))
            batch = []
    adopted += len(Clock.objects.bulk_create(batch, ignore_conflicts=True))
    return adopted


def _adopt_postgresql(share: float, above: int) -> int:
    sql = f"""
        INSERT INTO {Clock._meta.db_table}
            (case_id, number, started_at, due_at, warn_at, paused_since, stopped_at, level,
             next_check_at)
        SELECT c.id, 1, c.created_at, c.due_at,
               c.created_at + (c.due_at - c.created_at) * %(share)s,
               CASE WHEN c.status = %(waiting)s THEN c.updated_at END, NULL, 0,
               CASE WHEN c.status = %(waiting)s THEN NULL
                    ELSE c.created_at + (c.due_at - c.created_at) * %(share)s END
        FROM {Case._meta.db_table} c
        WHERE c.id > %(above)s AND c.status = ANY(%(open)s) AND c.due_at IS NOT NULL
          AND c.service_standard_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM {Clock._meta.db_table} k WHERE k.case_id = c.id)
        ON CONFLICT (case_id) DO NOTHING
    """
    with connection.cursor() as cursor:
        cursor.execute(
            sql, {"share": share, "waiting": Status.WAITING_CITIZEN, "open": OPEN, "above": above}
        )
        return cursor.rowcount
