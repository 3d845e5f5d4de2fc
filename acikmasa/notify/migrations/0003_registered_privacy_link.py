"""The acknowledgement of a new application links the privacy notice (KVKK Art. 10).

Only templates still carrying the seeded text are changed; an admin's own wording is left alone.
"""

from django.db import migrations

LINKS = {"tr": " Aydınlatma metni: {privacy_url}", "en": " Privacy notice: {privacy_url}"}


def forwards(apps, schema_editor):
    template = apps.get_model("notify", "MessageTemplate")
    for row in template.objects.filter(event="registered", language__in=LINKS):
        if "{privacy_url}" not in row.body and row.body.endswith("{tracking_url}"):
            row.body += LINKS[row.language]
            row.save(update_fields=["body"])


def backwards(apps, schema_editor):
    template = apps.get_model("notify", "MessageTemplate")
    for row in template.objects.filter(event="registered", language__in=LINKS):
        if row.body.endswith(LINKS[row.language]):
            row.body = row.body[: -len(LINKS[row.language])]
            row.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("notify", "0002_seed_templates")]
    operations = [migrations.RunPython(forwards, backwards)]
