"""Background work of the channels, treated like an API: load ids, call one service."""

from django.tasks import task


@task
def process_inbound(message_id: int) -> str:
    from .services.inbound import inbound_process

    return inbound_process(message_id=message_id).status


@task
def send_outbound(message_id: int) -> str:
    from .services.outbound import outbound_send

    return outbound_send(message_id=message_id).status


@task
def sweep() -> dict[str, int]:
    """Finish what a dead worker left and send due retries; safe to run as often as wanted."""
    from .services.inbound import inbound_sweep
    from .services.outbound import outbound_sweep

    return {"inbound": inbound_sweep(), "outbound": outbound_sweep()}
