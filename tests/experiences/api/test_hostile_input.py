"""Whatever a client sends — wrong types, nested junk, huge strings, unknown keys, NUL bytes, broken JSON —
the API answers 4xx with a JSON body that says what is wrong, and changes nothing. Never a 500."""

import pytest

from educities.experiences.models import Experience, ExperienceRevision
from tests.experiences.api.helpers import bearer, patch_json, post_json
from tests.experiences.factories import make_experience
from tests.factories import CityFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LIST_URL = "/api/v1/experiences/"


@pytest.fixture
def setup():
    city = CityFactory()
    editor = make_city_editor(city)
    draft = make_experience(city=city, title="The draft")
    published = make_experience(city=city, status="published", title="The published one")
    return {"city": city, "headers": bearer(editor), "draft": draft, "published": published}


def _snapshot():
    return (
        sorted(Experience.objects.values_list("slug", "status", "title", "summary", "actions", "start_date")),
        ExperienceRevision.objects.count(),
    )


# (values, expected JSON body): sent as PATCH to the draft and to the published experience.
BAD_VALUES = [
    ({"title": {"$gt": ""}}, {"title": ["Not a valid string."]}),
    ({"title": ["a", "b"]}, {"title": ["Not a valid string."]}),
    ({"title": "x" * 201}, {"title": ["This text is too long (at most 200 characters)."]}),
    ({"title": "x" * 1_000_000}, {"title": ["This text is too long (at most 200 characters)."]}),
    ({"title": "two\nlines"}, {"title": ["A title is one line."]}),
    ({"title": "nul\u0000"}, {"title": ["Null characters are not allowed."]}),
    ({"title": "bell\u0007"}, {"title": ["Remove the control characters from this text."]}),
    ({"title": ""}, {"title": ["Give the experience a title."]}),
    ({"title": None}, {"title": ["Give the experience a title."]}),
    ({"actions": "<p>x</p>" * 20_000}, {"actions": ["This text is too long (at most 60000 characters)."]}),
    ({"original_language": "xx"}, {"original_language": ['"xx" is not a valid choice.']}),
    ({"original_language": None}, {"original_language": ["This field may not be null."]}),
    ({"is_ongoing": [1]}, {"is_ongoing": ["Must be a valid boolean."]}),
    ({"is_ongoing": {"a": 1}}, {"is_ongoing": ["Must be a valid boolean."]}),
    (
        {"start_date": "2020-13-45"},
        {"start_date": ["Date has wrong format. Use one of these formats instead: YYYY-MM-DD."]},
    ),
    (
        {"start_date": 20200101},
        {"start_date": ["Date has wrong format. Use one of these formats instead: YYYY-MM-DD."]},
    ),
    (
        {"start_date": "2021-01-01", "end_date": "2020-01-01"},
        {"end_date": ["The end date cannot be before the start date."]},
    ),
    ({"budget_range": "a lot"}, {"budget_range": ['"a lot" is not a valid choice.']}),
    ({"contact": "1 OR 1=1"}, {"contact": ["A valid integer is required."]}),
    ({"contact": 2**70}, {"contact": ["Ensure this value is less than or equal to 9223372036854775807."]}),
    ({"contact": 999}, {"contact": ["Choose one of the city’s contacts who agreed to be shown publicly."]}),
    ({"principles": ["²"]}, {"principles": {"0": ["A valid integer is required."]}}),
    ({"principles": [7]}, {"principles": ["The Charter has no principle 7."]}),
    ({"principles": "1,2"}, {"principles": ['Expected a list of items but got type "str".']}),
    ({"themes": "participation"}, {"themes": ['Expected a list of items but got type "str".']}),
    ({"themes": ["participation", "nope"]}, {"themes": {"1": ['"nope" is not a valid choice.']}}),
    (
        {"themes": [{"nested": ["junk"]}]},
        {"themes": {"0": ["\"{'nested': ['junk']}\" is not a valid choice."]}},
    ),
    ({"sdgs": ["4"] * 41}, {"sdgs": ["Ensure this field has no more than 40 elements."]}),
    (
        {"partners": [1, 2]},
        {
            "partners": [
                {"non_field_errors": ["Invalid data. Expected a dictionary, but got int."]},
                {"non_field_errors": ["Invalid data. Expected a dictionary, but got int."]},
            ]
        },
    ),
    (
        {"partners": {"name": "x"}},
        {"partners": {"non_field_errors": ['Expected a list of items but got type "dict".']}},
    ),
    (
        {"partners": [{"name": "AMPA", "kind": "cult"}]},
        {"partners": [{"kind": ['"cult" is not a valid choice.']}]},
    ),
    (
        {"links": [{"url": "javascript:alert(1)"}]},
        {"links": ["Link 1: enter a web address starting with http:// or https://."]},
    ),
    (
        {"links": [{"url": "https://x.org", "label": "a\u0000"}]},
        {"links": [{"label": ["Null characters are not allowed."]}]},
    ),
    ({"status": "published"}, {"non_field_errors": ["Unknown fields: status."]}),
    ({"is_featured": True, "city": 3}, {"non_field_errors": ["Unknown fields: city, is_featured."]}),
    ({"\u0000": 1}, {"non_field_errors": ["Unknown fields: \u0000."]}),
]


