"""PostgreSQL: trigram indexes for the desk's text search (fold(description), fold(citizen name)).

Desk search keeps its meaning, "every word occurs in the folded text or the folded name", i.e.
`LIKE '%word%'` over `desk.textsearch.folded(...)`. pg_trgm's GIN operator class answers such a LIKE
from the index, so a rare word costs index pages instead of a scan of every case. The indexed
expressions are built from the same functions the search uses, so they stay identical.
Built CONCURRENTLY (non-atomic migration): on a large installation writes go on during the build.
SQLite has no such index and searches by scanning, as before.
"""

from django.db import migrations
from django.db.models.sql import Query

from acikmasa.desk.textsearch import folded, folded_name

INDEXES = [
    ("cases", "Case", "desk_case_text_trgm", lambda: folded("description")),
    ("cases", "Citizen", "desk_citizen_name_trgm", lambda: folded_name()),
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for app, model_name, name, expression in INDEXES:
        model = apps.get_model(app, model_name)
        table = schema_editor.quote_name(model._meta.db_table)
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {schema_editor.quote_name(name)} ON {table}"
            f" USING gin (({_sql(model, expression(), schema_editor)}) gin_trgm_ops)"
        )


def _sql(model, expression, schema_editor) -> str:
    """The expression as the ORM writes it in a query, constants inlined, columns unqualified."""
    query = Query(model, alias_cols=False)
    compiled, params = expression.resolve_expression(query).as_sql(
        query.get_compiler(connection=schema_editor.connection), schema_editor.connection
    )
    return compiled % tuple(schema_editor.quote_value(p) for p in params)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _app, _model, name, _expression in INDEXES:
        schema_editor.execute(f'DROP INDEX CONCURRENTLY IF EXISTS "{name}"')


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [
        ("desk", "0001_initial"),
        ("cases", "0002_event_history_append_only"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
