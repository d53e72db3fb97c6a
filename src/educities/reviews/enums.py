"""States and kinds of the review engine (award juries, congress calls, article reviews)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ReviewPhase(models.TextChoices):
    SETUP = "setup", _("Setting up")
    BLIND = "blind", _("Blind scoring")
    DELIBERATION = "deliberation", _("Deliberation")
    DECISION = "decision", pgettext_lazy("review phase", "Decision")
    CLOSED = "closed", pgettext_lazy("review phase", "Closed")


# Each phase step: the phases it may start from and the phase it leads to. ``process_phase_change``, the
# staff buttons and the docs all read this table.
PHASE_STEPS: dict[str, tuple[frozenset[str], str]] = {
    "open_scoring": (frozenset({ReviewPhase.SETUP}), ReviewPhase.BLIND),
    "deliberate": (frozenset({ReviewPhase.BLIND}), ReviewPhase.DELIBERATION),
    "reopen_scoring": (frozenset({ReviewPhase.DELIBERATION}), ReviewPhase.BLIND),
    "decide": (frozenset({ReviewPhase.DELIBERATION}), ReviewPhase.DECISION),
    "close": (frozenset({ReviewPhase.DECISION}), ReviewPhase.CLOSED),
}

# Jurors may write scores in these phases; in the others the scores are frozen.
SCORING_PHASES = frozenset({ReviewPhase.BLIND, ReviewPhase.DELIBERATION})
# From these phases on, every non-conflicted juror sees every item, all scores and the discussion.
OPEN_PHASES = frozenset({ReviewPhase.DELIBERATION, ReviewPhase.DECISION, ReviewPhase.CLOSED})


class ConflictKind(models.TextChoices):
    SAME_CITY = "same_city", _("Same city")
    SAME_COUNTRY = "same_country", _("Same country")
    SAME_NETWORK = "same_network", _("Same network")
    PERSONAL = "personal", _("Declared personal interest")
    PROFESSIONAL = "professional", _("Declared professional interest")


AUTOMATIC_CONFLICT_KINDS = frozenset(
    {ConflictKind.SAME_CITY, ConflictKind.SAME_COUNTRY, ConflictKind.SAME_NETWORK}
)


class ConflictSource(models.TextChoices):
    AUTOMATIC = "automatic", _("Found automatically")
    DECLARED = "declared", _("Declared by the juror")
    STAFF = "staff", _("Added by the Secretariat")


class TieBreak(models.TextChoices):
    """How the ranking separated two items with the same mean (recorded on the ranking)."""

    NONE = "", _("No tie")
    MEDIAN = "median", _("Higher median")
    CRITERIA = "criteria", _("Higher mean on the criteria, in their order")
    STAFF = "staff", _("Order recorded by the Secretariat")
    UNBROKEN = "unbroken", _("Still tied")
