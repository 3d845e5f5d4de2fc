"""Suggestion fragments, the triage queue and re-routing on the case page, with who may do what."""

import pytest

from acikmasa.cases.events import EventKind
from acikmasa.cases.models import Case
from acikmasa.cases.services.intake import case_submit
from acikmasa.portal.forms import new_form_token
from acikmasa.routing.models import Correction

from .helpers import whatsapp

DESK_SUGGEST = "/yonlendirme/masa/oneri/"
PORTAL_SUGGEST = "/yonlendirme/oneri/"
TRIAGE = "/yonlendirme/triyaj/"


def _reroute_url(case):
    return f"/yonlendirme/basvuru/{case.pk}/yeniden-yonlendir/"


def _panel_url(case):
    return f"/yonlendirme/basvuru/{case.pk}/konu/"


def _pothole(town):
    return case_submit(
        municipality=town.municipality,
        channel="call_centre",
        subject="pothole",
        description="Çöp konteyneri devrildi",
    ).case


def test_the_portal_suggests_subjects_as_the_citizen_types(client, town):
    response = client.get(PORTAL_SUGGEST, {"description": "Sokaktaki LAMBALAR yanmıyor"})
    page = response.content.decode()
    assert response.status_code == 200
    assert f'data-subject="{town.subjects["street_light"].pk}"' in page and "Sokak lambası" in page


def test_too_short_or_unknown_text_gives_no_buttons(client, town):
    assert "data-subject" not in client.get(PORTAL_SUGGEST, {"description": "a"}).content.decode()
    assert (
        "data-subject"
        not in client.get(PORTAL_SUGGEST, {"description": "merhaba nasılsınız"}).content.decode()
    )
    assert client.post(PORTAL_SUGGEST, {"description": "çukur"}).status_code == 405


def test_the_desk_suggestions_need_a_staff_login(client, town):
    assert client.get(DESK_SUGGEST, {"description": "çöp"}).status_code == 302
    client.force_login(town.users["caller"])
    page = client.get(
        DESK_SUGGEST, {"description": "çöp konteyneri taştı", "neighbourhood": "x1"}
    ).content.decode()
    assert f'data-subject="{town.subjects["waste"].pk}"' in page and "Temizlik" in page


def test_the_intake_screens_and_the_portal_ask_for_suggestions(client, town):
    client.force_login(town.users["caller"])
    assert DESK_SUGGEST in client.get("/call/").content.decode()
    assert DESK_SUGGEST in client.get("/walk-in/").content.decode()
    assert PORTAL_SUGGEST in client.get("/basvuru/").content.decode()


def test_a_citizen_may_leave_the_subject_to_the_municipality(client, town):
    form = {
        "form_token": new_form_token(),
        "case_type": "request",
        "subject": "",
        "description": "Bir sorunum var, ne yapacağımı bilmiyorum",
        "privacy_read": "on",
    }
    response = client.post("/basvuru/", form)
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.subject is None and "suggestion" in case.events.get(kind=EventKind.CREATED).payload


