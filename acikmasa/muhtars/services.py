"""The muhtar's own writes: marking notices read. (Notices and summaries are written by the sweep,
through messages.py.)"""

from django.utils import timezone

from acikmasa.channels.muhtar.models import Muhtar

from .models import MuhtarNotice


def notices_mark_read(*, muhtar: Muhtar) -> int:
    return MuhtarNotice.objects.filter(muhtar=muhtar, read_at__isnull=True).update(
        read_at=timezone.now()
    )
