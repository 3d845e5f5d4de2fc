import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.models import Attachment

from .helpers import VALID_TCKN, act, new_case, tiny_png, with_citizen

PNG = tiny_png()  # a real image: evidence photos are rebuilt from their pixels


def _post(client, case, action, **data):
    data.setdefault("version", case.version if hasattr(case, "version") else "")
    return client.post(reverse("desk:case_action", args=[case.pk, action]), data)


def test_case_page_shows_everything_about_the_case(town, client):
    case = with_citizen(
        town,
        neighbourhood=town.neighbourhoods["birlik"].pk,
        street=town.streets["ataturk"].pk,
        latitude=41.04,
        longitude=28.88,
    )
    client.force_login(town.users["fen_staff"])
    html = client.get(reverse("desk:case", args=[case.pk])).content.decode()
    for expected in (
        case.tracking_number,
        "Yol çukuru",
        "Ayşe Işıkoğlu",
        "Birlik",
        "Atatürk Caddesi",
        "<svg",
        "<circle",
    ):
        assert expected in html
    assert "Sokakta büyük bir çukur var" in html


def test_directorate_staff_see_the_national_id_masked(town, client):
    case = with_citizen(town)
    client.force_login(town.users["fen_staff"])
    html = client.get(reverse("desk:case", args=[case.pk])).content.decode()
    assert VALID_TCKN not in html and "10*******46" in html


@pytest.mark.parametrize("user", ["caller", "desk", "pr"])
def test_intake_and_pr_roles_see_the_full_national_id(town, client, user):
    case = with_citizen(town)
    client.force_login(town.users[user])
    assert VALID_TCKN in client.get(reverse("desk:case", args=[case.pk])).content.decode()


def test_executive_sees_id_and_phone_masked(town, client):
    case = with_citizen(town)
    client.force_login(town.users["mayor"])
    html = client.get(reverse("desk:case", args=[case.pk])).content.decode()
    assert VALID_TCKN not in html and "+905321234567" not in html


def test_case_outside_scope_is_404(town, client):
    waste = new_case(town, subject="waste", description="Çöp")
    client.force_login(town.users["fen_staff"])
    assert client.get(reverse("desk:case", args=[waste.pk])).status_code == 404
    assert _post(client, waste, "note", text="x").status_code == 404


def test_unknown_action_is_404(town, client):
    case = new_case(town)
    client.force_login(town.users["fen_staff"])
    assert _post(client, case, "explode", text="x").status_code == 404


def test_role_that_may_not_act_is_refused_with_403(town, client):
    case = new_case(town)
    client.force_login(town.users["fen_staff"])
    response = _post(client, case, "assign", assignee_id=town.users["fen_staff"].pk)
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.assignee is None and case.events.count() == 2


def test_executive_is_read_only(town, client):
    case = new_case(town)
    client.force_login(town.users["mayor"])
    html = client.get(reverse("desk:case", args=[case.pk])).content.decode()
    assert 'action="/cases/' not in html
    assert _post(client, case, "note", text="not allowed").status_code == 403


def test_only_permitted_action_forms_are_shown(town, client):
    case = new_case(town)
    client.force_login(town.users["fen_staff"])
    response = client.get(reverse("desk:case", args=[case.pk]))
    shown = [a for a, _ in response.context["actions"]]
    assert (
        "resolve" in shown
        and "assign" not in shown
        and "close" not in shown
        and "reject" not in shown
    )
    client.force_login(town.users["fen_manager"])
    shown = [a for a, _ in client.get(reverse("desk:case", args=[case.pk])).context["actions"]]
    assert (
        "assign" in shown and "reject" in shown and "close" not in shown
    )  # close needs "resolved"


def test_timeline_uses_readable_labels(town, client):
    case = new_case(town)
    act(town, case, "fen_manager", Action.ASSIGN, assignee_id=town.users["fen_staff"].pk)
    client.force_login(town.users["fen_staff"])
    rows = client.get(reverse("desk:case", args=[case.pk])).context["timeline"]
    assert [r.event.kind for r in rows] == ["created", "routed", "assigned"]
    assert all(r.label != r.event.kind for r in rows)
    assert "Fen" in rows[2].detail


