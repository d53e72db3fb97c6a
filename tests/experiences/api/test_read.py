"""Reading the bank of experiences through the API: the list (search, filters, languages, pages) and
one experience with every value, its translations and files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from educities.core.domain.translations import translation_save_human, translation_set_original
from educities.experiences.domain.attachments import experience_attachment_add
from educities.experiences.domain.search import experience_index
from educities.experiences.domain.workflow import experience_archive, experience_publish, experience_submit
from educities.experiences.models import Experience
from tests.experiences.factories import make_experience
from tests.experiences.public_support import machine_translate
from tests.factories import (
    CharterPrincipleFactory,
    CityFactory,
    ContactFactory,
    CountryFactory,
    NetworkMembershipFactory,
    make_pdf_bytes,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LIST_URL = "/api/v1/experiences/"


def _city(name: str, country: str):
    return CityFactory(name=name, slug=name.lower(), country=CountryFactory(code=country))


@pytest.fixture
def bank():
    girona = _city("Girona", "ES")
    lyon = _city("Lyon", "FR")
    porto = _city("Porto", "PT")
    NetworkMembershipFactory(city=girona, network__name="Red Estatal", network__slug="rece")
    CharterPrincipleFactory(number=1, labels={"en": "Lifelong education", "fr": "Éducation permanente"})
    council = make_experience(
        status="published",
        city=girona,
        title="Children's council of Girona",
        summary="Children advise the city council on public space.",
        themes=["children_participation"],
        sdgs=["4", "11"],
        principles=[1],
        start_date="2019-09-01",
    )
    conseil = make_experience(
        status="published",
        city=lyon,
        original_language="fr",
        title="Conseil des enfants de Lyon",
        summary="Les enfants conseillent la ville.",
        themes=["participation"],
        sdgs=["4"],
        target_groups=["children", "families"],
        start_date="2021-01-15",
    )
    Experience.objects.filter(pk=conseil.pk).update(is_award_winning=True)
    experience_index(experience=Experience.objects.get(pk=conseil.pk))
    hortas = make_experience(
        status="published",
        city=porto,
        original_language="pt",
        title="Hortas escolares do Porto",
        summary="Hortas nas escolas.",
        themes=["sustainability"],
        sdgs=["13"],
        start_date="2020-03-01",
    )
    make_experience(city=girona, title="Secret draft about the council")
    make_experience(city=girona, status="submitted", title="Submitted council")
    return {"council": council, "conseil": conseil, "hortas": hortas}


def _slugs(response) -> list[str]:
    return [item["slug"] for item in response.json()["results"]]


def test_experience_list_shows_published_experiences_newest_first(client, bank):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert body["next"] is None
    assert body["previous"] is None
    assert _slugs(response) == [bank["hortas"].slug, bank["conseil"].slug, bank["council"].slug]


def test_experience_list_item_has_codes_labels_and_text_provenance(client, bank):
    response = client.get(LIST_URL, {"theme": "children_participation"})

    [item] = response.json()["results"]
    council = bank["council"]
    assert item["slug"] == council.slug
    assert item["url"] == f"http://testserver/en/experiences/{council.slug}/"
    assert item["api_url"] == f"http://testserver/api/v1/experiences/{council.slug}/"
    assert item["city"] == {
        "slug": "girona",
        "name": "Girona",
        "country": "ES",
        "country_name": "Spain",
        "api_url": "http://testserver/api/v1/cities/girona/",
    }
    assert item["original_language"] == "en"
    assert item["languages"] == ["en"]
    assert item["title"]["text"] == "Children's council of Girona"
    assert item["title"]["language"] == "en"
    assert item["title"]["provenance"] == "original"
    assert item["title"]["is_fallback"] is False
    assert item["themes"] == [
        {"code": "children_participation", "label": "Children’s and young people’s participation"}
    ]
    assert item["sdgs"] == [
        {"code": "4", "label": "4. Quality education"},
        {"code": "11", "label": "11. Sustainable cities and communities"},
    ]
    assert item["principles"] == [{"number": 1, "label": "Lifelong education"}]
    assert item["start_date"] == "2019-09-01"
    assert item["is_award_winning"] is False


def test_experience_list_texts_in_the_language_asked_with_their_provenance(client, bank):
    machine_translate(
        bank["council"], "fr", {"title": "Conseil des enfants de Gérone", "summary": "Les enfants…"}
    )

    response = client.get(LIST_URL, {"lang": "fr", "q": "gerone"})

    [item] = response.json()["results"]
    assert item["slug"] == bank["council"].slug
    assert item["languages"] == ["en", "fr"]
    assert item["title"] == {
        "text": "Conseil des enfants de Gérone",
        "language": "fr",
        "provenance": "machine",
        "engine": "deepl",
        "is_original": False,
        "is_fallback": False,
        "is_stale": False,
        "reviewed": False,
        "translated_at": item["title"]["translated_at"],
    }


def test_experience_list_falls_back_to_the_original_and_says_so(client, bank):
    response = client.get(LIST_URL, {"lang": "ca", "country": "PT"})

    [item] = response.json()["results"]
    assert item["title"]["text"] == "Hortas escolares do Porto"
    assert item["title"]["language"] == "pt"
    assert item["title"]["provenance"] == "original"
    assert item["title"]["is_fallback"] is True


def test_experience_list_uses_accept_language_without_lang(client, bank):
    machine_translate(bank["hortas"], "fr", {"title": "Potagers scolaires de Porto"})

    response = client.get(LIST_URL, {"country": "pt"}, HTTP_ACCEPT_LANGUAGE="fr")

    [item] = response.json()["results"]
    assert item["title"]["text"] == "Potagers scolaires de Porto"
    assert item["city"]["country_name"] == "Portugal"
    assert item["themes"] == [{"code": "sustainability", "label": item["themes"][0]["label"]}]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"theme": ["participation", "sustainability"]}, ["hortas", "conseil"]),
        ({"sdg": "4"}, ["conseil", "council"]),
        ({"sdg": "4", "country": "ES"}, ["council"]),
        ({"network": "rece"}, ["council"]),
        ({"principle": "1"}, ["council"]),
        ({"target_group": "families"}, ["conseil"]),
        ({"year": ["2019", "2020"]}, ["hortas", "council"]),
        ({"language": "fr"}, ["conseil"]),
        ({"award": "yes"}, ["conseil"]),
        ({"q": "girona"}, ["council"]),
        ({"q": "hortas OR enfants", "ordering": "date"}, ["hortas", "conseil"]),
        ({"q": "enfants"}, ["conseil"]),
        ({"q": "nothing-like-this"}, []),
        ({"ordering": "date", "sdg": "4"}, ["conseil", "council"]),
    ],
)
def test_experience_list_filters_combine(client, bank, params, expected):
    response = client.get(LIST_URL, params)

    assert response.status_code == 200
    assert _slugs(response) == [bank[name].slug for name in expected]
    assert response.json()["count"] == len(expected)


def test_experience_list_counts_facets_of_the_results(client, bank):
    facets = client.get(LIST_URL, {"sdg": "4"}).json()["facets"]

    assert list(facets) == [
        "country",
        "network",
        "theme",
        "principle",
        "sdg",
        "target_group",
        "year",
        "language",
        "award",
    ]
    assert {value["value"]: value["count"] for value in facets["country"]} == {"ES": 1, "FR": 1}
    assert {"value": "4", "label": "4. Quality education", "count": 2, "selected": True} in facets["sdg"]
    assert facets["network"] == [{"value": "rece", "label": "Red Estatal", "count": 1, "selected": False}]


def test_experience_list_pages(client, bank):
    first = client.get(LIST_URL, {"page_size": "2", "sdg": ["4", "13"]}).json()
    second = client.get(LIST_URL, {"page_size": "2", "sdg": ["4", "13"], "page": "2"}).json()

    assert first["count"] == 3
    assert [item["slug"] for item in first["results"]] == [bank["hortas"].slug, bank["conseil"].slug]
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/experiences/?page=2&page_size=2&sdg=4&sdg=13"
    assert [item["slug"] for item in second["results"]] == [bank["council"].slug]
    assert second["next"] is None
    assert second["previous"] == "http://testserver/api/v1/experiences/?page_size=2&sdg=4&sdg=13"


def test_experience_detail_has_every_value_with_codes_and_labels(client, bank):
    girona = bank["council"].city
    contact = ContactFactory(city=girona, full_name="Ana Puig", email="ana@girona.example.org")
    council = make_experience(city=girona, contact=contact.pk, budget_range="10k-50k")
    experience_attachment_add(
        actor=None,
        experience=council,
        upload=SimpleUploadedFile("report.pdf", make_pdf_bytes(), content_type="application/pdf"),
        kind="document",
        title="Evaluation report",
    )
    experience_submit(experience=council, actor=None)
    experience_publish(experience=council, actor=None)

    response = client.get(f"{LIST_URL}{council.slug}/")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == {"code": "published", "label": "published"}
    assert body["budget_range"] == {"code": "10k-50k", "label": "10,000 to 50,000 EUR"}
    assert body["departments"] == [
        {"code": "education", "label": "Education"},
        {"code": "urban_planning", "label": "Urban planning"},
    ]
    assert body["partners"] == [{"name": "Escola Básica", "kind": {"code": "school", "label": "School"}}]
    assert body["links"] == [{"url": "https://example.org/council", "label": "The council"}]
    assert body["contact"] == {
        "full_name": "Ana Puig",
        "position": "Head of education",
        "department": "",
        "email": "ana@girona.example.org",
        "phone": "",
    }
    assert body["actions"]["text"] == (
        "<p>Twenty schools elect two delegates each; the council meets monthly.</p>"
    )
    assert body["actions"]["provenance"] == "original"
    assert body["city"]["slug"] == "girona"
    [attachment] = body["attachments"]
    assert attachment["kind"] == {"code": "document", "label": "PDF document"}
    assert attachment["title"] == "Evaluation report"
    assert attachment["content_type"] == "application/pdf"
    assert attachment["url"].startswith("http://testserver/media/experiences/")
    assert attachment["url"].endswith(".pdf")


def test_experience_detail_hides_a_contact_who_is_no_longer_public(client, bank):
    council = bank["council"]
    contact = ContactFactory(city=council.city, is_public=False)
    Experience.objects.filter(pk=council.pk).update(contact=contact)

    assert client.get(f"{LIST_URL}{council.slug}/").json()["contact"] is None


def test_experience_detail_lists_translations_with_provenance_and_staleness(client, bank):
    council = bank["council"]
    machine_translate(council, "fr", {"title": "Conseil des enfants de Gérone"})
    translation_save_human(obj=council, field="summary", language="es", text="Los niños…", actor=None)
    translation_set_original(
        obj=council, field="title", language="en", text="Children's council (new)", actor=None
    )

    body = client.get(f"{LIST_URL}{council.slug}/", {"lang": "fr"}).json()

    rows = {(row["field"], row["language"]): row for row in body["translations"]}
    assert rows[("title", "fr")]["provenance"] == "machine"
    assert rows[("title", "fr")]["engine"] == "deepl"
    assert rows[("title", "fr")]["is_stale"] is True
    assert rows[("summary", "es")]["provenance"] == "human"
    assert rows[("summary", "es")]["is_stale"] is False
    assert rows[("title", "en")]["provenance"] == "original"
    assert body["title"]["language"] == "fr"
    assert body["title"]["is_stale"] is True
    assert body["summary"]["language"] == "en"
    assert body["summary"]["is_fallback"] is True
    assert body["languages"] == ["en", "fr"]  # the languages with a title


def test_experience_detail_of_an_archived_experience_is_public(client, bank):
    experience_archive(experience=bank["hortas"], actor=None)

    response = client.get(f"{LIST_URL}{bank['hortas'].slug}/")

    assert response.status_code == 200
    assert response.json()["status"]["code"] == "archived"
    assert bank["hortas"].slug not in _slugs(client.get(LIST_URL))


@pytest.mark.parametrize("slug", ["no-such-experience", "secret-draft-about-the-council-girona"])
def test_experience_detail_unknown_or_private_is_a_json_404(client, bank, slug):
    response = client.get(f"{LIST_URL}{slug}/")

    assert response.status_code == 404
    assert response.json() == {"detail": "No experience you may see has this slug."}


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(LIST_URL, {"page_size": "100", "lang": "fr"})
    assert response.status_code == 200
    return len(context.captured_queries), response.json()["count"]


def _publish_many(count: int) -> None:
    principle = CharterPrincipleFactory()
    for number in range(count):
        city = CityFactory(country=CountryFactory(code=["ES", "FR", "PT"][number % 3]))
        NetworkMembershipFactory(city=city)
        experience = make_experience(
            status="published", city=city, principles=[principle.number], target_groups=["children"]
        )
        machine_translate(experience, "fr", {"title": f"Titre {number}"})


def test_experience_list_query_count_does_not_grow_with_the_list(client):
    _publish_many(3)
    client.get(LIST_URL)  # the first search of a process loads its snapshot
    few, few_count = _list_queries(client)
    _publish_many(17)
    client.get(LIST_URL)
    many, many_count = _list_queries(client)

    assert (few_count, many_count) == (3, 20)
    assert few == many
