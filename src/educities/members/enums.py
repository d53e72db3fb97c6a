from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class IncomeGroup(models.TextChoices):
    """Country groups by GNI per capita (USD), as the association's fee table uses them."""

    I = "I", _("Group I (GNI per capita up to 1,000 USD)")  # noqa: E741 - the association's own name
    II = "II", _("Group II (1,001 to 3,000 USD)")
    III = "III", _("Group III (3,001 to 10,000 USD)")
    IV = "IV", _("Group IV (over 10,000 USD)")


class PopulationBand(models.TextChoices):
    B1 = "1", _("Under 50,000 inhabitants")
    B2 = "2", _("50,000 to 100,000")
    B3 = "3", _("100,001 to 250,000")
    B4 = "4", _("250,001 to 500,000")
    B5 = "5", _("500,001 to 1,000,000")
    B6 = "6", _("1,000,001 to 2,500,000")
    B7 = "7", _("2,500,001 to 5,000,000")
    B8 = "8", _("Over 5,000,000")


# Upper bound (inclusive) of each band; the last band has none.
POPULATION_BAND_LIMITS: list[tuple[PopulationBand, int | None]] = [
    (PopulationBand.B1, 49_999),
    (PopulationBand.B2, 100_000),
    (PopulationBand.B3, 250_000),
    (PopulationBand.B4, 500_000),
    (PopulationBand.B5, 1_000_000),
    (PopulationBand.B6, 2_500_000),
    (PopulationBand.B7, 5_000_000),
    (PopulationBand.B8, None),
]


def population_band_for(population: int) -> PopulationBand:
    for band, upper in POPULATION_BAND_LIMITS:
        if upper is None or population <= upper:
            return band
    return PopulationBand.B8


class WorldRegion(models.TextChoices):
    AFRICA = "africa", _("Africa")
    LATIN_AMERICA = "latin_america", _("Latin America and the Caribbean")
    NORTH_AMERICA = "north_america", _("North America")
    ASIA_PACIFIC = "asia_pacific", _("Asia-Pacific")
    EUROPE = "europe", _("Europe")
    MIDDLE_EAST = "middle_east", _("Middle East")


class MembershipStatus(models.TextChoices):
    APPLIED = "applied", _("Application received")
    UNDER_REVIEW = "under_review", _("Under review by the Secretariat")
    INVOICED = "invoiced", _("Fee invoiced")
    PAID = "paid", _("Fee paid, awaiting ratification")
    MEMBER = "member", pgettext_lazy("membership status", "Member")
    REJECTED = "rejected", _("Rejected")
    SUSPENDED = "suspended", _("Suspended for unpaid fees")
    WITHDRAWN = "withdrawn", _("Withdrawn")


PENDING_STATUSES = [
    MembershipStatus.APPLIED,
    MembershipStatus.UNDER_REVIEW,
    MembershipStatus.INVOICED,
    MembershipStatus.PAID,
]

# The membership workflow as steps: each step's name, the states it may start from and the state it
# leads to. The transition function, the back office buttons and the docs all read this one table.
MEMBERSHIP_STEPS: dict[str, tuple[frozenset[str], str]] = {
    "review_start": (frozenset({MembershipStatus.APPLIED}), MembershipStatus.UNDER_REVIEW),
    "invoice": (frozenset({MembershipStatus.UNDER_REVIEW}), MembershipStatus.INVOICED),
    "pay": (frozenset({MembershipStatus.INVOICED}), MembershipStatus.PAID),
    "ratify": (frozenset({MembershipStatus.PAID}), MembershipStatus.MEMBER),
    "reject": (frozenset(PENDING_STATUSES), MembershipStatus.REJECTED),
    "suspend": (frozenset({MembershipStatus.MEMBER}), MembershipStatus.SUSPENDED),
    "reinstate": (frozenset({MembershipStatus.SUSPENDED}), MembershipStatus.MEMBER),
    "withdraw": (
        frozenset({*PENDING_STATUSES, MembershipStatus.MEMBER, MembershipStatus.SUSPENDED}),
        MembershipStatus.WITHDRAWN,
    ),
    # The city's own step (it applies again through the application form), not a back office button.
    "reapply": (frozenset({MembershipStatus.REJECTED, MembershipStatus.WITHDRAWN}), MembershipStatus.APPLIED),
}


class FeeStatus(models.TextChoices):
    UNPAID = "unpaid", _("Unpaid")
    PAID = "paid", _("Paid")
    WAIVED = "waived", _("Waived")


class NetworkKind(models.TextChoices):
    TERRITORIAL = "territorial", _("Territorial network")
    DELEGATION = "delegation", _("Delegation")
    THEMATIC = "thematic", _("Thematic network")


class NetworkRole(models.TextChoices):
    MEMBER = "member", pgettext_lazy("network role", "Member")
    COORDINATOR = "coordinator", _("Coordinating city")
    CO_COORDINATOR = "co_coordinator", _("Co-coordinating city")


class SeatRole(models.TextChoices):
    PRESIDENT = "president", _("Presidency")
    VICE_PRESIDENT = "vice_president", _("Vice-presidency")
    TREASURER = "treasurer", _("Treasury")
    MEMBER = "member", pgettext_lazy("committee seat", "Member")


class RoleKind(models.TextChoices):
    EXECUTIVE = "executive", _("Executive Committee member")
    COORDINATOR = "coordinator", _("Network coordinator")
    CITY_EDITOR = "city_editor", _("City editor")
    TRANSLATOR = "translator", _("Translator")


# Minimum composition of a thematic network (BRIEF §2).
THEMATIC_MIN_CITIES = 5
THEMATIC_MIN_COUNTRIES = 3
THEMATIC_MIN_CO_COORDINATORS = 2
