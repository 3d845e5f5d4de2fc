import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from acikmasa.insights.recount import Mismatch, verify


class Command(BaseCommand):
    help = _(
        "Recount the insights roll-ups from the case history and compare them with the stored rows."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=20, help=_("Show at most this many differences.")
        )

    def handle(self, *args, limit, **options):
        started = time.monotonic()

        def show(m: Mismatch) -> None:
            diff = {
                f: (m.stored[f], m.recounted[f]) for f in m.stored if m.stored[f] != m.recounted[f]
            }
            self.stderr.write(
                f"{m.grain} {m.key}: "
                + ", ".join(f"{f} stored {a} recounted {b}" for f, (a, b) in diff.items())
            )

        result = verify(report=show, limit=limit)
        seconds = time.monotonic() - started
        if not result.ok:
            raise CommandError(
                _("The roll-ups differ from the history (%(n)d rows shown). Run insights_rebuild.")
                % {"n": len(result.mismatches)}
            )
        self.stdout.write(
            _("%(rows)d roll-up rows equal the recount from the history (%(seconds).1f s).")
            % {"rows": result.rows, "seconds": seconds}
        )
