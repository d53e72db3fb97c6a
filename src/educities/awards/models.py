"""The Educating City Award: editions, their questions, cities' applications and answers.

The jury's work (criteria, jurors, conflicts, assignments, scores, phases) lives in the review engine
(``educities.reviews``): each edition has one ``ReviewProcess`` and each application sent to the jury one
``ReviewItem``. Theme, axes, rules and questions are translatable through ``core.TextTranslation``.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from educities.awards.enums import OFFICIAL_LANGUAGES, ApplicationStatus
from educities.awards.validators import validate_time_zone
from educities.core.models import TimestampedModel
from educities.core.validators import validate_no_control_characters
from educities.members.storage import private_storage

OFFICIAL_LANGUAGE_CHOICES = [(code, name) for code, name in settings.LANGUAGES if code in OFFICIAL_LANGUAGES]

# Edition texts that have one value per language (core translations).
EDITION_TEXT_FIELDS = ("theme", "axes", "rules")


class Edition(TimestampedModel):
    number = models.PositiveSmallIntegerField(_("edition number"), unique=True)
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    original_language = models.CharField(
        _("original language"), max_length=8, choices=OFFICIAL_LANGUAGE_CHOICES, default="en"
    )
    theme = models.CharField(_("theme"), max_length=255, validators=[validate_no_control_characters])
    axes = models.TextField(_("axes of the theme"), blank=True, help_text=_("One axis per line."))
    rules = models.TextField(_("rules"), blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Madrid", validators=[validate_time_zone]
    )
    call_opens_at = models.DateTimeField(_("call opens"), null=True, blank=True)
    deadline = models.DateTimeField(_("deadline for applications"), null=True, blank=True)
    jury_starts_on = models.DateField(_("jury phase starts"), null=True, blank=True)
    decision_on = models.DateField(_("decision"), null=True, blank=True)
    ceremony_on = models.DateField(_("ceremony"), null=True, blank=True)
    ceremony_place = models.CharField(
        _("ceremony place"), max_length=200, blank=True, validators=[validate_no_control_characters]
    )
    initiative_cutoff = models.DateField(
        _("cut-off date"),
        null=True,
        blank=True,
        help_text=_("Initiatives must have started before this date."),
    )
    max_applications_per_city = models.PositiveSmallIntegerField(
        _("applications per city at most"), default=2
    )
    next_congress_host = models.ForeignKey(
        "members.City",
        verbose_name=_("host of the next congress"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    review_process = models.OneToOneField(
        "reviews.ReviewProcess",
        verbose_name=_("jury"),
        on_delete=models.PROTECT,
        related_name="award_edition",
    )
    is_published = models.BooleanField(_("announced publicly"), default=False)
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True)
    is_void = models.BooleanField(_("declared void"), default=False)
    jury_statement = models.TextField(_("statement of the jury"), blank=True)
    # Figures published before the platform existed (past editions); otherwise counted from applications.
    recorded_candidacies = models.PositiveIntegerField(_("candidacies (recorded)"), null=True, blank=True)
    recorded_cities = models.PositiveIntegerField(_("cities (recorded)"), null=True, blank=True)
    recorded_countries = models.PositiveIntegerField(_("countries (recorded)"), null=True, blank=True)

    class Meta:
        verbose_name = _("award edition")
        verbose_name_plural = _("award editions")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__isnull=True)
                | Q(call_opens_at__isnull=True)
                | Q(deadline__gt=models.F("call_opens_at")),
                name="edition_deadline_after_opening",
            ),
            models.CheckConstraint(
                condition=Q(max_applications_per_city__gte=1), name="edition_max_applications"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} · {self.year} · {self.theme}"


class EditionQuestion(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"))
    text = models.CharField(_("question"), max_length=500, validators=[validate_no_control_characters])
    help_text = models.TextField(_("guidance"), blank=True)
    is_required = models.BooleanField(_("required"), default=True)
    max_chars = models.PositiveIntegerField(_("characters at most"), default=3000)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["edition", "position"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "position"], name="question_position_unique"),
            models.CheckConstraint(condition=Q(max_chars__gte=1), name="question_max_chars_positive"),
        ]

    def __str__(self) -> str:
        return self.text


def letter_upload_to(instance, filename: str) -> str:
    # A random name: the original one may carry personal data and no URL serves these files.
    suffix = PurePosixPath(filename).suffix.lower()[:8] or ".pdf"
    return f"awards/letters/{uuid.uuid4().hex}{suffix}"


class Application(TimestampedModel):
    edition = models.ForeignKey(
        Edition, verbose_name=_("edition"), on_delete=models.PROTECT, related_name="applications"
    )
    city = models.ForeignKey(
        "members.City", verbose_name=_("city"), on_delete=models.PROTECT, related_name="award_applications"
    )
    experience = models.ForeignKey(
        "experiences.Experience",
        verbose_name=_("experience"),
        on_delete=models.PROTECT,
        related_name="award_applications",
    )
    language = models.CharField(
        _("language of the application"), max_length=8, choices=OFFICIAL_LANGUAGE_CHOICES
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    mayor_letter = models.FileField(
        _("letter from the mayor (PDF)"), storage=private_storage, upload_to=letter_upload_to, blank=True
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    eligibility_overridden = models.BooleanField(_("eligibility overridden"), default=False)
    eligibility_note = models.TextField(_("eligibility reason"), blank=True)
    statement = models.TextField(_("statement of the jury"), blank=True)
    certificate_number = models.CharField(_("certificate number"), max_length=32, blank=True)
    review_item = models.OneToOneField(
        "reviews.ReviewItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="award_application",
    )

    class Meta:
        verbose_name = _("award application")
        verbose_name_plural = _("award applications")
        ordering = ["edition", "city__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "experience"], name="application_experience_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.city} · {self.experience}"


class Answer(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(EditionQuestion, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["application", "question"], name="answer_unique")]

    def __str__(self) -> str:
        return self.text[:80]
