from django.db import transaction

from educities.members.enums import RoleKind
from educities.members.models import City, Network, RoleGrant


@transaction.atomic
def role_grant_city_editor(*, user, city: City) -> RoleGrant:
    grant, _created = RoleGrant.objects.get_or_create(user=user, kind=RoleKind.CITY_EDITOR, city=city)
    return grant


@transaction.atomic
def role_grant_coordinator(*, user, network: Network) -> RoleGrant:
    grant, _created = RoleGrant.objects.get_or_create(user=user, kind=RoleKind.COORDINATOR, network=network)
    return grant


@transaction.atomic
def role_grant_executive(*, user) -> RoleGrant:
    grant, _created = RoleGrant.objects.get_or_create(
        user=user, kind=RoleKind.EXECUTIVE, city=None, network=None
    )
    return grant


@transaction.atomic
def role_grant_translator(*, user) -> RoleGrant:
    grant, _created = RoleGrant.objects.get_or_create(
        user=user, kind=RoleKind.TRANSLATOR, city=None, network=None
    )
    return grant


def role_revoke(*, grant: RoleGrant) -> None:
    grant.delete()
