import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from educities.core.models import AuditEntry
from educities.members.enums import MembershipStatus, RoleKind
from educities.members.models import City, MembershipApplication
from tests.factories import (
    CityFactory,
    CountryFactory,
    StaffFactory,
    UserFactory,
    make_city_editor,
    make_pdf_bytes,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _apply_url():
    return reverse("members:apply")


def _post_data(the_country, **overrides):
    data = {
        "name": "Granollers",
        "country": str(the_country.pk),
        "region": "Catalonia",
        "population": "62000",
        "latitude": "41.608",
        "longitude": "2.287",
        "website": "https://www.granollers.cat",
        "motivation": "We educate.",
        "mayor_form": SimpleUploadedFile("mayor.pdf", make_pdf_bytes("Mayor"), "application/pdf"),
        "plenary_approval": SimpleUploadedFile("plenary.pdf", make_pdf_bytes("Plenary"), "application/pdf"),
    }
    data.update(overrides)
    return data


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_apply_anonymous_sees_the_steps_and_sign_in_links(client):
    response = client.get(_apply_url())

    assert response.status_code == 200
    assert response.templates[0].name == "members/apply/anonymous.html"
    html = response.content.decode()
    assert f'href="{reverse("account_login")}?next=/en/join/"' in html
    assert f'href="{reverse("account_signup")}?next=/en/join/"' in html
    assert "The General Assembly ratifies the membership" in html


def test_apply_form_shows_the_steps(client):
    client.force_login(UserFactory())

    response = client.get(_apply_url())

    assert response.status_code == 200
    assert response.templates[0].name == "members/apply/form.html"
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_apply_with_valid_pdfs_creates_the_city_and_redirects(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="tecnic@granollers.cat")
    country = CountryFactory(code="ES")
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_apply_url(), _post_data(country))

    assert response.status_code == 302
    assert response["Location"] == reverse("members:my_cities")
    city = City.objects.get()
    assert (city.name, city.country, city.membership_status, city.population, city.region) == (
        "Granollers",
        country,
        MembershipStatus.APPLIED,
        62_000,
        "Catalonia",
    )
    application = MembershipApplication.objects.get()
    assert (application.submitted_by, application.motivation) == (user, "We educate.")
    assert application.mayor_form.read().startswith(b"%PDF-")
    assert list(user.role_grants.values_list("kind", "city")) == [(RoleKind.CITY_EDITOR, city.pk)]
    assert _messages(response) == [
        (
            "Thank you: the application of Granollers has been sent to the Secretariat. "
            "You will receive an e-mail at each step."
        )
    ]
    # One message per recipient: nobody sees the other recipients' addresses.
    assert sorted(message.to for message in mail.outbox) == [
        ["secretariat@educities.localhost"],
        ["tecnic@granollers.cat"],
    ]


def test_apply_png_named_pdf_is_refused_and_nothing_created(client):
    country = CountryFactory(code="ES")
    client.force_login(UserFactory())

    response = client.post(
        _apply_url(), _post_data(country, mayor_form=SimpleUploadedFile("mayor.pdf", PNG, "application/pdf"))
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"mayor_form": ["The file must be a PDF document."]}
    assert City.objects.count() == 0
    assert MembershipApplication.objects.count() == 0


def test_apply_oversized_upload_is_refused_and_nothing_created(client, settings):
    settings.UPLOAD_MAX_BYTES = 500
    country = CountryFactory(code="ES")
    client.force_login(UserFactory())

    response = client.post(_apply_url(), _post_data(country))

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert sorted(errors) == ["mayor_form", "plenary_approval"]
    assert errors["mayor_form"][0].endswith("The maximum is 500\xa0bytes.")
    assert City.objects.count() == 0


def test_apply_duplicate_city_shows_the_message_and_creates_nothing(client):
    country = CountryFactory(code="ES")
    CityFactory(name="Granollers", country=country)
    user = UserFactory()
    client.force_login(user)

    response = client.post(_apply_url(), _post_data(country, name="  granollers "))

    assert response.status_code == 200
    # Neutral: any signed-in user may try, so it says nothing of the registered city's status.
    assert response.context["form"].non_field_errors() == [
        (
            "A city with this name is already registered in this country. "
            "If you need access to it, contact the Secretariat."
        )
    ]
    assert City.objects.count() == 1
    assert MembershipApplication.objects.count() == 0
    assert user.role_grants.count() == 0
    assert AuditEntry.objects.count() == 0


