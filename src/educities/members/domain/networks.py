from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError, PermissionRefused
from educities.members.enums import (
    THEMATIC_MIN_CITIES,
    THEMATIC_MIN_CO_COORDINATORS,
    THEMATIC_MIN_COUNTRIES,
    MembershipStatus,
    NetworkKind,
    NetworkRole,
)
from educities.members.models import City, Network, NetworkMembership


def _thematic_problems(
    *, cities: list[City], coordinator: City | None, co_coordinators: list[City]
) -> list[str]:
    everyone = {c.pk: c for c in [*cities, *([coordinator] if coordinator else []), *co_coordinators]}
    countries = {c.country_id for c in everyone.values()}
    problems = []
    if len(everyone) < THEMATIC_MIN_CITIES:
        problems.append(
            _("a thematic network needs at least %(n)d cities (it has %(count)d)")
            % {"n": THEMATIC_MIN_CITIES, "count": len(everyone)}
        )
    if len(countries) < THEMATIC_MIN_COUNTRIES:
        problems.append(
            _("its cities must come from at least %(n)d countries (they come from %(count)d)")
            % {"n": THEMATIC_MIN_COUNTRIES, "count": len(countries)}
        )
    if coordinator is None:
        problems.append(_("it needs one coordinating city"))
    if (
        len({c.pk for c in co_coordinators} - ({coordinator.pk} if coordinator else set()))
        < THEMATIC_MIN_CO_COORDINATORS
    ):
        problems.append(
            _("it needs at least %(n)d co-coordinating cities") % {"n": THEMATIC_MIN_CO_COORDINATORS}
        )
    not_members = sorted(c.name for c in everyone.values() if c.membership_status != MembershipStatus.MEMBER)
    if not_members:
        problems.append(
            _("only member cities can take part (not: %(cities)s)") % {"cities": ", ".join(not_members)}
        )
    return problems


def _check_thematic_composition(
    *, cities: list[City], coordinator: City | None, co_coordinators: list[City]
) -> None:
    problems = _thematic_problems(cities=cities, coordinator=coordinator, co_coordinators=co_coordinators)
    if problems:
        raise DomainError(
            _("The network cannot be created: %(problems)s.") % {"problems": "; ".join(problems)}
        )


@transaction.atomic
def network_create(
    *,
    actor,
    name: str,
    kind: str,
    cities: list[City],
    coordinator: City | None = None,
    co_coordinators: list[City] | None = None,
    acronym: str = "",
    description: str = "",
    website: str = "",
) -> Network:
    if actor is not None and not actor.has_perm("members.create_network", None):
        raise PermissionRefused(_("You are not allowed to do this."))
    co_coordinators = co_coordinators or []
    name = name.strip()
    if not name:
        raise DomainError(_("A network needs a name."))
    if Network.objects.filter(name__iexact=name).exists():
        raise DomainError(_("A network named %(name)s already exists.") % {"name": name})
    if kind == NetworkKind.THEMATIC:
        _check_thematic_composition(cities=cities, coordinator=coordinator, co_coordinators=co_coordinators)
    network = Network.objects.create(
        name=name,
        slug=_network_slug(name),
        kind=kind,
        acronym=acronym,
        description=description,
        website=website,
    )
    roles = {c.pk: (c, NetworkRole.MEMBER) for c in cities}
    roles.update({c.pk: (c, NetworkRole.CO_COORDINATOR) for c in co_coordinators})
    if coordinator is not None:
        roles[coordinator.pk] = (coordinator, NetworkRole.COORDINATOR)
    NetworkMembership.objects.bulk_create(
        [NetworkMembership(network=network, city=city, role=role) for city, role in roles.values()]
    )
    audit_record(subject=network, action="network_create", actor=actor, comment=f"{len(roles)} cities")
    return network


def _network_slug(name: str) -> str:
    base = slugify(name)[:150] or "network"
    slug, n = base, 2
    while Network.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _require_change(actor, network: Network) -> None:
    if actor is not None and not actor.has_perm("members.change_network", network):
        raise PermissionRefused(_("You are not allowed to do this."))


def _check_thematic_roles(*, network: Network, roles: dict[int, tuple[City, str]]) -> None:
    """Refuse a change that would leave a thematic network below its minimum composition."""
    if network.kind != NetworkKind.THEMATIC:
        return
    coordinators = [city for city, role in roles.values() if role == NetworkRole.COORDINATOR]
    problems = _thematic_problems(
        cities=[city for city, _role in roles.values()],
        coordinator=coordinators[0] if coordinators else None,
        co_coordinators=[city for city, role in roles.values() if role == NetworkRole.CO_COORDINATOR],
    )
    if len(coordinators) > 1:
        problems.append(_("it can have only one coordinating city"))
    if problems:
        raise DomainError(
            _("This change would break the rules of a thematic network: %(problems)s.")
            % {"problems": "; ".join(problems)}
        )


def _current_roles(network: Network) -> dict[int, tuple[City, str]]:
    rows = NetworkMembership.objects.filter(network=network).select_related("city")
    return {row.city_id: (row.city, row.role) for row in rows}


NETWORK_EDITABLE_FIELDS = ("acronym", "description", "website")


@transaction.atomic
def network_update(*, actor, network: Network, **changes) -> Network:
    """Change a network's public profile (its name and kind are the Secretariat's, in the admin)."""
    _require_change(actor, network)
    unknown = set(changes) - set(NETWORK_EDITABLE_FIELDS)
    if unknown:
        raise DomainError(
            _("These fields cannot be changed here: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    changed = [field for field, value in changes.items() if getattr(network, field) != value]
    for field in changed:
        setattr(network, field, changes[field])
    if changed:
        network.save(update_fields=[*changed, "updated_at"])
        audit_record(subject=network, action="network_update", actor=actor, comment=", ".join(changed))
    return network


@transaction.atomic
def network_add_city(
    *, actor, network: Network, city: City, role: str = NetworkRole.MEMBER
) -> NetworkMembership:
    """Add a member city to a network, or change its role there."""
    _require_change(actor, network)
    if city.membership_status != MembershipStatus.MEMBER:
        raise DomainError(
            _("Only member cities can take part in a network (not: %(city)s).") % {"city": city.name}
        )
    if role not in NetworkRole.values:
        raise DomainError(_("Choose a valid role."))
    # Lock the network's rows: two coordinators editing at once must not both break the minimum.
    list(NetworkMembership.objects.select_for_update().filter(network=network))
    roles = _current_roles(network)
    roles[city.pk] = (city, role)
    _check_thematic_roles(network=network, roles=roles)
    row, _created = NetworkMembership.objects.update_or_create(
        network=network, city=city, defaults={"role": role}
    )
    audit_record(
        subject=network,
        action="network_add_city",
        actor=actor,
        comment=f"{city.name}: {NetworkRole(role).label}",
    )
    return row


@transaction.atomic
def network_remove_city(*, actor, network: Network, city: City) -> None:
    _require_change(actor, network)
    list(NetworkMembership.objects.select_for_update().filter(network=network))
    roles = _current_roles(network)
    if city.pk not in roles:
        raise DomainError(_("%(city)s is not in this network.") % {"city": city.name})
    del roles[city.pk]
    _check_thematic_roles(network=network, roles=roles)
    NetworkMembership.objects.filter(network=network, city=city).delete()
    audit_record(subject=network, action="network_remove_city", actor=actor, comment=city.name)
