"""Nothing outside `cases` writes CaseEvent rows or saves Case rows: all goes through the door.

The check reads the source of every app (not tests, not migrations) with `ast` and reports each
place that locks or writes Case/CaseEvent rows itself. The first tests show it catches each shape.
"""

import ast
from pathlib import Path

import acikmasa

ROOT = Path(acikmasa.__file__).parent
MODELS = {"Case", "CaseEvent"}
# Managers of case rows reached from a related object: citizen.cases, case.events.
RELATED = {"cases", "events"}
WRITES = {
    "create",
    "bulk_create",
    "bulk_update",
    "update",
    "update_or_create",
    "get_or_create",
    "delete",
    "select_for_update",
    "redact",
}
LOCKERS = {"case_lock", "cases_lock"}
# Calls that take the model class without writing rows (relations, type checks, reads).
READERS = {
    "ForeignKey",
    "OneToOneField",
    "ManyToManyField",
    "isinstance",
    "issubclass",
    "get_object_or_404",
}
# Known writers outside the door, each with its reason. An entry that no longer matches fails too.
ALLOWED = {
    "demo/writer.py": "the demo generator loads millions of synthetic rows by COPY, like a restore "
    "of a database; it never runs against live cases",
}


def _chain(node: ast.AST) -> tuple[list[str], list[str]]:
    """The names and attributes along a call chain such as Case.objects.filter(...).update."""
    names, attrs = [], []
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            attrs.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            if isinstance(node, ast.Name):
                names.append(node.id)
            return names, attrs


def _is_case_rows(node: ast.AST) -> bool:
    names, attrs = _chain(node)
    on_model = bool(MODELS & set(names)) and "objects" in attrs
    return on_model or bool(RELATED & set(attrs[1:]))


def _annotation_is_case(annotation: ast.AST | None) -> bool:
    if annotation is None:
        return False
    text = ast.unparse(annotation)
    return any(part.strip(" '\"") == "Case" for part in text.replace("|", ",").split(","))


class _Finder(ast.NodeVisitor):
    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []
        self.case_names: set[str] = {"case"}

    def _report(self, node: ast.AST, message: str) -> None:
        if (node.lineno, message) not in self.found:  # a chain is one finding, not one per call
            self.found.append((node.lineno, message))

    def _bind(self, target: ast.AST, value: ast.AST) -> None:
        names, _attrs = _chain(value)
        if _is_case_rows(value) or LOCKERS & set(names):
            for node in ast.walk(target):
                if isinstance(node, ast.Name):
                    self.case_names.add(node.id)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        args = node.args
        for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
            if _annotation_is_case(arg.annotation):
                self.case_names.add(arg.arg)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._bind(target, node.value)
        self.generic_visit(node)

    def visit_For(self, node: ast.For) -> None:
        self._bind(node.target, node.iter)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute):
            _names, attrs = _chain(node)
            writes = sorted(WRITES & set(attrs))
            if writes and _is_case_rows(node):
                self._report(node, f"writes or locks case rows: .{writes[0]}()")
            receiver = func.value
            saved_case = (isinstance(receiver, ast.Name) and receiver.id in self.case_names) or (
                isinstance(receiver, ast.Attribute) and receiver.attr == "case"
            )
            if func.attr == "save" and saved_case:
                self._report(node, f"saves a case: {ast.unparse(receiver)}.save()")
        if isinstance(func, ast.Name) and func.id in MODELS:
            self._report(node, f"builds a {func.id} row")
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if called not in READERS:
            for arg in node.args:
                if isinstance(arg, ast.Name) and arg.id in MODELS:
                    self._report(node, f"hands the {arg.id} model to a writer")
        self.generic_visit(node)


def violations(source: str) -> list[tuple[int, str]]:
    finder = _Finder()
    finder.visit(ast.parse(source))
    return finder.found


def _app_sources() -> dict[str, str]:
    sources = {}
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        parts = set(relative.split("/"))
        if relative.startswith("cases/") or parts & {"tests", "migrations", "settings"}:
            continue
        sources[relative] = path.read_text(encoding="utf-8")
    return sources


# ---- the checker catches every shape it is meant to ---------------------------------------------


def test_the_check_finds_each_way_of_writing_a_case_around_the_door():
    source = """
from acikmasa.cases.models import Case, CaseEvent

def lock_and_save(case_id):
    case = Case.objects.select_for_update().get(pk=case_id)
    case.version += 1
    case.save(update_fields=["version"])

def typed(master: "Case | None"):
    master.save()

def update_many(ids):
    Case.objects.filter(pk__in=ids).update(status="closed")

def append(case):
    CaseEvent.objects.create(case=case, sequence=1, kind="created")
    case.events.create(sequence=2, kind="note_added")

def build():
    return CaseEvent(sequence=1)

def bulk(rows, sink):
    sink.write(CaseEvent, rows)

def through_a_locked_row(case_id):
    locked = case_lock(case_id)
    locked.save()

def via_relation(message):
    message.case.save()
    for joined in Case.objects.filter(pk__in=[1]):
        joined.save()
"""
    found = [message for _line, message in violations(source)]
    assert found.count("writes or locks case rows: .select_for_update()") == 1
    assert "saves a case: case.save()" in found
    assert "saves a case: master.save()" in found
    assert "writes or locks case rows: .update()" in found
    assert found.count("writes or locks case rows: .create()") == 2
    assert "builds a CaseEvent row" in found
    assert "hands the CaseEvent model to a writer" in found
    assert "saves a case: locked.save()" in found
    assert "saves a case: message.case.save()" in found
    assert "saves a case: joined.save()" in found


def test_the_check_leaves_reads_and_other_models_alone():
    source = """
from acikmasa.cases.models import Case

def reads(user, case: Case, notification):
    Case.objects.filter(pk=1).values_list("pk", flat=True)
    case.events.filter(kind="created").exists()
    notification.save(update_fields=["status"])
    isinstance(case, Case)
    return Case.objects.select_related("citizen").get(pk=1)
"""
    assert violations(source) == []


# ---- the tree itself ----------------------------------------------------------------------------


def test_nothing_outside_cases_writes_case_rows_or_events():
    found = {
        path: [f"{path}:{line}: {message}" for line, message in violations(source)]
        for path, source in _app_sources().items()
    }
    unexpected = [
        problem for path, problems in found.items() if path not in ALLOWED for problem in problems
    ]
    assert unexpected == []


def test_every_allowed_exception_is_still_needed():
    sources = _app_sources()
    stale = [path for path in ALLOWED if not violations(sources.get(path, ""))]
    assert stale == []
