"""The repeating sweep on the database worker: one chain, kept alive by each run."""

from datetime import timedelta

from django.tasks import TaskResultStatus
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from acikmasa.deadlines.tasks import deadline_sweep, sweep_schedule

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@override_settings(TASKS=DATABASE_TASKS)
def test_scheduling_twice_queues_one_sweep(db):
    assert sweep_schedule() is True
    assert sweep_schedule() is False
    rows = DBTaskResult.objects.filter(task_path=deadline_sweep.module_path)
    assert rows.count() == 1 and rows.get().status == TaskResultStatus.READY


@override_settings(TASKS=DATABASE_TASKS, ACIKMASA_DEADLINES={"SWEEP_INTERVAL_SECONDS": 600})
def test_each_run_queues_the_next_one_interval_later(db):
    sweep_schedule()
    running = DBTaskResult.objects.get(task_path=deadline_sweep.module_path)
    running.claim("worker-1")  # what db_worker does before it runs the task
    before = timezone.now()
    result = deadline_sweep.call(reschedule=True)
    assert result["escalations"] == 0
    following = DBTaskResult.objects.filter(
        task_path=deadline_sweep.module_path, status=TaskResultStatus.READY
    ).get()
    assert (
        before + timedelta(seconds=590)
        <= following.run_after
        <= timezone.now() + timedelta(seconds=610)
    )
    assert following.args_kwargs["kwargs"] == {"reschedule": True}
