"""The review engine: a jury (reviewers) scores items against weighted criteria, in phases.

A ``ReviewProcess`` knows nothing of what it reviews: each ``ReviewItem`` points to its subject (an award
application, a congress proposal, a monograph article) through a content type, and carries the city that
proposed it, which is what automatic conflicts of interest are computed from.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from educities.core.models import TimestampedModel
from educities.core.validators import validate_no_control_characters
from educities.reviews.enums import ConflictKind, ConflictSource, ReviewPhase


class ReviewProcess(TimestampedModel):
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_control_characters])
    phase = models.CharField(
        _("phase"), max_length=16, choices=ReviewPhase.choices, default=ReviewPhase.SETUP
    )
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=0)
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=10)
    reviewers_per_item = models.PositiveSmallIntegerField(_("jurors per item"), default=3)
    outlier_percent = models.PositiveSmallIntegerField(
        _("outlier threshold (% of the scale)"),
        default=25,
        help_text=_("A juror's total that differs from the others' median by more than this is flagged."),
    )

    class Meta:
        verbose_name = _("review process")
        verbose_name_plural = _("review processes")
        constraints = [
            models.CheckConstraint(condition=Q(scale_max__gt=F("scale_min")), name="review_scale_ordered"),
            models.CheckConstraint(
                condition=Q(reviewers_per_item__gte=1), name="review_one_reviewer_at_least"
            ),
            models.CheckConstraint(
                condition=Q(outlier_percent__gte=1, outlier_percent__lte=100), name="review_outlier_percent"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    """A criterion with its weight; its name and description are translatable (core translations)."""

    process = models.ForeignKey(ReviewProcess, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_control_characters])
    description = models.TextField(_("description"), blank=True)
    original_language = models.CharField(
        _("original language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["process", "position"]
        constraints = [
            models.UniqueConstraint(fields=["process", "position"], name="criterion_position_unique"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weight_positive"),
        ]

    def __str__(self) -> str:
        return self.name


class ReviewItem(TimestampedModel):
    process = models.ForeignKey(ReviewProcess, on_delete=models.CASCADE, related_name="items")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    title = models.CharField(_("title"), max_length=255)
    city = models.ForeignKey(
        "members.City",
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_active = models.BooleanField(
        _("in review"), default=True, help_text=_("Off when the item was withdrawn: kept with its scores.")
    )
    tie_break_rank = models.PositiveIntegerField(_("order among tied items"), null=True, blank=True)
    tie_break_reason = models.TextField(_("reason for the order"), blank=True)

    class Meta:
        verbose_name = _("review item")
        verbose_name_plural = _("review items")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "content_type", "object_id"], name="review_item_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Reviewer(TimestampedModel):
    """A juror of one process, with the city, country and organisation conflicts are computed from."""

    process = models.ForeignKey(ReviewProcess, on_delete=models.CASCADE, related_name="reviewers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_roles"
    )
    city = models.ForeignKey(
        "members.City",
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    country = models.ForeignKey(
        "members.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, validators=[validate_no_control_characters]
    )

    class Meta:
        verbose_name = _("juror")
        verbose_name_plural = _("jurors")
        constraints = [models.UniqueConstraint(fields=["process", "user"], name="reviewer_unique")]

    def __str__(self) -> str:
        return str(self.user)


class Conflict(TimestampedModel):
    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="conflicts")
    item = models.ForeignKey(ReviewItem, on_delete=models.CASCADE, related_name="conflicts")
    kind = models.CharField(_("kind"), max_length=16, choices=ConflictKind.choices)
    source = models.CharField(_("source"), max_length=12, choices=ConflictSource.choices)
    is_pinned = models.BooleanField(
        _("pinned"), default=False, help_text=_("Kept by the Secretariat: never removed by a recomputation.")
    )
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [models.UniqueConstraint(fields=["reviewer", "item", "kind"], name="conflict_unique")]


class ConflictWaiver(TimestampedModel):
    """The Secretariat's recorded decision that an automatic conflict does not apply to this juror and item
    (e.g. "same country" in a large country): the automatic recomputation no longer creates it."""

    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="conflict_waivers")
    item = models.ForeignKey(ReviewItem, on_delete=models.CASCADE, related_name="conflict_waivers")
    kind = models.CharField(_("kind"), max_length=16, choices=ConflictKind.choices)
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("waived conflict of interest")
        verbose_name_plural = _("waived conflicts of interest")
        constraints = [
            models.UniqueConstraint(fields=["reviewer", "item", "kind"], name="conflict_waiver_unique")
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.item} · {self.kind}"


class Assignment(TimestampedModel):
    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="assignments")
    item = models.ForeignKey(ReviewItem, on_delete=models.CASCADE, related_name="assignments")
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [models.UniqueConstraint(fields=["reviewer", "item"], name="assignment_unique")]


class Review(TimestampedModel):
    """One juror's scores of one item. ``version`` grows with every save (optimistic locking)."""

    reviewer = models.ForeignKey(Reviewer, on_delete=models.PROTECT, related_name="reviews")
    item = models.ForeignKey(ReviewItem, on_delete=models.CASCADE, related_name="reviews")
    comment = models.TextField(_("overall comment"), blank=True)
    version = models.PositiveIntegerField(default=0)
    total = models.DecimalField(
        _("weighted total"),
        max_digits=7,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("Weighted mean of the scored criteria; “not applicable” ones are left out."),
    )
    submitted_at = models.DateTimeField(_("marked complete"), null=True, blank=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [models.UniqueConstraint(fields=["reviewer", "item"], name="review_unique")]


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.DecimalField(_("score"), max_digits=5, decimal_places=2, null=True, blank=True)
    not_applicable = models.BooleanField(_("not applicable"), default=False)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="score_unique"),
            models.CheckConstraint(
                condition=~Q(not_applicable=True, value__isnull=False), name="score_na_has_no_value"
            ),
        ]

    def __str__(self) -> str:
        return "n/a" if self.not_applicable else str(self.value)


class Note(TimestampedModel):
    """A message of the jury's deliberation about one item; ``parent`` threads the replies."""

    item = models.ForeignKey(ReviewItem, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    body = models.TextField(_("message"))

    class Meta:
        verbose_name = _("deliberation note")
        verbose_name_plural = _("deliberation notes")
        ordering = ["created_at", "id"]
