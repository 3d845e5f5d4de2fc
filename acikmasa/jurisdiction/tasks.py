from django.tasks import task


@task()
def forward_run(record_id: int) -> str:
    """Carry out a forwarding decided at intake (after the intake committed)."""
    from .services import forward_execute

    return forward_execute(record_id=record_id).status
