import pytest

from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.channels.testing import LoopbackServer, LoopbackSmtpServer, smtp_mailers


@pytest.fixture(autouse=True)
def _notify_settings(settings, tmp_path):
    """Channels on (test settings run with DEBUG off); quiet hours off unless a test sets them."""
    settings.ACIKMASA_CHANNELS = "all"
    settings.ACIKMASA_NOTIFY_QUIET_START = "00:00"
    settings.ACIKMASA_NOTIFY_QUIET_END = "00:00"
    settings.ACIKMASA_NOTIFY_FILE_DIR = str(tmp_path / "notify")
    settings.ACIKMASA_NOTIFY_BACKENDS = {"email": "file", "sms": "file", "whatsapp": "file"}
    settings.ACIKMASA_NOTIFY_SITE_URL = "https://basvuru.example"


@pytest.fixture
def gateway(settings):
    """A real HTTP server on loopback standing in for the SMS gateway and the WhatsApp Graph API."""
    server = LoopbackServer().start()
    settings.ACIKMASA_SMS_GATEWAY_URL = server.url + "/sms/send"
    settings.ACIKMASA_GRAPH_API_URL = server.url + "/v21.0"
    settings.ACIKMASA_SMS_GATEWAY_TOKEN = "gateway-token"
    settings.ACIKMASA_NOTIFY_BACKENDS = {"email": "smtp", "sms": "channel", "whatsapp": "channel"}
    yield server
    server.stop()


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on loopback; Django's default mailer points at it."""
    server = LoopbackSmtpServer().start()
    settings.MAILERS = smtp_mailers(server.port)
    settings.ACIKMASA_NOTIFY_BACKENDS = {"email": "smtp", "sms": "file", "whatsapp": "file"}
    yield server
    server.stop()


def submit(
    town,
    *,
    channel="sms",
    phone="+905321234567",
    email="",
    consent=True,
    subject="pothole",
    case_type=None,
    description="Sokağımızda derin bir çukur var.",
    anonymous=False,
):
    citizen = (
        CitizenInput()
        if anonymous
        else CitizenInput(
            first_name="Ayşe", last_name="Yılmaz", phone=phone, email=email, contact_consent=consent
        )
    )
    return case_submit(
        municipality=town.municipality,
        channel=channel,
        description=description,
        subject=subject,
        citizen=citizen,
        case_type=case_type,
    ).case
