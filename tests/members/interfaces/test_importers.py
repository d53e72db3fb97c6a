import io
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from educities.core.models import AuditEntry
from educities.members.enums import MembershipStatus
from educities.members.interfaces.importers import ImportProblem, import_file
from educities.members.models import City, Contact
from tests.factories import CityFactory, ContactFactory, CountryFactory, StaffFactory, make_pdf_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

CITY_HEADER = "name,country,region,population,latitude,longitude,website,membership_status,member_since\n"


@pytest.fixture
def countries():
    return CountryFactory(code="ES"), CountryFactory(code="FR"), CountryFactory(code="PT")


def _xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_import_cities_csv_all_valid_creates_every_row(countries):
    staff = StaffFactory()
    data = (
        CITY_HEADER
        + "Granollers,ES,Catalonia,62000,41.6,2.29,https://granollers.cat,member,2004-11-30\n"
        + "Lyon,fr,,522000,45.76,4.84,,,\n"
    ).encode()

    outcome = import_file(kind="city", data=data, filename="cities.csv", actor=staff)

    assert (outcome.errors, outcome.created, outcome.total_rows) == ([], 2, 2)
    granollers = City.objects.get(name="Granollers")
    assert (granollers.slug, granollers.country.code, granollers.population, granollers.member_since) == (
        "granollers-es",
        "ES",
        62_000,
        date(2004, 11, 30),
    )
    lyon = City.objects.get(name="Lyon")
    assert (lyon.membership_status, lyon.region, lyon.member_since) == (MembershipStatus.MEMBER, "", None)
    assert AuditEntry.objects.filter(action="import", actor=staff).count() == 2


def test_import_cities_two_good_two_bad_rows_imports_nothing_and_lists_errors(countries):
    data = (
        CITY_HEADER
        + "Granollers,ES,,62000,41.6,2.29,,,\n"
        + "Nowhere,XX,,1000,10,10,,,\n"
        + "Lyon,FR,,522000,45.76,4.84,,,\n"
        + "Porto,PT,,many,95,8.6,,,\n"
    ).encode()

    outcome = import_file(kind="city", data=data, filename="cities.csv")

    assert outcome.created == 0
    assert outcome.errors == [
        (
            3,
            "country",
            "Unknown country code “XX”: use the two-letter ISO code of a country of the registry.",
        ),
        (5, "population", "“many” is not a whole number."),
        (5, "latitude", "95 is out of range: it must be between -90 and 90."),
    ]
    assert City.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_import_cities_duplicate_of_registered_city_is_an_error(countries):
    CityFactory(name="Granollers", country=countries[0])
    data = (CITY_HEADER + "granollers,ES,,62000,41.6,2.29,,,\nLyon,FR,,522000,45.76,4.84,,,\n").encode()

    outcome = import_file(kind="city", data=data)

    assert outcome.errors == [(2, "name", "granollers (Spain) is already registered.")]
    assert City.objects.count() == 1


def test_import_cities_duplicate_within_the_file_is_an_error(countries):
    data = (
        CITY_HEADER
        + "Lyon,FR,,522000,45.76,4.84,,,\n\nGranollers,ES,,62000,41.6,2.29,,,\nLYON,fr,,1,45,4,,,\n"
    ).encode()

    outcome = import_file(kind="city", data=data)

    # Row numbers are the file's, blank line included.
    assert outcome.errors == [(5, "name", "The same city (name and country) is already on row 2.")]
    assert City.objects.count() == 0


def test_import_cities_xlsx_works(countries):
    data = _xlsx(
        [
            ["name", "country", "population", "latitude", "longitude", "member_since"],
            ["Łódź", "PT", 670_000, 51.76, 19.45, date(2019, 11, 30)],
            ["Évora", "PT", 56_596.0, 38.57, -7.9, None],
        ]
    )

    outcome = import_file(kind="city", data=data, filename="cities.xlsx")

    assert (outcome.errors, outcome.created) == ([], 2)
    assert list(
        City.objects.order_by("name").values_list("name", "population", "member_since", "membership_status")
    ) == [
        ("Évora", 56_596, None, MembershipStatus.MEMBER),
        ("Łódź", 670_000, date(2019, 11, 30), MembershipStatus.MEMBER),
    ]


def test_import_cities_xlsx_with_bad_rows_reports_file_rows(countries):
    data = _xlsx(
        [
            ["name", "country", "population", "latitude", "longitude"],
            ["Évora", "PT", 56_596, 38.57, -7.9],
            ["", "PT", 10, 38.57, "west"],
        ]
    )

    outcome = import_file(kind="city", data=data, filename="cities.xlsx")

    assert outcome.errors == [
        (3, "name", "This column is required."),
        (3, "longitude", "“west” is not a number."),
    ]
    assert City.objects.count() == 0


def test_import_png_renamed_csv_is_refused(countries):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"

    outcome = import_file(kind="city", data=png, filename="cities.csv")

    assert outcome.errors == [(None, "", "The file is not a CSV text file or an Excel workbook (.xlsx).")]


def test_import_pdf_named_xlsx_is_refused(countries):
    outcome = import_file(kind="city", data=make_pdf_bytes(), filename="cities.xlsx")

    assert outcome.errors == [(None, "", "The file could not be read as an Excel workbook (.xlsx).")]


def test_import_damaged_xlsx_is_refused(countries):
    outcome = import_file(kind="city", data=b"PK\x03\x04garbage" * 10, filename="cities.xlsx")

    assert outcome.errors == [(None, "", "The file could not be read as an Excel workbook (.xlsx).")]


