"""On PostgreSQL the database itself refuses UPDATE and DELETE of access-log rows (as for case history)."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION acikmasa_access_log_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the access log is append-only (% on privacy_accesslog refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON privacy_accesslog
    FOR EACH ROW EXECUTE FUNCTION acikmasa_access_log_immutable();
"""
DROP = """
DROP TRIGGER IF EXISTS access_log_append_only ON privacy_accesslog;
DROP FUNCTION IF EXISTS acikmasa_access_log_immutable();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_notices_consents_access_log")]
    operations = [migrations.RunPython(forwards, backwards)]
