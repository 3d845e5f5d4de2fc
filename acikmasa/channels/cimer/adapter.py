"""CİMER: applications imported from CİMER's exported lists; each row is one case on channel
"cimer"."""

import json
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.common.turkish import fold
from acikmasa.directory.models import Neighbourhood

from ..base import Adapter, BadPayload, Envelope, Incoming, register
from ..models import InboundMessage
from ..services.inbound import channel_municipality, inbound_process, inbound_store
from .files import CimerFileError, case_type_of, parse_date, read_file


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    duplicates: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


class CimerAdapter(Adapter):
    code = "cimer"
    case_channel = "cimer"

    def parse(self, message: InboundMessage) -> Incoming:
        row = message.item
        number = row.get("number", "")
        first, last = row.get("first_name", ""), row.get("last_name", "")
        if row.get("name") and not (first or last):
            first, _sep, last = (
                row["name"].rpartition(" ") if " " in row["name"] else (row["name"], "", "")
            )
        text = "\n\n".join(part for part in (row.get("topic", ""), row.get("text", "")) if part)
        if not text:
            raise BadPayload(_("CİMER application %(number)s has no text.") % {"number": number})
        received = parse_date(row.get("date", ""))
        submit: dict = {}
        case_type = case_type_of(row.get("type", ""))
        if case_type:
            submit["case_type"] = case_type
        neighbourhood = _neighbourhood(row.get("neighbourhood", ""))
        if neighbourhood:
            submit["neighbourhood"] = neighbourhood
        return Incoming(
            external_id=number,
            case_channel=self.case_channel,
            sender=number,
            text=text,
            received_at=timezone.make_aware(received)
            if received and timezone.is_naive(received)
            else received,
            citizen=CitizenInput(
                first_name=first[:100],
                last_name=last[:100],
                national_id=row.get("national_id", ""),
                phone=row.get("phone", ""),
                email=row.get("email", ""),
                address=row.get("address", "")[:500],
            ),
            address=row.get("address", "")[:500],
            conversational=False,
            threadable=False,
            extra={"cimer_number": number, "cimer_type": row.get("type", "")},
            submit=submit,
        )


def _neighbourhood(name: str) -> int | None:
    if not name:
        return None
    wanted = fold(name).removesuffix(" mahallesi").removesuffix(" mah.").removesuffix(" mh.")
    for row in Neighbourhood.objects.filter(municipality=channel_municipality()).only("pk", "name"):
        if fold(row.name) == wanted:
            return row.pk
    return None


def cimer_import(*, name: str, content: bytes) -> ImportReport:
    """Import one exported list; rows already imported (same CİMER number) are skipped.

    Rule: each row is stored raw first (channel "cimer", external id = CİMER's application number),
    then processed into a case through case_submit, so the CİMER service standard (30 days) applies.
    Callers: the staff import page, `acikmasa channels_cimer_import`. Side effects: rows, cases.
    """
    try:
        rows = read_file(name, content)
    except CimerFileError as exc:
        return ImportReport(errors=[str(exc)])
    report = ImportReport(rows=len(rows))
    for index, row in enumerate(rows, start=1):
        number = row.get("number", "").strip()
        if not number:
            report.failed += 1
            report.errors.append(_("Row %(row)d has no application number.") % {"row": index})
            continue
        body = json.dumps(row, ensure_ascii=False).encode()
        message, created = inbound_store(
            channel="cimer",
            envelope=Envelope(external_id=number, sender=number, item=row),
            headers={"file": name[:200], "row": str(index)},
            body=body,
            process=False,
        )
        if not created:
            report.duplicates += 1
            continue
        # Staff wait for the answer of an import, so rows are processed here rather than by the
        # worker.
        message = inbound_process(message_id=message.pk)
        if message.status == InboundMessage.Status.FAILED:
            report.failed += 1
            report.errors.append(
                _("Application %(number)s: %(error)s") % {"number": number, "error": message.error}
            )
        else:
            report.created += 1
    return report


register(CimerAdapter())
