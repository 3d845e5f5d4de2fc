"""Login throttling: too many failures lock a user name, or an address, for a cooling-off period."""

import hashlib
import hmac
import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from .models import LoginThrottle
from .net import masked_ip

logger = logging.getLogger("acikmasa.security")
Scope = LoginThrottle.Scope


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, f"ACIKMASA_LOGIN_{name}", default))


def limits() -> dict[str, int]:
    """Failures allowed per scope within the lock period before the lock starts."""
    return {
        Scope.USERNAME: _setting("MAX_FAILURES_PER_USER", 5),
        Scope.ADDRESS: _setting("MAX_FAILURES_PER_ADDRESS", 20),
    }


def lock_period() -> timedelta:
    return timedelta(minutes=_setting("LOCK_MINUTES", 15))


def throttle_key(scope: str, value: str) -> str:
    """Keyed hash: the same name always maps to the same row, and the row does not reveal the
    name."""
    message = f"{scope}:{value.strip().casefold()}".encode("utf-8", "replace")
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _targets(username: str, address: str) -> list[tuple[str, str]]:
    found = [(Scope.ADDRESS, address)]
    if username.strip():
        found.append((Scope.USERNAME, username))
    return found


def login_locked_until(*, username: str, address: str) -> datetime | None:
    """The end of the lock on this user name or address, or None when a login may be tried."""
    now = timezone.now()
    keys = [throttle_key(scope, value) for scope, value in _targets(username, address)]
    ends = LoginThrottle.objects.filter(key__in=keys, locked_until__gt=now).values_list(
        "locked_until", flat=True
    )
    return max(ends, default=None)


def _user_for(username: str) -> AbstractBaseUser | None:
    model = get_user_model()
    return model.objects.filter(**{f"{model.USERNAME_FIELD}__iexact": username.strip()}).first()


@transaction.atomic
def login_failure_record(*, username: str, address: str) -> datetime | None:
    """Count a failed login against the user name and the address; returns the lock's end if one
    starts.

    Rule: failures older than the lock period are forgotten; reaching the scope's limit locks it for
    the lock period. Callers: the login and two-factor views. Side effects: throttle rows, a log
    line with hashed keys only (no user name, no full address).
    """
    now, period, locked = timezone.now(), lock_period(), None
    for scope, value in _targets(username, address):
        key = throttle_key(scope, value)
        row, _ = LoginThrottle.objects.select_for_update().get_or_create(scope=scope, key=key)
        if (
            row.first_failure_at is None
            or row.first_failure_at < now - period
            or (row.locked_until and row.locked_until <= now)
        ):
            row.failures, row.first_failure_at, row.locked_until = 0, now, None
        row.failures += 1
        row.last_failure_at = now
        if scope == Scope.USERNAME:
            row.user = _user_for(value)
            row.label = row.user.get_username() if row.user else ""
        else:
            row.label = masked_ip(value)
        if row.failures >= limits()[scope] and row.locked_until is None:
            row.locked_until = locked = now + period
            logger.warning(
                "login locked: scope=%s key=%s until=%s",
                scope,
                key[:12],
                row.locked_until.isoformat(),
            )
        row.save()
    logger.info(
        "login failed: address_net=%s user_key=%s",
        masked_ip(address),
        throttle_key(Scope.USERNAME, username)[:12],
    )
    return locked


def login_success_record(*, username: str) -> None:
    """A correct login clears the user name's failures (not the address's: one good account must not
    let an attacker reset the count for the others)."""
    LoginThrottle.objects.filter(
        scope=Scope.USERNAME, key=throttle_key(Scope.USERNAME, username)
    ).delete()


def login_unlock(
    *,
    user: AbstractBaseUser | None = None,
    throttle_ids: list[int] | None = None,
    by: AbstractBaseUser | None = None,
) -> int:
    """Lift locks at once: an administrator's path for a locked-out colleague. Returns rows
    cleared."""
    rows = LoginThrottle.objects.all()
    if user is not None:
        rows = rows.filter(
            scope=Scope.USERNAME, key=throttle_key(Scope.USERNAME, user.get_username())
        )
    if throttle_ids is not None:
        rows = rows.filter(pk__in=throttle_ids)
    count, _ = rows.delete()
    logger.info("login unlocked: rows=%d by=%s", count, getattr(by, "pk", None))
    return count
