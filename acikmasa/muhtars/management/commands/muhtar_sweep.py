"""`acikmasa muhtar_sweep`: tell muhtars what happened in their mahalle; safe to re-run."""

from django.core.management.base import BaseCommand

from acikmasa.muhtars.sweep import muhtar_sweep


class Command(BaseCommand):
    help = "Tell every muhtar of new, overdue and resolved cases of their mahalle (idempotent)."

    def handle(self, *args, **options):
        result = muhtar_sweep()
        self.stdout.write(
            f"{result.muhtars} muhtars: {result.new} new, {result.overdue} overdue, "
            f"{result.resolved} resolved, {result.summaries} summaries"
        )
