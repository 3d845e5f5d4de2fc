"""Turkish folding inside the database, the same on SQLite and PostgreSQL.

`acikmasa.common.turkish.fold` folds the query in Python; `folded(...)` folds the column in SQL with
REPLACE (TRANSLATE on PostgreSQL) and LOWER, so "IŞIK", "ışık" and "isik" meet in the middle.
LOWER runs last, on text that is ASCII where it matters: SQLite's LOWER only knows ASCII letters.
"""

from django.db.models import F, Func, TextField, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce, Concat, Lower, Replace

_PAIRS = [
    ("İ", "i"),
    ("I", "i"),
    ("ı", "i"),
    ("Ş", "s"),
    ("ş", "s"),
    ("Ğ", "g"),
    ("ğ", "g"),
    ("Ü", "u"),
    ("ü", "u"),
    ("Ö", "o"),
    ("ö", "o"),
    ("Ç", "c"),
    ("ç", "c"),
    ("Â", "a"),
    ("â", "a"),
    ("Î", "i"),
    ("î", "i"),
    ("Û", "u"),
    ("û", "u"),
]


class _Letters(Func):
    """Map the Turkish letters of `_PAIRS` one to one: PostgreSQL's TRANSLATE does it in one pass
    over the text, where the nested REPLACEs (SQLite has no TRANSLATE) pass over it 19 times."""

    output_field = TextField()

    def as_sql(self, compiler, connection, **extra_context):
        result = self.source_expressions[0]
        for old, new in _PAIRS:
            result = Replace(result, Value(old), Value(new), output_field=TextField())
        return compiler.compile(result)

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"TRANSLATE({sql}, %s, %s)", (*params, _FROM, _TO)


_FROM, _TO = "".join(old for old, _ in _PAIRS), "".join(new for _, new in _PAIRS)


def folded(expression: str | Combinable) -> Func:
    """SQL for fold(column), good enough for Turkish text (letters outside Turkish are left
    alone)."""
    result = F(expression) if isinstance(expression, str) else expression
    return Lower(_Letters(result), output_field=TextField())


def folded_name() -> Func:
    """fold(first_name + " " + last_name) of a citizen.

    The same expression is indexed on PostgreSQL (migration desk 0002), so keep the two in step:
    the planner uses the index only for an identical expression.
    """
    return folded(
        Concat(
            Coalesce(F("first_name"), Value("")),
            Value(" "),
            Coalesce(F("last_name"), Value("")),
            output_field=TextField(),
        )
    )
