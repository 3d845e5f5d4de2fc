"""`acikmasa deadline_sweep`: run one sweep now, or `--schedule` the self-repeating sweep task."""

from django.core.management.base import BaseCommand

from acikmasa.deadlines.sweep import sweep_run
from acikmasa.deadlines.tasks import sweep_schedule


class Command(BaseCommand):
    help = (
        "Escalate due-soon and overdue cases once (safe to re-run), or start the repeating "
        "sweep task."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Enqueue the self-repeating sweep for the db_worker (idempotent).",
        )
        parser.add_argument(
            "--batch-size", type=int, default=None, help="Cases locked per transaction."
        )
        parser.add_argument(
            "--adopt-all",
            action="store_true",
            help="Look at every open case for a missing clock (after a bulk import), not only "
            "new ones.",
        )

    def handle(
        self,
        *args,
        schedule: bool = False,
        batch_size: int | None = None,
        adopt_all: bool = False,
        **options,
    ):
        if schedule:
            queued = sweep_schedule()
            self.stdout.write(
                "deadline sweep scheduled" if queued else "deadline sweep already scheduled"
            )
            return
        result = sweep_run(batch_size=batch_size, adopt_all=adopt_all)
        self.stdout.write(
            f"adopted {result.adopted} clocks, examined {result.examined} cases, "
            f"{result.escalations} escalations in {result.batches} batches"
        )