def test_take_ask_resolve_close_through_the_forms(town, client):
    case = with_citizen(town)
    client.force_login(town.users["fen_staff"])
    case.refresh_from_db()
    assert _post(client, case, "start").status_code == 302
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS and case.assignee == town.users["fen_staff"]
    assert _post(client, case, "ask_citizen", text="Kapı numarası nedir?").status_code == 302
    case.refresh_from_db()
    assert case.status == Status.WAITING_CITIZEN
    photo = SimpleUploadedFile("after.png", PNG, content_type="image/png")
    response = _post(client, case, "resolve", text="Çukur asfaltla kapatıldı.", photo=photo)
    assert response.status_code == 302 and response["Location"] == reverse(
        "desk:case", args=[case.pk]
    )
    case.refresh_from_db()
    assert case.status == Status.RESOLVED
    evidence = Attachment.objects.get(case=case)
    assert evidence.event.kind == "resolved" and evidence.content_type == "image/png"
    client.force_login(town.users["desk"])
    assert _post(client, case, "close", confirm="1").status_code == 302
    case.refresh_from_db()
    assert case.status == Status.CLOSED
    assert [e.kind for e in case.events.all()][-4:] == [
        "started",
        "info_requested",
        "resolved",
        "closed",
    ]


def test_close_without_confirming_the_answer_is_refused_and_changes_nothing(town, client):
    case = new_case(town)
    act(town, case, "fen_staff", Action.RESOLVE, "Asfalt yamandı, tamam.")
    case.refresh_from_db()
    client.force_login(town.users["desk"])
    response = _post(client, case, "close")
    assert response.status_code == 400
    assert "Vatandaşa cevap verildiğini onaylayın" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.RESOLVED


def test_missing_reason_keeps_what_was_typed_and_says_what_is_wrong(town, client):
    case = new_case(town)
    client.force_login(town.users["fen_staff"])
    response = _post(client, case, "resolve", text="kısa")
    assert response.status_code == 400
    html = response.content.decode()
    assert ">kısa</textarea>" in html and 'id="action-resolve" open' in html
    case.refresh_from_db()
    assert case.status == Status.NEW


