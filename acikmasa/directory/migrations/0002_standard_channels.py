from django.db import migrations

from acikmasa.directory.channels import ensure_standard_channels


def forwards(apps, schema_editor):
    ensure_standard_channels(apps.get_model("directory", "Channel"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
