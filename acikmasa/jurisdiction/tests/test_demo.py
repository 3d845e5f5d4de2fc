import pytest

from acikmasa.demo.reference import reference_load
from acikmasa.jurisdiction.demo import demo_rules_load
from acikmasa.jurisdiction.matching import rule_match
from acikmasa.jurisdiction.models import JurisdictionRule

pytestmark = pytest.mark.django_db


def test_the_demo_rules_route_lights_water_gas_and_main_roads_and_reload_adds_nothing():
    from acikmasa.cases.services.intake import case_submit
    from acikmasa.directory.models import Street

    ref = reference_load()
    demo_rules_load(ref)
    demo_rules_load(ref)
    assert JurisdictionRule.objects.count() == 5

    def body(subject, **kwargs):
        case = case_submit(
            municipality=ref.municipality,
            channel="web",
            subject=subject,
            description="Deneme",
            **kwargs,
        ).case
        match = rule_match(case)
        return match.rule.external_body.code if match else None

    assert (
        body("sokak-lambasi") == "bedas"
        and body("kanalizasyon") == "iski"
        and body("dogalgaz") == "igdas"
    )
    assert body("ana-yol") == "ibb" and body("yol-cukur") is None
    main = Street.objects.filter(
        neighbourhood__municipality=ref.municipality, name="Mahmutbey Yolu"
    ).first()
    assert body("yol-cukur", street=main) == "ibb"
