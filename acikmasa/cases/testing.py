"""Test helpers for the event door: add a reaction to the declared list for one block."""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.test import override_settings

from .reactions import IN_TRANSACTION, Reaction


@contextmanager
def reaction_added(
    reaction: Reaction | str,
    *,
    on: Iterable[str] | str,
    phase: str = IN_TRANSACTION,
    first: bool = False,
) -> Iterator[None]:
    """Run `reaction` as one more line of ACIKMASA_CASE_REACTIONS (last, or first) in this block."""
    line = {"reaction": reaction, "phase": phase, "on": on}
    lines = list(settings.ACIKMASA_CASE_REACTIONS)
    with override_settings(ACIKMASA_CASE_REACTIONS=[line, *lines] if first else [*lines, line]):
        yield
