"""Which rule, if any, says a case belongs to another body: the lowest priority number that
matches."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from acikmasa.cases.models import Case

from .geo import contains
from .models import JurisdictionRule


@dataclass
class RuleMatch:
    rule: JurisdictionRule
    reasons: list[str]  # in the reader's words: what of the case matched


def active_rules(municipality_id: int) -> list[JurisdictionRule]:
    return list(
        JurisdictionRule.objects.filter(municipality_id=municipality_id, is_active=True)
        .select_related("external_body", "target_municipality", "target_subject")
        .prefetch_related("subjects", "streets", "neighbourhoods")
        .order_by("priority", "pk")
    )


def rule_reasons(rule: JurisdictionRule, case: Case) -> list[str] | None:
    """What matched, or None when a condition fails. A rule without any condition matches
    nothing."""
    reasons: list[str] = []
    subjects = {s.pk: s for s in rule.subjects.all()}
    if subjects:
        if case.subject_id not in subjects:
            return None
        reasons.append(_("subject: %(name)s") % {"name": subjects[case.subject_id].name})
    streets = {s.pk: s for s in rule.streets.all()}
    if streets:
        if case.street_id not in streets:
            return None
        reasons.append(_("street: %(name)s") % {"name": streets[case.street_id].name})
    neighbourhoods = {n.pk: n for n in rule.neighbourhoods.all()}
    if neighbourhoods:
        if case.neighbourhood_id not in neighbourhoods:
            return None
        reasons.append(
            _("mahalle: %(name)s") % {"name": neighbourhoods[case.neighbourhood_id].name}
        )
    if rule.area:
        if case.latitude is None or not contains(rule.area, case.latitude, case.longitude):
            return None
        reasons.append(_("location inside the rule's area"))
    return reasons or None


def rule_match(case: Case, rules: list[JurisdictionRule] | None = None) -> RuleMatch | None:
    """The first matching active rule of the case's municipality (priority, then age)."""
    for rule in active_rules(case.municipality_id) if rules is None else rules:
        reasons = rule_reasons(rule, case)
        if reasons is not None:
            return RuleMatch(rule, reasons)
    return None
