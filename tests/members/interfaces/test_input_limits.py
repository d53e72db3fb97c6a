"""Hostile input refused with a clear message by the join form, the network form, the models and the importer:
control characters in names, a population larger than any city's, a website longer than the column."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook

from educities.core.models import AuditEntry
from educities.members.interfaces.forms import MembershipApplicationForm, NetworkCreateForm
from educities.members.interfaces.importers import import_file
from educities.members.models import City, Contact, Network
from tests.factories import CityFactory, CountryFactory, make_pdf_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

CONTROL = "Remove the control characters (line breaks, tabs and the like) from this text."
TOO_MANY = "A city cannot have more than 40,000,000 inhabitants: check the number."
CITY_HEADER = "name,country,region,population,latitude,longitude\n"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _join_form(country, **overrides):
    data = {
        "name": "Granollers",
        "country": str(country.pk),
        "population": "62000",
        "latitude": "41.6",
        "longitude": "2.29",
        "website": "https://www.granollers.cat",
        **overrides,
    }
    files = {
        "mayor_form": SimpleUploadedFile("mayor.pdf", make_pdf_bytes(), "application/pdf"),
        "plenary_approval": SimpleUploadedFile("plenary.pdf", make_pdf_bytes(), "application/pdf"),
    }
    return MembershipApplicationForm(data, files)


# --- The join form -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Gran\r\nollers", "Gran\nollers", "Gran\x07ollers", "Gran\tollers", "Gran\x1bollers"]
)
def test_join_form_refuses_control_characters_in_the_name(name):
    form = _join_form(CountryFactory(code="ES"), name=name)

    assert form.is_valid() is False
    assert form.errors == {"name": [CONTROL]}


def test_join_form_refuses_control_characters_in_the_region():
    form = _join_form(CountryFactory(code="ES"), region="Catalonia\r\nX-Header: 1")

    assert form.errors == {"region": [CONTROL]}


def test_join_form_refuses_a_population_larger_than_any_city():
    form = _join_form(CountryFactory(code="ES"), population="40000001")

    assert form.errors == {"population": [TOO_MANY]}
    assert 'max="40000000"' in str(form["population"])


def test_join_form_accepts_the_largest_population():
    form = _join_form(CountryFactory(code="ES"), population="40000000")

    assert form.is_valid(), form.errors


def test_join_form_refuses_a_website_longer_than_the_column():
    website = "https://www.granollers.cat/" + "a" * 219
    assert len(website) == 246

    form = _join_form(CountryFactory(code="ES"), website=website)

    assert form.errors == {"website": ["Ensure this value has at most 200 characters (it has 246)."]}


def test_network_form_refuses_control_characters_in_the_name():
    form = NetworkCreateForm({"name": "Red\r\nEstatal", "kind": "national", "acronym": "R\x07"})

    assert form.errors["name"] == [CONTROL]
    assert form.errors["acronym"] == [CONTROL]


# --- The models ----------------------------------------------------------------------------------------


def test_model_validation_refuses_control_characters_in_names():
    city = CityFactory(name="Granollers")
    errors = {}
    for instance, field, value in [
        (city, "name", "Gran\nollers"),
        (Contact(city=city, email="a@example.org"), "full_name", "Anna\x07 Puig"),
        (Network(slug="rece", kind="national"), "name", "Red\rEstatal"),
    ]:
        setattr(instance, field, value)
        with pytest.raises(ValidationError) as error:
            instance.full_clean(validate_unique=False, validate_constraints=False)
        errors[type(instance).__name__] = error.value.message_dict[field]

    assert errors == {"City": [CONTROL], "Contact": [CONTROL], "Network": [CONTROL]}


def test_model_validation_refuses_a_population_larger_than_any_city():
    city = CityFactory(name="Granollers")
    city.population = 40_000_001

    with pytest.raises(ValidationError) as error:
        city.full_clean(validate_unique=False, validate_constraints=False)

    assert error.value.message_dict == {"population": [TOO_MANY]}


# --- The importer --------------------------------------------------------------------------------------


def _xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_import_refuses_control_characters_in_city_names():
    CountryFactory(code="ES")
    data = (
        CITY_HEADER
        + '"Gran\r\nollers",ES,,62000,41.6,2.29\n'
        + "Sabadell\x07,ES,,216000,41.55,2.1\n"
        + "Terrassa,ES,Vall\x1bes,224000,41.56,2.01\n"
        + "Mataró,ES,,129000,41.54,2.44\n"
    ).encode()

    outcome = import_file(kind="city", data=data, filename="cities.csv")

    assert (outcome.created, outcome.errors) == (
        0,
        [(2, "name", CONTROL), (3, "name", CONTROL), (4, "region", CONTROL)],
    )
    assert (City.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_import_refuses_control_characters_in_an_xlsx_contact_name():
    CityFactory(name="Granollers", slug="granollers")

    outcome = import_file(
        kind="contact",
        data=_xlsx([["city", "full_name", "email"], ["granollers", "Anna\nPuig", "anna@example.org"]]),
        filename="contacts.xlsx",
    )

    assert (outcome.created, outcome.errors) == (0, [(2, "full_name", CONTROL)])
    assert Contact.objects.count() == 0


@pytest.mark.parametrize("population", ["²", "6²", "٣٠٠٠", "１２３"])
def test_import_refuses_non_ascii_digits_with_the_translated_message(population):
    CountryFactory(code="ES")
    data = (CITY_HEADER + f"Granollers,ES,,{population},41.6,2.29\n").encode()

    outcome = import_file(kind="city", data=data, filename="cities.csv")

    assert (outcome.created, outcome.errors) == (
        0,
        [(2, "population", f"“{population}” is not a whole number.")],
    )


def test_import_non_ascii_digit_message_is_translated():
    CountryFactory(code="ES")
    data = (CITY_HEADER + "Granollers,ES,,²,41.6,2.29\n").encode()

    with translation.override("fr"):
        outcome = import_file(kind="city", data=data, filename="cities.csv")
        expected = translation.gettext("“%(value)s” is not a whole number.") % {"value": "²"}

    assert expected != "“²” is not a whole number."
    assert outcome.errors == [(2, "population", expected)]


def test_import_refuses_a_population_larger_than_any_city():
    CountryFactory(code="ES")
    data = (CITY_HEADER + "Granollers,ES,,40000001,41.6,2.29\nSabadell,ES,,40000000,41.55,2.1\n").encode()

    outcome = import_file(kind="city", data=data, filename="cities.csv")

    assert (outcome.created, outcome.errors) == (0, [(2, "population", TOO_MANY)])
    assert City.objects.count() == 0
