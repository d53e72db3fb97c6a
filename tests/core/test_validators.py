import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from educities.core.validators import (
    CITY_POPULATION_MAX,
    validate_city_population,
    validate_no_control_characters,
)

pytestmark = [pytest.mark.unit]

CONTROL_MESSAGE = "Remove the control characters (line breaks, tabs and the like) from this text."


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    "value",
    [
        "Gran\r\nollers",
        "Gran\nollers",
        "Gran\rollers",
        "Gran\tollers",
        "Gran\x07ollers",
        "\x00",
        "a\x1bb",
        "a\x85b",
        "a\u2028b",
        "a\u2029b",
        "a\x7fb",
    ],
)
def test_validate_no_control_characters_refuses(value):
    with pytest.raises(ValidationError) as error:
        validate_no_control_characters(value)

    assert (error.value.code, error.value.messages) == ("control_characters", [CONTROL_MESSAGE])


@pytest.mark.parametrize(
    "value",
    [
        "Granollers",
        "L'Hospitalet de Llobregat",
        "São Paulo",
        "Ciudad de México",
        "Jeonju-si 전주시",
        "‏مراكش",
        "",
    ],
)
def test_validate_no_control_characters_accepts_names(value):
    assert validate_no_control_characters(value) is None


def test_validate_city_population_refuses_more_than_any_city():
    with pytest.raises(ValidationError) as error:
        validate_city_population(CITY_POPULATION_MAX + 1)

    assert error.value.messages == ["A city cannot have more than 40,000,000 inhabitants: check the number."]


@pytest.mark.parametrize("value", [1, 62_000, CITY_POPULATION_MAX])
def test_validate_city_population_accepts_real_populations(value):
    assert validate_city_population(value) is None
