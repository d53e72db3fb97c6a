import pytest

from educities.core.models import AuditEntry
from educities.members.enums import MembershipStatus, NetworkKind, NetworkRole
from educities.members.models import Network, NetworkMembership
from tests.factories import (
    CityFactory,
    CountryFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    StaffFactory,
    UserFactory,
    make_city_editor,
    make_coordinator,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def thematic():
    """A thematic network at its minimum: 5 cities, 3 countries, 1 coordinator and 2 co-coordinators."""
    network = NetworkFactory(name="Culture and inclusion", slug="culture", kind=NetworkKind.THEMATIC)
    countries = [CountryFactory(code=code) for code in ("ES", "PT", "BR")]
    roles = [NetworkRole.COORDINATOR, NetworkRole.CO_COORDINATOR, NetworkRole.CO_COORDINATOR]
    roles += [NetworkRole.MEMBER, NetworkRole.MEMBER]
    for i, role in enumerate(roles):
        NetworkMembershipFactory(
            network=network, role=role, city=CityFactory(name=f"T{i}", country=countries[i % 3])
        )
    return network


def _url(network, suffix=""):
    return f"/en/networks/{network.slug}/manage/{suffix}"


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", 302),
        ("user", 403),
        ("editor", 403),
        ("other_coordinator", 403),
        ("coordinator", 200),
        ("staff", 200),
    ],
)
def test_network_manage_page_access_by_role(client, who, expected):
    network = NetworkFactory(slug="rece")
    users = {
        "user": UserFactory(),
        "editor": make_city_editor(CityFactory()),
        "other_coordinator": make_coordinator(NetworkFactory()),
        "coordinator": make_coordinator(network),
        "staff": StaffFactory(),
    }
    if who != "anonymous":
        client.force_login(users[who])

    response = client.get(_url(network))

    assert response.status_code == expected


def test_network_manage_profile_saved_and_audited(client):
    network = NetworkFactory(slug="rece", description="Old")
    client.force_login(make_coordinator(network))

    response = client.post(
        _url(network), {"acronym": "RECE", "description": "New text", "website": "rece.es"}
    )

    network.refresh_from_db()
    assert response.status_code == 302
    assert (network.acronym, network.description, network.website) == ("RECE", "New text", "https://rece.es")
    assert list(AuditEntry.objects.filter(action="network_update").values_list("comment", flat=True)) == [
        "acronym, description, website"
    ]


def test_network_manage_refused_for_other_coordinator_changes_nothing(client):
    network = NetworkFactory(slug="rece", description="Old")
    client.force_login(make_coordinator(NetworkFactory()))

    response = client.post(_url(network), {"acronym": "X", "description": "Hacked", "website": ""})

    network.refresh_from_db()
    assert (response.status_code, network.description) == (403, "Old")


def test_network_manage_invalid_profile_is_400_with_message(client):
    network = NetworkFactory(slug="rece")
    client.force_login(make_coordinator(network))

    response = client.post(_url(network), {"acronym": "A" * 50, "website": "not a url at all"})

    assert response.status_code == 400
    assert sorted(response.context["profile_form"].errors) == ["acronym", "website"]


def test_network_member_add_and_remove(client):
    network = NetworkFactory(slug="rece")
    city = CityFactory(name="Girona")
    client.force_login(make_coordinator(network))

    client.post(_url(network, "add/"), {"city": city.pk, "role": NetworkRole.MEMBER})
    added = list(NetworkMembership.objects.filter(network=network).values_list("city__name", "role"))
    client.post(_url(network, f"remove/{city.pk}/"))

    assert added == [("Girona", NetworkRole.MEMBER)]
    assert NetworkMembership.objects.filter(network=network).count() == 0


def test_network_member_add_refuses_non_member_city(client):
    network = NetworkFactory(slug="rece")
    applicant = CityFactory(membership_status=MembershipStatus.APPLIED)
    client.force_login(make_coordinator(network))

    response = client.post(_url(network, "add/"), {"city": applicant.pk, "role": NetworkRole.MEMBER})

    assert response.status_code == 400
    assert list(response.context["member_form"].errors) == ["city"]
    assert NetworkMembership.objects.filter(network=network).count() == 0


def test_thematic_network_member_removal_below_minimum_is_refused(client, thematic):
    client.force_login(make_coordinator(thematic))
    member = NetworkMembership.objects.get(network=thematic, city__name="T3").city

    response = client.post(_url(thematic, f"remove/{member.pk}/"), follow=True)

    messages = [str(m) for m in response.context["messages"]]
    assert NetworkMembership.objects.filter(network=thematic).count() == 5
    assert messages == [
        (
            "This change would break the rules of a thematic network: "
            "a thematic network needs at least 5 cities (it has 4)."
        )
    ]


def test_thematic_network_second_coordinator_is_refused(client, thematic):
    client.force_login(StaffFactory())
    newcomer = CityFactory(name="Lyon", country=CountryFactory(code="FR"))

    client.post(_url(thematic, "add/"), {"city": newcomer.pk, "role": NetworkRole.COORDINATOR})

    assert not NetworkMembership.objects.filter(network=thematic, city=newcomer).exists()


def test_network_manage_unknown_network_is_404(client):
    client.force_login(StaffFactory())
    assert client.get("/en/networks/nope/manage/").status_code == 404
    assert Network.objects.count() == 0


def test_network_detail_shows_manage_link_only_to_those_who_may(client):
    network = NetworkFactory(slug="rece")
    anonymous = client.get("/en/networks/rece/").content.decode()
    client.force_login(make_coordinator(network))
    coordinator = client.get("/en/networks/rece/").content.decode()

    assert "/en/networks/rece/manage/" not in anonymous
    assert "/en/networks/rece/manage/" in coordinator
