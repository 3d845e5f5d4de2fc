"""Two-factor login for staff: enrolment, verification (TOTP or a recovery code), policy per
role."""

import hashlib
import logging
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from acikmasa.common.errors import ValidationFailed

from . import totp
from .models import RecoveryCode, RolePolicy, TwoFactorDevice

logger = logging.getLogger("acikmasa.security")
RECOVERY_CODES = 10
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read aloud or typed from paper


def role_of(user: AbstractBaseUser) -> str | None:
    profile = getattr(user, "staff", None) if user.is_authenticated else None
    return profile.role if profile is not None else None


def policy_for(user: AbstractBaseUser) -> RolePolicy | None:
    role = role_of(user)
    return RolePolicy.objects.filter(role=role).first() if role else None


def is_required(user: AbstractBaseUser) -> bool:
    policy = policy_for(user)
    return bool(policy and policy.requires_two_factor)


def device_of(user: AbstractBaseUser) -> TwoFactorDevice | None:
    return TwoFactorDevice.objects.filter(user=user).first() if user.is_authenticated else None


def _normalise(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _hash(code: str) -> str:
    return hashlib.sha256(_normalise(code).encode()).hexdigest()


def _new_recovery_codes(device: TwoFactorDevice) -> list[str]:
    codes = ["".join(secrets.choice(_ALPHABET) for _ in range(10)) for _ in range(RECOVERY_CODES)]
    device.recovery_codes.all().delete()
    RecoveryCode.objects.bulk_create(
        [RecoveryCode(device=device, code_hash=_hash(c)) for c in codes]
    )
    return [f"{c[:5]}-{c[5:]}" for c in codes]


@transaction.atomic
def two_factor_enrol(*, user: AbstractBaseUser, secret: str, code: str) -> list[str]:
    """Store the user's authenticator once it has produced a correct code; returns the recovery
    codes.

    Rule: the code must match the secret shown to the user (which lived only in their session). Any
    earlier device is replaced. Callers: the enrolment view. Side effects: device and code rows, a
    log line.
    """
    step = totp.matching_step(secret, code)
    if step is None:
        raise ValidationFailed({"code": "wrong_code"})
    TwoFactorDevice.objects.filter(user=user).delete()
    device = TwoFactorDevice.objects.create(
        user=user, secret=secret, confirmed_at=timezone.now(), last_step=step
    )
    logger.info("two-factor enrolled: user_id=%s", user.pk)
    return _new_recovery_codes(device)


@transaction.atomic
def two_factor_verify(*, user: AbstractBaseUser, code: str) -> bool:
    """True when `code` is the current TOTP (never one used before) or an unused recovery code.

    Callers: the verification step after the password. Side effects: the used step or code is spent.
    """
    device = TwoFactorDevice.objects.select_for_update().filter(user=user).first()
    if device is None:
        return False
    step = totp.matching_step(device.secret, code, after=device.last_step)
    if step is not None:
        device.last_step, device.last_used_at = step, timezone.now()
        device.save(update_fields=["last_step", "last_used_at"])
        return True
    spent = device.recovery_codes.filter(code_hash=_hash(code), used_at__isnull=True).update(
        used_at=timezone.now()
    )
    if spent:
        logger.warning("two-factor recovery code used: user_id=%s", user.pk)
    return bool(spent)


@transaction.atomic
def recovery_codes_regenerate(*, user: AbstractBaseUser) -> list[str]:
    """New recovery codes replace the old ones (all of which stop working)."""
    device = TwoFactorDevice.objects.select_for_update().get(user=user)
    return _new_recovery_codes(device)


def two_factor_disable(*, user: AbstractBaseUser, by: AbstractBaseUser | None = None) -> None:
    """Remove the user's second factor (their own choice where the role allows, or an
    administrator's reset)."""
    TwoFactorDevice.objects.filter(user=user).delete()
    logger.info("two-factor removed: user_id=%s by=%s", user.pk, getattr(by, "pk", None))
