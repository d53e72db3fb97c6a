"""States of an award application, its workflow table and the eligibility rules."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# An application is written in one of the association's official languages.
OFFICIAL_LANGUAGES = ("en", "fr", "es", "pt")


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("award application", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("award application", "Submitted")
    ELIGIBLE = "eligible", _("Eligible")
    INELIGIBLE = "ineligible", _("Not eligible")
    IN_REVIEW = "in_review", _("In jury review")
    FINALIST = "finalist", _("Finalist")
    WINNER = "winner", _("Winner")
    SPECIAL_MENTION = "special_mention", _("Special mention")
    NOT_SELECTED = "not_selected", _("Not selected")
    WITHDRAWN = "withdrawn", pgettext_lazy("award application", "Withdrawn")


# Each step: the states it may start from and the state it leads to. ``application_transition``, the
# buttons on the pages and docs/awards.md all read this one table.
APPLICATION_STEPS: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({ApplicationStatus.DRAFT}), ApplicationStatus.SUBMITTED),
    "confirm_eligible": (
        frozenset({ApplicationStatus.SUBMITTED, ApplicationStatus.INELIGIBLE}),
        ApplicationStatus.ELIGIBLE,
    ),
    "declare_ineligible": (
        frozenset({ApplicationStatus.SUBMITTED, ApplicationStatus.ELIGIBLE}),
        ApplicationStatus.INELIGIBLE,
    ),
    "send_to_jury": (frozenset({ApplicationStatus.ELIGIBLE}), ApplicationStatus.IN_REVIEW),
    "shortlist": (frozenset({ApplicationStatus.IN_REVIEW}), ApplicationStatus.FINALIST),
    "award": (frozenset({ApplicationStatus.IN_REVIEW, ApplicationStatus.FINALIST}), ApplicationStatus.WINNER),
    "mention": (
        frozenset({ApplicationStatus.IN_REVIEW, ApplicationStatus.FINALIST}),
        ApplicationStatus.SPECIAL_MENTION,
    ),
    "not_select": (
        frozenset({ApplicationStatus.IN_REVIEW, ApplicationStatus.FINALIST}),
        ApplicationStatus.NOT_SELECTED,
    ),
    "withdraw": (
        frozenset(
            {
                ApplicationStatus.DRAFT,
                ApplicationStatus.SUBMITTED,
                ApplicationStatus.ELIGIBLE,
                ApplicationStatus.INELIGIBLE,
                ApplicationStatus.IN_REVIEW,
            }
        ),
        ApplicationStatus.WITHDRAWN,
    ),
}

# Steps that need a written reason (ineligibility, overriding a failed rule is checked separately).
STEPS_NEEDING_REASON = frozenset({"declare_ineligible"})

# Candidacies: every application that reached the Secretariat and was not withdrawn.
CANDIDACY_STATES = frozenset(
    {
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.ELIGIBLE,
        ApplicationStatus.INELIGIBLE,
        ApplicationStatus.IN_REVIEW,
        ApplicationStatus.FINALIST,
        ApplicationStatus.WINNER,
        ApplicationStatus.SPECIAL_MENTION,
        ApplicationStatus.NOT_SELECTED,
    }
)
# What counts towards the maximum of applications per city.
COUNTED_STATES = CANDIDACY_STATES - {ApplicationStatus.INELIGIBLE}
# Shown on the public page once the results are published.
RESULT_STATES = (ApplicationStatus.WINNER, ApplicationStatus.SPECIAL_MENTION, ApplicationStatus.FINALIST)
# Who gets a certificate.
CERTIFICATE_STATES = frozenset(RESULT_STATES)


class EligibilityRule(models.TextChoices):
    FEES = "fees", _("Member city with fees paid up")
    JURY_CITY = "jury_city", _("Not a city of the jury")
    CONGRESS_HOST = "congress_host", _("Not the host of the next congress")
    PREVIOUS_WINNER = "previous_winner", _("Not a winner of the previous edition")
    CUTOFF = "cutoff", _("Initiative started before the cut-off date")
    MAX_APPLICATIONS = "max_applications", _("Within the maximum of applications per city")
    MAYOR_LETTER = "mayor_letter", _("Letter from the mayor")


class EditionPhase(models.TextChoices):
    """Where an edition stands, computed from its dates and results (never stored)."""

    DRAFT = "draft", pgettext_lazy("award edition", "Not announced")
    ANNOUNCED = "announced", _("Announced")
    OPEN = "open", _("Call open")
    JURY = "jury", _("Jury at work")
    RESULTS = "results", _("Results published")
    VOID = "void", _("Declared void")
