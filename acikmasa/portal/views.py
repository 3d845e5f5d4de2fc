"""Citizens' portal pages. Thin: read the form, call one service or selector, render."""

from django.http import FileResponse, Http404, HttpRequest

from acikmasa.cases.models import Attachment


def photo(request: HttpRequest, pk: int, sha256: str) -> FileResponse:
    """A published photo; its full SHA-256 in the URL makes the address unguessable."""
    attachment = Attachment.objects.filter(
        pk=pk, sha256=sha256, is_public=True, content_type__startswith="image/",
    ).first()
    if attachment is None:
        raise Http404
    response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
    response["Cache-Control"] = "public, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response
