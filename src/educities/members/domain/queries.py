"""Selectors of the member registry: every read that more than one view, API or app needs."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet, Sum
from django.utils import timezone

from educities.members.enums import PENDING_STATUSES, FeeStatus, MembershipStatus, NetworkRole
from educities.members.models import (
    City,
    Contact,
    Country,
    ExecutiveCommitteeSeat,
    FeeRecord,
    MembershipApplication,
    Network,
    NetworkMembership,
)


def cities_members() -> QuerySet[City]:
    """Member cities as the public sees them."""
    return City.objects.filter(membership_status=MembershipStatus.MEMBER).select_related("country")


def cities_directory() -> QuerySet[City]:
    return cities_members().order_by("name", "pk")


def city_public_detail(*, slug: str) -> City:
    """A member city with what its public page shows, in a fixed number of queries."""
    return (
        cities_members()
        .prefetch_related(
            Prefetch(
                "network_memberships",
                queryset=NetworkMembership.objects.select_related("network").order_by("network__name"),
            ),
            Prefetch("contacts", queryset=Contact.objects.filter(is_public=True), to_attr="public_contacts"),
            Prefetch("seats", queryset=ExecutiveCommitteeSeat.objects.order_by("-term_end")),
        )
        .get(slug=slug)
    )


def countries_with_members() -> QuerySet[Country]:
    return (
        Country.objects.annotate(
            member_count=Count("cities", filter=_member_filter("cities__")),
        )
        .filter(member_count__gt=0)
        .order_by("code")
    )


def _member_filter(prefix: str = ""):
    from django.db.models import Q

    return Q(**{f"{prefix}membership_status": MembershipStatus.MEMBER})


@dataclass(frozen=True)
class HeadlineFigures:
    member_cities: int
    countries: int
    inhabitants: int
    networks: int


def headline_figures() -> HeadlineFigures:
    totals = cities_members().aggregate(
        cities=Count("pk"), countries=Count("country", distinct=True), inhabitants=Sum("population")
    )
    return HeadlineFigures(
        member_cities=totals["cities"] or 0,
        countries=totals["countries"] or 0,
        inhabitants=totals["inhabitants"] or 0,
        networks=Network.objects.count(),
    )


def networks_with_counts() -> QuerySet[Network]:
    return Network.objects.annotate(
        member_count=Count("memberships", filter=_member_filter("memberships__city__")),
    ).order_by("kind", "name")


def network_public_detail(*, slug: str) -> Network:
    return Network.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=NetworkMembership.objects.filter(city__membership_status=MembershipStatus.MEMBER)
            .select_related("city__country")
            .order_by("city__name"),
            to_attr="member_rows",
        )
    ).get(slug=slug)


def network_coordinators(*, network: Network) -> list[NetworkMembership]:
    return [
        row
        for row in getattr(network, "member_rows", network.memberships.select_related("city"))
        if row.role in (NetworkRole.COORDINATOR, NetworkRole.CO_COORDINATOR)
    ]


# --- Fees ------------------------------------------------------------------------------


def city_unpaid_fees(*, city: City, year: int | None = None) -> list[FeeRecord]:
    year = year or timezone.localdate().year
    return list(city.fees.filter(status=FeeStatus.UNPAID, year__lte=year).order_by("year"))


def city_fees_paid_up(*, city: City, year: int | None = None) -> bool:
    """True when the city owes no fee for ``year`` or any year before it (award eligibility uses it)."""
    year = year or timezone.localdate().year
    return not city.fees.filter(status=FeeStatus.UNPAID, year__lte=year).exists()


def cities_with_fees_paid_up(*, year: int | None = None) -> QuerySet[City]:
    year = year or timezone.localdate().year
    unpaid = FeeRecord.objects.filter(city=OuterRef("pk"), status=FeeStatus.UNPAID, year__lte=year)
    return cities_members().filter(~Exists(unpaid))


def cities_fee_status(*, year: int) -> QuerySet[City]:
    """Every member or suspended city with its fee record of ``year`` and whether it owes earlier years."""
    unpaid_before = FeeRecord.objects.filter(city=OuterRef("pk"), status=FeeStatus.UNPAID, year__lt=year)
    return (
        City.objects.filter(membership_status__in=[MembershipStatus.MEMBER, MembershipStatus.SUSPENDED])
        .select_related("country")
        .prefetch_related(
            Prefetch("fees", queryset=FeeRecord.objects.filter(year=year), to_attr="fees_of_year")
        )
        .annotate(owes_earlier_years=Exists(unpaid_before))
        .order_by("name")
    )


@dataclass(frozen=True)
class FeeStatusSummary:
    """The fee status page of a year: one row per city shown, and totals over every city of the year.

    A row is ``{"city": City, "record": FeeRecord | None, "owes": bool}``; a city owes when its fee of
    the year or of an earlier year is unpaid. The totals count every member and suspended city, whether
    the rows are filtered or not.
    """

    rows: list[dict]
    totals: dict


def fee_status_summary(*, year: int, unpaid_only: bool = False) -> FeeStatusSummary:
    rows = []
    totals = {"cities": 0, "invoiced": Decimal(0), "paid": Decimal(0), "unpaid": Decimal(0), "owing": 0}
    for city in cities_fee_status(year=year):
        record = city.fees_of_year[0] if city.fees_of_year else None
        owes = (record is not None and record.status == FeeStatus.UNPAID) or city.owes_earlier_years
        totals["cities"] += 1
        totals["owing"] += int(owes)
        if record is not None:
            totals["invoiced"] += record.amount
            if record.status == FeeStatus.PAID:
                totals["paid"] += record.amount
            elif record.status == FeeStatus.UNPAID:
                totals["unpaid"] += record.amount
        if unpaid_only and not owes:
            continue
        rows.append({"city": city, "record": record, "owes": owes})
    return FeeStatusSummary(rows=rows, totals=totals)


# --- Applications ------------------------------------------------------------------------


def cities_pending_applications() -> QuerySet[City]:
    return (
        City.objects.filter(membership_status__in=PENDING_STATUSES)
        .select_related("country")
        .prefetch_related(
            Prefetch(
                "applications",
                queryset=MembershipApplication.objects.select_related("submitted_by").order_by("-created_at"),
            ),
            Prefetch("fees", queryset=FeeRecord.objects.order_by("-year")),
        )
        .order_by("updated_at")
    )
