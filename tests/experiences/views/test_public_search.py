"""The search page of the bank of experiences: facets, filters, sort, pagination, hostile input, N+1."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from educities.experiences.domain.search import experience_index
from educities.experiences.models import Experience
from tests.experiences.factories import make_experience
from tests.experiences.public_support import city, fresh_search_snapshots, machine_translate, published
from tests.factories import CharterPrincipleFactory, NetworkMembershipFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.integration,
    pytest.mark.usefixtures(fresh_search_snapshots.__name__),
]

URL = "/en/experiences/"


@pytest.fixture
def bank():
    girona = city("Girona", "ES", latitude=41.98, longitude=2.82)
    lyon = city("Lyon", "FR", latitude=45.76, longitude=4.84)
    porto = city("Porto", "PT", latitude=41.15, longitude=-8.61)
    NetworkMembershipFactory(city=girona, network__name="Red Estatal", network__slug="rece")
    CharterPrincipleFactory(
        number=1, labels={"en": "Lifelong education", "fr": "Éducation tout au long de la vie"}
    )
    council = published(
        city=girona,
        title="Children's council of Girona",
        summary="Children advise the city council on public space.",
        themes=["children_participation"],
        sdgs=["4", "11"],
        principles=[1],
        start_date="2019-09-01",
    )
    conseil = published(
        city=lyon,
        original_language="fr",
        title="Conseil des enfants de Lyon",
        summary="Les enfants conseillent la ville sur l'espace public.",
        themes=["participation"],
        sdgs=["4"],
        target_groups=["children", "families"],
        start_date="2021-01-15",
    )
    Experience.objects.filter(pk=conseil.pk).update(is_award_winning=True)
    conseil.refresh_from_db()
    experience_index(experience=conseil)
    hortas = published(
        city=porto,
        original_language="pt",
        title="Hortas escolares do Porto",
        summary="Hortas nas escolas para aprender a cuidar da terra.",
        themes=["sustainability"],
        sdgs=["13"],
        start_date="2020-03-01",
        partners=[],
    )
    make_experience(city=girona, title="Secret draft about the council")
    return {"council": council, "conseil": conseil, "hortas": hortas}


def _titles(response) -> list[str]:
    return [item["experience"].title for item in response.context["items"]]


def _facets(response) -> dict[str, list[tuple[str, str, int, bool]]]:
    return {
        group.name: [(value.value, value.label, value.count, value.selected) for value in group.values]
        for group in response.context["facet_groups"]
    }


def test_search_page_lists_published_experiences_newest_first_without_query(client, bank):
    response = client.get(URL)

    assert response.status_code == 200
    assert response.context["results"].total == 3
    assert _titles(response) == [
        "Hortas escolares do Porto",
        "Conseil des enfants de Lyon",
        "Children's council of Girona",
    ]
    assert "3 experiences found" in response.content.decode()
    assert "Secret draft" not in response.content.decode()


def test_search_page_counts_every_facet_with_translated_labels(client, bank):
    response = client.get(URL)

    facets = _facets(response)
    assert facets["country"] == [
        ("FR", "France", 1, False),
        ("PT", "Portugal", 1, False),
        ("ES", "Spain", 1, False),
    ]
    assert facets["network"] == [("rece", "Red Estatal", 1, False)]
    assert facets["theme"] == [
        ("children_participation", "Children’s and young people’s participation", 1, False),
        ("participation", "Citizen participation", 1, False),
        ("sustainability", "Environment and climate", 1, False),
    ]
    assert facets["principle"] == [("1", "1. Lifelong education", 1, False)]
    assert facets["sdg"] == [
        ("4", "4. Quality education", 2, False),
        ("11", "11. Sustainable cities and communities", 1, False),
        ("13", "13. Climate action", 1, False),
    ]
    assert facets["year"] == [
        ("2021", "2021", 1, False),
        ("2020", "2020", 1, False),
        ("2019", "2019", 1, False),
    ]
    assert facets["language"] == [
        ("en", "English", 1, False),
        ("fr", "French", 1, False),
        ("pt", "Portuguese", 1, False),
    ]
    assert facets["award"] == [("yes", "Award-winning experiences", 1, False)]


def test_search_page_facet_labels_follow_the_reader_language(client, bank):
    response = client.get("/fr/experiences/")

    facets = _facets(response)
    assert ("ES", "Espagne", 1, False) in facets["country"]
    assert facets["principle"] == [("1", "1. Éducation tout au long de la vie", 1, False)]


def test_search_page_values_of_one_facet_combine_with_or(client, bank):
    response = client.get(URL, {"country": ["ES", "FR"]})

    assert response.context["results"].total == 2
    assert sorted(_titles(response)) == ["Children's council of Girona", "Conseil des enfants de Lyon"]
    # The other values of the same facet still count what they would add.
    assert ("PT", "Portugal", 1, False) in _facets(response)["country"]
    assert ("ES", "Spain", 1, True) in _facets(response)["country"]


def test_search_page_facets_combine_with_and(client, bank):
    response = client.get(URL, {"sdg": "4", "theme": "participation"})

    assert _titles(response) == ["Conseil des enfants de Lyon"]
    assert _facets(response)["country"] == [("FR", "France", 1, False)]


def test_search_page_filter_without_match_says_so_and_keeps_the_value_checked(client, bank):
    response = client.get(URL, {"country": "ES", "theme": "sustainability"})

    assert response.context["results"].total == 0
    content = response.content.decode()
    assert "No experience matches this search." in content
    assert ("sustainability", "Environment and climate", 0, True) in _facets(response)["theme"]
    assert 'name="theme" value="sustainability" id="facet-theme-sustainability" checked' in content


def test_search_page_shows_each_filter_in_use_with_a_link_that_removes_it(client, bank):
    response = client.get(URL, {"q": "enfants", "country": ["ES", "FR"], "sort": "date"})

    chips = response.context["selected_filters"]
    assert [(chip["facet"], chip["label"]) for chip in chips] == [("Country", "Spain"), ("Country", "France")]
    assert chips[0]["remove_url"] == "/en/experiences/?q=enfants&country=FR&sort=date"


def test_search_page_finds_by_words_and_marks_them(client, bank):
    response = client.get(URL, {"q": "girona"})

    assert _titles(response) == ["Children's council of Girona"]
    assert "Children&#x27;s council of <mark>Girona</mark>" in response.content.decode()


def test_search_page_sorts_by_date_or_relevance(client, bank):
    by_date = client.get(URL, {"q": "enfants OR children OR hortas", "sort": "date"})
    by_relevance = client.get(URL, {"q": "enfants OR children OR hortas"})

    assert _titles(by_date) == [
        "Hortas escolares do Porto",
        "Conseil des enfants de Lyon",
        "Children's council of Girona",
    ]
    assert sorted(_titles(by_relevance)) == sorted(_titles(by_date))
    assert 'value="date" selected' in by_date.content.decode()


def test_search_page_paginates_twenty_a_page(client):
    home = city("Granollers")
    for number in range(23):
        published(city=home, title=f"Learning route {number:02d}")

    first = client.get(URL)
    second = client.get(URL, {"page": "2"})

    assert first.context["results"].num_pages == 2
    assert len(_titles(first)) == 20
    assert _titles(second) == ["Learning route 02", "Learning route 01", "Learning route 00"]
    assert first.context["next_url"] == "/en/experiences/?page=2"
    assert second.context["previous_url"] == "/en/experiences/"
    assert '<ol class="hit-list" start="21">' in second.content.decode()


def test_search_page_beyond_the_last_page_shows_the_last_with_a_notice(client, bank):
    response = client.get(URL, {"page": "9"})

    assert response.context["results"].page == 1
    assert len(_titles(response)) == 3
    assert "There is no page 9: showing page 1." in response.context["notices"]


def test_search_page_ignores_impossible_filter_values_with_a_message(client, bank):
    response = client.get(
        URL, {"theme": ["nope", "participation"], "country": "Spain", "sort": "best", "page": "x"}
    )

    assert response.status_code == 200
    assert response.context["params"].filters == {"theme": ["participation"]}
    assert response.context["notices"] == [
        "Some values of the filter “Country” do not exist and were ignored.",
        "Some values of the filter “Theme” do not exist and were ignored.",
        "Unknown sort order: sorted by relevance.",
        "“x” is not a page number: showing the first page.",
    ]
    assert _titles(response) == ["Conseil des enfants de Lyon"]


HOSTILE_QUERIES = [
    '"',
    '"children',
    'children"',
    '""',
    "*",
    "**",
    "child*",
    "*child",
    "NEAR",
    "children NEAR council",
    "NEAR(children council, 2)",
    "AND OR NOT",
    "-",
    "- children",
    "(",
    "())",
    "title:children",
    "{children}",
    "^children",
    "children'; DROP TABLE experiences_experience; --",
    "%_%",
    "\\",
    "\u0001\u0002\u001f children",
    "\u200b\ufeff",
    "ünïcödé ÇÀ",
    "🙂🙂",
    "x" * 10_000,
    "children " * 2000,
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_search_page_answers_hostile_queries_without_error(client, bank, text):
    response = client.get(URL, {"q": text, "country": "ES"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert(1)" not in content
    assert response.context["results"].total in {0, 1}


def test_search_page_refuses_a_nul_character_with_400(client, bank):
    response = client.get(URL, {"q": "child\x00ren"})

    assert response.status_code == 400


def test_search_page_very_long_query_is_shortened_with_a_message(client, bank):
    response = client.get(URL, {"q": "council " + "x" * 5000})

    assert response.status_code == 200
    assert (
        "Your search was too long: only its first 1000 characters were used." in response.context["notices"]
    )
    assert response.context["results"].message != ""


def test_search_page_shows_titles_in_the_reader_language_with_a_machine_translation_label(client, bank):
    machine_translate(
        bank["hortas"],
        "fr",
        {"title": "Jardins scolaires de Porto", "summary": "Des jardins dans les écoles."},
    )

    response = client.get("/fr/experiences/", {"country": "PT"})

    content = response.content.decode()
    assert "Jardins scolaires de Porto" in content
    assert "Des jardins dans les écoles." in content
    with translation.override("fr"):
        label = gettext("Machine translation")
    assert f'<span class="badge badge-warn">{label}</span>' in content


def test_search_page_finds_an_experience_through_its_translation(client, bank):
    machine_translate(bank["hortas"], "fr", {"title": "Jardins scolaires de Porto"})

    response = client.get("/fr/experiences/", {"q": "jardins"})

    assert _titles(response) == ["Hortas escolares do Porto"]
    assert "<mark>Jardins</mark> scolaires de Porto" in response.content.decode()


def test_search_page_marks_a_title_in_another_language_with_its_lang(client, bank):
    response = client.get(URL, {"country": "PT"})

    assert (
        f'<a href="/en/experiences/{bank["hortas"].slug}/" lang="pt">Hortas escolares do Porto</a>'
        in response.content.decode()
    )


def test_search_page_links_the_feed_exports_and_map_with_the_current_filters(client, bank):
    response = client.get(URL, {"q": "council", "theme": "participation", "page": "1", "sort": "date"})

    content = response.content.decode()
    assert '<link rel="alternate" type="application/atom+xml" href="/en/experiences/feed.atom"' in content
    assert response.context["export_urls"] == {
        "csv": "/en/experiences/export.csv?q=council&theme=participation&sort=date",
        "xlsx": "/en/experiences/export.xlsx?q=council&theme=participation&sort=date",
        "json": "/en/experiences/export.json?q=council&theme=participation&sort=date",
    }
    assert response.context["map_points_url"] == "/en/experiences/map.json?q=council&theme=participation"


def _count_queries(client, url) -> int:
    client.get(url)  # warm: content types, search snapshot
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_search_page_query_count_does_not_grow_with_results(client):
    CharterPrincipleFactory(number=1)
    CharterPrincipleFactory(number=2)
    few_city = city("Vic")
    NetworkMembershipFactory(city=few_city)
    for number in range(3):
        experience = published(city=few_city, title=f"Few {number}", themes=["culture"], principles=[1])
        machine_translate(experience, "fr", {"title": f"Peu {number}"})
    few = _count_queries(client, "/fr/experiences/?theme=culture")

    for number in range(9):
        other = city(f"Manresa {number}", "FR" if number % 2 else "PT")
        NetworkMembershipFactory(city=other)
        experience = published(
            city=other,
            title=f"Many {number}",
            themes=["culture", "sport"],
            sdgs=[str(number + 1)],
            principles=[1, 2],
        )
        machine_translate(experience, "fr", {"title": f"Beaucoup {number}"})
    many = _count_queries(client, "/fr/experiences/?theme=culture")

    assert few == many


def test_map_points_follow_the_query_and_filters(client, bank):
    response = client.get("/en/experiences/map.json", {"country": ["ES", "PT"]})

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    points = sorted(response.json()["points"], key=lambda point: point["name"])
    assert points == [
        {
            "name": "Children's council of Girona",
            "url": f"/en/experiences/{bank['council'].slug}/",
            "lat": 41.98,
            "lng": 2.82,
        },
        {
            "name": "Hortas escolares do Porto",
            "url": f"/en/experiences/{bank['hortas'].slug}/",
            "lat": 41.15,
            "lng": -8.61,
        },
    ]


def test_map_points_name_experiences_in_the_reader_language(client, bank):
    machine_translate(bank["hortas"], "fr", {"title": "Jardins scolaires de Porto"})

    response = client.get("/fr/experiences/map.json", {"country": "PT"})

    assert [point["name"] for point in response.json()["points"]] == ["Jardins scolaires de Porto"]


@pytest.mark.parametrize("text", ['"', "*", "NEAR(", "x" * 10_000])
def test_map_points_answer_hostile_queries(client, bank, text):
    response = client.get("/en/experiences/map.json", {"q": text, "theme": "nope"})

    assert response.status_code == 200
    assert isinstance(response.json()["points"], list)


def test_map_points_query_count_does_not_grow_with_points(client):
    for number in range(2):
        published(city=city(f"Few {number}"), title=f"Few {number}")
    few = _count_queries(client, "/en/experiences/map.json")
    for number in range(10):
        published(city=city(f"Many {number}"), title=f"Many {number}")
    many = _count_queries(client, "/en/experiences/map.json")

    assert few == many


def test_search_page_start_year_uses_the_start_date(client, bank):
    response = client.get(URL, {"year": "2020"})

    assert _titles(response) == ["Hortas escolares do Porto"]
    assert date(2020, 3, 1) == response.context["items"][0]["experience"].start_date


def test_search_page_of_an_empty_bank_says_nothing_is_found(client, db):
    response = client.get(URL, {"q": "anything", "theme": "culture"})

    assert response.status_code == 200
    assert response.context["results"].total == 0
    assert "No experience matches this search." in response.content.decode()
    assert client.get("/en/experiences/map.json").json() == {"points": []}
    assert client.get("/en/experiences/feed.atom").status_code == 200
