import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from educities.core.models import TimestampedModel
from educities.core.validators import validate_no_control_characters
from educities.experiences.enums import (
    SUMMARY_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    AttachmentKind,
    BudgetRange,
    ExperienceStatus,
    PartnerKind,
    RevisionStatus,
    TagKind,
)


class Experience(TimestampedModel):
    """A city's practice, as published (or, before its first publication, as the city is writing it).

    The free-text fields hold the original text in ``original_language``; the other languages are
    ``core.TextTranslation`` rows. Once published, changes go through an ``ExperienceRevision`` that is
    reviewed before it replaces these values.
    """

    city = models.ForeignKey(
        "members.City", verbose_name=_("city"), on_delete=models.PROTECT, related_name="experiences"
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ExperienceStatus.choices, default=ExperienceStatus.DRAFT
    )
    is_featured = models.BooleanField(
        _("focus experience"), default=False, help_text=_("Shown in turn on the home page.")
    )
    is_award_winning = models.BooleanField(_("award-winning"), default=False)
    original_language = models.CharField(_("original language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(
        _("title"), max_length=TITLE_MAX_LENGTH, validators=[validate_no_control_characters]
    )
    summary = models.TextField(_("summary"), max_length=SUMMARY_MAX_LENGTH, blank=True)
    context = models.TextField(_("context"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    actions = models.TextField(_("actions and methodology"), blank=True)
    results = models.TextField(_("results and evaluation"), blank=True)
    lessons = models.TextField(_("lessons and transferability"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    is_ongoing = models.BooleanField(_("ongoing"), default=False)
    budget_range = models.CharField(_("budget"), max_length=12, choices=BudgetRange.choices, blank=True)
    contact = models.ForeignKey(
        "members.Contact",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="experiences",
    )
    principles = models.ManyToManyField(
        "charter.CharterPrinciple", verbose_name=_("Charter principles"), blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("first published"), null=True, blank=True, db_index=True)
    last_published_at = models.DateTimeField(_("last published"), null=True, blank=True)
    featured_at = models.DateTimeField(_("featured since"), null=True, blank=True)

    class Meta:
        verbose_name = _("experience")
        verbose_name_plural = _("experiences")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "-published_at"], name="experience_status_published")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="experience_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("experiences:detail", kwargs={"slug": self.slug})


class ExperienceTag(models.Model):
    """One controlled-vocabulary value of an experience: a theme, target group, SDG or department."""

    experience = models.ForeignKey(Experience, on_delete=models.CASCADE, related_name="tags")
    kind = models.CharField(_("kind"), max_length=16, choices=TagKind.choices)
    code = models.CharField(_("code"), max_length=32)

    class Meta:
        verbose_name = _("experience tag")
        verbose_name_plural = _("experience tags")
        constraints = [
            models.UniqueConstraint(fields=["experience", "kind", "code"], name="experience_tag_unique"),
        ]
        indexes = [models.Index(fields=["kind", "code"], name="experience_tag_kind_code")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.code}"


class ExperiencePartner(models.Model):
    experience = models.ForeignKey(Experience, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_control_characters])
    kind = models.CharField(_("kind"), max_length=16, choices=PartnerKind.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class ExperienceLink(models.Model):
    experience = models.ForeignKey(Experience, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("address"), max_length=500)
    label = models.CharField(
        _("label"), max_length=200, blank=True, validators=[validate_no_control_characters]
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.label or self.url


def _attachment_path(instance, filename: str) -> str:
    # A random name: a draft's files cannot be guessed, and a hostile file name never reaches the disk.
    suffix = PurePosixPath(filename).suffix.lower()[:8]
    return f"experiences/{uuid.uuid4().hex}{suffix}"


class ExperienceAttachment(models.Model):
    """A PDF document or an image (with its alternative text) of an experience.

    ``revision`` is set while the file belongs to a proposed change of a published experience: it goes
    live when that revision is published.
    """

    experience = models.ForeignKey(Experience, on_delete=models.CASCADE, related_name="attachments")
    revision = models.ForeignKey(
        "ExperienceRevision", null=True, blank=True, on_delete=models.CASCADE, related_name="new_attachments"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=AttachmentKind.choices)
    file = models.FileField(_("file"), upload_to=_attachment_path, max_length=200)
    title = models.CharField(_("title"), max_length=200, validators=[validate_no_control_characters])
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    content_type = models.CharField(_("file type"), max_length=64)
    size = models.PositiveIntegerField(_("size (bytes)"))
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class ExperienceRevision(TimestampedModel):
    """A proposed change to a published experience (all its editable values, as JSON), reviewed
    before it replaces the live values; published revisions stay as the experience's history."""

    experience = models.ForeignKey(Experience, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("number"))
    status = models.CharField(
        _("status"), max_length=20, choices=RevisionStatus.choices, default=RevisionStatus.DRAFT
    )
    data = models.JSONField(_("proposed values"), default=dict)
    base = models.JSONField(_("values it was made from"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["experience", "number"], name="experience_revision_number"),
            # At most one open proposal per experience.
            models.UniqueConstraint(
                fields=["experience"],
                condition=Q(status__in=["draft", "submitted", "in_review", "changes_requested"]),
                name="experience_one_open_revision",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.experience} #{self.number}"
