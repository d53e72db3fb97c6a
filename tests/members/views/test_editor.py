import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from educities.core.models import AuditEntry
from educities.members.domain.cities import CITY_EDITABLE_FIELDS, CONTACT_FIELDS
from educities.members.enums import FeeStatus, MembershipStatus
from educities.members.interfaces.forms_editor import CityProfileForm, ContactForm
from educities.members.models import City, Contact
from tests.factories import (
    CityFactory,
    ContactFactory,
    FeeRecordFactory,
    StaffFactory,
    UserFactory,
    make_city_editor,
)
from tests.members.factories_roles import ROLES, make_role_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _english():
    # A request to /fr/ leaves French active in the thread; error messages are translated lazily.
    with translation.override("en"):
        yield


VALID_PROFILE = {
    "region": "Vallès Oriental",
    "population": "62500",
    "latitude": "41.6079",
    "longitude": "2.2876",
    "website": "https://www.granollers.cat",
    "description": "A city that educates.",
}
VALID_CONTACT = {
    "full_name": "Carla Serra",
    "position": "Head of education",
    "department": "Education",
    "email": "Carla@Granollers.example.org",
    "phone": "+34 938 426 610",
    "language": "ca",
    "is_primary": "on",
    "is_public": "on",
}


def _city_state(city: City) -> dict:
    city = City.objects.get(pk=city.pk)
    return {
        field: getattr(city, field) for field in (*CITY_EDITABLE_FIELDS, "name", "country_id", "updated_at")
    }


def _contacts_state(city: City) -> list[tuple]:
    return list(Contact.objects.filter(city=city).order_by("pk").values_list("pk", *CONTACT_FIELDS))


def _login(client, user):
    if user.is_authenticated:
        client.force_login(user)


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- The HTTP permission matrix: each role × each editor action on city A -------------------------------

ALLOWED = {"editor_a", "staff"}


def _expected(role: str, allowed_status: int) -> int:
    if role == "anonymous":
        return 302
    return allowed_status if role in ALLOWED else 403


ACTIONS = {
    # action: (url name, needs the contact, method, status when allowed)
    "city_edit GET": ("members:city_edit", False, "get", 200),
    "city_edit POST": ("members:city_edit", False, "post", 302),
    "contact_add GET": ("members:contact_add", False, "get", 200),
    "contact_add POST": ("members:contact_add", False, "post", 302),
    "contact_edit GET": ("members:contact_edit", True, "get", 200),
    "contact_edit POST": ("members:contact_edit", True, "post", 302),
    "contact_delete GET": ("members:contact_delete", True, "get", 200),
    "contact_delete POST": ("members:contact_delete", True, "post", 302),
}

HTTP_ROWS = [
    pytest.param(role, action, _expected(role, ACTIONS[action][3]), id=f"{role}-{action}")
    for action in ACTIONS
    for role in ROLES
]


@pytest.mark.parametrize(("role", "action", "expected_status"), HTTP_ROWS)
def test_editor_http_matrix(client, role, action, expected_status):
    world = make_role_world()
    url_name, needs_contact, method, _allowed_status = ACTIONS[action]
    kwargs = {"slug": world.city_a.slug}
    if needs_contact:
        kwargs["pk"] = world.contact_a.pk
    url = reverse(url_name, kwargs=kwargs)
    payload = VALID_PROFILE if url_name == "members:city_edit" else VALID_CONTACT
    city_before, contacts_before = _city_state(world.city_a), _contacts_state(world.city_a)
    audit_before = AuditEntry.objects.count()
    _login(client, world.users[role])

    response = getattr(client, method)(url, payload if method == "post" else None)

    assert response.status_code == expected_status
    if role == "anonymous":
        assert response["Location"] == f"{reverse('account_login')}?next={url}"
    changed = _city_state(world.city_a) != city_before or _contacts_state(world.city_a) != contacts_before
    assert changed is (method == "post" and role in ALLOWED)
    assert AuditEntry.objects.count() - audit_before == (1 if changed else 0)


