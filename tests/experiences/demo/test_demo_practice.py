import pytest

from educities.experiences.demo.practice import city_forms, rich_text

pytestmark = pytest.mark.unit


def test_rich_text_makes_paragraphs_and_lists_with_items_over_several_lines():
    text = """First paragraph
    on two lines.

    - One item
      that goes on.
    - Two."""

    assert (
        rich_text(text)
        == "<p>First paragraph on two lines.</p><ul><li>One item that goes on.</li><li>Two.</li></ul>"
    )


@pytest.mark.parametrize(
    ("name", "language", "of_city", "in_city"),
    [
        ("Porto", "pt", "do Porto", "no Porto"),
        ("Lisbon", "pt", "de Lisboa", "em Lisboa"),
        ("Lisbon", "fr", "de Lisbonne", "à Lisbonne"),
        ("Antibes", "fr", "d’Antibes", "à Antibes"),
        ("Le Blanc-Mesnil", "fr", "du Blanc-Mesnil", "au Blanc-Mesnil"),
        ("El Prat de Llobregat", "es", "del Prat de Llobregat", "en El Prat de Llobregat"),
        ("Olot", "ca", "d’Olot", "a Olot"),
        ("Espoo", "en", "of Espoo", "in Espoo"),
    ],
)
def test_city_forms_follow_each_language(name, language, of_city, in_city):
    forms = city_forms(name, language)

    assert (forms["of_city"], forms["in_city"]) == (of_city, in_city)
