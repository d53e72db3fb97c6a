"""What users may type into the search box: results or a clear message, never an exception."""

import pytest

from educities.core.models import SearchEntry, SearchText
from educities.core.search import SearchQuery, search_matching_ids, search_points, search_run
from tests.core.search.conftest import INDEX, doc, put

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

HOSTILE = [
    '"',
    '"city',
    'city"',
    '"city" "',
    "AND",
    "OR",
    "NOT",
    "city AND",
    "OR city",
    "city OR OR gardens",
    "NOT NOT city",
    "NEAR(",
    "NEAR(city gardens, 3)",
    "NEAR/2",
    "city NEAR gardens",
    "(city",
    "city)",
    "((()))",
    "*",
    "* * *",
    "ci*ty",
    "*city",
    "city**",
    "c*",
    "^city",
    "city^2",
    "title:city",
    "{title}: city",
    "{title summary}:city",
    "-",
    "--",
    "-city",
    "- -city",
    "+city",
    '"-city"',
    "-*",
    ":",
    "'",
    "\\",
    "%",
    "_",
    "a_b",
    "city's",
    "x" * 10_000,
    "city " * 2_000,
    "\x00",
    "city\x00gardens",
    "\x01\x02\x1b[31m",
    "\u200b\u200e\u202e",
    "\ud800",
    "🙂",
    "city 🙂 gardens",
    "👨‍👩‍👧",
    "'; DROP TABLE core_searchentry; --",
    "1' OR '1'='1",
    'city" OR 1=1 --',
    "UNION SELECT * FROM auth_user",
    "$$ ::tsquery",
    "city & gardens | !children <-> x",
    "'city':* & !'x'",
    "!!!???...",
    "\t\n\r",
    "ÉCOLE",
    "ß İ ﬁ",
    "مدرسة",
    "学校 城市",
    "e\u0301cole",
    "0",
    "9" * 300,
]


@pytest.fixture
def indexed():
    put(1, doc("en", "City gardens", "Children", "Education in the city"), facets={"country": ["ES"]})
    put(2, doc("fr", "École de la ville", "Enfants", "Éducation"), facets={"country": ["FR"]})
    put(3, doc("es", "Ciudad educadora", "Niños", "Educación 学校"), facets={"country": ["ES"]})
    return SearchEntry.objects.count(), SearchText.objects.count()


@pytest.mark.parametrize("text", HOSTILE)
def test_search_run_answers_hostile_text(text, indexed):
    results = search_run(
        index=INDEX, query=SearchQuery(text=text, facets=["country"], filters={"country": ["ES", "FR"]})
    )

    assert isinstance(results.total, int)
    assert results.total == len(results.hits)
    if results.error:
        assert results.total == 0
    assert isinstance(results.message, str)
    assert search_matching_ids(index=INDEX, text=text, filters={}) is not None
    assert search_points(index=INDEX, text=text, filters={}) == []
    assert (SearchEntry.objects.count(), SearchText.objects.count()) == indexed


@pytest.mark.parametrize(
    ("text", "expected_ids"),
    [
        ('"city', [1]),
        ("NEAR(city gardens, 3)", []),
        ("city)", [1]),
        ("'; DROP TABLE core_searchentry; --", []),
        ("city\x00gardens", [1]),
        ("city 🙂 gardens", [1]),
        ("e\u0301cole", [2]),
        ("学校", [3]),
    ],
)
def test_search_run_hostile_text_still_finds(text, expected_ids, indexed):
    results = search_run(index=INDEX, query=SearchQuery(text=text))

    assert [hit.object_id for hit in results.hits] == expected_ids


@pytest.mark.parametrize(
    ("page", "per_page", "sort"),
    [("x", "y", "nonsense"), (-5, 0, ""), (10**9, 10**9, "date"), (None, None, None)],
)
def test_search_run_tolerates_bad_paging_and_sort(page, per_page, sort, indexed):
    results = search_run(index=INDEX, query=SearchQuery(text="city", page=page, per_page=per_page, sort=sort))

    assert results.total == 1
    assert results.page == 1


def test_search_run_tolerates_bad_filters(indexed):
    results = search_run(
        index=INDEX,
        query=SearchQuery(
            text="", filters={"country": "ES", "x\x00": [None, ""], "": []}, facets=["country"]
        ),
    )

    assert results.total == 2
