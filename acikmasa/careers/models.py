"""The career centre (seed 003: "Beyaz Masa Kariyer Merkezi'ne gelen ve özel sektöre yönelik 4 bin
780 iş talebi ilgili firmalara ulaştırıldı"): job seekers' applications (each a case), an employer
registry with vacancies, referrals of a seeker to a vacancy and the employer's answer."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import Case, Citizen
from acikmasa.directory.models import Directorate, Municipality, Neighbourhood, Subject


class CareerCentre(models.Model):
    municipality = models.OneToOneField(
        Municipality, on_delete=models.PROTECT, related_name="career_centre"
    )
    directorate = models.ForeignKey(
        Directorate,
        verbose_name=_("the centre's directorate"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject = models.ForeignKey(
        Subject,
        verbose_name=_("subject of a job application"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("career centre")
        verbose_name_plural = _("career centres")

    def __str__(self) -> str:
        return str(self.directorate)


class Employer(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=200)
    tax_number = models.CharField(_("tax number"), max_length=11, blank=True)
    sector = models.CharField(_("sector"), max_length=100, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("registered at"))

    class Meta:
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="employer_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Vacancy(models.Model):
    employer = models.ForeignKey(
        Employer, verbose_name=_("employer"), on_delete=models.PROTECT, related_name="vacancies"
    )
    title = models.CharField(_("position"), max_length=200)
    description = models.TextField(_("what the job is"), blank=True)
    positions = models.PositiveSmallIntegerField(_("people needed"), default=1)
    is_open = models.BooleanField(_("open"), default=True)
    opened_at = models.DateTimeField(_("opened at"))

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        ordering = ["-opened_at"]

    def __str__(self) -> str:
        return f"{self.title} · {self.employer}"


class Education(models.TextChoices):
    NONE = "none", _("No diploma")
    PRIMARY = "primary", _("Primary school")
    SECONDARY = "secondary", _("Lower secondary school")
    HIGH = "high", _("High school")
    VOCATIONAL = "vocational", _("Vocational high school")
    ASSOCIATE = "associate", _("Associate degree")
    BACHELOR = "bachelor", _("Bachelor's degree")
    POSTGRADUATE = "postgraduate", _("Postgraduate degree")


class JobSeeker(models.Model):
    """A job seeker's application; its case is the record the citizen follows."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="job_seeker")
    citizen = models.ForeignKey(Citizen, on_delete=models.PROTECT, related_name="+")
    profession = models.CharField(_("profession or job sought"), max_length=200)
    education = models.CharField(_("education"), max_length=20, choices=Education.choices)
    experience_years = models.PositiveSmallIntegerField(_("years of experience"), default=0)
    skills = models.TextField(_("skills, certificates, languages"), blank=True)
    # Sharing a CV with a private firm is a transfer to a third party (KVKK Art. 8): only with the
    # seeker's explicit consent, and the CV is kept only while that consent stands.
    share_consent_at = models.DateTimeField(
        _("consent to share with employers"), null=True, blank=True
    )
    consent_withdrawn_at = models.DateTimeField(_("consent withdrawn at"), null=True, blank=True)
    cv = models.FileField(_("CV"), upload_to="cv/%Y/%m/", blank=True)
    cv_name = models.CharField(_("CV file name"), max_length=255, blank=True)
    cv_content_type = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(_("registered at"), db_index=True)

    class Meta:
        verbose_name = _("job seeker")
        verbose_name_plural = _("job seekers")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.case} {self.profession}"

    @property
    def may_be_shared(self) -> bool:
        return self.share_consent_at is not None and self.consent_withdrawn_at is None


class Referral(models.Model):
    """A seeker sent to a vacancy (one of the seed's "iş talebi ilgili firmalara ulaştırıldı")."""

    class Answer(models.TextChoices):
        WAITING = "waiting", _("Waiting for the employer")
        INTERVIEW = "interview", _("Invited to an interview")
        HIRED = "hired", _("Hired")
        NOT_HIRED = "not_hired", _("Not hired")

    seeker = models.ForeignKey(JobSeeker, on_delete=models.PROTECT, related_name="referrals")
    vacancy = models.ForeignKey(Vacancy, on_delete=models.PROTECT, related_name="referrals")
    referred_at = models.DateTimeField(_("referred at"), db_index=True)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answer = models.CharField(
        _("employer's answer"), max_length=20, choices=Answer.choices, default=Answer.WAITING
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer_note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-referred_at"]
        constraints = [
            models.UniqueConstraint(fields=["seeker", "vacancy"], name="referral_once_per_vacancy")
        ]

    @property
    def is_final(self) -> bool:
        return self.answer in (self.Answer.HIRED, self.Answer.NOT_HIRED)
