"""For a rejected or withdrawn city /join/ applies again; the withdraw and "My account" pages follow
the domain.
"""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from educities.core.models import AuditEntry
from educities.members.enums import MembershipStatus
from educities.members.models import City, MembershipApplication
from tests.factories import CityFactory, CountryFactory, UserFactory, make_city_editor, make_pdf_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _post_data(country, **overrides):
    return {
        "name": "Granollers",
        "country": str(country.pk),
        "region": "Catalonia",
        "population": "62000",
        "latitude": "41.608",
        "longitude": "2.287",
        "website": "https://www.granollers.cat",
        "motivation": "We are ready now.",
        "mayor_form": SimpleUploadedFile("mayor.pdf", make_pdf_bytes("Mayor"), "application/pdf"),
        "plenary_approval": SimpleUploadedFile("plenary.pdf", make_pdf_bytes("Plenary"), "application/pdf"),
        **overrides,
    }


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.parametrize(
    ("status", "label"),
    [(MembershipStatus.WITHDRAWN, "Withdrawn"), (MembershipStatus.REJECTED, "Rejected")],
)
def test_apply_for_closed_city_reapplies_and_says_so(client, status, label):
    country = CountryFactory(code="ES")
    city = CityFactory(name="Granollers", slug="granollers-es", country=country, membership_status=status)
    user = UserFactory()
    client.force_login(user)

    response = client.post(reverse("members:apply"), _post_data(country, name="granollers"))

    assert response.status_code == 302
    assert response["Location"] == reverse("members:my_cities")
    city.refresh_from_db()
    assert (city.membership_status, city.population, City.objects.count()) == (
        MembershipStatus.APPLIED,
        62_000,
        1,
    )
    assert MembershipApplication.objects.get().submitted_by == user
    assert AuditEntry.objects.get().action == "reapply"
    assert _messages(response) == [
        (
            f"Thank you: Granollers, whose membership was closed ({label}), applies again. "
            "The new application has been sent to the Secretariat and you are now an editor of the city. "
            "You will receive an e-mail at each step."
        )
    ]
    my_cities = client.get(reverse("members:my_cities")).content.decode()
    assert "Application received" in my_cities


@pytest.mark.parametrize("status", [MembershipStatus.APPLIED, MembershipStatus.SUSPENDED])
def test_apply_for_open_city_gives_the_neutral_message(client, status):
    country = CountryFactory(code="ES")
    CityFactory(name="Granollers", country=country, membership_status=status)
    client.force_login(UserFactory())

    response = client.post(reverse("members:apply"), _post_data(country))

    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "A city with this name is already registered in this country. "
        "If you need access to it, contact the Secretariat."
    ) in html
    assert str(status.label) not in html
    assert AuditEntry.objects.count() == 0


@pytest.mark.parametrize(
    ("status", "form_shown", "apply_again_shown"),
    [
        (MembershipStatus.MEMBER, True, False),
        (MembershipStatus.INVOICED, True, False),
        (MembershipStatus.WITHDRAWN, False, True),
        (MembershipStatus.REJECTED, False, True),
    ],
)
def test_withdraw_page_asks_the_domain(client, status, form_shown, apply_again_shown):
    city = CityFactory(name="Lyon", membership_status=status)
    client.force_login(make_city_editor(city))

    response = client.get(reverse("members:withdraw", kwargs={"slug": city.slug}))

    html = response.content.decode()
    assert (response.context["can_withdraw"], response.context["can_reapply"]) == (
        form_shown,
        apply_again_shown,
    )
    assert ("Withdraw the city" in html, "Apply again" in html) == (form_shown, apply_again_shown)


def test_my_cities_links_to_withdraw_or_apply_again_as_the_domain_allows(client):
    member = CityFactory(name="Granollers", slug="granollers")
    withdrawn = CityFactory(name="Lyon", slug="lyon", membership_status=MembershipStatus.WITHDRAWN)
    editor = make_city_editor(member)
    from educities.members.domain.roles import role_grant_city_editor

    role_grant_city_editor(user=editor, city=withdrawn)
    client.force_login(editor)

    response = client.get(reverse("members:my_cities"))

    html = response.content.decode()
    assert (response.context["withdrawable_ids"], response.context["reapplicable_ids"]) == (
        {member.pk},
        {withdrawn.pk},
    )
    assert reverse("members:withdraw", kwargs={"slug": "granollers"}) in html
    assert reverse("members:withdraw", kwargs={"slug": "lyon"}) not in html
    assert html.count(f'<a href="{reverse("members:apply")}">Apply again<') == 1
