"""The International Day of the Educating City: a yearly campaign and the activities cities register.

Campaign texts (motto, manifesto, activity guide) are translatable through ``core.TextTranslation``;
an activity is written in one language by its city. Times are stored aware (UTC in the database) with
the time zone they were entered in, so each activity shows its local time and the reader's.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from educities.core.models import TimestampedModel
from educities.core.time_zones import validate_time_zone
from educities.core.validators import validate_no_control_characters
from educities.days.enums import ActivityFormat, ActivityKind, ActivityStatus

# Campaign texts that have one value per language (core translations).
CAMPAIGN_TEXT_FIELDS = ("motto", "manifesto", "guide")


def campaign_file_path(instance, filename: str) -> str:
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"day/campaigns/{uuid.uuid4().hex}{suffix}"


def activity_photo_path(instance, filename: str) -> str:
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"day/photos/{uuid.uuid4().hex}{suffix}"


class Campaign(TimestampedModel):
    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(2016), MaxValueValidator(2100)]
    )
    original_language = models.CharField(
        _("original language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    motto = models.CharField(_("motto"), max_length=255, validators=[validate_no_control_characters])
    manifesto = models.TextField(_("manifesto"), blank=True)
    guide = models.TextField(_("activity guide"), blank=True)
    poster = models.FileField(_("poster"), upload_to=campaign_file_path, blank=True)
    poster_alt = models.CharField(
        _("poster description"), max_length=300, blank=True, help_text=_("Alternative text of the poster.")
    )
    window_starts_on = models.DateField(_("activities count from"))
    window_ends_on = models.DateField(_("activities count until"))
    reminder_days_before = models.PositiveSmallIntegerField(
        _("reminder (days before the Day)"),
        default=21,
        validators=[MaxValueValidator(120)],
        help_text=_("Member cities with no activity get a reminder this many days before 30 November."),
    )
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False)

    class Meta:
        verbose_name = _("International Day campaign")
        verbose_name_plural = _("International Day campaigns")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(window_ends_on__gte=models.F("window_starts_on")), name="campaign_window_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} · {self.motto}"


class CampaignMaterial(models.Model):
    """A file of the campaign: the poster in other sizes, the logo, the guide as PDF, social media images."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200, validators=[validate_no_control_characters])
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, blank=True)
    file = models.FileField(_("file"), upload_to=campaign_file_path)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("campaign material")
        verbose_name_plural = _("campaign materials")
        ordering = ["campaign", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class Activity(TimestampedModel):
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.PROTECT, related_name="activities"
    )
    city = models.ForeignKey(
        "members.City", verbose_name=_("city"), on_delete=models.PROTECT, related_name="day_activities"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    title = models.CharField(_("title"), max_length=200, validators=[validate_no_control_characters])
    description = models.TextField(_("description"))
    kind = models.CharField(_("type"), max_length=24, choices=ActivityKind.choices)
    format = models.CharField(
        _("format"), max_length=16, choices=ActivityFormat.choices, default=ActivityFormat.IN_PERSON
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, validators=[validate_time_zone])
    place_name = models.CharField(
        _("place"), max_length=200, blank=True, validators=[validate_no_control_characters]
    )
    address = models.CharField(
        _("address"), max_length=300, blank=True, validators=[validate_no_control_characters]
    )
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    online_url = models.URLField(_("online link"), max_length=500, blank=True)
    audiences = models.JSONField(_("audiences"), default=list, blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, validators=[validate_no_control_characters])
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ActivityStatus.choices, default=ActivityStatus.PUBLISHED
    )
    status_reason = models.TextField(_("reason"), blank=True)
    reviewed_at = models.DateTimeField(_("reviewed by the Secretariat"), null=True, blank=True)
    # After the Day.
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    report = models.TextField(_("short report"), blank=True)
    video_url = models.URLField(_("video"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("International Day activity")
        verbose_name_plural = _("International Day activities")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="activity_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="activity_coordinates_together",
            ),
        ]
        indexes = [
            models.Index(fields=["campaign", "status", "starts_at"], name="days_activity_agenda_idx"),
            models.Index(fields=["city", "campaign"], name="days_activity_city_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def has_place(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class ActivityPhoto(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(_("photo"), upload_to=activity_photo_path)
    alt_text = models.CharField(
        _("description of the photo"),
        max_length=300,
        validators=[validate_no_control_characters],
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("activity photo")
        verbose_name_plural = _("activity photos")
        ordering = ["activity", "position", "pk"]

    def __str__(self) -> str:
        return self.alt_text
