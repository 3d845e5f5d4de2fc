import pytest

from acikmasa.channels.testing import LoopbackServer


@pytest.fixture(autouse=True)
def _channels_switched_on(settings, tmp_path):
    """Test settings run with DEBUG off, where channels are off unless listed: switch them all
    on."""
    settings.ACIKMASA_CHANNELS = "all"
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def provider(settings):
    """A real HTTP server on loopback; GRAPH_API_URL and SMS_GATEWAY_URL point at it."""
    server = LoopbackServer().start()
    settings.ACIKMASA_GRAPH_API_URL = server.url + "/v21.0"
    settings.ACIKMASA_SMS_GATEWAY_URL = server.url + "/sms/send"
    settings.ACIKMASA_SMS_GATEWAY_TOKEN = "gateway-token"
    yield server
    server.stop()
