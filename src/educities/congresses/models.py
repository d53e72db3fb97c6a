"""Congresses and meetings: events, registration (types, questions, waiting list, check-in), rooms,
sessions with speakers and the personal agenda, the call for communications (reviewed by the review
engine, ``educities.reviews``) and bids to host a future congress.

Event and session times are aware datetimes; each event has the time zone its programme is shown in.
Event title and description are translatable through ``core.TextTranslation``.
"""

import secrets
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from educities.congresses.enums import (
    OFFICIAL_LANGUAGES,
    BidStatus,
    EventFormat,
    EventKind,
    FeeStatus,
    ProposalKind,
    ProposalStatus,
    RegistrationStatus,
    SessionKind,
)
from educities.core.models import TimestampedModel
from educities.core.time_zones import validate_time_zone
from educities.core.validators import validate_no_control_characters
from educities.members.storage import private_storage

OFFICIAL_LANGUAGE_CHOICES = [(code, name) for code, name in settings.LANGUAGES if code in OFFICIAL_LANGUAGES]

# Event texts that have one value per language (core translations).
EVENT_TEXT_FIELDS = ("title", "description")
CALL_TEXT_FIELDS = ("guidelines",)

# Badge codes: no 0/O or 1/I, so they can be read aloud and typed at the desk.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def registration_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


def bid_document_path(instance, filename: str) -> str:
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"congresses/bids/{uuid.uuid4().hex}{suffix}"


