"""`acikmasa notify_sweep`: send due messages, sync channel outcomes, send survey reminders
(idempotent)."""

from django.core.management.base import BaseCommand

from acikmasa.notify.services.outbox import due_send, handed_off_sync
from acikmasa.notify.services.surveys import survey_reminders_send


class Command(BaseCommand):
    help = (
        "Send due notifications and survey reminders once; safe to run from cron as often as "
        "wanted."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Enqueue the self-repeating sweep task for the db_worker (idempotent).",
        )

    def handle(self, *args, schedule: bool = False, **options):
        if schedule:
            from acikmasa.notify.tasks import sweep_schedule

            self.stdout.write(
                "notify sweep scheduled"
                if sweep_schedule()
                else "notify sweep already scheduled (or the task backend cannot defer)"
            )
            return
        sent, synced, reminders = due_send(), handed_off_sync(), survey_reminders_send()
        self.stdout.write(
            f"sent {sent} due messages, synced {synced} channel outcomes, {reminders} survey "
            "reminders"
        )
