"""Application documents are private: outside MEDIA_ROOT, under a random name, served by the back office."""

import re
import types

import pytest
from django.conf.urls.static import static
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from educities.members.models import MembershipApplication
from tests.factories import CountryFactory, StaffFactory, UserFactory, make_pdf_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def debug_urls(settings):
    """The URL patterns of educities/urls.py as they are with DEBUG on: MEDIA_ROOT served under MEDIA_URL."""
    import educities.urls

    settings.DEBUG = True
    module = types.ModuleType("educities_debug_urls")
    module.urlpatterns = [
        *educities.urls.urlpatterns,
        *static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT),
    ]
    assert len(module.urlpatterns) == len(educities.urls.urlpatterns) + 1
    settings.ROOT_URLCONF = module
    return module


def _apply(client, *, mayor_name="mayor.html", plenary_name="plenary.pdf.exe"):
    client.force_login(UserFactory(email="tecnic@granollers.cat"))
    country = CountryFactory(code="ES")
    response = client.post(
        reverse("members:apply"),
        {
            "name": "Granollers",
            "country": str(country.pk),
            "population": "62000",
            "latitude": "41.608",
            "longitude": "2.287",
            "mayor_form": SimpleUploadedFile(mayor_name, make_pdf_bytes("Mayor"), "text/html"),
            "plenary_approval": SimpleUploadedFile(
                plenary_name, make_pdf_bytes("Plenary"), "application/pdf"
            ),
        },
    )
    assert response.status_code == 302
    client.logout()
    return MembershipApplication.objects.select_related("city").get()


def test_application_documents_are_stored_under_a_random_pdf_name(client, settings):
    application = _apply(client)

    names = [application.mayor_form.name, application.plenary_approval.name]

    pattern = rf"applications/{application.city_id}/[0-9a-f]{{32}}\.pdf"
    assert [bool(re.fullmatch(pattern, name)) for name in names] == [True, True]
    assert names[0] != names[1]
    assert [(settings.PRIVATE_MEDIA_ROOT / name).read_bytes()[:5] for name in names] == [b"%PDF-", b"%PDF-"]
    assert [(settings.MEDIA_ROOT / name).exists() for name in names] == [False, False]


def test_application_documents_are_not_served_under_media_url_even_in_debug(client, debug_urls):
    application = _apply(client)
    client.force_login(StaffFactory())

    statuses = [
        client.get(f"/media/{application.mayor_form.name}").status_code,
        client.get(f"/media/{application.plenary_approval.name}").status_code,
        client.get(f"/media/applications/{application.city_id}/").status_code,
    ]

    assert statuses == [404, 404, 404]


def test_application_document_has_no_public_url(client):
    application = _apply(client)

    with pytest.raises(ValueError, match="no URL"):
        application.mayor_form.url  # noqa: B018 - the property is what is tested


def test_back_office_still_downloads_the_private_document_as_a_pdf_attachment(client):
    application = _apply(client)
    client.force_login(StaffFactory())

    response = client.get(
        reverse(
            "backoffice:application_document",
            kwargs={"slug": application.city.slug, "pk": application.pk, "kind": "mayor_form"},
        )
    )

    assert response.status_code == 200
    assert (
        response["Content-Type"],
        response["Content-Disposition"],
        response["X-Content-Type-Options"],
        response["Cache-Control"],
    ) == (
        "application/pdf",
        'attachment; filename="granollers-es-mayor_form.pdf"',
        "nosniff",
        "private, no-store",
    )
    assert (
        b"".join(response.streaming_content)
        == application.mayor_form.storage.open(application.mayor_form.name).read()
    )


def test_back_office_download_of_an_old_document_with_another_extension_is_still_a_pdf(client, settings):
    application = _apply(client)
    storage = application.mayor_form.storage
    legacy_name = storage.save(
        f"applications/{application.city_id}/mayor.html", storage.open(application.mayor_form.name)
    )
    MembershipApplication.objects.filter(pk=application.pk).update(mayor_form=legacy_name)
    client.force_login(StaffFactory())

    response = client.get(
        reverse(
            "backoffice:application_document",
            kwargs={"slug": application.city.slug, "pk": application.pk, "kind": "mayor_form"},
        )
    )

    assert (response.status_code, response["Content-Type"], response["Content-Disposition"]) == (
        200,
        "application/pdf",
        'attachment; filename="granollers-es-mayor_form.pdf"',
    )
