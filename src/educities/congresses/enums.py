"""Congresses and meetings: kinds, formats, registration states, sessions, proposals and bids."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

OFFICIAL_LANGUAGES = ("en", "fr", "es", "pt")


class EventKind(models.TextChoices):
    INTERNATIONAL_CONGRESS = "international_congress", _("International congress")
    REGIONAL_CONGRESS = "regional_congress", _("Regional congress")
    NATIONAL_CONGRESS = "national_congress", _("National network congress")
    MEETING = "meeting", _("Meeting")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("registration", "Pending")
    CONFIRMED = "confirmed", pgettext_lazy("registration", "Confirmed")
    WAITLISTED = "waitlisted", pgettext_lazy("registration", "On the waiting list")
    CANCELLED = "cancelled", pgettext_lazy("registration", "Cancelled")


# States that hold a place of the event's capacity.
HOLDING_STATES = frozenset({RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED})

REGISTRATION_STEPS: dict[str, tuple[frozenset[str], str]] = {
    "confirm": (frozenset({RegistrationStatus.PENDING}), RegistrationStatus.CONFIRMED),
    "promote": (frozenset({RegistrationStatus.WAITLISTED}), RegistrationStatus.CONFIRMED),
    "cancel": (
        frozenset({RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED}),
        RegistrationStatus.CANCELLED,
    ),
}


class FeeStatus(models.TextChoices):
    NONE = "none", _("No fee")
    UNPAID = "unpaid", _("Unpaid")
    PAID = "paid", _("Paid")
    WAIVED = "waived", _("Waived")


class SessionKind(models.TextChoices):
    PLENARY = "plenary", _("Plenary")
    WORKSHOP = "workshop", pgettext_lazy("session kind", "Workshop")
    STUDY_VISIT = "study_visit", _("Study visit")
    ONLINE = "online", _("Online session")
    COMMUNICATIONS = "communications", _("Communications")
    BREAK = "break", _("Break")
    CULTURAL = "cultural", _("Cultural programme")


class ProposalKind(models.TextChoices):
    COMMUNICATION = "communication", _("Communication")
    EXPERIENCE = "experience", _("Experience")


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("proposal", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("proposal", "Submitted")
    IN_REVIEW = "in_review", pgettext_lazy("proposal", "In review")
    ACCEPTED = "accepted", pgettext_lazy("proposal", "Accepted")
    REJECTED = "rejected", pgettext_lazy("proposal", "Not accepted")
    WITHDRAWN = "withdrawn", pgettext_lazy("proposal", "Withdrawn")


PROPOSAL_STEPS: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({ProposalStatus.DRAFT}), ProposalStatus.SUBMITTED),
    "send_to_review": (frozenset({ProposalStatus.SUBMITTED}), ProposalStatus.IN_REVIEW),
    "accept": (frozenset({ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW}), ProposalStatus.ACCEPTED),
    "reject": (frozenset({ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW}), ProposalStatus.REJECTED),
    "withdraw": (
        frozenset({ProposalStatus.DRAFT, ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW}),
        ProposalStatus.WITHDRAWN,
    ),
}


class BidStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("bid", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("bid", "Submitted")
    ACCEPTED = "accepted", pgettext_lazy("bid", "Chosen")
    DECLINED = "declined", pgettext_lazy("bid", "Not chosen")
    WITHDRAWN = "withdrawn", pgettext_lazy("bid", "Withdrawn")


BID_STEPS: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({BidStatus.DRAFT}), BidStatus.SUBMITTED),
    "accept": (frozenset({BidStatus.SUBMITTED}), BidStatus.ACCEPTED),
    "decline": (frozenset({BidStatus.SUBMITTED}), BidStatus.DECLINED),
    "withdraw": (frozenset({BidStatus.DRAFT, BidStatus.SUBMITTED}), BidStatus.WITHDRAWN),
}
DECIDED_BID_STATES = frozenset({BidStatus.ACCEPTED, BidStatus.DECLINED})

# Words that are URLs of their own under /events/: an event may not take them as its slug.
RESERVED_EVENT_SLUGS = frozenset({"new", "bids", "proposals", "registrations"})
