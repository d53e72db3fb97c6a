"""Selectors for the governing bodies: the Executive Committee and the General Assemblies."""

from datetime import date

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from educities.members.enums import MembershipStatus, SeatRole
from educities.members.models import ExecutiveCommitteeSeat, GeneralAssembly

_SEAT_ORDER = [SeatRole.PRESIDENT, SeatRole.VICE_PRESIDENT, SeatRole.TREASURER, SeatRole.MEMBER]


def executive_committee_seats(*, on: date | None = None) -> QuerySet[ExecutiveCommitteeSeat]:
    """The seats whose term covers ``on`` (today by default), presidency first."""
    on = on or timezone.localdate()
    return (
        ExecutiveCommitteeSeat.objects.filter(term_start__lte=on, term_end__gte=on)
        .select_related("city__country")
        .annotate(
            rank=Case(
                *[When(role=role, then=Value(i)) for i, role in enumerate(_SEAT_ORDER)],
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "city__name")
    )


def general_assemblies() -> QuerySet[GeneralAssembly]:
    """Every General Assembly, newest first, with the number of member cities it ratified."""
    return GeneralAssembly.objects.annotate(
        ratified_count=Count(
            "ratified_cities", filter=Q(ratified_cities__membership_status=MembershipStatus.MEMBER)
        )
    ).order_by("-date")