@pytest.mark.parametrize("role", ROLES)
def test_my_cities_http_matrix(client, role):
    world = make_role_world()
    _login(client, world.users[role])

    response = client.get(reverse("members:my_cities"))

    assert response.status_code == (302 if role == "anonymous" else 200)


# --- My account ------------------------------------------------------------------------------------------


def test_my_cities_lists_only_the_editors_cities_with_status_and_links(client):
    member = CityFactory(name="Granollers", slug="granollers")
    applied = CityFactory(name="Rosario", slug="rosario", membership_status=MembershipStatus.APPLIED)
    CityFactory(name="Lyon", slug="lyon")
    editor = make_city_editor(member)
    make_city_editor(applied, email="other@example.org")
    from educities.members.domain.roles import role_grant_city_editor

    role_grant_city_editor(user=editor, city=applied)
    client.force_login(editor)

    response = client.get(reverse("members:my_cities"))

    assert response.status_code == 200
    assert [city.name for city in response.context["cities"]] == ["Granollers", "Rosario"]
    html = response.content.decode()
    assert "Lyon" not in html
    assert reverse("members:city_detail", kwargs={"slug": "granollers"}) in html
    assert reverse("members:city_detail", kwargs={"slug": "rosario"}) not in html
    assert reverse("members:certificate", kwargs={"slug": "granollers"}) in html
    assert reverse("members:certificate", kwargs={"slug": "rosario"}) not in html
    assert reverse("members:city_edit", kwargs={"slug": "granollers"}) in html
    assert reverse("members:city_edit", kwargs={"slug": "rosario"}) in html
    assert "Application received" in html
    assert reverse("backoffice:applications") not in html


def test_my_cities_shows_the_citys_fee_records(client):
    city = CityFactory(name="Granollers")
    FeeRecordFactory(city=city, year=2025, amount=400, status=FeeStatus.PAID, invoice_reference="INV-2025-7")
    FeeRecordFactory(city=city, year=2026, amount=420, status=FeeStatus.UNPAID)
    FeeRecordFactory(city=CityFactory(name="Lyon"), year=2026, amount=999, invoice_reference="INV-LYON")
    client.force_login(make_city_editor(city))

    response = client.get(reverse("members:my_cities"))

    rows = response.context["cities"][0].fee_rows
    assert [(fee.year, fee.status) for fee in rows] == [(2026, FeeStatus.UNPAID), (2025, FeeStatus.PAID)]
    html = response.content.decode()
    assert "INV-2025-7" in html
    assert "420.00" in html
    assert "INV-LYON" not in html
    assert "999" not in html


def test_my_cities_shows_back_office_link_to_staff(client):
    client.force_login(StaffFactory())

    response = client.get(reverse("members:my_cities"))

    assert reverse("backoffice:applications") in response.content.decode()
    assert response.context["cities"] == []


def test_my_cities_without_cities_invites_to_apply(client):
    client.force_login(UserFactory())

    response = client.get(reverse("members:my_cities"))

    html = response.content.decode()
    assert "You do not edit any city yet." in html
    assert reverse("members:apply") in html
    assert reverse("mfa_index") in html


def _my_cities_queries(client, count: int) -> int:
    editor = UserFactory()
    from educities.members.domain.roles import role_grant_city_editor

    for _index in range(count):
        city = CityFactory()
        role_grant_city_editor(user=editor, city=city)
        FeeRecordFactory(city=city, year=2025)
        FeeRecordFactory(city=city, year=2026)
        ContactFactory(city=city)
    client.force_login(editor)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("members:my_cities"))
    assert len(response.context["cities"]) == count
    return len(queries)


def test_my_cities_query_count_does_not_grow_with_cities(client):
    assert _my_cities_queries(client, 1) == _my_cities_queries(client, 4)


