"""`acikmasa privacy_retention`: anonymise cases past their retention period now, or `--schedule`
it."""

from django.core.management.base import BaseCommand

from acikmasa.privacy.services.anonymise import retention_run
from acikmasa.privacy.tasks import retention_schedule


class Command(BaseCommand):
    help = "Anonymise the personal data of cases whose retention period is over (safe to re-run)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the self-repeating daily run (idempotent).",
        )
        parser.add_argument("--limit", type=int, default=None, help="Stop after this many cases.")

    def handle(self, *args, schedule: bool = False, limit: int | None = None, **options):
        if schedule:
            queued = retention_schedule()
            self.stdout.write(
                "retention run scheduled" if queued else "retention run already scheduled"
            )
            return
        result = retention_run(limit=limit)
        self.stdout.write(f"examined {result.examined} cases, anonymised {result.anonymised}")
