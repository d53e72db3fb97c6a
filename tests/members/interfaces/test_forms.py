import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from educities.members.enums import MembershipStatus
from educities.members.interfaces.forms import (
    FeeRateAdminForm,
    FeeYearForm,
    ImportForm,
    MembershipApplicationForm,
    NetworkCreateForm,
    RatifyForm,
)
from tests.factories import CityFactory, CountryFactory, GeneralAssemblyFactory, make_pdf_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


def _data(country):
    return {
        "name": "Granollers",
        "country": str(country.pk),
        "population": "62000",
        "latitude": "41.6",
        "longitude": "2.29",
        "website": "granollers.cat",
    }


def _files(mayor=None, plenary=None):
    return {
        "mayor_form": mayor or SimpleUploadedFile("mayor.pdf", make_pdf_bytes(), "application/pdf"),
        "plenary_approval": plenary or SimpleUploadedFile("plenary.pdf", make_pdf_bytes(), "application/pdf"),
    }


def test_application_form_valid_with_pdfs():
    country = CountryFactory(code="ES")

    form = MembershipApplicationForm(_data(country), _files())

    assert form.is_valid(), form.errors
    assert (form.cleaned_data["country"], form.cleaned_data["website"]) == (country, "https://granollers.cat")


def test_application_form_png_named_pdf_is_refused():
    country = CountryFactory(code="ES")
    png = SimpleUploadedFile("mayor.pdf", PNG, "application/pdf")

    form = MembershipApplicationForm(_data(country), _files(mayor=png))

    assert form.errors == {"mayor_form": ["The file must be a PDF document."]}


def test_application_form_oversized_pdf_is_refused(settings):
    settings.UPLOAD_MAX_BYTES = 100
    country = CountryFactory(code="ES")

    form = MembershipApplicationForm(_data(country), _files())

    assert form.errors["plenary_approval"][0].startswith("The file is too large (")
    assert form.errors["plenary_approval"][0].endswith("The maximum is 100\xa0bytes.")


def test_application_form_out_of_range_coordinates_and_missing_files():
    country = CountryFactory(code="ES")

    form = MembershipApplicationForm({**_data(country), "latitude": "91", "longitude": "nan"}, {})

    assert form.errors == {
        "latitude": ["Ensure this value is less than or equal to 90."],
        "longitude": ["Enter a number."],
        "mayor_form": ["This field is required."],
        "plenary_approval": ["This field is required."],
    }


def test_application_form_countries_sorted_by_name():
    CountryFactory(code="ES")
    CountryFactory(code="BE")
    CountryFactory(code="AR")

    form = MembershipApplicationForm()

    assert [label for _value, label in form.fields["country"].choices][1:] == [
        "Argentina",
        "Belgium",
        "Spain",
    ]


def test_ratify_form_requires_an_assembly():
    assembly = GeneralAssemblyFactory()

    assert RatifyForm({"comment": ""}).errors == {"assembly": ["This field is required."]}
    assert RatifyForm({"assembly": str(assembly.pk)}).is_valid()


@pytest.mark.parametrize(("year", "valid"), [("2024", True), ("", True), ("1800", False), ("abc", False)])
def test_fee_year_form_bounds(year, valid):
    assert FeeYearForm({"year": year}).is_valid() is valid


def test_import_form_refuses_oversized_file(settings):
    settings.UPLOAD_MAX_BYTES = 10

    form = ImportForm({"kind": "city"}, {"file": SimpleUploadedFile("c.csv", b"name,country\n" * 5)})

    assert form.errors == {"file": ["The file is too large (65\xa0bytes). The maximum is 10\xa0bytes."]}


def test_network_form_offers_member_cities_only():
    member = CityFactory(name="Member")
    CityFactory(name="Applicant", membership_status=MembershipStatus.APPLIED)

    form = NetworkCreateForm()

    assert list(form.fields["cities"].queryset) == [member]
    assert list(form.fields["coordinator"].queryset) == [member]


def test_fee_rate_admin_form_refuses_negative_amount():
    form = FeeRateAdminForm({"population_band": "1", "income_group": "I", "amount": "-5"})

    assert form.errors == {"amount": ["A fee cannot be negative."]}
