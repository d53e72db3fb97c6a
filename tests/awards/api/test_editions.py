"""The award in the public API: /api/v1/award/editions/ and /api/v1/award/editions/<year>/."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from educities.awards.domain.editions import (
    edition_text_translate,
    edition_update,
)
from educities.awards.enums import ApplicationStatus, EditionPhase
from educities.experiences.enums import ExperienceStatus
from tests.awards.api.public_support import FINALIST, MENTION, NOT_SELECTED, WINNER, edition_with_results
from tests.awards.factories import make_application, make_edition, make_juror
from tests.experiences.factories import make_experience
from tests.experiences.public_support import fresh_search_snapshots
from tests.factories import CityFactory, CountryFactory, StaffFactory, UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.integration,
    pytest.mark.usefixtures(fresh_search_snapshots.__name__),
]

LIST_URL = "/api/v1/award/editions/"
EDITION_KEYS = {
    "number",
    "year",
    "theme",
    "phase",
    "time_zone",
    "call_opens_at",
    "deadline",
    "figures",
    "results_published_at",
    "is_void",
    "url",
    "api_url",
}
DETAIL_KEYS = EDITION_KEYS | {
    "axes",
    "rules",
    "jury_starts_on",
    "decision_on",
    "ceremony_on",
    "ceremony_place",
    "initiative_cutoff",
    "jury_statement",
    "results",
}
TEXT_KEYS = {"text", "language", "provenance", "is_original", "is_fallback", "is_stale"}


def test_editions_list_gives_announced_editions_newest_first(client):
    make_edition(phase=EditionPhase.JURY, year=2016, number=1, theme="Living together")
    make_edition(phase=EditionPhase.OPEN, year=2026, number=6, theme="Inclusion")
    make_edition(phase=EditionPhase.DRAFT, year=2028, number=7, theme="A secret theme")

    response = client.get(LIST_URL)

    body = response.json()
    assert response.status_code == 200
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 2
    assert [edition["year"] for edition in body["results"]] == [2026, 2016]
    assert "A secret theme" not in response.content.decode()
    first = body["results"][0]
    assert set(first) == EDITION_KEYS
    assert set(first["theme"]) == TEXT_KEYS
    assert first["theme"]["text"] == "Inclusion"
    assert first["phase"] == {"code": "open", "label": "Call open"}
    assert first["figures"] is None  # the call is open
    assert first["url"] == "http://testserver/en/award/2026/"
    assert first["api_url"] == "http://testserver/api/v1/award/editions/2026/"
    assert body["results"][1]["figures"] == {"candidacies": 0, "cities": 0, "countries": 0}


def test_editions_list_gives_recorded_figures(client):
    edition = make_edition(phase=EditionPhase.JURY, year=2018, number=2)
    edition_update(
        edition=edition, actor=None, recorded_candidacies=62, recorded_cities=49, recorded_countries=12
    )

    body = client.get(LIST_URL).json()

    assert body["results"][0]["figures"] == {"candidacies": 62, "cities": 49, "countries": 12}


def test_edition_detail_gives_texts_timeline_and_results(client):
    medellin = CityFactory(name="Medellín", slug="medellin", country=CountryFactory(code="CO"))
    edition, applications = edition_with_results(
        year=2020,
        number=3,
        theme="Inclusion and democratisation of culture",
        results=[WINNER, MENTION, FINALIST, NOT_SELECTED],
        cities=[medellin, *(CityFactory(country=CountryFactory(code=code)) for code in ("BR", "PT", "FR"))],
    )
    edition_update(edition=edition, actor=None, jury_statement="The jury thanks every city.")

    response = client.get(f"{LIST_URL}2020/")

    body = response.json()
    assert response.status_code == 200
    assert set(body) == DETAIL_KEYS
    assert set(body["axes"]) == TEXT_KEYS
    assert body["axes"]["text"] == "Schools open to the city\nCulture for everyone"
    assert body["jury_statement"] == "The jury thanks every city."
    assert body["figures"] == {"candidacies": 4, "cities": 4, "countries": 4}
    assert set(body["results"]) == {"winners", "special_mentions", "finalists"}
    assert [len(body["results"][key]) for key in ("winners", "special_mentions", "finalists")] == [1, 1, 1]
    winner = body["results"]["winners"][0]
    experience = applications[0].experience
    assert winner == {
        "city": {
            "slug": "medellin",
            "name": "Medellín",
            "country": "CO",
            "country_name": "Colombia",
            "url": "http://testserver/en/cities/medellin/",
        },
        "experience": {
            "slug": experience.slug,
            "title": experience.title,
            "url": f"http://testserver/en/experiences/{experience.slug}/",
            "api_url": f"http://testserver/api/v1/experiences/{experience.slug}/",
        },
        "statement": "Statement of the jury 1.",
    }
    not_selected = applications[3].city.name
    assert not_selected not in response.content.decode()


def test_edition_detail_never_shows_jurors_scores_or_answers(client):
    edition = make_edition(phase=EditionPhase.OPEN, year=2020, number=3)
    juror = make_juror(
        edition=edition, user=UserFactory(email="juror@jury.example.org"), organisation="UNESCO"
    )
    _edition, applications = edition_with_results(edition=edition, results=[WINNER])

    content = client.get(f"{LIST_URL}2020/").content.decode()

    assert juror.user.email not in content
    assert "UNESCO" not in content
    assert "The council listened to children." not in content  # the application's answers
    assert "score" not in content.lower()
    assert "letter" not in content.lower()
    assert applications[0].certificate_number
    assert applications[0].certificate_number not in content
    body = json.loads(content)
    assert set(body["results"]["winners"][0]) == {"city", "experience", "statement"}


def test_edition_detail_gives_no_results_before_publication(client):
    city = CityFactory(name="Medellín", slug="medellin", country=CountryFactory(code="CO"))
    edition, _applications = edition_with_results(
        year=2020, number=3, results=[WINNER], cities=[city], publish=False
    )
    edition_update(edition=edition, actor=None, jury_statement="Draft statement of the jury.")

    response = client.get(f"{LIST_URL}2020/")

    body = response.json()
    assert body["results"] is None
    assert body["results_published_at"] is None
    assert body["jury_statement"] == ""
    assert body["phase"]["code"] == "jury"
    assert "Medellín" not in response.content.decode()
    assert "Draft statement" not in response.content.decode()


def test_edition_detail_of_a_void_edition(client):
    edition = make_edition(phase=EditionPhase.VOID, year=2024, number=5)

    body = client.get(f"{LIST_URL}{edition.year}/").json()

    assert body["is_void"] is True
    assert body["phase"]["code"] == "void"
    assert body["jury_statement"] == "No application met the theme."
    assert body["results"] == {"winners": [], "special_mentions": [], "finalists": []}


def test_edition_detail_gives_no_experience_that_is_not_public(client):
    city = CityFactory()
    hidden = make_experience(city=city, status=ExperienceStatus.SUBMITTED, title="Not yet public work")
    edition_with_results(
        year=2022, number=4, results=[WINNER, FINALIST], cities=[None, city], experiences=[None, hidden]
    )

    response = client.get(f"{LIST_URL}2022/")

    finalist = response.json()["results"]["finalists"][0]
    assert finalist["experience"] is None
    assert finalist["city"]["slug"] == city.slug
    assert "Not yet public work" not in response.content.decode()


@pytest.mark.parametrize("year", ["1999", "2028", "20x8", "99999", "-2020", "2028.0", "%E2%80%AE", "2028%00"])
def test_edition_detail_unknown_draft_or_malformed_year_is_404(client, year):
    make_edition(phase=EditionPhase.DRAFT, year=2028, number=7)

    response = client.get(f"{LIST_URL}{year}/")

    assert response.status_code == 404
    assert response.json() == {"detail": "No announced edition of the award in this year."}


def test_edition_detail_draft_is_404_even_for_staff(client):
    make_edition(phase=EditionPhase.DRAFT, year=2028, number=7)
    client.force_login(StaffFactory())

    assert client.get(f"{LIST_URL}2028/").status_code == 404


def test_editions_lang_gives_the_translation(client):
    edition = make_edition(phase=EditionPhase.JURY, year=2022, number=4, theme="Care in the city")
    edition_text_translate(edition=edition, field="theme", language="es", text="Cuidar la ciudad", actor=None)

    listed = client.get(LIST_URL, {"lang": "es"}).json()["results"][0]["theme"]
    detail = client.get(f"{LIST_URL}2022/", {"lang": "es"}).json()

    assert listed == {
        "text": "Cuidar la ciudad",
        "language": "es",
        "provenance": "human",
        "is_original": False,
        "is_fallback": False,
        "is_stale": False,
    }
    assert detail["theme"]["text"] == "Cuidar la ciudad"
    assert detail["axes"]["is_fallback"] is True
    assert detail["axes"]["language"] == "en"


def test_editions_accept_language_translates_labels(client):
    make_edition(phase=EditionPhase.JURY, year=2022, number=4)

    body = client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE="es").json()

    with translation.override("es"):
        assert body["results"][0]["phase"]["label"] == gettext("Jury at work")
    assert body["results"][0]["phase"]["code"] == "jury"


@pytest.mark.parametrize("url", [LIST_URL, f"{LIST_URL}2022/"])
def test_editions_unknown_lang_is_400(client, url):
    make_edition(phase=EditionPhase.JURY, year=2022, number=4)

    response = client.get(url, {"lang": "xx"})

    assert response.status_code == 400
    assert set(response.json()) == {"lang"}


@pytest.mark.parametrize("page_size", ["0", "abc", "500"])
def test_editions_list_bad_page_size_is_400(client, page_size):
    response = client.get(LIST_URL, {"page_size": page_size})

    assert response.status_code == 400
    assert set(response.json()) == {"page_size"}


def test_editions_list_page_out_of_range_is_404(client):
    assert client.get(LIST_URL, {"page": "9"}).status_code == 404


def test_editions_theme_is_returned_as_data_not_markup(client):
    make_edition(phase=EditionPhase.JURY, year=2022, number=4, theme="<script>alert(1)</script>")

    response = client.get(LIST_URL)

    assert response["Content-Type"] == "application/json"
    assert response.json()["results"][0]["theme"]["text"] == "<script>alert(1)</script>"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_editions_api_is_read_only(client, method):
    make_edition(phase=EditionPhase.JURY, year=2022, number=4)

    assert getattr(client, method)(LIST_URL).status_code == 405
    assert getattr(client, method)(f"{LIST_URL}2022/").status_code == 405


def test_editions_api_is_in_the_openapi_schema(client):
    response = client.get("/api/v1/schema/", {"format": "json"})

    schema = json.loads(response.content)
    assert set(schema["paths"]["/api/v1/award/editions/"]) == {"get"}
    assert set(schema["paths"]["/api/v1/award/editions/{year}/"]) == {"get"}
    detail = schema["components"]["schemas"]["AwardEditionDetail"]
    assert set(detail["properties"]) == DETAIL_KEYS
    assert set(schema["components"]["schemas"]["AwardEdition"]["properties"]) == EDITION_KEYS


def _count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


def test_editions_api_queries_do_not_grow(client):
    edition_with_results(year=2020, number=3, results=[WINNER, FINALIST])
    make_edition(phase=EditionPhase.JURY, year=2022, number=4)
    client.get(LIST_URL)  # caches warmed
    few_list = _count_queries(client, LIST_URL)
    few_detail = _count_queries(client, f"{LIST_URL}2020/")

    for index in range(6):
        make_edition(phase=EditionPhase.JURY, year=1990 + index, number=20 + index)
    edition_with_results(year=2024, number=5, results=[WINNER] * 2 + [MENTION] * 3 + [FINALIST] * 5)
    many_list = _count_queries(client, LIST_URL)
    many_detail = _count_queries(client, f"{LIST_URL}2024/")

    assert client.get(LIST_URL).json()["count"] == 9
    assert len(client.get(f"{LIST_URL}2024/").json()["results"]["finalists"]) == 5
    assert (few_list, few_detail) == (many_list, many_detail)


def test_editions_open_call_counts_no_figures_yet(client):
    edition = make_edition(phase=EditionPhase.OPEN, year=2026, number=6)
    make_application(edition=edition, status=ApplicationStatus.SUBMITTED)

    body = client.get(f"{LIST_URL}2026/").json()

    assert body["figures"] is None
    assert body["results"] is None
