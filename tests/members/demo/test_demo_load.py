import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from educities.charter.models import CharterPrinciple, PrincipleGroup
from educities.core.models import AuditEntry
from educities.members.demo.cities import (
    APPLICANT_STATES,
    APPLICANTS_PER_STATE,
    MEMBER_CITY_COUNT,
    MEMBER_COUNTRY_COUNT,
    demo_city_selection,
)
from educities.members.demo.loader import demo_counts, demo_load
from educities.members.enums import (
    THEMATIC_MIN_CITIES,
    THEMATIC_MIN_CO_COORDINATORS,
    THEMATIC_MIN_COUNTRIES,
    IncomeGroup,
    MembershipStatus,
    NetworkKind,
    NetworkRole,
    RoleKind,
    SeatRole,
)
from educities.members.models import City, Country, ExecutiveCommitteeSeat, Network, RoleGrant
from tests.factories import CountryFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _quiet(_line: str) -> None:
    pass


def test_demo_selection_is_reproducible_and_without_duplicates():
    selection = demo_city_selection()
    demo_city_selection.cache_clear()

    again = demo_city_selection()

    assert again == selection
    cities = [*selection.members, *selection.applicants]
    assert len(selection.members) == MEMBER_CITY_COUNT == 495
    assert len(selection.applicants) == APPLICANTS_PER_STATE * len(APPLICANT_STATES) == 84
    assert len({(c.country, c.name.casefold()) for c in cities}) == len(cities)
    assert len({c.geonames_id for c in cities}) == len(cities)


def test_demo_load_creates_the_documented_data():
    counts = demo_load(log=_quiet)

    assert counts["countries"] == 249
    assert counts["countries with members"] == MEMBER_COUNTRY_COUNT == 36
    assert counts["cities member"] == MEMBER_CITY_COUNT
    assert 450 <= counts["cities member"] <= 550
    assert 30 <= counts["countries with members"] <= 40
    assert {status: counts[f"cities {status}"] for status in APPLICANT_STATES} == dict.fromkeys(
        APPLICANT_STATES, APPLICANTS_PER_STATE
    )
    assert counts["cities"] == 495 + 84
    assert counts["membership applications"] == 84
    assert counts["fee rates"] == 32
    assert counts["general assemblies"] == 5
    assert counts["committee seats"] == 12
    assert counts["networks"] == 11
    assert counts["users"] == 4
    assert counts["role grants"] == 3


def test_demo_load_countries_have_group_and_region():
    demo_load(log=_quiet)

    assert not Country.objects.filter(income_group="").exists()
    assert not Country.objects.filter(region="").exists()
    groups = dict(
        Country.objects.filter(code__in=["BF", "SN", "BR", "ES"]).values_list("code", "income_group")
    )
    assert groups == {"BF": IncomeGroup.I, "SN": IncomeGroup.II, "BR": IncomeGroup.III, "ES": IncomeGroup.IV}


def test_demo_load_includes_the_well_known_members():
    demo_load(log=_quiet)

    wanted = {
        ("Barcelona", "ES"),
        ("Granollers", "ES"),
        ("Rosario", "AR"),
        ("Medellín", "CO"),
        ("Santos", "BR"),
        ("Torres Vedras", "PT"),
        ("Curitiba", "BR"),
        ("Andong", "KR"),
        ("Katowice", "PL"),
        ("Lisbon", "PT"),
        ("Porto", "PT"),
        ("Lyon", "FR"),
        ("Turin", "IT"),
        ("Montevideo", "UY"),
        ("Buenos Aires", "AR"),
        ("Seoul", "KR"),
    }
    found = {
        (name, str(code))
        for name, code in City.objects.filter(membership_status=MembershipStatus.MEMBER).values_list(
            "name", "country__code"
        )
    }
    assert wanted - found == set()
    barcelona = City.objects.get(name="Barcelona")
    assert (barcelona.latitude, barcelona.longitude, barcelona.geonames_id) == (41.38879, 2.15899, 3128760)


