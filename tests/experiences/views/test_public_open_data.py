"""Open data of the bank of experiences: CSV, JSON and XLSX of the current search, and the Atom feed."""

import csv
import io
import json
from xml.etree import ElementTree

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from educities.experiences.interfaces.exporters import EXPERIENCE_COLUMNS
from educities.experiences.models import Experience
from tests.experiences.factories import make_experience
from tests.experiences.public_support import city, fresh_search_snapshots, machine_translate, published
from tests.factories import CharterPrincipleFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.integration,
    pytest.mark.usefixtures(fresh_search_snapshots.__name__),
]

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def two():
    CharterPrincipleFactory(number=3)
    CharterPrincipleFactory(number=7)
    girona = city("Girona", "ES")
    lyon = city("Lyon", "FR")
    council = published(
        city=girona,
        title="Children's council",
        summary='=HYPERLINK("http://evil")',
        themes=["children_participation", "participation"],
        target_groups=["children"],
        sdgs=["11", "4"],
        departments=["education"],
        principles=[7, 3],
        start_date="2019-09-01",
        end_date="2021-06-30",
        budget_range="lt10k",
    )
    conseil = published(
        city=lyon,
        original_language="fr",
        title="Conseil des aînés",
        summary="Les aînés conseillent la ville.",
        themes=["intergenerational"],
        target_groups=["older_people"],
        sdgs=["10"],
        departments=[],
        principles=[],
        start_date="2022-01-01",
        is_ongoing=True,
    )
    Experience.objects.filter(pk=conseil.pk).update(is_award_winning=True)
    machine_translate(council, "fr", {"title": "Conseil des enfants"})
    make_experience(city=girona, title="Draft not exported")
    return {"council": council, "conseil": Experience.objects.get(pk=conseil.pk)}


def _csv_rows(response) -> list[dict]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_export_csv_has_the_documented_columns_and_one_row_per_result(client, two):
    response = client.get("/en/experiences/export.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="experiences.csv"'
    rows = _csv_rows(response)
    assert list(rows[0]) == list(EXPERIENCE_COLUMNS)
    council, conseil = two["council"], two["conseil"]
    assert rows == [
        {
            "id": str(conseil.pk),
            "url": f"http://testserver/en/experiences/{conseil.slug}/",
            "title": "Conseil des aînés",
            "summary": "Les aînés conseillent la ville.",
            "city": "Lyon",
            "country": "FR",
            "original_language": "fr",
            "start_date": "2022-01-01",
            "end_date": "",
            "ongoing": "true",
            "themes": "intergenerational",
            "target_groups": "older_people",
            "sdgs": "10",
            "principles": "",
            "departments": "",
            "budget_range": "",
            "published_at": conseil.published_at.isoformat(),
            "award_winning": "true",
            "languages": "fr",
        },
        {
            "id": str(council.pk),
            "url": f"http://testserver/en/experiences/{council.slug}/",
            "title": "Children's council",
            "summary": '\'=HYPERLINK("http://evil")',
            "city": "Girona",
            "country": "ES",
            "original_language": "en",
            "start_date": "2019-09-01",
            "end_date": "2021-06-30",
            "ongoing": "false",
            "themes": "children_participation; participation",
            "target_groups": "children",
            "sdgs": "4; 11",
            "principles": "3; 7",
            "departments": "education",
            "budget_range": "lt10k",
            "published_at": council.published_at.isoformat(),
            "award_winning": "false",
            "languages": "en; fr",
        },
    ]


def test_export_follows_the_search_query_and_filters(client, two):
    by_filter = client.get("/en/experiences/export.csv", {"country": "ES"})
    by_text = client.get("/en/experiences/export.csv", {"q": "aînés"})
    nothing = client.get("/en/experiences/export.csv", {"theme": "sport"})

    assert [row["title"] for row in _csv_rows(by_filter)] == ["Children's council"]
    assert [row["title"] for row in _csv_rows(by_text)] == ["Conseil des aînés"]
    assert _csv_rows(nothing) == []


def test_export_json_keeps_lists_and_booleans(client, two):
    response = client.get("/en/experiences/export.json", {"country": "ES"})

    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert len(data) == 1
    assert list(data[0]) == list(EXPERIENCE_COLUMNS)
    assert data[0]["summary"] == '=HYPERLINK("http://evil")'
    assert data[0]["sdgs"] == ["4", "11"]
    assert data[0]["principles"] == ["3", "7"]
    assert data[0]["languages"] == ["en", "fr"]
    assert data[0]["ongoing"] is False
    assert data[0]["id"] == two["council"].pk


def test_export_xlsx_has_the_same_columns_and_rows(client, two):
    response = client.get("/en/experiences/export.xlsx")

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == EXPERIENCE_COLUMNS
    assert [row[2] for row in rows[1:]] == ["Conseil des aînés", "Children's council"]
    assert rows[2][3] == '\'=HYPERLINK("http://evil")'


def test_export_unknown_format_is_400_with_a_message(client, two):
    response = client.get("/en/experiences/export.pdf")

    assert response.status_code == 400
    assert "“pdf” is not an export format. Choose one of: csv, xlsx, json." in response.content.decode()


def test_export_impossible_filter_is_400_with_a_message(client, two):
    response = client.get("/en/experiences/export.csv", {"theme": "nope"})

    assert response.status_code == 400
    assert "Some values of the filter “Theme” do not exist and were ignored." in response.content.decode()


@pytest.mark.parametrize("text", ['"', "*", "NEAR(a b", "x" * 10_000, "\u0001"])
def test_export_hostile_query_gives_a_file(client, two, text):
    response = client.get("/en/experiences/export.csv", {"q": text})

    assert response.status_code == 200


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_export_and_feed_query_counts_do_not_grow_with_rows(client):
    CharterPrincipleFactory(number=1)
    for number in range(2):
        published(city=city(f"Few {number}"), title=f"Few {number}", principles=[1])
    few = [_queries(client, "/en/experiences/export.csv"), _queries(client, "/fr/experiences/feed.atom")]
    for number in range(8):
        experience = published(city=city(f"Many {number}"), title=f"Many {number}", principles=[1])
        machine_translate(experience, "fr", {"title": f"Beaucoup {number}"})
    many = [_queries(client, "/en/experiences/export.csv"), _queries(client, "/fr/experiences/feed.atom")]

    assert few == many


def test_feed_is_valid_atom_with_the_newest_experiences(client, two):
    response = client.get("/en/experiences/feed.atom")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own feed, in a test
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Conseil des aînés",
        "Children's council",
    ]
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == f"http://testserver/en/experiences/{two['conseil'].slug}/"
    assert first.findtext(f"{ATOM}summary") == "Les aînés conseillent la ville."
    assert first.findtext(f"{ATOM}author/{ATOM}name") == "Lyon, France"
    assert [category.get("term") for category in first.findall(f"{ATOM}category")] == [
        "Intergenerational relations"
    ]


def test_feed_titles_follow_the_reader_language(client, two):
    response = client.get("/fr/experiences/feed.atom")

    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own feed, in a test
    titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert titles == ["Conseil des aînés", "Conseil des enfants"]