def test_the_triage_queue_lists_cases_without_subject_and_routes_them_in_one_click(client, town):
    waiting = whatsapp(town, "Sokağımızda lamba var ama çukur da var")
    routed = _pothole(town)
    client.force_login(town.users["desk"])
    page = client.get(TRIAGE).content.decode()
    assert waiting.tracking_number in page and routed.tracking_number not in page
    response = client.post(
        _reroute_url(waiting),
        {
            "subject_id": town.subjects["street_light"].pk,
            "version": waiting.version,
            "from": "triage",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith(TRIAGE)
    waiting.refresh_from_db()
    assert (
        waiting.subject == town.subjects["street_light"]
        and waiting.directorate == town.directorates["fen"]
    )
    event = waiting.events.get(kind=EventKind.REROUTED)
    assert event.actor == town.users["desk"] and event.text
    assert waiting.tracking_number not in client.get(TRIAGE).content.decode()


@pytest.mark.parametrize(
    ("user", "status"), [("desk", 200), ("pr", 200), ("fen_staff", 403), ("mayor", 403)]
)
def test_only_intake_roles_see_the_triage_queue(client, town, user, status):
    client.force_login(town.users[user])
    assert client.get(TRIAGE).status_code == status


def test_the_case_page_loads_the_reroute_panel_for_those_who_may_use_it(client, town):
    case = _pothole(town)
    client.force_login(town.users["fen_staff"])
    assert _panel_url(case) in client.get(f"/cases/{case.pk}/").content.decode()
    panel = client.get(_panel_url(case)).content.decode()
    assert _reroute_url(case) in panel and "Temizlik" in panel
    client.force_login(town.users["mayor"])
    assert client.get(_panel_url(case)).content.decode().strip() == ""
    client.force_login(town.users["temizlik_staff"])
    assert client.get(_panel_url(case)).status_code == 404


def test_rerouting_from_the_case_page_records_event_and_correction(client, town):
    case = _pothole(town)
    client.force_login(town.users["fen_manager"])
    response = client.post(
        _reroute_url(case),
        {
            "subject_id": town.subjects["waste"].pk,
            "reason": "Konu çöp",
            "version": case.version,
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and response["HX-Redirect"] == f"/cases/{case.pk}/"
    case.refresh_from_db()
    assert case.directorate == town.directorates["temizlik"]
    assert Correction.objects.get(case=case).to_subject == town.subjects["waste"]
    assert client.get(f"/cases/{case.pk}/").status_code == 404  # it left the Fen manager's scope
    client.force_login(town.users["desk"])
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert (
        "Doğru müdürlüğe yönlendirildi" in page
        and "“Yol çukuru” konusundan “Çöp toplama” konusuna" in page
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"subject_id": "", "reason": "x"}, "Doğru konuyu seçin"),
        ({"subject_id": "abc", "reason": "x"}, "Doğru konuyu seçin"),
        ({"subject_id": "WASTE", "reason": ""}, "Konunun neden yanlış olduğunu yazın"),
    ],
)
def test_bad_input_comes_back_on_the_form_with_a_clear_message(client, town, data, message):
    case = _pothole(town)
    if data["subject_id"] == "WASTE":
        data = data | {"subject_id": town.subjects["waste"].pk}
    client.force_login(town.users["desk"])
    response = client.post(_reroute_url(case), data)
    assert response.status_code == 400 and message in response.content.decode()
    case.refresh_from_db()
    assert case.subject == town.subjects["pothole"] and not Correction.objects.exists()


def test_a_stale_form_gets_a_conflict_and_a_forbidden_user_403(client, town):
    case = _pothole(town)
    stale = {"subject_id": town.subjects["waste"].pk, "reason": "çöp", "version": case.version}
    client.force_login(town.users["fen_staff"])
    client.post(
        f"/cases/{case.pk}/actions/note/", {"text": "Ekip yönlendirildi", "version": case.version}
    )
    case.refresh_from_db()
    client.force_login(town.users["desk"])
    assert client.post(_reroute_url(case), stale).status_code == 409
    client.force_login(town.users["mayor"])
    assert client.post(_reroute_url(case), stale | {"version": case.version}).status_code == 403
    case.refresh_from_db()
    assert case.subject == town.subjects["pothole"]


def test_the_triage_page_uses_the_trained_model_and_reads_it_once_per_page(
    client, town, django_assert_max_num_queries
):
    from acikmasa.routing.models import RoutingSettings
    from acikmasa.routing.services import routing_train

    from .helpers import history

    history(town, per_subject=15)
    routing_train(municipality=town.municipality)
    RoutingSettings.objects.create(municipality=town.municipality, auto_route_threshold=1.0)
    cases = [
        whatsapp(town, text)
        for text in ("ampul sönük", "atıklar birikti", "tekerlek patladı", "yama yapılmadı")
    ]
    client.force_login(town.users["desk"])
    with django_assert_max_num_queries(20):  # not a handful per row: rules, model, settings once
        page = client.get(TRIAGE).content.decode()
    assert all(c.tracking_number in page for c in cases)
    lamp_row = page[page.index(f'id="case-{cases[0].pk}"') : page.index(f'id="case-{cases[1].pk}"')]
    assert (
        f'name="subject_id" value="{town.subjects["street_light"].pk}"' in lamp_row
    )  # a one-click suggestion
