from django.core.management.base import BaseCommand

from acikmasa.open311.services import demo_key_ensure


class Command(BaseCommand):
    help = "Ensure the demo municipality has the demo Open311 client app and print its key."

    def handle(self, *args, **options):
        result = demo_key_ensure()
        if result is None:
            self.stdout.write("Open311: no municipality yet; load the demo first.")
            return
        app, key = result
        self.stdout.write(f"Open311 API key ({app.municipality.code}, {app.name}): {key}")