def test_my_cities_in_french_uses_the_french_urls(client):
    client.force_login(make_city_editor(CityFactory(slug="granollers")))

    response = client.get("/fr/my-cities/")

    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()
    assert "/fr/my-cities/granollers/" in response.content.decode()


# --- City profile ----------------------------------------------------------------------------------------


def test_city_profile_form_covers_exactly_the_domains_editable_fields():
    fields = CityProfileForm.base_fields
    assert tuple(name for name, field in fields.items() if not field.disabled) == CITY_EDITABLE_FIELDS
    # The population is shown but not editable: it sets the fee band (the Secretariat changes it).
    assert [name for name, field in fields.items() if field.disabled] == ["population"]
    assert tuple(ContactForm.base_fields) == CONTACT_FIELDS


def test_city_edit_get_shows_current_profile_and_contacts(client):
    city = CityFactory(name="Granollers", slug="granollers", region="Vallès", population=62_000)
    ContactFactory(city=city, full_name="Anna Puig")
    client.force_login(make_city_editor(city))

    response = client.get(reverse("members:city_edit", kwargs={"slug": "granollers"}))

    assert response.status_code == 200
    assert response.context["form"].initial["population"] == 62_000
    html = response.content.decode()
    assert 'value="Vallès"' in html
    assert "Anna Puig" in html
    assert '<label for="id_population">' in html


def test_city_edit_post_saves_profile_and_records_audit(client):
    city = CityFactory(
        name="Granollers", slug="granollers", population=40_000, region="Vallès", website="", description=""
    )
    editor = make_city_editor(city)
    client.force_login(editor)

    response = client.post(reverse("members:city_edit", kwargs={"slug": "granollers"}), VALID_PROFILE)

    assert response.status_code == 302
    assert response["Location"] == reverse("members:city_edit", kwargs={"slug": "granollers"})
    city.refresh_from_db()
    # The posted population (62,500) is ignored: editors cannot change their city's fee band.
    assert (city.region, city.population, city.population_band, city.website) == (
        "Vallès Oriental",
        40_000,
        "1",
        "https://www.granollers.cat",
    )
    assert (city.latitude, city.longitude, city.description) == (41.6079, 2.2876, "A city that educates.")
    entry = AuditEntry.objects.get(action="city_update")
    assert (entry.actor, entry.object_id) == (editor, str(city.pk))
    assert entry.comment == (
        "region: Vallès → Vallès Oriental; latitude: 41.38 → 41.6079; longitude: 2.17 → 2.2876; "
        "website: — → https://www.granollers.cat; description: — → A city that educates."
    )
    assert _messages(response) == ["The profile of Granollers is saved."]


