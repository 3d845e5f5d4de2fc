"""Citizen records: validate what was given, and find the same person again by ID or phone."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from acikmasa.cases.models import Citizen
from acikmasa.common.identity import is_valid_tckn
from acikmasa.common.phones import InvalidPhone, normalise_phone
from acikmasa.directory.models import Municipality, Neighbourhood


@dataclass
class CitizenInput:
    """What a channel knows about the applicant; every field may be empty (anonymous)."""

    first_name: str = ""
    last_name: str = ""
    national_id: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    contact_consent: bool = False
    gender: str = ""
    birth_year: int | None = None

    def is_empty(self) -> bool:
        return not any(
            (
                self.first_name,
                self.last_name,
                self.national_id,
                self.phone,
                self.email,
                self.address,
            )
        )


def citizen_errors(data: CitizenInput) -> tuple[dict[str, str], CitizenInput]:
    """Check and normalise the input; returns (errors, cleaned copy)."""
    errors: dict[str, str] = {}
    cleaned = CitizenInput(
        **{k: (v.strip() if isinstance(v, str) else v) for k, v in data.__dict__.items()}
    )
    if cleaned.national_id and not is_valid_tckn(cleaned.national_id):
        errors["national_id"] = _(
            "Invalid T.C. Kimlik No: it must have 11 digits with correct check digits."
        )
    if cleaned.phone:
        try:
            cleaned.phone = normalise_phone(cleaned.phone)
        except InvalidPhone:
            errors["phone"] = _("Invalid phone number (e.g. 0532 123 45 67).")
    if cleaned.email:
        try:
            validate_email(cleaned.email)
        except ValidationError:
            errors["email"] = _("Invalid e-mail address.")
    for field, limit in (("first_name", 100), ("last_name", 100), ("address", 500)):
        if len(getattr(cleaned, field)) > limit:
            errors[field] = _("At most %(limit)d characters.") % {"limit": limit}
    if cleaned.gender and cleaned.gender not in Citizen.Gender.values:
        errors["gender"] = _("Invalid gender value.")
    if cleaned.birth_year in ("", None):
        cleaned.birth_year = None
    elif (
        isinstance(cleaned.birth_year, bool)
        or not str(cleaned.birth_year).isdigit()
        or not 1900 <= int(cleaned.birth_year) <= 2100
    ):
        errors["birth_year"] = _("Invalid birth year.")
    else:
        cleaned.birth_year = int(cleaned.birth_year)  # forms and channels send text
    return errors, cleaned


def citizen_find_or_create(
    *, municipality: Municipality, data: CitizenInput, neighbourhood: Neighbourhood | None = None
) -> Citizen | None:
    """Match by national ID, then by phone; fill in what the record lacked. None when anonymous."""
    if data.is_empty():
        return None
    citizen = None
    if data.national_id:
        citizen = Citizen.objects.filter(
            municipality=municipality, national_id=data.national_id
        ).first()
    if citizen is None and data.phone:
        same_phone = Citizen.objects.filter(municipality=municipality, phone=data.phone)
        if data.national_id:
            # A phone shared in a family must not merge two people whose IDs differ.
            same_phone = same_phone.filter(national_id="")
        citizen = same_phone.order_by("pk").first()
    if citizen is None:
        return Citizen.objects.create(
            municipality=municipality, neighbourhood=neighbourhood, **data.__dict__
        )
    changed = [
        field
        for field, value in data.__dict__.items()
        if value not in ("", None, False) and not getattr(citizen, field)
    ]
    for field in changed:
        setattr(citizen, field, getattr(data, field))
    if changed:
        citizen.save(update_fields=changed)
    return citizen