@pytest.mark.parametrize("target", ["draft", "published"])
@pytest.mark.parametrize(("values", "expected"), BAD_VALUES)
def test_patch_with_bad_values_is_refused_per_field(client, setup, target, values, expected):
    before = _snapshot()

    response = patch_json(client, f"{LIST_URL}{setup[target].slug}/", values, setup["headers"])

    assert response.status_code == 400
    assert response.json() == expected
    assert _snapshot() == before


@pytest.mark.parametrize(
    ("body", "content_type", "status", "expected"),
    [
        (
            "{",
            "application/json",
            400,
            {
                "detail": (
                    "JSON parse error - Expecting property name enclosed in double quotes: "
                    "line 1 column 2 (char 1)"
                )
            },
        ),
        ("null", "application/json", 400, {"non_field_errors": ["Send a JSON object."]}),
        ("[]", "application/json", 400, {"non_field_errors": ["Send a JSON object."]}),
        ('"title"', "application/json", 400, {"non_field_errors": ["Send a JSON object."]}),
        (
            "[" * 100_000 + "]" * 100_000,
            "application/json",
            400,
            {"detail": "JSON parse error - the document is nested too deeply."},
        ),
        ("\u0000", "application/json", 400, None),
        ("NaN", "application/json", 400, None),
        (
            "title=x",
            "application/x-www-form-urlencoded",
            415,
            {"detail": 'Unsupported media type "application/x-www-form-urlencoded" in request.'},
        ),
        ("<xml/>", "text/xml", 415, {"detail": 'Unsupported media type "text/xml" in request.'}),
        (b"\xff\xfe\x00", "application/json", 400, None),
    ],
)
def test_patch_with_a_body_that_is_not_a_json_object_is_refused(
    client, setup, body, content_type, status, expected
):
    before = _snapshot()

    response = client.patch(
        f"{LIST_URL}{setup['draft'].slug}/", body, content_type=content_type, **setup["headers"]
    )

    assert response.status_code == status
    if expected is not None:
        assert response.json() == expected
    else:
        assert list(response.json()) == ["detail"]
    assert _snapshot() == before


