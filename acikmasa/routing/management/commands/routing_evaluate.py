"""`acikmasa routing_evaluate`: train on the older cases, measure on the newer ones, print
figures."""

import json
import os

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from acikmasa.routing.evaluate import evaluate
from acikmasa.routing.learn import TooFewExamples
from acikmasa.routing.suggest import settings_for

from ._common import municipalities


class Command(BaseCommand):
    help = (
        "Time-split evaluation of subject suggestions: top-1/top-3 accuracy, rules vs model, speed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--municipality", help="Code of one municipality (default: every active one)."
        )
        parser.add_argument(
            "--test-share",
            type=float,
            default=0.2,
            help="Newest share of the cases to test on (default 0.2).",
        )
        parser.add_argument("--limit", type=int, default=None, help="Use only the newest N cases.")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print the figures as JSON."
        )

    def handle(
        self, *args, municipality=None, test_share=0.2, limit=None, as_json=False, **options
    ):
        if not 0 < test_share < 1:
            raise CommandError(_("--test-share must be between 0 and 1."))
        for place in municipalities(municipality):
            try:
                report = evaluate(
                    municipality_id=place.pk,
                    test_share=test_share,
                    limit=limit,
                    rules_weight=settings_for(place.pk).rules_weight,
                )
            except TooFewExamples as exc:
                self.stdout.write(
                    _("%(place)s: too little history to evaluate (%(detail)s).")
                    % {"place": place.code, "detail": exc}
                )
                continue
            if as_json:
                self.stdout.write(_dumps(place.code, report))
            else:
                self._print(place.code, report)

    def _print(self, code: str, r) -> None:
        w = self.stdout.write
        w(
            f"{code}: train {r.train_cases} cases, test {r.test_cases} newer cases "
            f"(from {r.split_at}), {r.subjects} subjects"
        )
        w(f"  rules only      top-1 {r.rules.top1:.1%}  top-3 {r.rules.top3:.1%}")
        w(f"  model only      top-1 {r.model.top1:.1%}  top-3 {r.model.top3:.1%}")
        for weight, acc in r.combined.items():
            mark = "  <- settings" if weight == r.rules_weight else ""
            w(f"  combined w={weight:.1f}  top-1 {acc.top1:.1%}  top-3 {acc.top3:.1%}{mark}")
        w(
            f"  training {r.training_seconds:.1f} s; one "
            f"suggestion {r.latency_ms.get('median', 0):.1f} ms median, "
            f"{r.latency_ms.get('p95', 0):.1f} ms p95 (load average {os.getloadavg()[0]:.2f})"
        )
        for threshold, (share, right) in r.auto_route.items():
            w(
                f"  threshold {threshold:.1f}: {share:.1%} routed automatically, {right:.1%} of "
                "them right"
            )


def _dumps(code: str, report) -> str:
    from dataclasses import asdict

    return json.dumps(
        {"municipality": code, **asdict(report), "load_average": os.getloadavg()[0]}, default=str
    )
