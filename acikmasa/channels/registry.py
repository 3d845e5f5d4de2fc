"""Every adapter the app ships, registered by channel code (see base.get_adapter)."""

from importlib import import_module

ADAPTER_MODULES = (
    "acikmasa.channels.whatsapp.adapter",
    "acikmasa.channels.sms.adapter",
    "acikmasa.channels.email.adapter",
    "acikmasa.channels.facebook.adapter",
    "acikmasa.channels.cimer.adapter",
    "acikmasa.channels.telephony.adapter",
    "acikmasa.channels.muhtar.adapter",
)


def register_all() -> None:
    for module in ADAPTER_MODULES:
        import_module(module)
