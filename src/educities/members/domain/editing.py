"""Selectors for the city editors' pages ("My account"): what a user edits, in a fixed number of queries."""

from django.db.models import Prefetch, QuerySet

from educities.members.enums import RoleKind
from educities.members.models import City, Contact, FeeRecord


def cities_edited_by(*, user) -> QuerySet[City]:
    """The cities ``user`` holds a city-editor role on, with their contacts and fee records (newest first)."""
    if not (user and user.is_authenticated):
        return City.objects.none()
    return (
        City.objects.filter(role_grants__user=user, role_grants__kind=RoleKind.CITY_EDITOR)
        .select_related("country")
        .prefetch_related(
            Prefetch("fees", queryset=FeeRecord.objects.order_by("-year"), to_attr="fee_rows"),
            Prefetch(
                "contacts",
                queryset=Contact.objects.order_by("-is_primary", "full_name"),
                to_attr="contact_rows",
            ),
        )
        .order_by("name", "pk")
        .distinct()
    )


def city_contacts(*, city: City) -> list[Contact]:
    return list(city.contacts.order_by("-is_primary", "full_name", "pk"))
