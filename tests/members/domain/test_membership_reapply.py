"""A rejected or withdrawn city applies again ("reapply"); any other registered city is refused neutrally."""

import pytest
from django.core import mail

from educities.core.domain.errors import DomainError
from educities.core.models import AuditEntry
from educities.members.domain.membership import (
    membership_allowed_actions,
    membership_apply,
    membership_can_reapply,
    membership_can_withdraw,
)
from educities.members.enums import MEMBERSHIP_STEPS, MembershipStatus, RoleKind
from educities.members.models import City, MembershipApplication
from tests.factories import ApplicationFactory, CityFactory, CountryFactory, UserFactory, pdf_upload

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

NEUTRAL = (
    "A city with this name is already registered in this country. "
    "If you need access to it, contact the Secretariat."
)


def _apply(user, *, name="Granollers", country, **overrides):
    values = {
        "population": 62_000,
        "latitude": 41.6,
        "longitude": 2.29,
        "mayor_form": pdf_upload("mayor-2026.pdf"),
        "plenary_approval": pdf_upload("plenary-2026.pdf"),
        "website": "https://www.granollers.cat",
        "motivation": "We are ready now.",
        **overrides,
    }
    return membership_apply(actor=user, name=name, country=country, **values)


def test_membership_steps_reapply_goes_from_closed_states_to_applied():
    assert MEMBERSHIP_STEPS["reapply"] == (
        frozenset({MembershipStatus.REJECTED, MembershipStatus.WITHDRAWN}),
        MembershipStatus.APPLIED,
    )


@pytest.mark.parametrize("status", [MembershipStatus.REJECTED, MembershipStatus.WITHDRAWN])
def test_membership_apply_for_closed_city_reapplies_it(status, django_capture_on_commit_callbacks):
    country = CountryFactory(code="ES")
    old_editor = UserFactory(email="old@granollers.cat")
    city = ApplicationFactory(
        city__name="Granollers",
        city__country=country,
        city__membership_status=status,
        city__population=40_000,
        city__website="https://old.example.org",
        city__region="Vallès",
    ).city
    from educities.members.domain.roles import role_grant_city_editor

    role_grant_city_editor(user=old_editor, city=city)
    applicant = UserFactory(email="tecnic@granollers.cat")

    with django_capture_on_commit_callbacks(execute=True):
        result = _apply(applicant, name="  GRANOLLERS ", country=country, region="")

    assert result.pk == city.pk
    assert result.reapplied_from == status
    city.refresh_from_db()
    assert (city.name, city.membership_status, city.population, city.population_band) == (
        "Granollers",
        MembershipStatus.APPLIED,
        62_000,
        "2",
    )
    assert (city.website, city.region, city.latitude) == ("https://www.granollers.cat", "Vallès", 41.6)
    assert City.objects.count() == 1
    latest = city.applications.order_by("-created_at", "-pk").first()
    assert (city.applications.count(), latest.submitted_by, latest.motivation) == (
        2,
        applicant,
        "We are ready now.",
    )
    assert latest.mayor_form.read().startswith(b"%PDF-")
    assert list(applicant.role_grants.values_list("kind", "city_id")) == [(RoleKind.CITY_EDITOR, city.pk)]
    assert list(
        AuditEntry.objects.filter(object_id=str(city.pk)).values_list("action", "from_state", "to_state")
    ) == [("reapply", status, MembershipStatus.APPLIED)]
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "old@granollers.cat",
        "secretariat@educities.localhost",
        "tecnic@granollers.cat",
    ]


@pytest.mark.parametrize(
    "status",
    [
        MembershipStatus.APPLIED,
        MembershipStatus.UNDER_REVIEW,
        MembershipStatus.INVOICED,
        MembershipStatus.PAID,
        MembershipStatus.MEMBER,
        MembershipStatus.SUSPENDED,
    ],
)
def test_membership_apply_for_open_city_is_refused_without_revealing_its_status(status):
    country = CountryFactory(code="ES")
    city = CityFactory(name="Granollers", country=country, membership_status=status, population=40_000)
    applicant = UserFactory()

    with pytest.raises(DomainError) as error:
        _apply(applicant, name="granollers", country=country)

    assert error.value.message == NEUTRAL
    city.refresh_from_db()
    assert (city.membership_status, city.population) == (status, 40_000)
    assert MembershipApplication.objects.count() == 0
    assert applicant.role_grants.count() == 0
    assert AuditEntry.objects.count() == 0


def test_membership_apply_same_name_in_another_country_creates_a_new_city():
    CityFactory(name="Valencia", country=CountryFactory(code="ES"), membership_status=MembershipStatus.MEMBER)

    city = _apply(UserFactory(), name="Valencia", country=CountryFactory(code="CO"))

    assert (city.slug, city.reapplied_from, City.objects.count()) == ("valencia-co", "", 2)


@pytest.mark.parametrize(
    ("status", "withdraw", "reapply"),
    [
        (MembershipStatus.APPLIED, True, False),
        (MembershipStatus.MEMBER, True, False),
        (MembershipStatus.SUSPENDED, True, False),
        (MembershipStatus.REJECTED, False, True),
        (MembershipStatus.WITHDRAWN, False, True),
    ],
)
def test_membership_can_withdraw_and_reapply_follow_the_step_table(status, withdraw, reapply):
    city = CityFactory(membership_status=status)

    assert (membership_can_withdraw(city=city), membership_can_reapply(city=city)) == (withdraw, reapply)
    assert "reapply" not in membership_allowed_actions(city=city)
