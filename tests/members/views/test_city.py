import json
import re
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from educities.members.enums import MembershipStatus, NetworkKind, NetworkRole, SeatRole, WorldRegion
from educities.members.models import ExecutiveCommitteeSeat
from tests.factories import (
    CityFactory,
    ContactFactory,
    CountryFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    StaffFactory,
    UserFactory,
    make_city_editor,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def city():
    return CityFactory(
        name="Granollers",
        slug="granollers",
        country=CountryFactory(code="ES", region=WorldRegion.EUROPE),
        region="Catalonia",
        population=62_000,
        latitude=41.6079,
        longitude=2.2876,
        website="https://www.granollers.cat/",
        description="A city of markets.\n\nHost of the 2026 congress.",
        member_since=date(2004, 11, 30),
    )


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_city_page_shows_profile(client, city):
    response = client.get("/en/cities/granollers/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Granollers</h1>" in content
    assert "Spain" in content
    assert "Europe" in content
    assert "Catalonia" in content
    assert "62,000" in content
    assert "(50,000 to 100,000)" in content
    assert '<a href="https://www.granollers.cat/" rel="noopener noreferrer external">' in content
    assert "<p>A city of markets.</p>\n\n<p>Host of the 2026 congress.</p>" in content
    assert "Nov. 30, 2004" in content


def test_city_page_lists_networks_with_role(client, city):
    NetworkMembershipFactory(
        city=city, network=NetworkFactory(name="RECE", slug="rece"), role=NetworkRole.COORDINATOR
    )
    NetworkMembershipFactory(
        city=city, network=NetworkFactory(name="Arts", slug="arts", kind=NetworkKind.THEMATIC)
    )

    response = client.get("/en/cities/granollers/")

    rows = [(m.network.name, m.role) for m in response.context["network_memberships"]]
    assert rows == [("Arts", NetworkRole.MEMBER), ("RECE", NetworkRole.COORDINATOR)]
    content = response.content.decode()
    assert '<a href="/en/networks/rece/">RECE</a>' in content
    assert '<span class="badge">Coordinating city</span>' in content
    assert "Thematic network" in content


def test_city_page_shows_public_contacts_with_their_details(client, city):
    ContactFactory(
        city=city,
        full_name="Núria Public",
        position="Head of education",
        department="Education",
        email="nuria@granollers.cat",
        is_public=True,
    )

    response = client.get("/en/cities/granollers/")

    content = response.content.decode()
    assert [c.full_name for c in response.context["contacts"]] == ["Núria Public"]
    assert "Núria Public" in content
    assert "Head of education" in content
    assert "Education" in content
    assert '<a href="mailto:nuria@granollers.cat">nuria@granollers.cat</a>' in content


@pytest.mark.parametrize("viewer", ["anonymous", "editor", "staff", "other"])
def test_city_page_never_shows_private_contact(client, city, viewer):
    ContactFactory(city=city, full_name="Public Person", email="public@granollers.cat", is_public=True)
    ContactFactory(
        city=city,
        full_name="Private Person",
        position="Secret position",
        phone="+34 600 000 000",
        email="private@granollers.cat",
        is_public=False,
    )
    users = {
        "anonymous": None,
        "editor": lambda: make_city_editor(city),
        "staff": StaffFactory,
        "other": UserFactory,
    }
    if users[viewer] is not None:
        client.force_login(users[viewer]())

    response = client.get("/en/cities/granollers/")

    content = response.content.decode()
    assert "Public Person" in content
    assert "Private Person" not in content
    assert "private@granollers.cat" not in content
    assert "Secret position" not in content
    assert "+34 600 000 000" not in content


def test_city_page_without_public_contact_says_so(client, city):
    ContactFactory(city=city, is_public=False)

    response = client.get("/en/cities/granollers/")

    assert "This city has no public contact." in response.content.decode()


@pytest.mark.parametrize(
    "status",
    [
        MembershipStatus.APPLIED,
        MembershipStatus.UNDER_REVIEW,
        MembershipStatus.INVOICED,
        MembershipStatus.PAID,
        MembershipStatus.REJECTED,
        MembershipStatus.SUSPENDED,
        MembershipStatus.WITHDRAWN,
    ],
)
def test_city_page_of_non_member_is_404(client, status):
    CityFactory(slug="applicant", membership_status=status)

    response = client.get("/en/cities/applicant/")

    assert response.status_code == 404


def test_city_page_unknown_slug_is_404(client):
    response = client.get("/en/cities/nowhere/")

    assert response.status_code == 404


@time_machine.travel(date(2026, 6, 1), tick=False)
def test_city_page_shows_current_executive_committee_seat(client, city):
    ExecutiveCommitteeSeat.objects.create(
        city=city,
        role=SeatRole.VICE_PRESIDENT,
        representative="The Mayor",
        term_start=date(2024, 11, 1),
        term_end=date(2026, 11, 30),
    )

    response = client.get("/en/cities/granollers/")

    assert response.context["seat"].role == SeatRole.VICE_PRESIDENT
    content = response.content.decode()
    assert "Executive Committee of the association (Vice-presidency, 2024–2026)" in content
    assert "Represented by The Mayor." in content


@time_machine.travel(date(2027, 6, 1), tick=False)
def test_city_page_hides_expired_seat(client, city):
    ExecutiveCommitteeSeat.objects.create(
        city=city, role=SeatRole.PRESIDENT, term_start=date(2022, 11, 1), term_end=date(2026, 11, 30)
    )

    response = client.get("/en/cities/granollers/")

    assert response.context["seat"] is None
    assert "Executive Committee" not in response.content.decode()


@pytest.mark.parametrize(
    ("viewer", "sees_edit_link"),
    [
        ("anonymous", False),
        ("other_user", False),
        ("other_city_editor", False),
        ("editor", True),
        ("staff", True),
    ],
)
def test_city_page_edit_link_follows_permission(client, city, viewer, sees_edit_link):
    users = {
        "anonymous": None,
        "other_user": UserFactory,
        "other_city_editor": lambda: make_city_editor(CityFactory()),
        "editor": lambda: make_city_editor(city),
        "staff": StaffFactory,
    }
    if users[viewer] is not None:
        client.force_login(users[viewer]())

    response = client.get("/en/cities/granollers/")

    assert ('href="/en/my-cities/granollers/"' in response.content.decode()) is sees_edit_link


def test_city_page_map_has_the_city(client, city):
    response = client.get("/en/cities/granollers/")

    match = re.search(
        r'<script id="city-map-points" type="application/json">(.*?)</script>', response.content.decode()
    )
    assert json.loads(match.group(1)) == [
        {"name": "Granollers", "url": "/en/cities/granollers/", "lat": 41.6079, "lng": 2.2876}
    ]


def test_city_page_escapes_hostile_profile(client):
    CityFactory(slug="evil", name="<b>Evil</b>", description='<script>alert("x")</script>')

    response = client.get("/en/cities/evil/")

    content = response.content.decode()
    assert "<b>Evil</b>" not in content
    assert '<script>alert("x")</script>' not in content
    assert "&lt;script&gt;" in content


def test_city_page_in_catalan(client, city):
    response = client.get("/ca/cities/granollers/")

    assert response.status_code == 200
    assert '<html lang="ca">' in response.content.decode()


def test_city_page_query_count_constant_with_more_networks_and_contacts(client, city):
    other = CityFactory(slug="other")
    for target in (city, other):
        NetworkMembershipFactory(city=target)
        ContactFactory(city=target)
    client.get("/en/cities/granollers/")
    one = _queries(client, "/en/cities/other/")

    for _ in range(4):
        NetworkMembershipFactory(city=other)
        ContactFactory(city=other)
        ContactFactory(city=other, is_public=False)
    five = _queries(client, "/en/cities/other/")

    assert one == five


def test_city_page_query_count_constant_for_editor(client, city):
    editor = make_city_editor(city)
    client.force_login(editor)
    NetworkMembershipFactory(city=city)
    ContactFactory(city=city)
    one = _queries(client, "/en/cities/granollers/")

    for _ in range(4):
        NetworkMembershipFactory(city=city)
        ContactFactory(city=city)
    five = _queries(client, "/en/cities/granollers/")

    assert one == five