def test_city_edit_post_ignores_name_and_country(client):
    city = CityFactory(name="Granollers", slug="granollers")
    country_id = city.country_id
    client.force_login(make_city_editor(city))

    client.post(
        reverse("members:city_edit", kwargs={"slug": "granollers"}),
        {**VALID_PROFILE, "name": "Hacked", "country": "999", "membership_status": "member"},
    )

    city.refresh_from_db()
    assert (city.name, city.country_id) == ("Granollers", country_id)


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("latitude", "91", "Ensure this value is less than or equal to 90."),
        ("longitude", "-180.5", "Ensure this value is greater than or equal to -180."),
        ("latitude", "north", "Enter a number."),
        ("website", "javascript:alert(1)", "Enter a valid URL."),
        ("website", "not a url", "Enter a valid URL."),
        ("region", "x" * 121, "Ensure this value has at most 120 characters (it has 121)."),
        ("description", "x" * 10_001, "Ensure this value has at most 10000 characters (it has 10001)."),
        ("description", "null\x00byte", "Null characters are not allowed."),
    ],
    ids=lambda value: value[:30] if isinstance(value, str) else value,
)
def test_city_edit_post_hostile_input_changes_nothing(client, field, value, error):
    city = CityFactory(slug="granollers")
    before = _city_state(city)
    client.force_login(make_city_editor(city))

    response = client.post(
        reverse("members:city_edit", kwargs={"slug": "granollers"}), {**VALID_PROFILE, field: value}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {field: [error]}
    assert "Nothing was saved" in response.content.decode()
    assert _city_state(city) == before
    assert AuditEntry.objects.count() == 0


def test_city_edit_escapes_the_description(client):
    city = CityFactory(slug="granollers", description='<script>alert("x")</script>')
    client.force_login(make_city_editor(city))

    response = client.get(reverse("members:city_edit", kwargs={"slug": "granollers"}))

    html = response.content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_city_edit_unknown_city_is_404(client):
    client.force_login(StaffFactory())

    response = client.get(reverse("members:city_edit", kwargs={"slug": "nowhere"}))

    assert response.status_code == 404


def test_city_edit_refuses_other_methods(client):
    city = CityFactory(slug="granollers")
    client.force_login(make_city_editor(city))

    response = client.delete(reverse("members:city_edit", kwargs={"slug": "granollers"}))

    assert response.status_code == 405


def test_city_edit_by_editor_of_other_city_is_403_and_shows_nothing(client):
    world = make_role_world()
    client.force_login(world.users["editor_b"])

    response = client.get(reverse("members:city_edit", kwargs={"slug": world.city_a.slug}))

    assert response.status_code == 403
    assert world.contact_a.email not in response.content.decode()


def test_city_edit_contact_list_query_count_does_not_grow(client):
    def queries_for(count: int) -> int:
        city = CityFactory()
        ContactFactory.create_batch(count, city=city)
        client.force_login(make_city_editor(city))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("members:city_edit", kwargs={"slug": city.slug}))
        assert len(response.context["contacts"]) == count
        return len(queries)

    assert queries_for(1) == queries_for(5)


# --- Contacts --------------------------------------------------------------------------------------------


def test_contact_add_creates_contact_with_lowercase_email(client):
    city = CityFactory(slug="granollers")
    old_primary = ContactFactory(city=city, is_primary=True)
    client.force_login(make_city_editor(city))

    response = client.post(reverse("members:contact_add", kwargs={"slug": "granollers"}), VALID_CONTACT)

    assert response.status_code == 302
    contact = Contact.objects.get(full_name="Carla Serra")
    assert (contact.city, contact.email, contact.language, contact.is_primary, contact.is_public) == (
        city,
        "carla@granollers.example.org",
        "ca",
        True,
        True,
    )
    old_primary.refresh_from_db()
    assert old_primary.is_primary is False
    assert _messages(response) == ["The contact Carla Serra is saved."]


