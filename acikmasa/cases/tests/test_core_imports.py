"""The case core never imports the apps that react to it: it reaches them by dotted paths only."""

import ast
from pathlib import Path

import acikmasa

CORE = Path(acikmasa.__file__).parent / "cases"
# What the core may stand on (docs/architecture.md, the layers).
BELOW = {"cases", "common", "directory", "security"}


def _imported_apps(source: str) -> set[str]:
    apps = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [node.module]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        else:
            continue
        for module in modules:
            parts = module.split(".")
            if parts[0] == "acikmasa" and len(parts) > 1:
                apps.add(parts[1])
    return apps


def test_the_check_sees_a_late_import_of_a_reacting_app():
    source = "def f():\n    from acikmasa.deadlines.policy import binding_standard\n"
    assert _imported_apps(source) == {"deadlines"}


def test_the_core_imports_only_what_lies_below_it():
    found = {}
    for path in sorted(CORE.rglob("*.py")):
        if {"tests", "migrations"} & set(path.relative_to(CORE).parts):
            continue
        above = _imported_apps(path.read_text(encoding="utf-8")) - BELOW
        if above:
            found[path.relative_to(CORE).as_posix()] = sorted(above)
    assert found == {}