def test_demo_load_applications_go_through_the_workflow():
    demo_load(log=_quiet)

    applicants = City.objects.exclude(membership_status=MembershipStatus.MEMBER)
    suspended = applicants.filter(membership_status=MembershipStatus.SUSPENDED).first()

    assert all(city.applications.count() == 1 for city in applicants)
    assert all(city.applications.get().mayor_form.read(5) == b"%PDF-" for city in applicants[:3])
    actions = list(
        AuditEntry.objects.filter(object_id=str(suspended.pk), to_state__gt="")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["apply", "review_start", "invoice", "pay", "ratify", "suspend"]
    assert suspended.fees.filter(status="unpaid").count() >= 1


def test_demo_load_charter_has_20_principles_in_5_languages():
    demo_load(log=_quiet)

    principles = list(CharterPrinciple.objects.order_by("number"))

    assert [p.number for p in principles] == list(range(1, 21))
    assert [p.group for p in principles] == (
        [PrincipleGroup.RIGHT] * 5 + [PrincipleGroup.COMMITMENT] * 7 + [PrincipleGroup.SERVICE] * 8
    )
    for principle in principles:
        assert sorted(principle.labels) == ["ca", "en", "es", "fr", "pt"]
        assert all(label.strip() for label in principle.labels.values())


def test_demo_load_thematic_networks_satisfy_the_rule():
    demo_load(log=_quiet)

    thematic = Network.objects.filter(kind=NetworkKind.THEMATIC)

    assert thematic.count() == 2
    for network in thematic:
        rows = list(network.memberships.select_related("city"))
        roles = [row.role for row in rows]
        assert len(rows) >= THEMATIC_MIN_CITIES
        assert len({row.city.country_id for row in rows}) >= THEMATIC_MIN_COUNTRIES
        assert roles.count(NetworkRole.COORDINATOR) == 1
        assert roles.count(NetworkRole.CO_COORDINATOR) >= THEMATIC_MIN_CO_COORDINATORS
        assert {row.city.membership_status for row in rows} == {MembershipStatus.MEMBER}


def test_demo_load_networks_have_coordinators_and_latin_america_has_90_cities():
    demo_load(log=_quiet)

    delegation = Network.objects.get(name="Latin America Delegation")
    coordinators = Network.objects.filter(memberships__role=NetworkRole.COORDINATOR).distinct().count()

    assert delegation.memberships.count() >= 90
    assert delegation.memberships.get(role=NetworkRole.COORDINATOR).city.name == "Rosario"
    assert coordinators == Network.objects.count() == 11


def test_demo_load_committee_and_users():
    demo_load(log=_quiet)

    president = ExecutiveCommitteeSeat.objects.get(role=SeatRole.PRESIDENT)
    grants = set(RoleGrant.objects.values_list("user__email", "kind"))

    assert president.city.name == "Barcelona"
    assert grants == {
        ("executive@educities.localhost", RoleKind.EXECUTIVE),
        ("coordinator@educities.localhost", RoleKind.COORDINATOR),
        ("editor@educities.localhost", RoleKind.CITY_EDITOR),
    }
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == 4
    staff = EmailAddress.objects.get(email="staff@educities.localhost").user
    assert staff.is_staff
    assert staff.is_superuser
    assert staff.check_password("educities-demo")


def test_demo_load_contacts_one_to_three_per_city_at_example_org():
    demo_load(log=_quiet)

    per_city = [city.contacts.count() for city in City.objects.prefetch_related("contacts")]
    emails = City.objects.values_list("contacts__email", flat=True)

    assert min(per_city) == 1
    assert max(per_city) == 3
    assert all(email.endswith("@example.org") for email in emails)


def test_demo_load_keeps_existing_countries_unchanged():
    CountryFactory(code="ES", income_group=IncomeGroup.I)

    demo_load(log=_quiet)

    assert Country.objects.get(code="ES").income_group == IncomeGroup.I
    assert Country.objects.filter(code="ES").count() == 1


def test_demo_load_command_twice_changes_nothing():
    first_output, second_output = io.StringIO(), io.StringIO()
    call_command("demo_load", stdout=first_output)
    first = demo_counts()
    snapshot = sorted(City.objects.values_list("pk", "slug", "membership_status", "updated_at"))

    call_command("demo_load", stdout=second_output)

    assert demo_counts() == first
    assert sorted(City.objects.values_list("pk", "slug", "membership_status", "updated_at")) == snapshot
    assert "[10/10] Roles of the demo users" in first_output.getvalue()
    assert "495 created" in first_output.getvalue()
    assert "0 created" in second_output.getvalue()
    assert "cities member" in second_output.getvalue()
