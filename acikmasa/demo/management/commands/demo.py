"""`acikmasa demo`: load the demo municipality (Esenler); safe to run again."""

import argparse
import time
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.demo.services import demo_load


def _moment(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            _("--until must be a date such as 2026-11-24 or an ISO time.")
        ) from exc
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


class Command(BaseCommand):
    help = (
        "Load the demo municipality modelled on Esenler (reference data, staff and generated "
        "cases)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed: the same seed gives the same data."
        )
        parser.add_argument(
            "--cases", type=int, default=5000, help="How many cases to generate (default 5000)."
        )
        parser.add_argument(
            "--years",
            type=int,
            default=2,
            help="Spread the cases over the last N years (default 2).",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the demo municipality already has cases.",
        )
        parser.add_argument(
            "--add-cases", action="store_true", help="Generate cases even if some exist already."
        )
        parser.add_argument(
            "--until",
            type=_moment,
            default=None,
            help="End of the generated period (YYYY-MM-DD or ISO time; default now). Fix it "
            "to reproduce a data set exactly.",
        )

    def handle(self, *args, seed, cases, years, if_empty, add_cases, until, **options):
        if cases < 0 or years < 1:
            raise CommandError(_("--cases must be 0 or more and --years at least 1."))
        started = time.monotonic()
        result = demo_load(
            seed=seed,
            cases=cases,
            years=years,
            if_empty=if_empty,
            add_cases=add_cases,
            until=until,
            progress=self._progress if options["verbosity"] >= 1 else None,
        )
        if result.skipped:
            self.stdout.write(
                _(
                    "The demo municipality is already loaded (%(count)d cases); nothing generated. "
                    "Use --add-cases to add more."
                )
                % {"count": result.existing_cases}
            )
            return
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Demo municipality loaded: %(cases)d cases and %(events)d events in "
                    "%(seconds).1f s."
                )
                % {
                    "cases": result.created_cases,
                    "events": result.created_events,
                    "seconds": elapsed,
                }
            )
        )

    def _progress(self, done: int, total: int) -> None:
        if total >= 50_000:
            self.stdout.write(_("%(done)d / %(total)d cases") % {"done": done, "total": total})
