from django.core.management.base import BaseCommand, CommandError

from acikmasa.channels import conf
from acikmasa.channels.email.imap import configured_poll


class Command(BaseCommand):
    help = "Fetch unseen mail from the IMAP mailbox of the e-mail channel (ACIKMASA_EMAIL_IMAP_*)."

    def handle(self, *args, **options) -> None:
        if not conf.value("EMAIL_IMAP_HOST"):
            raise CommandError("Set ACIKMASA_EMAIL_IMAP_HOST (and _USER, _PASSWORD) first.")
        report = configured_poll()
        self.stdout.write(f"fetched {report.fetched}, stored {report.stored}")
