"""The reactions to case events: one ordered list, declared in settings, run by the event door.

`settings.ACIKMASA_CASE_REACTIONS` (acikmasa/settings/reactions.py) lists every reaction like
Django's MIDDLEWARE: in the order they run, each with the kinds it reacts to and its phase. The
core never imports the apps that react; it imports their functions by dotted path, once.

Phases, in the order the door runs them for one append:
- `before_save`: inside the transaction, before the case row is saved. A reaction here may set
  fields of `change.case`; the door saves them in the same UPDATE as the event's version (the
  deadline engine's `due_at`). It must not append events.
- `in_transaction`: inside the transaction, after the case row is saved: it sees the case as
  saved and `change.before` as it was. A reaction that raises rolls the whole change back.
- `after_commit`: once the transaction has committed (never after a rollback). A reaction that
  raises is logged and the others still run.

A reaction is `def react(change: CaseChange) -> None`.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.utils.module_loading import import_string

from .kinds import EventKind

if TYPE_CHECKING:
    from .models import Case, CaseEvent

BEFORE_SAVE = "before_save"
IN_TRANSACTION = "in_transaction"
AFTER_COMMIT = "after_commit"
PHASES = (BEFORE_SAVE, IN_TRANSACTION, AFTER_COMMIT)

# Names that stand for several kinds in a reaction's "on" list.
ALL_KINDS = "*"
TRANSITION_KINDS = (
    "@transitions"  # every kind case_transition writes (cases.events.ACTION_EVENT_KINDS)
)


@dataclass
class CaseChange:
    """What a reaction is given: the case (as the door holds it), the event, and the case before.

    `before` maps each concrete field's attname to its value before this append (empty for a new
    case); `created` is true for the first events of a new case; `events` are all the events this
    append wrote (a new case's whole history so far).
    """

    case: "Case"
    event: "CaseEvent"
    before: Mapping[str, Any]
    created: bool = False
    events: list["CaseEvent"] = field(default_factory=list)

    def changed(self, name: str) -> bool:
        """Whether field `name` (or its attname) differs from before (always, for a new case)."""
        if self.created:
            return True
        attname = self.case._meta.get_field(name).attname
        return self.before.get(attname) != getattr(self.case, attname)

    @property
    def previous(self) -> "Case | None":
        """An unsaved copy of the case as it was before (None for a new case); never re-read."""
        if self.created:
            return None
        return type(self.case)(**self.before)


Reaction = Callable[[CaseChange], None]


@dataclass(frozen=True)
class Entry:
    """One compiled line of the list."""

    reaction: Reaction
    phase: str
    kinds: frozenset[str]
    name: str


def _kinds(on: Iterable[str] | str, name: str) -> frozenset[str]:
    from .events import ACTION_EVENT_KINDS

    known = set(EventKind.values)
    kinds: set[str] = set()
    for item in [on] if isinstance(on, str) else on:
        if item == ALL_KINDS:
            kinds |= known
        elif item == TRANSITION_KINDS:
            kinds |= {str(k) for k in ACTION_EVENT_KINDS.values()}
        elif item in known:
            kinds.add(item)
        else:
            raise ImproperlyConfigured(
                f"ACIKMASA_CASE_REACTIONS: {name} reacts to {item!r}, which is not an EventKind"
            )
    return frozenset(kinds)


def compile_reactions(lines: Iterable[Mapping[str, Any]]) -> list[Entry]:
    """Check and load the declared list; an unknown phase, kind or path is a configuration error."""
    entries = []
    for line in lines:
        target = line["reaction"]
        name = target if isinstance(target, str) else f"{target.__module__}.{target.__qualname__}"
        if line.get("phase") not in PHASES:
            raise ImproperlyConfigured(
                f"ACIKMASA_CASE_REACTIONS: {name} has phase {line.get('phase')!r}; "
                f"use one of {', '.join(PHASES)}"
            )
        reaction = import_string(target) if isinstance(target, str) else target
        entries.append(Entry(reaction, line["phase"], _kinds(line["on"], name), name))
    return entries


@cache
def _table() -> dict[tuple[str, str], tuple[Entry, ...]]:
    entries = compile_reactions(getattr(settings, "ACIKMASA_CASE_REACTIONS", []))
    table: dict[tuple[str, str], list[Entry]] = {}
    for entry in entries:
        for kind in entry.kinds:
            table.setdefault((entry.phase, kind), []).append(entry)
    return {key: tuple(found) for key, found in table.items()}


def reactions_for(phase: str, kind: str) -> tuple[Entry, ...]:
    """The reactions of `phase` to `kind`, in the declared order."""
    return _table().get((phase, kind), ())


@cache
def _resolver(setting: str) -> Callable[..., Any] | None:
    path = getattr(settings, setting, None)
    return import_string(path) if path else None


def subject_resolver() -> Callable[..., Any] | None:
    """`ACIKMASA_CASE_SUBJECT_RESOLVER`: chooses a subject for a case submitted without one.

    Called by the intake before the case row exists, with keyword arguments municipality,
    channel, description, neighbourhood, latitude, longitude; returns (subject or None, details).
    """
    return _resolver("ACIKMASA_CASE_SUBJECT_RESOLVER")


def standard_resolver() -> Callable[..., Any] | None:
    """`ACIKMASA_CASE_STANDARD_RESOLVER`: the service standard that binds a new case (or None).

    Called by the intake before the case row exists, with keyword arguments municipality, channel,
    case_type, subject, start. The due time is not the intake's business: the deadline engine's
    reaction computes it from the history.
    """
    return _resolver("ACIKMASA_CASE_STANDARD_RESOLVER")


def priority_resolver() -> Callable[..., Any] | None:
    """`ACIKMASA_CASE_PRIORITY_RESOLVER` (issue 20, priority care): asked by the intake once the
    citizen is known, with keyword arguments municipality and citizen; returns (priority or None,
    an extra candidate standard or None). The case learns only that priority care applied, never
    why: the reason may be special-category data and stays in the resolver's app.
    """
    return _resolver("ACIKMASA_CASE_PRIORITY_RESOLVER")


def _reset(*, setting: str, **kwargs: Any) -> None:
    if setting == "ACIKMASA_CASE_REACTIONS":
        _table.cache_clear()
    elif setting.startswith("ACIKMASA_CASE_"):
        _resolver.cache_clear()


setting_changed.connect(_reset, dispatch_uid="cases_reactions_reset")
