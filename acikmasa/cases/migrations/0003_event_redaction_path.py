"""The history trigger lets exactly one change through: a redaction of text and details.

It must happen inside `cases.events.event_redact`, which sets the transaction-local flag
`acikmasa.redacting`; every other column must stay as it was, and DELETE is still refused.
"""

from django.db import migrations

REDACTABLE = """
CREATE OR REPLACE FUNCTION acikmasa_case_event_immutable() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('acikmasa.redacting', true) = 'on'
       AND NEW.id = OLD.id AND NEW.case_id = OLD.case_id AND NEW.sequence = OLD.sequence
       AND NEW.kind = OLD.kind AND NEW.actor_kind = OLD.actor_kind AND NEW.created_at = OLD.created_at
       AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
       AND NEW.directorate_id IS NOT DISTINCT FROM OLD.directorate_id
       AND NEW.from_status = OLD.from_status AND NEW.to_status = OLD.to_status
       AND NEW.is_public = OLD.is_public THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'case history is append-only (% on cases_caseevent refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
"""
STRICT = """
CREATE OR REPLACE FUNCTION acikmasa_case_event_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'case history is append-only (% on cases_caseevent refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REDACTABLE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(STRICT, params=None)


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_event_history_append_only")]
    operations = [migrations.RunPython(forwards, backwards)]
