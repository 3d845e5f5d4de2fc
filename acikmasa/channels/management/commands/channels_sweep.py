"""Finish inbound rows a dead worker left, and send outbound retries that are due (run from
cron)."""

from django.core.management.base import BaseCommand

from acikmasa.channels.services.inbound import inbound_sweep
from acikmasa.channels.services.outbound import outbound_sweep


class Command(BaseCommand):
    help = "Process stuck inbound messages and send due outbound retries. Safe to run often."

    def handle(self, *args, **options) -> None:
        inbound, outbound = inbound_sweep(), outbound_sweep()
        self.stdout.write(f"inbound processed: {inbound}; outbound attempted: {outbound}")