def test_apply_unknown_country_is_a_form_error(client):
    client.force_login(UserFactory())

    response = client.post(_apply_url(), _post_data(CountryFactory(code="ES"), country="999999"))

    assert response.context["form"].errors == {
        "country": ["Select a valid choice. That choice is not one of the available choices."]
    }
    assert City.objects.count() == 0


# --- Certificate -----------------------------------------------------------------------------------


def _member_city(**kwargs):
    return CityFactory(
        name="Lyon", country=CountryFactory(code="FR"), certificate_number="EC-2010-00001", **kwargs
    )


def test_certificate_editor_of_member_city_downloads_pdf(client):
    city = _member_city()
    client.force_login(make_city_editor(city))

    response = client.get(reverse("members:certificate", kwargs={"slug": city.slug}))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="certificate-lyon.pdf"'
    assert response.content.startswith(b"%PDF-")


def test_certificate_staff_downloads_pdf(client):
    city = _member_city()
    client.force_login(StaffFactory())

    assert client.get(reverse("members:certificate", kwargs={"slug": city.slug})).status_code == 200


def test_certificate_editor_of_another_city_is_refused(client):
    city = _member_city()
    client.force_login(make_city_editor(CityFactory()))

    assert client.get(reverse("members:certificate", kwargs={"slug": city.slug})).status_code == 403


def test_certificate_of_a_city_that_is_not_member_is_not_found(client):
    city = _member_city(membership_status=MembershipStatus.SUSPENDED)
    client.force_login(make_city_editor(city))

    assert client.get(reverse("members:certificate", kwargs={"slug": city.slug})).status_code == 404


def test_certificate_anonymous_is_sent_to_sign_in(client):
    city = _member_city()

    response = client.get(reverse("members:certificate", kwargs={"slug": city.slug}))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# --- Withdrawal ------------------------------------------------------------------------------------


def _withdraw_url(city):
    return reverse("members:withdraw", kwargs={"slug": city.slug})


def test_withdraw_get_shows_the_confirmation(client):
    city = _member_city()
    client.force_login(make_city_editor(city))

    response = client.get(_withdraw_url(city))

    assert response.status_code == 200
    assert "Withdraw Lyon from the association" in response.content.decode()


def test_withdraw_without_confirmation_changes_nothing(client):
    city = _member_city()
    client.force_login(make_city_editor(city))

    response = client.post(_withdraw_url(city), {"comment": "Budget"})

    assert response.status_code == 200
    assert response.context["form"].errors == {"confirm": ["This field is required."]}
    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.MEMBER


def test_withdraw_confirmed_by_editor_withdraws_with_audit(client):
    city = _member_city()
    editor = make_city_editor(city)
    client.force_login(editor)

    response = client.post(_withdraw_url(city), {"confirm": "on", "comment": "Budget cuts"})

    assert response.status_code == 302
    assert response["Location"] == reverse("members:my_cities")
    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.WITHDRAWN
    entry = AuditEntry.objects.get(action="withdraw")
    assert (entry.actor, entry.from_state, entry.to_state, entry.comment) == (
        editor,
        "member",
        "withdrawn",
        "Budget cuts",
    )
    assert _messages(response) == ["Lyon has withdrawn from the association."]


def test_withdraw_twice_gives_a_message_and_changes_nothing(client):
    city = _member_city(membership_status=MembershipStatus.WITHDRAWN)
    client.force_login(make_city_editor(city))

    response = client.post(_withdraw_url(city), {"confirm": "on"})

    assert _messages(response) == ["Lyon cannot go from “Withdrawn” to “Withdrawn”."]
    assert AuditEntry.objects.count() == 0


def test_withdraw_by_editor_of_another_city_is_refused(client):
    city = _member_city()
    client.force_login(make_city_editor(CityFactory()))

    assert client.get(_withdraw_url(city)).status_code == 403
    assert client.post(_withdraw_url(city), {"confirm": "on"}).status_code == 403
    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.MEMBER


def test_withdraw_anonymous_is_sent_to_sign_in(client):
    city = _member_city()

    response = client.post(_withdraw_url(city), {"confirm": "on"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
