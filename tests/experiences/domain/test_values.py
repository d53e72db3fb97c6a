import pytest

from educities.experiences.domain.values import ValuesInvalid, experience_values, experience_values_clean
from tests.experiences.factories import experience_values_complete, make_experience
from tests.factories import CharterPrincipleFactory, CityFactory, ContactFactory

pytestmark = pytest.mark.django_db


def test_values_clean_normalises_codes_in_vocabulary_order():
    cleaned = experience_values_clean(
        {"themes": ["sport", "formal_education"], "sdgs": ["11", "4", "4"]}, city_id=None, partial=True
    )
    assert cleaned == {"themes": ["formal_education", "sport"], "sdgs": ["4", "11"]}


def test_values_clean_refuses_unknown_codes_with_message():
    with pytest.raises(ValuesInvalid) as caught:
        experience_values_clean({"themes": ["astrology"], "sdgs": ["18"]}, city_id=None, partial=True)
    assert caught.value.errors == {"themes": ["Unknown values: astrology."], "sdgs": ["Unknown values: 18."]}


def test_values_clean_refuses_end_before_start():
    with pytest.raises(ValuesInvalid) as caught:
        experience_values_clean(
            {"start_date": "2020-05-01", "end_date": "2019-01-01"}, city_id=None, partial=True
        )
    assert caught.value.errors == {"end_date": ["The end date cannot be before the start date."]}


def test_values_clean_sanitises_rich_text_and_refuses_control_characters_in_title():
    cleaned = experience_values_clean(
        {"context": '<p onclick="x()">Hi<script>alert(1)</script></p>'}, city_id=None, partial=True
    )
    assert cleaned == {"context": "<p>Hi</p>"}
    with pytest.raises(ValuesInvalid) as caught:
        experience_values_clean({"title": "Bad\x07title"}, city_id=None, partial=True)
    assert caught.value.errors == {"title": ["Remove the control characters from this text."]}


def test_values_clean_refuses_contact_of_another_city_or_without_consent():
    city = CityFactory()
    other = ContactFactory(city=CityFactory(), is_public=True)
    private = ContactFactory(city=city, is_public=False)
    public = ContactFactory(city=city, is_public=True)
    for contact in (other, private):
        with pytest.raises(ValuesInvalid) as caught:
            experience_values_clean({"contact": contact.pk}, city_id=city.pk, partial=True)
        assert list(caught.value.errors) == ["contact"]
    assert experience_values_clean({"contact": public.pk}, city_id=city.pk, partial=True) == {
        "contact": public.pk
    }


def test_values_clean_refuses_junk_types_without_exception():
    junk = {
        "themes": {"a": 1},
        "partners": "not a list",
        "links": [{"url": "javascript:alert(1)", "label": "x"}],
        "principles": ["one"],
        "start_date": "yesterday",
        "original_language": "xx",
        "budget_range": "a lot",
        "surprise": 1,
    }
    with pytest.raises(ValuesInvalid) as caught:
        experience_values_clean(junk, city_id=None, partial=True)
    assert sorted(caught.value.errors) == [
        "__all__",
        "budget_range",
        "links",
        "original_language",
        "partners",
        "principles",
        "start_date",
        "themes",
    ]


def test_values_round_trip_through_an_experience():
    principle = CharterPrincipleFactory(number=7)
    experience = make_experience(principles=[principle.number])
    values = experience_values(experience)
    expected = experience_values_clean(experience_values_complete(principles=[7]), city_id=experience.city_id)
    assert {
        key: values[key] for key in ("themes", "sdgs", "departments", "principles", "partners", "links")
    } == {key: expected[key] for key in ("themes", "sdgs", "departments", "principles", "partners", "links")}


def test_values_clean_refuses_non_ascii_digits_and_junk_flags_without_exception():
    with pytest.raises(ValuesInvalid) as caught:
        experience_values_clean(
            {"principles": ["²"], "contact": "²", "attachments_removed": ["²"], "is_ongoing": [1]},
            city_id=None,
            partial=True,
        )
    assert sorted(caught.value.errors) == ["attachments_removed", "contact", "principles"]
