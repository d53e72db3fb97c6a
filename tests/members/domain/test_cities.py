import pytest

from educities.core.domain.errors import DomainError
from educities.core.models import AuditEntry
from educities.members.domain.cities import CITY_EDITABLE_FIELDS, city_slug, city_update
from tests.factories import CityFactory, UserFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.mark.parametrize(
    ("name", "code", "expected"),
    [
        ("서울", "KR", "city-kr"),
        ("Αθήνα", "GR", "city-gr"),
        ("Barcelona", "ES", "barcelona-es"),
        ("L'Hospitalet de Llobregat", "ES", "lhospitalet-de-llobregat-es"),
        ("São Paulo", "BR", "sao-paulo-br"),
        ("", "FR", "city-fr"),
    ],
)
def test_city_slug_is_the_name_then_the_country(name, code, expected):
    assert city_slug(name=name, country_code=code) == expected


def test_city_slug_numbers_a_slug_already_taken():
    CityFactory(slug="city-kr")

    assert city_slug(name="부산", country_code="KR") == "city-kr-2"
    assert city_slug(name="서울", country_code="KR", taken={"city-kr", "city-kr-2"}) == "city-kr-3"


def test_city_slug_of_a_very_long_name_fits_the_field():
    slug = city_slug(name="Llanfair " * 40, country_code="GB")

    assert (len(slug) <= 130, slug.endswith("-gb"), "--" in slug) == (True, True, False)


def test_city_editable_fields_leave_the_population_to_the_secretariat():
    assert "population" not in CITY_EDITABLE_FIELDS


def test_city_update_by_editor_cannot_lower_the_population():
    city = CityFactory(population=600_000)
    editor = make_city_editor(city)

    with pytest.raises(DomainError) as error:
        city_update(actor=editor, city=city, population=40_000)

    assert error.value.message == "These fields cannot be changed here: population"
    city.refresh_from_db()
    assert (city.population, city.population_band) == (600_000, "5")
    assert AuditEntry.objects.count() == 0


def test_city_update_audit_comment_has_old_and_new_values():
    city = CityFactory(website="https://a.example.org", region="Vallès", description="")
    editor = make_city_editor(city)

    city_update(
        actor=editor,
        city=city,
        website="https://b.example.org",
        region="Vallès",
        description="Line one\n\nline two " + "x" * 100,
    )

    entry = AuditEntry.objects.get(action="city_update")
    assert entry.actor == editor
    assert entry.comment == (
        "website: https://a.example.org → https://b.example.org; "
        "description: — → Line one line two " + "x" * 61 + "…"
    )


def test_city_update_without_change_records_nothing():
    city = CityFactory(region="Vallès")

    city_update(actor=UserFactory(is_staff=True), city=city, region="Vallès")

    assert AuditEntry.objects.count() == 0
