"""Run the inbound SMTP server of the e-mail channel (point the MX or a forward at it)."""

from django.core.management.base import BaseCommand

from acikmasa.channels import conf
from acikmasa.channels.email import smtpd


class Command(BaseCommand):
    help = "Receive citizens' e-mail by SMTP and register it (ACIKMASA_EMAIL_SMTPD_HOST/PORT)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--host", default=conf.value("EMAIL_SMTPD_HOST"))
        parser.add_argument("--port", type=int, default=int(conf.value("EMAIL_SMTPD_PORT")))

    def handle(self, *args, host: str, port: int, **options) -> None:
        controller, jobs = smtpd.start(host, port, max_bytes=conf.MAX_EMAIL_BYTES)
        self.stdout.write(f"SMTP server on {host}:{port}; Ctrl-C stops it.")
        try:
            while True:
                smtpd.store_next(jobs)
        except KeyboardInterrupt:
            pass
        finally:
            controller.stop()
