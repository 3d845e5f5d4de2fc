"""Start-up check: a channel switched on in a non-debug site must be configured, and not with demo
secrets."""

from django.conf import settings
from django.core.checks import Error, register

from . import conf


@register("channels")
def channels_configured(app_configs=None, **kwargs) -> list[Error]:
    if settings.DEBUG:
        return []
    errors = []
    for code in sorted(conf.enabled_adapters()):
        if code not in conf.REQUIRED:
            errors.append(
                Error(
                    f"Unknown channel {code!r} in ACIKMASA_CHANNELS.",
                    id="channels.E001",
                    hint=f"Known channels: {', '.join(conf.ALL_ADAPTERS)}.",
                )
            )
            continue
        for name in conf.REQUIRED[code]:
            if not conf.is_configured(name):
                errors.append(
                    Error(
                        f"The {code} channel is switched on but ACIKMASA_{name} is not set (or is "
                        "the demo value).",
                        id="channels.E002",
                        hint="Set it in the environment (docs/channels.md), or remove the "
                        "channel from ACIKMASA_CHANNELS.",
                    )
                )
    return errors


def fail_fast() -> None:
    """Refuse to start a non-debug site with a switched-on channel that is not configured.

    System checks run for management commands but not under gunicorn; this runs in every process.
    """
    errors = channels_configured()
    if errors:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("Channels not configured: " + " ".join(e.msg for e in errors))