class Event(TimestampedModel):
    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    number = models.PositiveSmallIntegerField(
        _("number"), null=True, blank=True, help_text=_("For the international congresses: XVI is 16.")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    original_language = models.CharField(
        _("original language"), max_length=8, choices=OFFICIAL_LANGUAGE_CHOICES, default="en"
    )
    title = models.CharField(_("title"), max_length=200, validators=[validate_no_control_characters])
    description = models.TextField(_("description"), blank=True)
    network = models.ForeignKey(
        "members.Network",
        verbose_name=_("organising network"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    host_city = models.ForeignKey(
        "members.City", verbose_name=_("host city"), on_delete=models.PROTECT, related_name="hosted_events"
    )
    venue = models.CharField(
        _("venue"), max_length=200, blank=True, validators=[validate_no_control_characters]
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
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Madrid", validators=[validate_time_zone]
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    format = models.CharField(
        _("format"), max_length=16, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    programme_published = models.BooleanField(_("programme published"), default=False)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="event_days_ordered"
            ),
            models.CheckConstraint(
                condition=Q(registration_closes_at__isnull=True)
                | Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="event_registration_window_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class RegistrationType(models.Model):
    """Delegate of a member city, speaker, press, accompanying person...: each with its fee and rules."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registration_types")
    name = models.CharField(_("name"), max_length=120, validators=[validate_no_control_characters])
    description = models.TextField(_("description"), blank=True)
    fee = models.DecimalField(_("fee"), max_digits=9, decimal_places=2, default=0)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    requires_member_city = models.BooleanField(
        _("for member cities only"),
        default=False,
        help_text=_("The person registers on behalf of a member city."),
    )
    needs_approval = models.BooleanField(
        _("confirmed by the Secretariat"),
        default=False,
        help_text=_("Registrations of this type stay pending (holding a place) until staff confirm them."),
    )
    counts_toward_capacity = models.BooleanField(_("takes one of the event's places"), default=True)
    is_public = models.BooleanField(
        _("open to everyone"),
        default=True,
        help_text=_("Otherwise only staff register people with this type."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("registration type")
        verbose_name_plural = _("registration types")
        ordering = ["event", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "name"], name="registration_type_unique_name"),
            models.CheckConstraint(condition=Q(fee__gte=0), name="registration_type_fee_not_negative"),
        ]

    def __str__(self) -> str:
        return self.name


class RegistrationQuestion(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        CHOICE = "choice", _("One choice")
        YES_NO = "yes_no", _("Yes or no")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registration_questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("question"), max_length=300, validators=[validate_no_control_characters])
    kind = models.CharField(_("kind of answer"), max_length=16, choices=Kind.choices, default=Kind.TEXT)
    choices = models.JSONField(
        _("choices"), default=list, blank=True, help_text=_("For one choice: the options.")
    )
    is_required = models.BooleanField(_("required"), default=False)

    class Meta:
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")
        ordering = ["event", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class Registration(TimestampedModel):
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="registrations")
    type = models.ForeignKey(
        RegistrationType,
        verbose_name=_("registration type"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("full name"), max_length=200, validators=[validate_no_control_characters])
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, validators=[validate_no_control_characters]
    )
    position_title = models.CharField(
        _("position"), max_length=200, blank=True, validators=[validate_no_control_characters]
    )
    city = models.ForeignKey(
        "members.City",
        verbose_name=_("city represented"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_registrations",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    status = models.CharField(
        _("status"), max_length=16, choices=RegistrationStatus.choices, default=RegistrationStatus.PENDING
    )
    waitlist_position = models.PositiveIntegerField(_("place on the waiting list"), null=True, blank=True)
    fee_status = models.CharField(_("fee"), max_length=8, choices=FeeStatus.choices, default=FeeStatus.NONE)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    code = models.CharField(_("code"), max_length=12, unique=True, default=registration_code)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created_at", "pk"]
        constraints = [
            # The same person cannot hold two registrations of one event (a cancelled one does not count).
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="registration_one_per_person",
            ),
            models.UniqueConstraint(
                fields=["event", "waitlist_position"],
                condition=Q(waitlist_position__isnull=False),
                name="registration_waitlist_position_unique",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"], name="congress_registration_status")]

    def __str__(self) -> str:
        return f"{self.name} · {self.event}"


class Room(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=120, validators=[validate_no_control_characters])
    capacity = models.PositiveIntegerField(_("seats"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["event", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "name"], name="room_unique_name")]

    def __str__(self) -> str:
        return self.name


class Session(TimestampedModel):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=255, validators=[validate_no_control_characters])
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=16, choices=SessionKind.choices, default=SessionKind.PLENARY
    )
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    meeting_url = models.URLField(
        _("meeting link"), max_length=500, blank=True, help_text=_("Shown only to registered participants.")
    )
    is_online = models.BooleanField(_("online or hybrid"), default=False)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["event", "starts_at", "room__position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            )
        ]
        indexes = [models.Index(fields=["event", "starts_at"], name="congress_session_time")]

    def __str__(self) -> str:
        return self.title


class Speaker(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_control_characters])
    role = models.CharField(
        _("role"),
        max_length=120,
        blank=True,
        help_text=_("Speaker, moderator, rapporteur..."),
        validators=[validate_no_control_characters],
    )
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, validators=[validate_no_control_characters]
    )
    city = models.ForeignKey(
        "members.City",
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["session", "position", "pk"]

    def __str__(self) -> str:
        return self.name


class AgendaEntry(models.Model):
    """A session a registered participant put in their personal agenda (holds a seat if it is limited)."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="agenda")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="agenda_entries")
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("agenda entry")
        verbose_name_plural = _("agenda entries")
        constraints = [
            models.UniqueConstraint(fields=["registration", "session"], name="agenda_entry_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} → {self.session_id}"


class Call(TimestampedModel):
    """The call for communications and experiences of an event; its review runs in the review engine."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="call")
    guidelines = models.TextField(_("guidelines"), blank=True)
    opens_at = models.DateTimeField(_("call opens"))
    closes_at = models.DateTimeField(_("deadline for proposals"))
    max_proposals_per_city = models.PositiveSmallIntegerField(_("proposals per city at most"), default=3)
    review_process = models.OneToOneField(
        "reviews.ReviewProcess",
        verbose_name=_("review"),
        on_delete=models.PROTECT,
        related_name="congress_call",
    )

    class Meta:
        verbose_name = _("call for communications")
        verbose_name_plural = _("calls for communications")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="call_closes_after_opening"
            ),
            models.CheckConstraint(condition=Q(max_proposals_per_city__gte=1), name="call_max_proposals"),
        ]

    def __str__(self) -> str:
        return str(self.event)


class Proposal(TimestampedModel):
    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="proposals")
    city = models.ForeignKey(
        "members.City", verbose_name=_("city"), on_delete=models.PROTECT, related_name="proposals"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=ProposalKind.choices, default=ProposalKind.COMMUNICATION
    )
    language = models.CharField(_("language"), max_length=8, choices=OFFICIAL_LANGUAGE_CHOICES)
    title = models.CharField(_("title"), max_length=255, validators=[validate_no_control_characters])
    summary = models.TextField(_("summary"))
    speakers = models.TextField(_("speakers"), blank=True, help_text=_("One per line: name, position."))
    experience = models.ForeignKey(
        "experiences.Experience",
        verbose_name=_("experience in the bank"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="congress_proposals",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    decision_note = models.TextField(_("message to the city"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    review_item = models.OneToOneField(
        "reviews.ReviewItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="congress_proposal",
    )
    session = models.OneToOneField(
        Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposal"
    )

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["call", "-submitted_at", "pk"]
        indexes = [models.Index(fields=["call", "status"], name="congress_proposal_status")]

    def __str__(self) -> str:
        return self.title


class Bid(TimestampedModel):
    """A member city's bid to host a future congress; the Executive Committee decides, then it is public."""

    city = models.ForeignKey(
        "members.City", verbose_name=_("city"), on_delete=models.PROTECT, related_name="bids"
    )
    congress_year = models.PositiveSmallIntegerField(
        _("congress year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8, choices=OFFICIAL_LANGUAGE_CHOICES, default="en")
    proposed_theme = models.CharField(
        _("proposed theme"), max_length=255, blank=True, validators=[validate_no_control_characters]
    )
    statement = models.TextField(_("why this city"))
    venue = models.CharField(
        _("proposed venue"), max_length=200, blank=True, validators=[validate_no_control_characters]
    )
    proposed_dates = models.CharField(
        _("proposed dates"), max_length=120, blank=True, validators=[validate_no_control_characters]
    )
    status = models.CharField(_("status"), max_length=16, choices=BidStatus.choices, default=BidStatus.DRAFT)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(_("decision of the Executive Committee"), blank=True)
    decision_meeting = models.CharField(
        _("meeting that decided"), max_length=200, blank=True, validators=[validate_no_control_characters]
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("congress"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bids",
    )

    class Meta:
        verbose_name = _("bid to host a congress")
        verbose_name_plural = _("bids to host a congress")
        ordering = ["-congress_year", "city__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["city", "congress_year"],
                condition=~Q(status="withdrawn"),
                name="bid_one_per_city_and_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.city} · {self.congress_year}"


class BidDocument(models.Model):
    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200, validators=[validate_no_control_characters])
    file = models.FileField(_("file"), upload_to=bid_document_path, storage=private_storage)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("bid document")
        verbose_name_plural = _("bid documents")
        ordering = ["bid", "pk"]

    def __str__(self) -> str:
        return self.title
