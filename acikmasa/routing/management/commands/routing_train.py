"""`acikmasa routing_train`: retrain the subject model of each municipality from its own history."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from acikmasa.routing.learn import TooFewExamples
from acikmasa.routing.models import SubjectModel
from acikmasa.routing.services import routing_train

from ._common import municipalities


class Command(BaseCommand):
    help = "Train the subject-suggestion model on each municipality's own cases (safe to re-run)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--municipality", help="Code of one municipality (default: every active one)."
        )
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Only municipalities without a trained model (make run: the demo's first start).",
        )

    def handle(self, *args, municipality=None, if_missing=False, **options):
        for place in municipalities(municipality):
            if if_missing and SubjectModel.objects.filter(municipality=place).exists():
                continue
            try:
                row = routing_train(municipality=place)
            except TooFewExamples as exc:
                self.stdout.write(
                    _("%(place)s: not trained, too little history (%(detail)s); rules only.")
                    % {"place": place.code, "detail": exc}
                )
                continue
            self.stdout.write(
                _(
                    "%(place)s: trained on %(n)d cases (%(fixed)d corrections), %(s)d subjects, "
                    "%(sec).1f s, %(kb)d kB."
                )
                % {
                    "place": place.code,
                    "n": row.examples,
                    "fixed": row.corrections,
                    "s": row.subjects,
                    "sec": row.seconds,
                    "kb": row.size // 1024,
                }
            )
