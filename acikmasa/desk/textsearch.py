"""Turkish folding inside the database, the same on SQLite and PostgreSQL.

`acikmasa.common.turkish.fold` folds the query in Python; `folded(...)` folds the column in SQL with
plain REPLACE and LOWER, which both databases have, so "IŞIK", "ışık" and "isik" meet in the middle.
LOWER runs last, on text that is ASCII where it matters: SQLite's LOWER only knows ASCII letters.
"""

from django.db.models import Func, TextField, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Lower, Replace

_PAIRS = [
    ("İ", "i"), ("I", "i"), ("ı", "i"), ("Ş", "s"), ("ş", "s"), ("Ğ", "g"), ("ğ", "g"), ("Ü", "u"),
    ("ü", "u"), ("Ö", "o"), ("ö", "o"), ("Ç", "c"), ("ç", "c"), ("Â", "a"), ("â", "a"), ("Î", "i"),
    ("î", "i"), ("Û", "u"), ("û", "u"),
]


def folded(expression: str | Combinable) -> Func:
    """SQL for fold(column), good enough for Turkish text (letters outside Turkish are left alone)."""
    from django.db.models import F

    result = F(expression) if isinstance(expression, str) else expression
    for old, new in _PAIRS:
        result = Replace(result, Value(old), Value(new), output_field=TextField())
    return Lower(result, output_field=TextField())
