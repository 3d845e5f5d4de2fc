"""The muhtar sweep as a task (Django tasks API). Scheduling joins the one periodic mechanism of
issue 15 when it is on main; until then `acikmasa muhtar_sweep` runs it once."""

from django.tasks import task

from .sweep import muhtar_sweep


@task()
def muhtar_sweep_task() -> dict:
    return muhtar_sweep().__dict__
