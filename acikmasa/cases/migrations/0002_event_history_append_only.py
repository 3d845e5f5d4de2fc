"""On PostgreSQL the database itself refuses UPDATE and DELETE of case events.

The ORM already refuses them (CaseEvent.save/delete and its queryset); the trigger covers raw SQL
and other programs. TRUNCATE, used only by test teardown, is not a row operation and passes.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION acikmasa_case_event_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'case history is append-only (% on cases_caseevent refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON cases_caseevent
    FOR EACH ROW EXECUTE FUNCTION acikmasa_case_event_immutable();
"""
DROP = """
DROP TRIGGER IF EXISTS case_event_append_only ON cases_caseevent;
DROP FUNCTION IF EXISTS acikmasa_case_event_immutable();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)  # the % in RAISE is no placeholder


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
