"""Which rule matches: subject, street, mahalle, area (polygon), priority; admin validation."""

import pytest

from acikmasa.cases.services.intake import case_submit
from acikmasa.common.testing import make_town
from acikmasa.directory.models import ExternalBody
from acikmasa.jurisdiction.admin import JurisdictionRuleForm
from acikmasa.jurisdiction.geo import contains, polygon_errors
from acikmasa.jurisdiction.matching import rule_match
from acikmasa.jurisdiction.models import JurisdictionRule

pytestmark = pytest.mark.django_db
SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[28.87, 41.04], [28.88, 41.04], [28.88, 41.05], [28.87, 41.05], [28.87, 41.04]]
    ],
}
HOLE = [[28.874, 41.044], [28.876, 41.044], [28.876, 41.046], [28.874, 41.046], [28.874, 41.044]]


def case(town, subject="pothole", **kwargs):
    return case_submit(
        municipality=town.municipality,
        channel="web",
        subject=subject,
        description="Yolda sorun var",
        **kwargs,
    ).case


def rule(town, name, priority=100, body="elektrik", **conditions):
    made = JurisdictionRule.objects.create(
        municipality=town.municipality,
        name=name,
        priority=priority,
        external_body=town.external_bodies[body],
        area=conditions.pop("area", None),
    )
    for field, rows in conditions.items():
        getattr(made, field).set(rows)
    return made


def test_a_subject_rule_matches_cases_of_that_subject_only(town):
    lights = rule(town, "Lambalar", subjects=[town.subjects["street_light"]])
    match = rule_match(case(town, subject="street_light"))
    assert match.rule == lights and match.reasons == [
        "konu: Sokak lambası / ışık arızası"
    ]  # Turkish first
    assert rule_match(case(town)) is None


def test_a_street_rule_and_combined_conditions(town):
    street = town.streets["ataturk"]
    main_road = rule(
        town, "Ana yol çukurları", subjects=[town.subjects["pothole"]], streets=[street]
    )
    assert rule_match(case(town, street=street)).rule == main_road
    assert rule_match(case(town)) is None  # the subject alone is not enough
    assert rule_match(case(town, subject="waste", street=street)) is None  # nor the street alone


def test_a_mahalle_rule(town):
    tuna = rule(town, "Tuna", neighbourhoods=[town.neighbourhoods["tuna"]])
    assert rule_match(case(town, neighbourhood=town.neighbourhoods["tuna"])).rule == tuna
    assert rule_match(case(town, neighbourhood=town.neighbourhoods["birlik"])) is None


def test_an_area_rule_needs_a_pin_inside_the_polygon_and_outside_its_holes(town):
    area = {"type": "Polygon", "coordinates": [SQUARE["coordinates"][0], HOLE]}
    corridor = rule(town, "Otoyol koridoru", area=area)
    assert rule_match(case(town, latitude=41.041, longitude=28.871)).rule == corridor
    assert rule_match(case(town, latitude=41.045, longitude=28.875)) is None  # in the hole
    assert rule_match(case(town, latitude=41.06, longitude=28.871)) is None
    assert rule_match(case(town)) is None  # no pin: an area cannot match


def test_the_lowest_priority_number_wins_and_inactive_rules_are_skipped(town):
    town.external_bodies["ibb"] = ExternalBody.objects.create(
        municipality=town.municipality, code="ibb", name="İBB", kind="metropolitan"
    )
    street = town.streets["ataturk"]
    rule(town, "Genel: çukurlar", priority=50, body="elektrik", subjects=[town.subjects["pothole"]])
    specific = rule(town, "Ana cadde", priority=10, body="ibb", streets=[street])
    assert rule_match(case(town, street=street)).rule == specific
    specific.is_active = False
    specific.save()
    assert rule_match(case(town, street=street)).rule.name == "Genel: çukurlar"


def test_multipolygon_and_polygon_errors():
    multi = {
        "type": "MultiPolygon",
        "coordinates": [SQUARE["coordinates"], [[[29, 41], [29.1, 41], [29.1, 41.1], [29, 41]]]],
    }
    assert (
        polygon_errors(multi) == ""
        and contains(multi, 41.05, 29.05)
        and not contains(multi, 41.2, 29.05)
    )
    for bad in [
        None,
        {"type": "Point", "coordinates": [28, 41]},
        {"type": "Polygon", "coordinates": [[[28, 41], [29, 41]]]},
        {"type": "Polygon", "coordinates": "x"},
        {"type": "Polygon", "coordinates": [[[500, 41], [29, 41], [29, 42], [500, 41]]]},
    ]:
        assert polygon_errors(bad)
        assert not contains(bad, 41.0, 28.0) if isinstance(bad, dict) else True


def _form(town, **data):
    values = {
        "municipality": town.municipality.pk,
        "name": "Kural",
        "priority": 10,
        "external_body": town.external_bodies["elektrik"].pk,
        "is_active": True,
    }
    return JurisdictionRuleForm(data={**values, **data})


def test_the_admin_refuses_a_rule_without_conditions_a_bad_area_and_other_towns_rows(town):
    form = _form(town)
    assert not form.is_valid() and "__all__" in form.errors
    form = _form(town, area='{"type": "Polygon", "coordinates": []}')
    assert not form.is_valid() and "area" in form.errors
    other = make_town("baskakent")
    form = _form(town, subjects=[other.subjects["pothole"].pk])
    assert not form.is_valid() and "subjects" in form.errors
    form = _form(
        town, target_municipality=town.municipality.pk, subjects=[town.subjects["pothole"].pk]
    )
    assert not form.is_valid() and "target_municipality" in form.errors
    good = _form(town, subjects=[town.subjects["pothole"].pk], area=str(SQUARE).replace("'", '"'))
    assert good.is_valid(), good.errors
