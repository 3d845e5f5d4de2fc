"""Files kept on a case: stored under their digest, their type read from the bytes."""

import hashlib
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile

from acikmasa.cases.models import Attachment, Case, CaseEvent
from acikmasa.security.uploads import stored_content_type


@dataclass
class IncomingFile:
    name: str
    content: bytes
    content_type: str = "application/octet-stream"
    is_public: bool = False


def attachment_store(
    case: Case,
    upload: IncomingFile,
    *,
    event: CaseEvent | None = None,
    user: AbstractBaseUser | None = None,
    is_public: bool | None = None,
) -> Attachment:
    """Keep one file on `case` (linked to the event it came with, if any).

    Callers: the intake (files sent with the application), the follow-up message helper.
    Side effects: the file on disk and its Attachment row.
    """
    digest = hashlib.sha256(upload.content).hexdigest()
    attachment = Attachment(
        case=case,
        event=event,
        original_name=upload.name[:255],
        content_type=stored_content_type(upload.content, upload.content_type),
        size=len(upload.content),
        sha256=digest,
        is_public=upload.is_public if is_public is None else is_public,
        uploaded_by=user,
    )
    attachment.file.save(
        f"{digest[:16]}-{upload.name[-80:]}", ContentFile(upload.content), save=False
    )
    attachment.save()
    return attachment
