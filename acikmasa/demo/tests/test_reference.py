import json

import pytest

from acikmasa.demo import catalogue, geography
from acikmasa.demo.geometry import point_in_polygon
from acikmasa.demo.reference import reference_load
from acikmasa.directory.models import (
    ApplicationPlace,
    Directorate,
    ExternalBody,
    Neighbourhood,
    Region,
    ServiceStandard,
    Street,
    Subject,
)

pytestmark = pytest.mark.django_db
MODELS = [
    Directorate,
    ExternalBody,
    ApplicationPlace,
    ServiceStandard,
    Subject,
    Region,
    Neighbourhood,
    Street,
]


def test_reference_load_twice_creates_no_duplicates():
    reference_load()
    counts = {model: model.objects.count() for model in MODELS}
    reference_load()
    assert {model: model.objects.count() for model in MODELS} == counts
    assert counts[Neighbourhood] == 17 and counts[Region] == 5 and counts[ExternalBody] == 4
    assert 25 <= counts[Directorate] <= 30 and 55 <= counts[Subject] <= 65


def test_mahalleler_are_esenlers_seventeen_with_outlines_around_their_centres():
    ref = reference_load()
    hoods = Neighbourhood.objects.filter(municipality=ref.municipality)
    assert {h.name for h in hoods} == {
        "Birlik",
        "Çiftehavuzlar",
        "Davutpaşa",
        "Fatih",
        "Fevzi Çakmak",
        "Atışalanı",
        "Kazım Karabekir",
        "Kemer",
        "Menderes",
        "Mimar Sinan",
        "Namık Kemal",
        "Nine Hatun",
        "Oruçreis",
        "Tuna",
        "Turgut Reis",
        "Yavuz Selim",
        "15 Temmuz",
    }
    assert hoods.get(name="Atışalanı").former_names == "Havaalanı"
    assert 120_000 <= sum(h.households for h in hoods) <= 130_000
    for hood in hoods:
        assert 41.02 <= hood.latitude <= 41.07 and 28.85 <= hood.longitude <= 28.91
        assert hood.boundary["type"] == "Polygon"
        ring = [tuple(p) for p in hood.boundary["coordinates"][0]]
        assert point_in_polygon((hood.longitude, hood.latitude), ring), hood.name
        assert 8 <= hood.streets.count() <= 20
        assert hood.search_key  # saved through the model, so folded search keys exist


def test_shipped_geojson_is_the_generated_outlines():
    shipped = json.loads(geography.GEOJSON_PATH.read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(geography.feature_collection()))
    assert "synthetic" in (geography.DATA_DIR / "README.md").read_text().lower()


def test_service_standards_are_those_of_seed_001_and_the_48_hour_one():
    ref = reference_load()
    rows = {s.sequence_no: s for s in ServiceStandard.objects.filter(municipality=ref.municipality)}
    expected = {
        1: (30, "calendar_days"),
        2: (30, "calendar_days"),
        3: (15, "working_days"),
        4: (15, "calendar_days"),
        5: (15, "calendar_days"),
        6: (1, "calendar_days"),
        8: (15, "calendar_days"),
        9: (15, "calendar_days"),
        10: (48, "hours"),
    }
    assert {no: (s.deadline_amount, s.deadline_unit) for no, s in rows.items()} == expected
    assert {no for no, s in rows.items() if s.is_statutory} == {1, 2, 3}
    assert rows[3].case_types == ["information"]
    assert set(rows[4].channels.values_list("code", flat=True)) == {"desk", "petition"}
    assert set(rows[9].channels.values_list("code", flat=True)) == {
        "sms",
        "mobile_app",
        "web",
        "whatsapp",
        "social_media",
        "email",
        "mobile_office",  # row 9's "Mobil Minibüs" (issue 20)
    }
    first = rows[5].first_place
    assert (first.person_name, first.title, first.phone, first.fax, first.email) == (
        "Ercan ZENGİN",
        "Halkla İlişkiler Müdürü",
        "444 00 73/1010",
        "0212 440 11 90",
        "e.zengin@esenler.bel.tr",
    )
    assert rows[5].second_place.person_name == "Aydın POLAT"
    assert "444 00 73" in rows[5].required_documents


def test_street_lights_belong_to_the_electricity_distributor_and_urgent_subjects_to_48_hours():
    ref = reference_load()
    light = Subject.objects.get(municipality=ref.municipality, code="sokak-lambasi")
    assert light.external_body.code == "bedas"
    assert "isik" in light.keywords and "ışık" in light.keywords
    urgent = Subject.objects.filter(
        municipality=ref.municipality, service_standard__deadline_unit="hours"
    )
    assert {"yol-cukur", "devrilen-agac", "kanalizasyon"} <= set(
        urgent.values_list("code", flat=True)
    )
    assert len(catalogue.SUBJECTS) == Subject.objects.filter(municipality=ref.municipality).count()
