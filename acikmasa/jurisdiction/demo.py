"""Jurisdiction rules of the demo district (Esenler, İstanbul): what belongs to İBB and the
utilities.

Upserted by name, so running the demo again changes nothing. Street lights, water and sewers and
gas are forwarded at intake (there is nothing for the district to do); road works on the main
roads are only flagged, because a pothole there may still be the district's own trench.
"""

from acikmasa.directory.models import Street

from .models import JurisdictionRule

MAIN_ROADS = (
    "Atışalanı Caddesi",
    "Mahmutbey Yolu",
    "Bağcılar Yolu",
    "Litros Yolu",
    "Davutpaşa Caddesi",
)
ROAD_SUBJECTS = ("yol-cukur", "kaldirim-onarim", "rogar-kapagi", "yol-yapim", "kar-buz")
# (name, priority, institution code, subject codes, street names, forward at intake)
RULES = [
    ("Ana arterlerde yol işleri İBB'ye aittir", 10, "ibb", ROAD_SUBJECTS, MAIN_ROADS, False),
    ("Ana yollar ve toplu taşıma İBB'ye aittir", 20, "ibb", ("ana-yol", "otobus-durak"), (), True),
    ("Sokak aydınlatması BEDAŞ'a aittir", 30, "bedas", ("sokak-lambasi",), (), True),
    ("Su ve kanalizasyon İSKİ'ye aittir", 30, "iski", ("su-arizasi", "kanalizasyon"), (), True),
    ("Doğalgaz İGDAŞ'a aittir", 30, "igdas", ("dogalgaz",), (), True),
]


def demo_rules_load(ref) -> list[JurisdictionRule]:
    """Create or update the demo rules for `ref` (demo.reference.Reference). Writes rules only."""
    rules = []
    for name, priority, body, subjects, streets, at_intake in RULES:
        if body not in ref.external_bodies:
            continue
        rule, _ = JurisdictionRule.objects.update_or_create(
            municipality=ref.municipality,
            name=name,
            defaults={
                "priority": priority,
                "external_body": ref.external_bodies[body],
                "forward_at_intake": at_intake,
            },
        )
        rule.subjects.set([ref.subjects[c] for c in subjects if c in ref.subjects])
        rule.streets.set(
            Street.objects.filter(neighbourhood__municipality=ref.municipality, name__in=streets)
        )
        rules.append(rule)
    return rules
