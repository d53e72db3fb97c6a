from datetime import date

import pytest

from educities.members.enums import MembershipStatus, SeatRole
from educities.members.models import ExecutiveCommitteeSeat
from tests.factories import CityFactory, GeneralAssemblyFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

URL = "/en/governance/"


def _seat(city, role, start=date(2024, 1, 1), end=date(2099, 12, 31)):
    return ExecutiveCommitteeSeat.objects.create(
        city=city, role=role, term_start=start, term_end=end, representative=f"Mayor of {city.name}"
    )


def test_governance_lists_current_seats_presidency_first(client):
    _seat(CityFactory(name="Lisboa"), SeatRole.MEMBER)
    _seat(CityFactory(name="Rosario"), SeatRole.VICE_PRESIDENT)
    _seat(CityFactory(name="Barcelona"), SeatRole.PRESIDENT)
    _seat(CityFactory(name="Katowice"), SeatRole.MEMBER, start=date(2016, 1, 1), end=date(2018, 12, 31))

    response = client.get(URL)

    assert response.status_code == 200
    assert [seat.city.name for seat in response.context["seats"]] == ["Barcelona", "Rosario", "Lisboa"]


def test_governance_counts_cities_ratified_by_each_assembly(client):
    assembly = GeneralAssemblyFactory(date=date(2024, 11, 20), place="Curitiba")
    CityFactory.create_batch(2, ratified_at=assembly)
    CityFactory(ratified_at=assembly, membership_status=MembershipStatus.WITHDRAWN)

    response = client.get(URL)

    assert [(a.place, a.ratified_count) for a in response.context["assemblies"]] == [("Curitiba", 2)]


def test_governance_empty_states_explain_themselves(client):
    response = client.get(URL)

    content = response.content.decode()
    assert "No Executive Committee term is in force today." in content
    assert "No General Assembly has been recorded yet." in content


def test_governance_query_count_is_constant(client, django_assert_max_num_queries):
    for i in range(2):
        _seat(CityFactory(), SeatRole.MEMBER)
        GeneralAssemblyFactory(date=date(2010 + i, 5, 5))
    with django_assert_max_num_queries(3) as few:
        client.get(URL)
    for i in range(12):
        _seat(CityFactory(), SeatRole.MEMBER)
        GeneralAssemblyFactory(date=date(2000 + i, 6, 6))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)
