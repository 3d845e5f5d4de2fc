"""Rate limits of the public endpoints, in one table (docs/security.md lists the same figures).

Keyed by URL name; each rule counts per client address. Open311 adds its per-key limit in its views
(the key is only known there). ACIKMASA_RATE_LIMITS may override an entry: {"portal:submit": [[20,
3600]]}.
"""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Rule:
    limit: int
    window: int  # seconds
    methods: tuple[str, ...] = ("POST",)


MINUTE, HOUR = 60, 3600
WEBHOOK = (Rule(600, MINUTE),)  # providers burst; this only stops a flood of junk from one address
LOOKUP = (Rule(300, MINUTE, ("GET",)),)

RULES: dict[str, tuple[Rule, ...]] = {
    "login": (Rule(30, 10 * MINUTE),),
    "security:verify": (Rule(30, 10 * MINUTE),),
    "portal:submit": (Rule(20, HOUR),),
    "portal:track": (Rule(10, 10 * MINUTE),),  # four phone digits are guessable one by one
    "portal:track_info": (Rule(20, HOUR),),
    "portal:track_reopen": (Rule(20, HOUR),),
    "portal:support": (Rule(60, HOUR),),
    "portal:subjects": LOOKUP,
    "portal:streets": LOOKUP,
    "portal:nearby": LOOKUP,
    "notify:survey": (Rule(20, HOUR),),
    "channels:whatsapp": WEBHOOK,
    "channels:facebook": WEBHOOK,
    "channels:sms": WEBHOOK,
    "channels:twilio": WEBHOOK,
    "channels:email": WEBHOOK,
    "channels:telephony": WEBHOOK,
}


def rules_for(view_name: str) -> tuple[Rule, ...]:
    override = getattr(settings, "ACIKMASA_RATE_LIMITS", {}).get(view_name)
    if override is not None:
        return tuple(
            Rule(int(limit), int(window), tuple(rest[0]) if rest else ("POST",))
            for limit, window, *rest in override
        )
    return RULES.get(view_name, ())
