"""The event door: every event of every case is appended here, and nowhere else.

One append = lock the case row, apply the field changes the caller asks for, append the event
(sequence = version + 1), bump the version, run the `before_save` reactions, save the changed
fields with `update_fields`, run the `in_transaction` reactions, and queue the `after_commit`
ones (cases.reactions; the list is settings.ACIKMASA_CASE_REACTIONS).

Two ways in:
- `case_append(case_id, kind, ...)`: the door locks the row itself;
- `case = case_lock(case_id)` inside the caller's transaction, the caller checks what it must on
  the locked row, then `case_append(case, kind, ...)` (the lock-time copy of the row tells the
  door which fields changed; an instance that was not locked through here is refused).
Intake (`case_open`) and the sweep (`cases_append`) use the same internals for many events at
once: one multi-row INSERT of the events, one UPDATE per row shape.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from acikmasa.cases.events import actor_kind_of
from acikmasa.cases.kinds import EventKind, is_public
from acikmasa.cases.models import Case, CaseEvent
from acikmasa.cases.reactions import (
    AFTER_COMMIT,
    BEFORE_SAVE,
    IN_TRANSACTION,
    CaseChange,
    reactions_for,
)

_BEFORE = "_history_before"  # on a locked instance: its row as locked or last saved
Changes = Mapping[str, Any] | Callable[[Case], Any] | None


@dataclass
class EventDraft:
    """One event to append (what the caller says; the door adds sequence, time and visibility)."""

    kind: str
    actor: AbstractBaseUser | None = None
    by_citizen: bool = False
    text: str = ""
    payload: dict[str, Any] = field(default_factory=dict)
    at: datetime | None = None
    from_status: str = ""
    to_status: str = ""


def _row(case: Case) -> dict[str, Any]:
    return {f.attname: getattr(case, f.attname) for f in case._meta.concrete_fields}


def _mark(case: Case) -> Case:
    setattr(case, _BEFORE, _row(case))
    return case


def case_lock(case_id: int, *, related: Sequence[str] = ()) -> Case:
    """Lock one case row until the caller's transaction ends and return it, ready for case_append.

    Raises Case.DoesNotExist. `related` names relations to load in the same query (only the case
    row is locked). Callers: services that check the locked row before appending.
    """
    queryset = Case.objects.select_for_update(of=("self",) if related else ())
    if related:
        queryset = queryset.select_related(*related)
    return _mark(queryset.get(pk=case_id))


def cases_lock(
    queryset: QuerySet[Case], *, limit: int | None = None, skip_locked: bool = False
) -> list[Case]:
    """Lock the case rows the caller's query selects (its filter and order), at most `limit`.

    `skip_locked` leaves rows another transaction holds to it (several sweep workers).
    """
    locked = queryset.select_for_update(skip_locked=skip_locked, of=("self",))
    return [_mark(case) for case in (locked[:limit] if limit is not None else locked)]


def _checked(case: Case) -> Case:
    if not hasattr(case, _BEFORE):
        raise RuntimeError("case_append needs a case from case_lock (or a case id).")
    if not connection.in_atomic_block:
        raise RuntimeError("case_append with a locked case must run inside its transaction.")
    return case


def _apply(case: Case, changes: Changes) -> None:
    if changes is None:
        return
    if callable(changes):
        changes(case)
        return
    for name, value in changes.items():
        setattr(case, name, value)


def _restore(case: Case, row: dict[str, Any]) -> None:
    """After a rollback the instance must say what the row says again."""
    for attname, value in row.items():
        setattr(case, attname, value)
    setattr(case, _BEFORE, row)


def _declared(kind: str) -> None:
    if kind not in EventKind.values:
        raise ValueError(f"{kind!r} is not declared in cases.kinds.EventKind")


def case_append(
    case: Case | int,
    kind: str,
    *,
    actor: AbstractBaseUser | None = None,
    by_citizen: bool = False,
    text: str = "",
    payload: dict[str, Any] | None = None,
    at: datetime | None = None,
    from_status: str = "",
    to_status: str = "",
    changes: Changes = None,
    with_event: Callable[[CaseEvent], Any] | None = None,
) -> CaseEvent:
    """Append one event to a case: the one way any event is written.

    Rule: the case row is locked (by id here, or by the caller through case_lock); `changes` (a
    dict of field values, or a callable given the locked case) is applied first; the event gets
    sequence = version + 1 and the kind's visibility; the changed fields and the version are
    saved; the reactions run in their declared order and phases. Everything commits together or
    not at all. `with_event(event)` writes rows that point at the event (its attachments) before
    any reaction runs. Callers: every writer of case history, through the typed helpers in
    cases.services.record or case_transition. Side effects: one CaseEvent, the case row, whatever
    the reactions do.
    """
    _declared(kind)
    draft = EventDraft(
        kind, actor, by_citizen, text, dict(payload or {}), at, from_status, to_status
    )
    locked: Case | None = _checked(case) if isinstance(case, Case) else None
    row = dict(getattr(locked, _BEFORE)) if locked is not None else None
    try:
        # No savepoint: a failure here fails the caller's whole transaction (a caller that wants
        # to carry on after a failed append opens its own atomic block around it).
        with transaction.atomic(savepoint=False):
            if locked is None:
                locked = case_lock(case)
                row = dict(getattr(locked, _BEFORE))
            _apply(locked, changes)
            return _append([(locked, [draft])], with_event=with_event)[0]
    except BaseException:
        if locked is not None and row is not None:
            _restore(locked, row)
        raise


def cases_append(items: Sequence[tuple[Case, Sequence[EventDraft]]]) -> list[CaseEvent]:
    """Append events to many locked cases at once (one INSERT, one UPDATE per row shape).

    Rule: as case_append, for cases locked with case_lock/cases_lock in the caller's transaction.
    Callers: the deadline sweep. Side effects: as case_append, for each case.
    """
    if not items:
        return []
    rows = []
    for case, drafts in items:
        rows.append(dict(getattr(_checked(case), _BEFORE)))
        for draft in drafts:
            _declared(draft.kind)
    try:
        return _append(items)
    except BaseException:
        for (case, _drafts), row in zip(items, rows, strict=True):
            _restore(case, row)
        raise


def case_open(case: Case, drafts: Sequence[EventDraft]) -> list[CaseEvent]:
    """Write the first events of a case the intake has just inserted (no lock: the row is new).

    Rule: as case_append; the reactions see `created=True` and an empty `before`. Callers:
    case_submit only, inside its transaction. Side effects: the events (one INSERT), the case row's
    version and whatever the before_save reactions set (one UPDATE), the reactions.
    """
    _mark(case)
    return _append([(case, drafts)], created=True)


def case_refresh(cases: Iterable[Case], refresh: Callable[[Case], Any]) -> int:
    """Recompute the history's caches on locked cases without an event; returns how many moved.

    Rule: only `due_at` may change (the calendar changed, not the history: no event, no
    reaction). Callers: the deadline engine's re-timing after closure days change.
    """
    moved = []
    for case in cases:
        before = getattr(_checked(case), _BEFORE)
        refresh(case)
        changed = {name for name, value in _row(case).items() if before[name] != value}
        if changed - {"due_at"}:
            _restore(case, before)
            raise RuntimeError(f"case_refresh may change due_at only, not {sorted(changed)}")
        if changed:
            moved.append(case)
    _save(moved)
    return len(moved)


def _event_row(case: Case, draft: EventDraft, now: datetime) -> CaseEvent:
    _declared(draft.kind)
    case.version += 1
    return CaseEvent(
        case=case,
        sequence=case.version,
        kind=draft.kind,
        actor=draft.actor,
        actor_kind=actor_kind_of(draft.actor, by_citizen=draft.by_citizen),
        created_at=draft.at or now,
        from_status=draft.from_status,
        to_status=draft.to_status,
        directorate_id=case.directorate_id,
        is_public=is_public(draft.kind),
        text=draft.text,
        payload=draft.payload,
    )


def _append(
    items: Sequence[tuple[Case, Sequence[EventDraft]]],
    *,
    created: bool = False,
    with_event: Callable[[CaseEvent], Any] | None = None,
) -> list[CaseEvent]:
    now = timezone.now()
    rows: list[CaseEvent] = []
    changes: list[CaseChange] = []
    for case, drafts in items:
        before = {} if created else getattr(case, _BEFORE)
        written = [_event_row(case, draft, now) for draft in drafts]
        rows += written
        changes += [CaseChange(case, event, before, created, written) for event in written]
    CaseEvent.objects.bulk_create(rows)
    if with_event is not None:
        for event in rows:
            with_event(event)
    versions = [case.version for case, _drafts in items]
    _run(BEFORE_SAVE, changes)
    if versions != [case.version for case, _drafts in items]:
        raise RuntimeError("a before_save reaction appended an event; use in_transaction")
    _save([case for case, _drafts in items])
    _run(IN_TRANSACTION, changes)
    for change in changes:
        for entry in reactions_for(AFTER_COMMIT, change.event.kind):
            transaction.on_commit(partial(entry.reaction, change), robust=True)
    return rows


def _run(phase: str, changes: list[CaseChange]) -> None:
    for change in changes:
        for entry in reactions_for(phase, change.event.kind):
            entry.reaction(change)


def _save(cases: Sequence[Case]) -> None:
    """Save what changed on each case since it was locked (or last saved): one UPDATE per shape."""
    shapes: dict[tuple[str, ...], list[Case]] = {}
    for case in cases:
        before = getattr(case, _BEFORE)
        fields = tuple(
            f.name
            for f in case._meta.concrete_fields
            if not f.primary_key and before[f.attname] != getattr(case, f.attname)
        )
        if fields:
            shapes.setdefault(fields, []).append(case)
    for fields, group in shapes.items():
        if len(group) == 1:
            group[0].save(update_fields=fields)
        else:
            _update_rows(group, list(fields))
        for case in group:
            _mark(case)


def _update_rows(rows: list[Case], fields: list[str]) -> None:
    """bulk_update, as one UPDATE … FROM (VALUES …) on PostgreSQL: the ORM's CASE form costs more
    in Python than the database work it saves."""
    if connection.vendor != "postgresql":
        Case.objects.bulk_update(rows, fields)
        return
    meta = Case._meta
    columns = [meta.get_field(name).column for name in fields]
    types = [meta.get_field(name).db_type(connection) for name in fields]
    row_sql = "(" + ", ".join(["%s::bigint", *(f"%s::{t}" for t in types)]) + ")"
    model_fields = [meta.get_field(name) for name in fields]
    params = [
        value
        for row in rows
        for value in (
            row.pk,
            *(f.get_db_prep_save(getattr(row, f.attname), connection) for f in model_fields),
        )
    ]
    assignments = ", ".join(f'"{c}" = v."{c}"' for c in columns)
    names = ", ".join(f'"{c}"' for c in ["_pk", *columns])
    values = ", ".join([row_sql] * len(rows))
    sql = (
        f'UPDATE "{meta.db_table}" AS t SET {assignments} FROM (VALUES {values}) '
        f'AS v({names}) WHERE t."{meta.pk.column}" = v."_pk"'
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