def test_patch_with_a_body_over_the_limit_is_refused(client, setup, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    before = _snapshot()

    response = patch_json(
        client, f"{LIST_URL}{setup['draft'].slug}/", {"summary": "x" * 2000}, setup["headers"]
    )

    assert response.status_code == 413
    assert response.json() == {"detail": "The request body is too large."}
    assert _snapshot() == before


@pytest.mark.parametrize(
    ("city", "expected"),
    [
        ("abc", {"city": ["A valid integer is required."]}),
        (None, {"city": ["This field may not be null."]}),
        (-1, {"city": ["Ensure this value is greater than or equal to 1."]}),
        (2**64, {"city": ["Ensure this value is less than or equal to 9223372036854775807."]}),
        (2**63 - 1, {"city": ["No city has this id."]}),
        ([1], {"city": ["A valid integer is required."]}),
    ],
)
def test_create_with_a_bad_city_is_refused(client, setup, city, expected):
    before = _snapshot()

    response = post_json(
        client, LIST_URL, {"city": city, "title": "x", "original_language": "en"}, setup["headers"]
    )

    assert response.status_code == 400
    assert response.json() == expected
    assert _snapshot() == before


def test_create_without_city_title_or_language_says_what_is_missing(client, setup):
    missing_city = post_json(client, LIST_URL, {"title": "x", "original_language": "en"}, setup["headers"])
    missing_language = post_json(client, LIST_URL, {"city": setup["city"].pk, "title": "x"}, setup["headers"])
    missing_title = post_json(
        client, LIST_URL, {"city": setup["city"].pk, "original_language": "en"}, setup["headers"]
    )

    assert missing_city.json() == {"city": ["This field is required."]}
    assert missing_language.json() == {
        "non_field_errors": ["Say in which language the experience is written."]
    }
    assert missing_title.json() == {"title": ["Give the experience a title."]}
    assert Experience.objects.count() == 2


@pytest.mark.parametrize(("values", "expected"), BAD_VALUES[:12])
def test_create_with_bad_values_is_refused(client, setup, values, expected):
    before = _snapshot()
    data = {"city": setup["city"].pk, "title": "Fine", "original_language": "en", **values}

    response = post_json(client, LIST_URL, data, setup["headers"])

    assert response.status_code == 400
    if "city" not in values:
        assert response.json() == expected
    assert _snapshot() == before


@pytest.mark.parametrize(
    "slug",
    ["%00", "a" * 500, "é", "'; DROP TABLE experiences_experience; --", "%E2%80%AE"],
)
def test_writes_to_a_malformed_slug_are_a_json_404(client, setup, slug):
    patch = patch_json(client, f"{LIST_URL}{slug}/", {"title": "x"}, setup["headers"])
    submit = post_json(client, f"{LIST_URL}{slug}/submit/", {}, setup["headers"])
    detail = client.get(f"{LIST_URL}{slug}/")

    assert (patch.status_code, submit.status_code, detail.status_code) == (404, 404, 404)
    assert detail.json() == {"detail": "No experience you may see has this slug."}


def test_detail_with_an_unknown_language_is_refused(client, setup):
    response = client.get(f"{LIST_URL}{setup['published'].slug}/", {"lang": "xx"})

    assert response.status_code == 400
    assert response.json() == {"lang": ['"xx" is not a valid choice.']}


def test_a_slug_with_an_encoded_slash_is_a_404(client, setup):
    response = patch_json(client, f"{LIST_URL}..%2F..%2Fetc/", {"title": "x"}, setup["headers"])

    assert response.status_code == 404


def test_an_empty_patch_changes_nothing(client, setup):
    before = _snapshot()

    response = client.patch(
        f"{LIST_URL}{setup['draft'].slug}/", "", content_type="application/json", **setup["headers"]
    )

    assert response.status_code == 200
    assert response.json()["values"]["title"] == "The draft"
    assert _snapshot() == before


@pytest.mark.parametrize(
    ("params", "status", "expected"),
    [
        ({"q": "x" * 1001}, 400, {"q": ["Ensure this field has no more than 1000 characters."]}),
        ({"q": "nul\x00"}, 400, {"detail": "The address contains a character that is not allowed (NUL)."}),
        ({"country": "ZZZ"}, 400, {"country": {"0": ["This value does not match the required pattern."]}}),
        ({"theme": "nope"}, 400, {"theme": {"0": ['"nope" is not a valid choice.']}}),
        ({"principle": "²"}, 400, {"principle": {"0": ["A valid integer is required."]}}),
        ({"year": "20x0"}, 400, {"year": {"0": ["A valid integer is required."]}}),
        ({"sdg": "18"}, 400, {"sdg": {"0": ['"18" is not a valid choice.']}}),
        ({"award": "no"}, 400, {"award": {"0": ['"no" is not a valid choice.']}}),
        ({"lang": "xx"}, 400, {"lang": ['"xx" is not a valid choice.']}),
        ({"ordering": "-published_at"}, 400, {"ordering": ['"-published_at" is not a valid choice.']}),
        ({"network": ["a"] * 31}, 400, {"network": ["Ensure this field has no more than 30 elements."]}),
        ({"page": "abc"}, 404, {"detail": "Invalid page."}),
        ({"page": "0"}, 404, {"detail": "Invalid page."}),
        ({"page": "9" * 5000}, 404, {"detail": "Invalid page."}),
        ({"page": "2"}, 404, {"detail": "Invalid page."}),
        ({"page_size": "1000"}, 400, {"page_size": ["Enter a whole number from 1 to 100."]}),
        ({"page_size": "-1"}, 400, {"page_size": ["Enter a whole number from 1 to 100."]}),
    ],
)
def test_list_with_bad_parameters_is_refused_with_the_parameter_named(
    client, setup, params, status, expected
):
    response = client.get(LIST_URL, params)

    assert response.status_code == status
    assert response.json() == expected


@pytest.mark.parametrize(
    "q",
    [
        '"unclosed phrase',
        "NEAR(a b)",
        "a AND OR NOT",
        "*",
        "-",
        "((((",
        "x*" * 50,
        "🙂",
        "\u202e",
        "' OR 1=1 --",
    ],
)
def test_list_with_search_syntax_junk_answers_results_or_a_message(client, setup, q):
    response = client.get(LIST_URL, {"q": q})

    assert response.status_code in {200, 400}
    body = response.json()
    if response.status_code == 400:
        assert list(body) == ["q"]
    else:
        assert isinstance(body["message"], str)
