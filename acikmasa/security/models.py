"""Counters behind the rate limits and login lockouts, and the staff's second factor."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.directory.models import Role


class RateCounter(models.Model):
    """Requests counted in one fixed window; updated with F() so concurrent processes never lose a
    hit."""

    key = models.CharField(max_length=120)
    window_start = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["key", "window_start"], name="security_ratecounter_key_window"
            )
        ]


class LoginThrottle(models.Model):
    """Failed logins of one user name or one address; a lock lasts until `locked_until`.

    The key is an HMAC of the user name or address, so the table holds no personal data; `user` is
    set only when the name belongs to an account, so that administrators can see whom to unlock.
    """

    class Scope(models.TextChoices):
        USERNAME = "username", _("User name")
        ADDRESS = "address", _("IP address")

    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices)
    key = models.CharField(max_length=64)
    label = models.CharField(_("shown as"), max_length=60, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    failures = models.PositiveIntegerField(_("failed attempts"), default=0)
    first_failure_at = models.DateTimeField(_("first failure"), null=True, blank=True)
    last_failure_at = models.DateTimeField(_("last failure"), null=True, blank=True)
    locked_until = models.DateTimeField(_("locked until"), null=True, blank=True)

    class Meta:
        verbose_name = _("login lock")
        verbose_name_plural = _("login locks")
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "key"], name="security_loginthrottle_scope_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_scope_display()}: {self.label}"


class RolePolicy(models.Model):
    """What administrators require of a role: two-factor login, a shorter idle timeout."""

    role = models.CharField(_("role"), max_length=30, choices=Role.choices, unique=True)
    requires_two_factor = models.BooleanField(_("two-factor login required"), default=False)
    idle_minutes = models.PositiveIntegerField(
        _("idle timeout (minutes)"),
        null=True,
        blank=True,
        help_text=_("Empty: the site-wide staff idle timeout applies."),
    )

    class Meta:
        verbose_name = _("role security policy")
        verbose_name_plural = _("role security policies")

    def __str__(self) -> str:
        return self.get_role_display()


class TwoFactorDevice(models.Model):
    """A staff member's authenticator app (RFC 6238 TOTP); `last_step` stops a code being used
    twice."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="two_factor"
    )
    secret = models.CharField(max_length=64)
    confirmed_at = models.DateTimeField(_("enrolled at"))
    last_step = models.BigIntegerField(default=0)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("two-factor device")
        verbose_name_plural = _("two-factor devices")

    def __str__(self) -> str:
        return str(self.user)


class RecoveryCode(models.Model):
    """A one-time code for a lost phone; only its SHA-256 is stored."""

    device = models.ForeignKey(
        TwoFactorDevice, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)
