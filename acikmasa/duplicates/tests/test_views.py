"""The desk panel, merge/unmerge/dismiss forms, hot spots, and the citizen's page after
submitting."""

import pytest

from acikmasa.cases.lifecycle import Status
from acikmasa.cases.models import Case
from acikmasa.duplicates.models import DuplicateCandidate
from acikmasa.duplicates.services import duplicates_merge

from .helpers import LAT, NORTH_50, report

pytestmark = pytest.mark.django_db


def login(client, town, name):
    client.force_login(town.users[name])
    return client


def test_the_panel_shows_score_and_distance_of_possible_duplicates(client, town):
    older = report(town, lat=LAT + NORTH_50)
    new = report(town)
    page = login(client, town, "fen_staff").get(f"/mukerrer/cases/{new.pk}/panel/")
    assert page.status_code == 200
    html = page.content.decode()
    assert older.tracking_number in html and "50 m" in html and 'name="duplicates"' in html
    # the older case sees the newer one too (the stored link, read the other way)
    assert (
        new.tracking_number
        in login(client, town, "fen_staff")
        .get(f"/mukerrer/cases/{older.pk}/panel/")
        .content.decode()
    )


def test_the_panel_is_not_shown_outside_the_users_scope(client, town):
    case = report(town)
    assert (
        login(client, town, "temizlik_staff").get(f"/mukerrer/cases/{case.pk}/panel/").status_code
        == 404
    )


def test_merging_from_the_page_and_a_bad_post_gets_a_clear_400(client, town):
    master, copy = report(town), report(town)
    client = login(client, town, "fen_staff")
    response = client.post(
        f"/mukerrer/cases/{master.pk}/merge/", {"duplicates": [copy.pk], "text": "Aynı lamba"}
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=copy.pk).status == Status.DUPLICATE
    bad = client.post(f"/mukerrer/cases/{master.pk}/merge/", {"duplicates": ["abc"]})
    assert bad.status_code == 400 and 'role="alert"' in bad.content.decode()


def test_merging_someone_elses_case_is_403(client, town):
    master, copy = report(town), report(town)
    response = login(client, town, "temizlik_staff").post(
        f"/mukerrer/cases/{master.pk}/merge/", {"duplicates": [copy.pk]}
    )
    assert response.status_code == 404  # the master is not theirs to see
    assert Case.objects.get(pk=copy.pk).status == Status.NEW


def test_unmerge_from_the_page(client, town):
    master, copy = report(town), report(town)
    duplicates_merge(master_id=master.pk, duplicate_ids=[copy.pk], actor=town.users["admin"])
    client = login(client, town, "fen_staff")
    assert "unmerge" in client.get(f"/mukerrer/cases/{copy.pk}/panel/").content.decode()
    assert client.post(f"/mukerrer/cases/{copy.pk}/unmerge/", {"text": ""}).status_code == 400
    assert (
        client.post(f"/mukerrer/cases/{copy.pk}/unmerge/", {"text": "Başka bir lamba"}).status_code
        == 302
    )
    assert Case.objects.get(pk=copy.pk).status == Status.REOPENED


def test_dismissing_a_suggestion_hides_it(client, town):
    older, new = report(town), report(town)
    link = DuplicateCandidate.objects.get(case=new)
    client = login(client, town, "fen_staff")
    assert client.post(f"/mukerrer/links/{link.pk}/dismiss/", {"case": new.pk}).status_code == 302
    link.refresh_from_db()
    assert link.state == "dismissed" and link.decided_by == town.users["fen_staff"]
    assert (
        older.tracking_number not in client.get(f"/mukerrer/cases/{new.pk}/panel/").content.decode()
    )
    assert (
        login(client, town, "temizlik_staff")
        .post(f"/mukerrer/links/{link.pk}/dismiss/")
        .status_code
        == 404
    )


def test_hot_spots_list_groups_by_size_for_managers_only(client, town):
    cases = [report(town) for _ in range(4)]
    report(town, "Çöp konteyneri taştı", subject="waste")
    page = login(client, town, "fen_manager").get("/mukerrer/hot-spots/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<strong>4</strong>" in html and cases[0].tracking_number in html
    assert login(client, town, "fen_staff").get("/mukerrer/hot-spots/").status_code == 403
    assert (
        "<strong>4</strong>"
        not in login(client, town, "temizlik_manager").get("/mukerrer/hot-spots/").content.decode()
    )


def test_the_citizen_sees_similar_open_reports_after_submitting_and_can_add_a_voice(client, town):
    older = report(town, lat=LAT + NORTH_50)
    mine = report(town, "Lamba yanmıyor sokak karanlık")
    page = client.get(f"/basvuru/tamam/{mine.public_token}/")
    html = page.content.decode()
    assert (
        'id="similar"' in html
        and older.tracking_number in html
        and f"/basvuru/destek/{older.pk}/" in html
    )
    assert client.post(f"/basvuru/destek/{older.pk}/").status_code == 200
    assert older.supporters.count() == 1


def test_the_portal_before_submitting_uses_the_duplicate_search(client, town):
    from acikmasa.duplicates.models import SubjectDuplicateRule

    rule = SubjectDuplicateRule.objects.create(subject=town.subjects["waste"])
    rule.related_subjects.add(town.subjects["street_light"])
    related = report(town, "Çöp konteyneri taştı", subject="waste")
    html = client.get(
        "/basvuru/yakindaki/",
        {"subject": town.subjects["street_light"].pk, "lat": LAT, "lng": 28.8770},
    ).content.decode()
    assert related.tracking_number in html
