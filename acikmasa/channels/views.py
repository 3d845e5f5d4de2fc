"""Staff triage of the inbound inbox: see what failed and why, and try it again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors
from .i18n import chosen_language
from .models import InboundMessage, OutboundMessage
from .services.inbound import inbound_retry
from .services.outbound import outbound_retry


@chosen_language
@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    if not selectors.can_triage(request.user):
        raise PermissionDenied
    status = request.GET.get("status") or InboundMessage.Status.FAILED
    if status not in InboundMessage.Status.values:
        status = InboundMessage.Status.FAILED
    rows = selectors.inbound_list(user=request.user, status=status)[:200]
    counts = selectors.inbox_counts(user=request.user)
    tabs = [(code, label, counts.get(code, 0)) for code, label in InboundMessage.Status.choices]
    return render(request, "channels/inbox.html", {"rows": rows, "status": status, "tabs": tabs})


@chosen_language
@login_required
def inbox_detail(request: HttpRequest, message_id: int) -> HttpResponse:
    message = selectors.inbound_get(user=request.user, message_id=message_id)
    if message is None:
        raise Http404
    return render(
        request,
        "channels/inbox_detail.html",
        {"message": message, "body": message.body_text[:20000]},
    )


@chosen_language
@login_required
@require_POST
def inbox_retry(request: HttpRequest, message_id: int) -> HttpResponse:
    message = selectors.inbound_get(user=request.user, message_id=message_id)
    if message is None:
        raise Http404
    message = inbound_retry(message_id=message.pk)
    if message.status == InboundMessage.Status.FAILED:
        messages.error(request, _("Processing failed again: %(error)s") % {"error": message.error})
    else:
        messages.success(request, _("The message was processed."))
    return redirect("channels:inbox")


@chosen_language
@login_required
def outbox(request: HttpRequest) -> HttpResponse:
    """Replies that could not be delivered, with the provider's last error."""
    if not selectors.can_triage(request.user):
        raise PermissionDenied
    rows = selectors.outbound_list(user=request.user).filter(status=OutboundMessage.Status.FAILED)
    return render(request, "channels/outbox.html", {"rows": rows.select_related("case")[:200]})


@chosen_language
@login_required
@require_POST
def outbox_retry(request: HttpRequest, message_id: int) -> HttpResponse:
    message = selectors.outbound_list(user=request.user).filter(pk=message_id).first()
    if message is None:
        raise Http404
    outbound_retry(message_id=message.pk)
    messages.success(request, _("The message will be sent again."))
    return redirect("channels:outbox")
