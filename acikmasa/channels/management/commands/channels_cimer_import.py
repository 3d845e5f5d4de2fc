from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from acikmasa.channels.cimer.adapter import cimer_import


class Command(BaseCommand):
    help = "Import a CİMER export (CSV or XLSX); applications imported before are skipped."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options) -> None:
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        report = cimer_import(name=path.name, content=path.read_bytes())
        self.stdout.write(
            f"rows {report.rows}, new {report.created}, already imported {report.duplicates}, "
            f"failed {report.failed}"
        )
        for error in report.errors:
            self.stderr.write(error)
        if report.errors and not report.rows:
            raise CommandError("Nothing imported.")
