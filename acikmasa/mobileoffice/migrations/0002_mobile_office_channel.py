"""The mobile office's channel row on databases made before it was a standard channel."""

from django.db import migrations


def add_channel(apps, schema_editor):
    Channel = apps.get_model("directory", "Channel")
    Channel.objects.get_or_create(
        code="mobile_office",
        defaults={
            "name": "Mobil İletişim Aracı",
            "name_en": "Mobile office (minibus)",
            "requires_identity": True,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("mobileoffice", "0001_initial"), ("directory", "0002_standard_channels")]
    operations = [migrations.RunPython(add_channel, migrations.RunPython.noop)]