@pytest.mark.parametrize("data", [b"", b"  \n\n", b",,,\n"])
def test_import_empty_file_is_refused(countries, data):
    outcome = import_file(kind="city", data=data, filename="cities.csv")

    assert outcome.errors == [(None, "", "The file is empty.")]


def test_import_header_only_is_refused(countries):
    outcome = import_file(kind="city", data=CITY_HEADER.encode(), filename="cities.csv")

    assert outcome.errors == [(None, "", "The file has a header row but no data rows.")]


def test_import_missing_and_unknown_columns_are_named(countries):
    data = b"name,country,latitude,longitude,mayor\nLyon,FR,45.7,4.8,Someone\n"

    outcome = import_file(kind="city", data=data, filename="cities.csv")

    assert outcome.errors == [
        ImportProblem(1, "population", "This column is missing from the first row."),
        ImportProblem(
            1,
            "mayor",
            "Unknown column. The columns are: name, country, region, population, latitude, longitude, "
            "website, membership_status, member_since.",
        ),
    ]


def test_import_row_with_extra_cells_is_refused(countries):
    data = b"name,country,population,latitude,longitude\nLyon,FR,1,45,4,extra\n"

    outcome = import_file(kind="city", data=data)

    assert outcome.errors == [(2, "", "This row has more cells than the first row has columns.")]


def test_import_semicolon_csv_with_bom_and_bad_status_and_date(countries):
    data = "\ufeffname;country;population;latitude;longitude;membership_status;member_since\n".encode()
    data += b"Lyon;FR;522000;45,76;4,84;founder;30/11/2004\n"

    outcome = import_file(kind="city", data=data)

    assert outcome.errors == [
        (
            2,
            "membership_status",
            (
                "“founder” is not one of: applied, under_review, invoiced, paid, member, rejected, "
                "suspended, withdrawn."
            ),
        ),
        (2, "member_since", "“30/11/2004” is not a date as YYYY-MM-DD."),
    ]


def test_import_contacts_by_name_and_slug(countries):
    granollers = CityFactory(name="Granollers", slug="granollers-es", country=countries[0])
    lyon = CityFactory(name="Lyon", slug="lyon-fr", country=countries[1])
    ContactFactory(city=granollers, email="old@granollers.cat", is_primary=True)
    data = (
        b"city,full_name,email,position,language,is_primary,is_public\n"
        b"granollers|es,Anna Puig,Anna@Granollers.cat,Education,ca,1,yes\n"
        b"lyon-fr,Jean Martin,jean@lyon.fr,,fr,0,\n"
    )

    outcome = import_file(kind="contact", data=data)

    assert (outcome.errors, outcome.created) == ([], 2)
    assert list(
        granollers.contacts.order_by("email").values_list("email", "language", "is_primary", "is_public")
    ) == [
        ("anna@granollers.cat", "ca", True, True),
        ("old@granollers.cat", "en", False, True),
    ]
    assert list(lyon.contacts.values_list("full_name", "is_public")) == [("Jean Martin", False)]


def test_import_contacts_bad_rows_import_nothing(countries):
    granollers = CityFactory(name="Granollers", slug="granollers-es", country=countries[0])
    ContactFactory(city=granollers, email="anna@granollers.cat")
    data = (
        b"city,full_name,email,language,is_primary\n"
        b"Granollers|ES,Pere,pere@granollers.cat,ca,0\n"
        b"Atlantis|ES,Nobody,nobody@example.org,en,0\n"
        b"Granollers|ES,Anna,ANNA@granollers.cat,en,0\n"
        b"granollers-es,Joan,not-an-email,xx,maybe\n"
        b"granollers-es,Pere again,pere@granollers.cat,,\n"
    )

    outcome = import_file(kind="contact", data=data)

    assert outcome.errors == [
        (3, "city", "No city named “Atlantis” in country “ES”."),
        (4, "email", "Granollers already has a contact with the e-mail anna@granollers.cat."),
        (5, "email", "Enter a valid email address."),
        (5, "language", "“xx” is not one of: en, fr, es, pt, ca."),
        (5, "is_primary", "“maybe” is not yes or no (use 1 or 0)."),
        (6, "email", "The same contact (city and e-mail) is already on row 2."),
    ]
    assert Contact.objects.count() == 1


def test_members_import_command_prints_errors_and_fails(countries, tmp_path):
    path = tmp_path / "cities.csv"
    path.write_bytes((CITY_HEADER + "Nowhere,XX,,1000,10,10,,,\n").encode())
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError) as error:
        call_command("members_import", "cities", str(path), stdout=out, stderr=err)

    assert str(error.value) == "Nothing imported: 1 problem(s) in 1 row(s) of cities.csv."
    assert err.getvalue() == (
        "row 2, country: Unknown country code “XX”: "
        "use the two-letter ISO code of a country of the registry.\n"
    )
    assert City.objects.count() == 0


def test_members_import_command_imports_xlsx(countries, tmp_path):
    path = tmp_path / "cities.xlsx"
    path.write_bytes(
        _xlsx([["name", "country", "population", "latitude", "longitude"], ["Lyon", "FR", 522000, 45.7, 4.8]])
    )
    out = io.StringIO()

    call_command("members_import", "cities", str(path), stdout=out)

    assert out.getvalue().splitlines()[-1] == "Imported 1 cities from cities.xlsx (1 rows)."
    assert City.objects.get().name == "Lyon"
