from acikmasa.channels.checks import channels_configured


def test_switched_on_channel_with_demo_secrets_fails_the_start_up_check(settings):
    settings.DEBUG = False
    settings.ACIKMASA_CHANNELS = "whatsapp"
    errors = channels_configured()
    assert {e.id for e in errors} == {"channels.E002"}
    assert any("ACIKMASA_WHATSAPP_APP_SECRET" in e.msg for e in errors)


def test_configured_channel_passes_the_check(settings):
    settings.DEBUG = False
    settings.ACIKMASA_CHANNELS = "whatsapp,telephony"
    settings.ACIKMASA_WHATSAPP_APP_SECRET = "real-secret"
    settings.ACIKMASA_WHATSAPP_VERIFY_TOKEN = "real-token"
    settings.ACIKMASA_WHATSAPP_ACCESS_TOKEN = "EAAG..."
    settings.ACIKMASA_WHATSAPP_PHONE_NUMBER_ID = "123"
    settings.ACIKMASA_TELEPHONY_SECRET = "pbx-secret"
    assert channels_configured() == []


def test_unknown_channel_name_fails_the_check(settings):
    settings.DEBUG = False
    settings.ACIKMASA_CHANNELS = "telegraph"
    assert [e.id for e in channels_configured()] == ["channels.E001"]


def test_channels_are_off_by_default_outside_debug_and_on_in_the_demo(settings):
    settings.ACIKMASA_CHANNELS = ""
    settings.DEBUG = False
    assert channels_configured() == []
    from acikmasa.channels import conf

    assert conf.enabled_adapters() == set()
    settings.DEBUG = True
    assert "whatsapp" in conf.enabled_adapters()


def test_misconfigured_channel_stops_the_process_at_start_up(settings):
    import pytest
    from django.core.exceptions import ImproperlyConfigured

    from acikmasa.channels.checks import fail_fast

    settings.DEBUG = False
    settings.ACIKMASA_CHANNELS = "sms"
    with pytest.raises(ImproperlyConfigured, match="ACIKMASA_SMS_GATEWAY_SECRET"):
        fail_fast()
    settings.ACIKMASA_CHANNELS = ""
    fail_fast()  # nothing switched on: nothing to configure