def test_forward_with_reason_moves_the_case_to_the_other_directorate(town, client):
    case = new_case(town)
    client.force_login(town.users["fen_staff"])
    response = _post(
        client,
        case,
        "forward",
        text="Bu iş temizliğin",
        directorate_id=town.directorates["temizlik"].pk,
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.directorate == town.directorates["temizlik"]
    # and now it is outside fen_staff's scope
    assert client.get(reverse("desk:case", args=[case.pk])).status_code == 404


def test_forward_without_reason_is_refused(town, client):
    case = new_case(town)
    client.force_login(town.users["fen_staff"])
    response = _post(client, case, "forward", directorate_id=town.directorates["temizlik"].pk)
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.directorate == town.directorates["fen"]


def test_mark_duplicate_by_tracking_number(town, client):
    master, copy = new_case(town), new_case(town)
    client.force_login(town.users["fen_staff"])
    assert _post(client, copy, "mark_duplicate", master=master.tracking_number).status_code == 302
    copy.refresh_from_db()
    assert copy.status == Status.DUPLICATE and copy.duplicate_of == master


def test_mark_duplicate_of_an_invisible_case_is_refused(town, client):
    hidden = new_case(town, subject="waste", description="Çöp")
    copy = new_case(town)
    client.force_login(town.users["fen_staff"])
    response = _post(client, copy, "mark_duplicate", master=hidden.tracking_number)
    assert response.status_code == 400
    copy.refresh_from_db()
    assert copy.status == Status.NEW


def test_reject_and_forward_out_and_note_and_answer(town, client):
    a, b, c = (
        new_case(town),
        new_case(town, subject="street_light", description="Lamba"),
        new_case(town),
    )
    client.force_login(town.users["fen_manager"])
    assert _post(client, a, "reject", text="Belediyenin görevi değil").status_code == 302
    assert (
        _post(
            client,
            b,
            "forward_out",
            text="Elektrik dağıtım şirketinin işi",
            external_body_id=town.external_bodies["elektrik"].pk,
        ).status_code
        == 302
    )
    assert _post(client, c, "note", text="İç not").status_code == 302
    c.refresh_from_db()
    assert _post(client, c, "answer", text="Ekip yönlendirildi").status_code == 302
    a.refresh_from_db()
    b.refresh_from_db()
    c.refresh_from_db()
    assert (
        a.status == Status.REJECTED
        and b.status == Status.FORWARDED_OUT
        and b.forwarded_to == town.external_bodies["elektrik"]
    )
    assert [e.kind for e in c.events.all()][-2:] == ["note_added", "answer_written"]


def test_reopen_after_close(town, client):
    case = new_case(town)
    act(town, case, "fen_staff", Action.RESOLVE, "Asfalt yamandı, tamam.")
    act(town, case, "desk", Action.CLOSE)
    case.refresh_from_db()
    client.force_login(town.users["caller"])
    assert (
        _post(client, case, "reopen", text="Vatandaş sorunun sürdüğünü söyledi").status_code == 302
    )
    case.refresh_from_db()
    assert case.status == Status.REOPENED


def test_stale_version_is_refused_with_409(town, client):
    case = new_case(town)
    old_version = case.version
    act(town, case, "fen_manager", Action.NOTE, "başka biri yazdı")
    client.force_login(town.users["fen_staff"])
    response = _post(client, case, "note", text="benim notum", version=old_version)
    assert response.status_code == 409
    assert ">benim notum</textarea>" in response.content.decode()


def test_a_non_image_photo_is_refused_and_nothing_changes(town, client):
    case = new_case(town)
    client.force_login(town.users["fen_staff"])
    upload = SimpleUploadedFile("evil.png", b"<script>alert(1)</script>", content_type="image/png")
    response = _post(client, case, "resolve", text="Çukur asfaltla kapatıldı.", photo=upload)
    assert response.status_code == 400
    case.refresh_from_db()
    assert (
        case.status == Status.NEW and not Attachment.objects.exists() and case.events.count() == 2
    )


def test_attachment_is_served_only_within_scope(town, client):
    case = new_case(town)
    client.force_login(town.users["fen_staff"])
    _post(
        client,
        case,
        "resolve",
        text="Çukur asfaltla kapatıldı.",
        photo=SimpleUploadedFile("a.png", PNG, content_type="image/png"),
    )
    attachment = Attachment.objects.get()
    response = client.get(reverse("desk:attachment", args=[attachment.pk]))
    with attachment.file.open("rb") as stored:
        assert response.status_code == 200 and b"".join(response.streaming_content) == stored.read()
    assert (
        response["Content-Type"] == "image/png" and response["X-Content-Type-Options"] == "nosniff"
    )
    client.force_login(town.users["temizlik_staff"])
    assert client.get(reverse("desk:attachment", args=[attachment.pk])).status_code == 404


def test_case_page_query_count_does_not_grow_with_history(town, client):
    case = with_citizen(town, neighbourhood=town.neighbourhoods["birlik"].pk)
    client.force_login(town.users["fen_manager"])
    with CaptureQueriesContext(connection) as short:
        client.get(reverse("desk:case", args=[case.pk]))
    for i in range(10):
        act(town, case, "fen_manager", Action.NOTE, f"not {i}")
    act(town, case, "fen_manager", Action.ASSIGN, assignee_id=town.users["fen_staff"].pk)
    with CaptureQueriesContext(connection) as long:
        client.get(reverse("desk:case", args=[case.pk]))
    assert len(long) <= len(short) + 1 <= 16  # +1: the assignee's name in the timeline


def test_answer_and_resolve_forms_load_the_canned_answers_of_the_case(town, client):
    case = with_citizen(town)
    client.force_login(town.users["fen_staff"])
    html = client.get(reverse("desk:case", args=[case.pk])).content.decode()
    partial = reverse("notify:canned_answers", args=[case.pk])
    assert (
        f'hx-get="{partial}?target=answer-text"' in html
        and f'hx-get="{partial}?target=resolve-text"' in html
    )
    assert client.get(f"{partial}?target=answer-text").status_code == 200
