"""Muhtar: the elected head of a mahalle submits on behalf of residents; cases go on channel
"muhtar"."""

import json
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from acikmasa.cases.services.citizens import CitizenInput

from ..base import Adapter, BadPayload, Envelope, Incoming, register
from ..models import InboundMessage
from ..services.inbound import inbound_process, inbound_store
from .models import Muhtar


class MuhtarAdapter(Adapter):
    code = "muhtar"
    case_channel = "muhtar"

    def parse(self, message: InboundMessage) -> Incoming:
        item = message.item
        muhtar = (
            Muhtar.objects.filter(user_id=item.get("user_id"), is_active=True)
            .select_related("user")
            .first()
        )
        if muhtar is None:
            raise BadPayload("The muhtar account is not active.")
        submit: dict[str, Any] = {
            "neighbourhood": muhtar.neighbourhood_id,
            "submitted_by": muhtar.user,
        }
        for key in ("subject", "street"):
            if item.get(key):
                submit[key] = int(item[key])
        return Incoming(
            external_id=f"muhtar:{message.external_id}",
            case_channel=self.case_channel,
            sender=message.sender,
            text=item["description"],
            address=item.get("address", ""),
            conversational=False,
            threadable=False,
            citizen=CitizenInput(
                first_name=item.get("first_name", ""),
                last_name=item.get("last_name", ""),
                phone=item.get("phone", ""),
                address=item.get("address", ""),
            ),
            extra={"muhtar": muhtar.user_id, "muhtar_neighbourhood": muhtar.neighbourhood.name},
            submit=submit,
        )


def muhtar_for(user: AbstractBaseUser | None) -> Muhtar | None:
    if user is None or not user.is_authenticated:
        return None
    return Muhtar.objects.filter(user=user, is_active=True).select_related("neighbourhood").first()


def muhtar_submit(*, user: AbstractBaseUser, key: str, data: dict[str, Any]) -> InboundMessage:
    """Register what a muhtar sent for their mahalle; the same form key twice gives one case.

    Rule: the mahalle is always the muhtar's own, whatever the form says; the case is marked by its
    channel ("muhtar") and its CREATED event names the muhtar. Callers: the muhtar form.
    Side effects: one raw row, then a case through case_submit.
    """
    item = {**data, "user_id": user.pk}
    message, _created = inbound_store(
        channel="muhtar",
        envelope=Envelope(external_id=key, sender=f"user:{user.pk}", item=item),
        headers={"user": get_user_model().objects.get(pk=user.pk).get_username()},
        body=json.dumps(item, ensure_ascii=False).encode(),
        process=False,
    )
    return inbound_process(message_id=message.pk)


register(MuhtarAdapter())
