"""Object-level permissions of the member registry, declared once.

Views, the API, templates (``{% has_perm %}``) and querysets all use these predicates.
A predicate takes ``(user, obj)``; ``obj`` is a City, a Network or None.
"""

import rules
from django.conf import settings

from educities.members.enums import RoleKind


def staff_mfa_satisfied(user) -> bool:
    """Whether a staff user meets the two-factor requirement: an authenticator app (TOTP) when required.

    Cached on the user object, like the role grants: one query per request however many checks a page makes.
    """
    if not getattr(settings, "STAFF_MFA_REQUIRED", True):
        return True
    cached = getattr(user, "_educities_has_totp", None)
    if cached is None:
        from allauth.mfa.models import Authenticator

        cached = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        user._educities_has_totp = cached
    return cached


@rules.predicate
def is_secretariat(user) -> bool:
    # Staff without the required authenticator app have no Secretariat power anywhere (back office,
    # editor pages, API, domain functions), not only in the namespaces the MFA middleware guards.
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        return False
    return staff_mfa_satisfied(user)


def _grants(user) -> list[tuple[str, int | None, int | None]]:
    # Cached on the user object: one query per request however many checks a page makes.
    cached = getattr(user, "_educities_grants", None)
    if cached is None:
        cached = list(user.role_grants.values_list("kind", "city_id", "network_id"))
        user._educities_grants = cached
    return cached


@rules.predicate
def is_executive(user) -> bool:
    if not (user and user.is_authenticated):
        return False
    return any(kind == RoleKind.EXECUTIVE for kind, _, _ in _grants(user))


@rules.predicate
def is_editor_of_city(user, city) -> bool:
    if city is None or not (user and user.is_authenticated):
        return False
    return any(kind == RoleKind.CITY_EDITOR and city_id == city.pk for kind, city_id, _ in _grants(user))


@rules.predicate
def is_coordinator_of_network(user, network) -> bool:
    if network is None or not (user and user.is_authenticated):
        return False
    return any(
        kind == RoleKind.COORDINATOR and network_id == network.pk for kind, _, network_id in _grants(user)
    )


@rules.predicate
def is_translator(user) -> bool:
    if not (user and user.is_authenticated):
        return False
    return any(kind == RoleKind.TRANSLATOR for kind, _, _ in _grants(user))


@rules.predicate
def is_authenticated(user) -> bool:
    return bool(user and user.is_authenticated)


def editable_city_ids(user) -> set[int]:
    if not (user and user.is_authenticated):
        return set()
    return {city_id for kind, city_id, _ in _grants(user) if kind == RoleKind.CITY_EDITOR}


# Cities
rules.add_perm("members.view_city_private", is_secretariat | is_executive | is_editor_of_city)
rules.add_perm("members.change_city", is_secretariat | is_editor_of_city)
rules.add_perm("members.change_contacts", is_secretariat | is_editor_of_city)
rules.add_perm("members.view_city_fees", is_secretariat | is_executive | is_editor_of_city)
# Membership workflow
rules.add_perm("members.apply_membership", is_authenticated)
rules.add_perm("members.withdraw_membership", is_secretariat | is_editor_of_city)
rules.add_perm("members.review_membership", is_secretariat)
rules.add_perm("members.manage_fees", is_secretariat)
rules.add_perm("members.download_certificate", is_secretariat | is_editor_of_city)
# Networks
rules.add_perm("members.create_network", is_secretariat)
rules.add_perm("members.change_network", is_secretariat | is_coordinator_of_network)
# Back office and data
rules.add_perm("members.view_backoffice", is_secretariat)
rules.add_perm("members.view_fee_status", is_secretariat | is_executive)
rules.add_perm("members.import_data", is_secretariat)
rules.add_perm("members.export_private_data", is_secretariat)