def test_contact_add_duplicate_email_shows_error_and_adds_nothing(client):
    city = CityFactory(slug="granollers")
    ContactFactory(city=city, email="carla@granollers.example.org")
    client.force_login(make_city_editor(city))

    response = client.post(reverse("members:contact_add", kwargs={"slug": "granollers"}), VALID_CONTACT)

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "This city already has a contact with the e-mail carla@granollers.example.org."
    ]
    assert Contact.objects.filter(city=city).count() == 1


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("email", "not-an-email", "Enter a valid email address."),
        ("email", "", "This field is required."),
        ("full_name", "", "This field is required."),
        ("full_name", "x" * 151, "Ensure this value has at most 150 characters (it has 151)."),
        (
            "phone",
            "<script>",
            "Enter a phone number with digits, spaces and + ( ) . / - only, e.g. +34 933 427 720.",
        ),
        ("language", "xx", "Select a valid choice. xx is not one of the available choices."),
    ],
    ids=lambda value: value[:30] if isinstance(value, str) else value,
)
def test_contact_add_hostile_input_changes_nothing(client, field, value, error):
    city = CityFactory(slug="granollers")
    client.force_login(make_city_editor(city))

    response = client.post(
        reverse("members:contact_add", kwargs={"slug": "granollers"}), {**VALID_CONTACT, field: value}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {field: [error]}
    assert Contact.objects.count() == 0


def test_contact_edit_updates_the_contact(client):
    city = CityFactory(slug="granollers")
    contact = ContactFactory(city=city, full_name="Anna Puig", is_public=True)
    client.force_login(make_city_editor(city))
    url = reverse("members:contact_edit", kwargs={"slug": "granollers", "pk": contact.pk})

    form_page = client.get(url)
    response = client.post(url, {**VALID_CONTACT, "is_public": ""})

    assert form_page.context["form"].initial["full_name"] == "Anna Puig"
    assert response.status_code == 302
    contact.refresh_from_db()
    assert (contact.full_name, contact.is_public) == ("Carla Serra", False)


def test_contact_edit_of_other_citys_contact_through_own_city_is_404_and_unchanged(client):
    world = make_role_world()
    client.force_login(world.users["editor_a"])
    before = _contacts_state(world.city_b)
    url = reverse("members:contact_edit", kwargs={"slug": world.city_a.slug, "pk": world.contact_b.pk})

    responses = [client.get(url).status_code, client.post(url, VALID_CONTACT).status_code]

    assert responses == [404, 404]
    assert _contacts_state(world.city_b) == before


def test_contact_delete_get_asks_for_confirmation_and_keeps_contact(client):
    city = CityFactory(slug="granollers")
    contact = ContactFactory(city=city, full_name="Anna Puig")
    client.force_login(make_city_editor(city))

    response = client.get(reverse("members:contact_delete", kwargs={"slug": "granollers", "pk": contact.pk}))

    assert response.status_code == 200
    assert "Delete the contact Anna Puig?" in response.content.decode()
    assert Contact.objects.filter(pk=contact.pk).exists()


def test_contact_delete_post_deletes_and_records_audit(client):
    city = CityFactory(slug="granollers")
    contact = ContactFactory(city=city, full_name="Anna Puig")
    client.force_login(make_city_editor(city))

    response = client.post(reverse("members:contact_delete", kwargs={"slug": "granollers", "pk": contact.pk}))

    assert response.status_code == 302
    assert response["Location"] == reverse("members:city_edit", kwargs={"slug": "granollers"})
    assert Contact.objects.filter(pk=contact.pk).exists() is False
    assert AuditEntry.objects.get().action == "contact_delete"
    assert _messages(response) == ["The contact Anna Puig is deleted."]


def test_contact_delete_without_csrf_token_is_refused(client):
    from django.test import Client

    city = CityFactory(slug="granollers")
    contact = ContactFactory(city=city)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(make_city_editor(city))

    response = strict.post(reverse("members:contact_delete", kwargs={"slug": "granollers", "pk": contact.pk}))

    assert response.status_code == 403
    assert Contact.objects.filter(pk=contact.pk).exists()


@pytest.mark.parametrize("population", ["40000", "-5", "1e9", "", "99999999999999999999"])
def test_city_edit_post_population_is_ignored_and_shown_as_the_secretariats(client, population):
    city = CityFactory(slug="granollers", population=600_000)
    client.force_login(make_city_editor(city))

    response = client.post(
        reverse("members:city_edit", kwargs={"slug": "granollers"}),
        {**VALID_PROFILE, "population": population},
    )

    assert response.status_code == 302
    city.refresh_from_db()
    assert (city.population, city.population_band) == (600_000, "5")
    assert "population" not in AuditEntry.objects.get(action="city_update").comment
    html = client.get(reverse("members:city_edit", kwargs={"slug": "granollers"})).content.decode()
    assert 'name="population" value="600000"' in html
    assert "disabled" in html.split('name="population"', 1)[1].split(">", 1)[0]
    assert "only the Secretariat changes it" in html


def test_contact_form_refuses_control_characters_in_name():
    form = ContactForm(
        {"full_name": "Anna\r\nBcc: x@evil.org", "email": "anna@example.org", "language": "en"}
    )

    assert form.is_valid() is False
    assert list(form.errors) == ["full_name"]
