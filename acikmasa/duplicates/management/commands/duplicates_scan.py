"""Find the possible duplicates of open cases registered before the intake hook ran (bulk loads,
imports). Safe to re-run: a pair already stored is left as it is."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from acikmasa.cases.lifecycle import OPEN_STATUSES
from acikmasa.cases.models import Case
from acikmasa.duplicates.services import candidates_store


class Command(BaseCommand):
    help = "Store possible-duplicate links for the open cases of the last N days."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=30)

    def handle(self, *args, days: int, **options) -> None:
        since = timezone.now() - timedelta(days=max(days, 1))
        cases = Case.objects.filter(
            status__in=OPEN_STATUSES, created_at__gte=since, subject__isnull=False
        ).order_by("created_at")
        scanned = links = 0
        for case in cases.iterator(chunk_size=500):
            links += len(candidates_store(case))
            scanned += 1
        self.stdout.write(f"cases scanned {scanned}, links found {links}")
