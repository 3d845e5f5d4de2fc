import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from acikmasa.insights.recount import rebuild


class Command(BaseCommand):
    help = _(
        "Rebuild the insights roll-up tables from the case history (after a bulk load or to "
        "repair)."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        rows = rebuild()
        self.stdout.write(
            _("%(rows)d roll-up rows written from the history in %(seconds).1f s.")
            % {"rows": rows, "seconds": time.monotonic() - started}
        )
