"""The join page answers hostile input with a clear message and creates nothing (never a 500)."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from educities.members.models import City, MembershipApplication
from tests.factories import CountryFactory, UserFactory, make_pdf_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _post(client, **overrides):
    client.force_login(UserFactory(email="tecnic@granollers.cat"))
    data = {
        "name": "Granollers",
        "country": str(CountryFactory(code="ES").pk),
        "population": "62000",
        "latitude": "41.608",
        "longitude": "2.287",
        "mayor_form": SimpleUploadedFile("mayor.pdf", make_pdf_bytes("Mayor"), "application/pdf"),
        "plenary_approval": SimpleUploadedFile("plenary.pdf", make_pdf_bytes("Plenary"), "application/pdf"),
        **overrides,
    }
    return client.post(reverse("members:apply"), data)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "name",
            "Gran\r\nollers",
            "Remove the control characters (line breaks, tabs and the like) from this text.",
        ),
        (
            "name",
            "Gran\x07ollers",
            "Remove the control characters (line breaks, tabs and the like) from this text.",
        ),
        ("population", "40000001", "A city cannot have more than 40,000,000 inhabitants: check the number."),
        # Longer than City.website: PostgreSQL would refuse it with a DataError (a 500) if the form let it by.
        (
            "website",
            "https://www.granollers.cat/" + "a" * 219,
            "Ensure this value has at most 200 characters (it has 246).",
        ),
    ],
)
def test_apply_hostile_value_shows_the_error_and_creates_nothing(
    client, django_capture_on_commit_callbacks, field, value, message
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, **{field: value})

    assert response.status_code == 200
    assert response.context["form"].errors == {field: [message]}
    assert (City.objects.count(), MembershipApplication.objects.count(), len(mail.outbox)) == (0, 0, 0)


def test_apply_with_the_longest_website_is_saved(client, django_capture_on_commit_callbacks):
    website = "https://www.granollers.cat/" + "a" * 173
    assert len(website) == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, website=website)

    assert response.status_code == 302
    assert City.objects.get().website == website
