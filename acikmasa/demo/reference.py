"""Upsert the demo district's reference data; safe to run any number of times.

Rows are found by their natural key (code or name) and brought up to date, never duplicated.
"""

from dataclasses import dataclass, field

from django.db import transaction

from acikmasa.directory.channels import ensure_standard_channels
from acikmasa.directory.models import (
    ApplicationPlace,
    Channel,
    Directorate,
    ExternalBody,
    Municipality,
    Neighbourhood,
    Region,
    ServiceStandard,
    Street,
    Subject,
)

from . import catalogue, geography


@dataclass
class Reference:
    """The reference rows of one demo municipality, keyed by their natural keys."""

    municipality: Municipality
    directorates: dict[str, Directorate] = field(default_factory=dict)
    external_bodies: dict[str, ExternalBody] = field(default_factory=dict)
    standards: dict[str, ServiceStandard] = field(default_factory=dict)
    subjects: dict[str, Subject] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    neighbourhoods: dict[str, Neighbourhood] = field(default_factory=dict)
    streets: dict[str, list[Street]] = field(default_factory=dict)  # mahalle name -> streets
    channels: dict[str, Channel] = field(default_factory=dict)


def _upsert(model, lookup: dict, values: dict):
    """get_or_create by `lookup`, then bring `values` up to date (saves only when something
    changed)."""
    row, created = model.objects.get_or_create(**lookup, defaults=values)
    if not created:
        changed = [name for name, value in values.items() if getattr(row, name) != value]
        for name in changed:
            setattr(row, name, values[name])
        if changed:
            row.save(update_fields=changed)
    return row


@transaction.atomic
def reference_load(*, code: str = catalogue.MUNICIPALITY["code"]) -> Reference:
    """Create or update the municipality, its organisation, standards, subjects and geography.

    Rule: idempotent; natural keys are municipality code, directorate/subject/region/body codes,
    standard name, place person, mahalle name and (mahalle, street name).
    Callers: the `demo` command and tests. Side effects: writes reference rows only.
    """
    values = {k: v for k, v in catalogue.MUNICIPALITY.items() if k != "code"}
    municipality = _upsert(Municipality, {"code": code}, values)
    ref = Reference(municipality)
    ensure_standard_channels(Channel)
    ref.channels = {c.code: c for c in Channel.objects.all()}
    _load_organisation(ref)
    _load_standards(ref)
    _load_subjects(ref)
    _load_geography(ref)
    return ref


def _load_organisation(ref: Reference) -> None:
    m = ref.municipality
    for code, name, name_en in catalogue.DIRECTORATES:
        email = f"{code}@esenler.bel.tr"
        ref.directorates[code] = _upsert(
            Directorate,
            {"municipality": m, "code": code},
            {"name": name, "name_en": name_en, "email": email},
        )
    for code, name, name_en, kind, phone in catalogue.EXTERNAL_BODIES:
        ref.external_bodies[code] = _upsert(
            ExternalBody,
            {"municipality": m, "code": code},
            {"name": name, "name_en": name_en, "kind": kind, "phone": phone},
        )


def _load_standards(ref: Reference) -> None:
    m = ref.municipality
    places = []
    for spec in (catalogue.FIRST_PLACE, catalogue.SECOND_PLACE):
        rest = {k: v for k, v in spec.items() if k != "person_name"}
        places.append(
            _upsert(ApplicationPlace, {"municipality": m, "person_name": spec["person_name"]}, rest)
        )
    first, second = places
    for spec in catalogue.STANDARDS:
        standard = _upsert(
            ServiceStandard,
            {"municipality": m, "name": spec.name},
            {
                "name_en": spec.name_en,
                "sequence_no": spec.sequence_no,
                "required_documents": spec.documents,
                "deadline_amount": spec.amount,
                "deadline_unit": spec.unit,
                "legal_basis": spec.legal_basis,
                "is_statutory": spec.is_statutory,
                "case_types": list(spec.case_types),
                "first_place": first,
                "second_place": second,
                "is_active": True,
            },
        )
        wanted = {ref.channels[c].pk for c in spec.channels}
        if set(standard.channels.values_list("pk", flat=True)) != wanted:
            standard.channels.set(wanted)
        ref.standards[spec.key] = standard


def _load_subjects(ref: Reference) -> None:
    for spec in catalogue.SUBJECTS:
        ref.subjects[spec.code] = _upsert(
            Subject,
            {"municipality": ref.municipality, "code": spec.code},
            {
                "name": spec.name,
                "name_en": spec.name_en,
                "directorate": ref.directorates[spec.directorate],
                "default_case_type": spec.case_type,
                "keywords": spec.keywords,
                "service_standard": ref.standards["acil48"] if spec.urgent else None,
                "external_body": ref.external_bodies[spec.external] if spec.external else None,
                "is_active": True,
            },
        )


def _load_geography(ref: Reference) -> None:
    m = ref.municipality
    for code, name, name_en in geography.REGIONS:
        ref.regions[code] = _upsert(
            Region, {"municipality": m, "code": code}, {"name": name, "name_en": name_en}
        )
    outlines = geography.outlines()
    streets = geography.streets_of()
    for spec in geography.MAHALLELER:
        hood = _upsert(
            Neighbourhood,
            {"municipality": m, "name": spec.name},
            {
                "former_names": spec.former_names,
                "region": ref.regions[spec.region],
                "households": spec.households,
                "population": spec.population,
                "latitude": spec.latitude,
                "longitude": spec.longitude,
                "boundary": outlines[spec.name],
            },
        )
        ref.neighbourhoods[spec.name] = hood
        ref.streets[spec.name] = [
            _upsert(Street, {"neighbourhood": hood, "name": s.name}, {"kind": s.kind})
            for s in streets[spec.name]
        ]
