"""The public page of an experience: languages, preview and archive, JSON-LD, citation, N+1."""

import json
import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from educities.experiences.enums import AttachmentKind
from educities.experiences.models import Experience, ExperienceAttachment
from tests.experiences.factories import make_experience
from tests.experiences.public_support import city, fresh_search_snapshots, machine_translate, published
from tests.factories import (
    CharterPrincipleFactory,
    ContactFactory,
    StaffFactory,
    UserFactory,
    make_city_editor,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.integration,
    pytest.mark.usefixtures(fresh_search_snapshots.__name__),
]

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def porto_garden():
    CharterPrincipleFactory(number=5, labels={"en": "Participation", "fr": "Participation citoyenne"})
    porto = city("Porto", "PT", latitude=41.15, longitude=-8.61)
    contact = ContactFactory(
        city=porto, full_name="Rita Sousa", email="rita@porto.example.org", is_public=True
    )
    experience = published(
        city=porto,
        original_language="pt",
        title="Hortas escolares do Porto",
        summary="Hortas nas escolas para aprender a cuidar da terra.",
        context="<p>As escolas tinham pátios de cimento.</p>",
        actions="<p>Cada escola cultiva uma horta com as famílias.</p>",
        results="",
        start_date="2020-03-01",
        end_date="2023-06-30",
        budget_range="10k-50k",
        themes=["sustainability", "formal_education"],
        target_groups=["children"],
        sdgs=["13", "4"],
        departments=["education", "environment"],
        principles=[5],
        partners=[{"name": "Universidade do Porto", "kind": "university"}],
        links=[{"url": "https://hortas.example.org/", "label": "Hortas"}],
        contact=contact.pk,
    )
    return experience


def _page(client, experience, language="en", **params):
    return client.get(f"/{language}/experiences/{experience.slug}/", params)


def test_experience_page_shows_every_field(client, porto_garden):
    response = _page(client, porto_garden)

    assert response.status_code == 200
    content = response.content.decode()
    for text in [
        '<h1 lang="pt">Hortas escolares do Porto</h1>',
        "Hortas nas escolas para aprender a cuidar da terra.",
        "<p>As escolas tinham pátios de cimento.</p>",
        "<p>Cada escola cultiva uma horta com as famílias.</p>",
        "Environment and climate",
        "Schools and formal education",
        "Children (6–12)",
        "4. Quality education",
        "13. Climate action",
        "Environment",
        "5.</span> Participation",
        "Universidade do Porto",
        "University or research centre",
        '<a href="https://hortas.example.org/" rel="noopener noreferrer external nofollow">Hortas</a>',
        "10,000 to 50,000 EUR",
        "From March 1, 2020 to June 30, 2023",
        "Rita Sousa",
        "mailto:rita@porto.example.org",
        f'<a href="/en/cities/{porto_garden.city.slug}/">Porto</a>',
        "Portuguese",
    ]:
        assert text in content, text
    assert "Results and evaluation" not in content  # an empty section is left out
    assert [group["kind"] for group in response.context["vocabularies"]] == [
        "theme",
        "target_group",
        "sdg",
        "department",
    ]
    assert [value["code"] for value in response.context["vocabularies"][2]["values"]] == ["4", "13"]


def test_experience_page_in_french_shows_the_machine_translation_with_its_notice(client, porto_garden):
    machine_translate(
        porto_garden,
        "fr",
        {
            "title": "Jardins scolaires de Porto",
            "summary": "Des jardins dans les écoles.",
            "context": "<p>Les écoles avaient des cours en béton.</p>",
        },
    )

    response = _page(client, porto_garden, "fr")

    content = response.content.decode()
    assert "<h1>Jardins scolaires de Porto</h1>" in content
    assert "<p>Les écoles avaient des cours en béton.</p>" in content
    notice = response.context["title"]
    assert (notice.is_machine, notice.engine, notice.language) == (True, "deepl", "fr")
    assert "DeepL" in content
    assert 'href="?original=1" hreflang="pt"' in content
    # A text not translated yet is the original, marked with its language; a notice says so once.
    assert [(section["field"], section["show_notice"]) for section in response.context["sections"]] == [
        ("context", False),
        ("objectives", True),
        ("actions", False),
        ("lessons", False),
    ]
    assert content.count("translation-notice") == 2
    assert (
        '<div class="rich-text" lang="pt"><p>Cada escola cultiva uma horta com as famílias.</p></div>'
        in content
    )


def test_experience_page_original_switch_shows_the_original_and_links_back(client, porto_garden):
    machine_translate(porto_garden, "fr", {"title": "Jardins scolaires de Porto"})

    response = _page(client, porto_garden, "fr", original="1")

    content = response.content.decode()
    assert '<h1 lang="pt">Hortas escolares do Porto</h1>' in content
    assert "Jardins scolaires de Porto" not in content
    assert '<a href="?">' in content  # back to the translation


def test_experience_page_without_translation_shows_the_original_with_a_notice(client, porto_garden):
    response = _page(client, porto_garden, "fr")

    content = response.content.decode()
    assert '<h1 lang="pt">Hortas escolares do Porto</h1>' in content
    assert response.context["title"].is_fallback is True
    assert '<p class="translation-notice" role="note">' in content


@pytest.mark.parametrize("status", ["draft", "submitted", "in_review", "changes_requested", "rejected"])
def test_experience_page_unpublished_is_not_found_for_the_public(client, status):
    experience = make_experience(status=status)

    assert _page(client, experience).status_code == 404


def test_experience_page_unpublished_is_not_found_for_an_editor_of_another_city(client):
    experience = make_experience(status="submitted")
    client.force_login(make_city_editor(city("Elsewhere")))

    assert _page(client, experience).status_code == 404


@pytest.mark.parametrize("who", ["editor", "staff"])
def test_experience_page_unpublished_is_a_preview_for_the_city_editors_and_staff(client, who):
    experience = make_experience(status="submitted", title="Draft garden")
    user = make_city_editor(experience.city) if who == "editor" else StaffFactory()
    client.force_login(user)

    response = _page(client, experience)

    assert response.status_code == 200
    assert response.context["is_preview"] is True
    assert '<p class="notice preview-banner" role="status">' in response.content.decode()
    assert response.context["similar"] == []


def test_experience_page_signed_in_stranger_gets_404_for_a_draft(client):
    experience = make_experience()
    client.force_login(UserFactory())

    assert _page(client, experience).status_code == 404


def test_experience_page_archived_is_visible_with_a_notice_but_not_searchable(client):
    experience = make_experience(status="archived", title="Old garden")

    response = _page(client, experience)

    assert response.status_code == 200
    assert response.context["is_archived"] is True
    assert "no longer appears in search results" in response.content.decode()
    assert client.get("/en/experiences/").context["results"].total == 0


def test_experience_page_unknown_slug_is_404(client, db):
    assert client.get("/en/experiences/no-such-experience/").status_code == 404


def test_experience_page_hides_a_contact_who_did_not_consent(client, porto_garden):
    porto_garden.contact.is_public = False
    porto_garden.contact.save()

    response = _page(client, porto_garden)

    assert response.context["contact"] is None
    assert "Rita Sousa" not in response.content.decode()


def test_experience_page_shows_documents_and_images_with_alternative_text(client, porto_garden):
    ExperienceAttachment.objects.create(
        experience=porto_garden,
        kind=AttachmentKind.IMAGE,
        file=ContentFile(PNG, name="garden.png"),
        title="The garden in May",
        alt_text="Children watering lettuces",
        content_type="image/png",
        size=len(PNG),
    )
    ExperienceAttachment.objects.create(
        experience=porto_garden,
        kind=AttachmentKind.DOCUMENT,
        file=ContentFile(b"%PDF-1.4 test", name="report.pdf"),
        title="Evaluation report",
        content_type="application/pdf",
        size=2048,
    )

    response = _page(client, porto_garden)

    content = response.content.decode()
    assert re.search(
        r'<img src="/media/experiences/[0-9a-f]{32}\.png" alt="Children watering lettuces"', content
    )
    assert "<figcaption>The garden in May</figcaption>" in content
    assert re.search(
        r'<a href="/media/experiences/[0-9a-f]{32}\.pdf" type="application/pdf">Evaluation report</a>',
        content,
    )
    assert "(PDF, 2.0\xa0KB)" in content


def test_experience_page_lists_similar_experiences(client, porto_garden):
    similar = published(
        city=city("Braga", "PT"),
        original_language="pt",
        title="Hortas escolares de Braga",
        summary="Hortas nas escolas de Braga.",
        themes=["sustainability"],
    )

    response = _page(client, porto_garden)

    assert response.context["similar"] == [similar]
    assert "Hortas escolares de Braga" in response.content.decode()


def _jsonld(response) -> dict:
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), flags=re.DOTALL
    )
    assert match is not None
    return json.loads(match.group(1))


def test_experience_page_has_schema_org_jsonld(client, porto_garden):
    response = _page(client, porto_garden)

    data = _jsonld(response)
    url = f"http://testserver/en/experiences/{porto_garden.slug}/"
    assert data == {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": url,
        "url": url,
        "name": "Hortas escolares do Porto",
        "description": "Hortas nas escolas para aprender a cuidar da terra.",
        "inLanguage": "pt",
        "author": {
            "@type": "GovernmentOrganization",
            "name": "Porto",
            "url": f"http://testserver/en/cities/{porto_garden.city.slug}/",
            "address": {"@type": "PostalAddress", "addressLocality": "Porto", "addressCountry": "PT"},
        },
        "spatialCoverage": {
            "@type": "Place",
            "name": "Porto, Portugal",
            "geo": {"@type": "GeoCoordinates", "latitude": 41.15, "longitude": -8.61},
        },
        "keywords": "Schools and formal education, Environment and climate",
        "publisher": {"@type": "Organization", "name": "International Association of Educating Cities"},
        "dateCreated": "2020-03-01",
        "datePublished": porto_garden.published_at.date().isoformat(),
        "dateModified": porto_garden.last_published_at.date().isoformat(),
        "temporalCoverage": "2020-03-01/2023-06-30",
    }


def test_experience_page_jsonld_cannot_be_broken_out_of(client):
    title = "</script><script>alert(1)</script> & <!-- x"
    experience = published(title=title, summary="</SCRIPT> <b>bold</b>")

    response = _page(client, experience)

    content = response.content.decode()
    assert "<script>alert(1)" not in content
    assert "</SCRIPT> <b>" not in content
    data = _jsonld(response)
    assert data["name"] == title
    assert data["description"] == "</SCRIPT> <b>bold</b>"


def test_experience_page_citation_names_city_year_title_url_and_access_date(client, porto_garden, settings):
    response = _page(client, porto_garden)

    year = porto_garden.published_at.year
    citation = response.context["citation"]
    assert citation.text == (
        f"Porto, Portugal ({year}). Hortas escolares do Porto. Bank of experiences, "
        "International Association of Educating Cities. "
        f"http://testserver/en/experiences/{porto_garden.slug}/ "
        f"(accessed {citation.accessed.isoformat()})."
    )
    assert citation.text in response.content.decode()


def test_experience_citation_downloads_bibtex_and_ris(client, porto_garden):
    bib = client.get(f"/en/experiences/{porto_garden.slug}/cite.bib")
    ris = client.get(f"/en/experiences/{porto_garden.slug}/cite.ris")

    assert bib.status_code == 200
    assert bib["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert bib["Content-Disposition"] == f'attachment; filename="{porto_garden.slug}.bib"'
    assert bib.content.decode().startswith(
        f"@misc{{educities-{porto_garden.slug},\n  author = {{{{Porto, Portugal}}}},"
    )
    lines = ris.content.decode().split("\r\n")
    assert lines[:4] == [
        "TY  - ELEC",
        "AU  - Porto, Portugal",
        "TI  - Hortas escolares do Porto",
        f"PY  - {porto_garden.published_at.year}",
    ]
    assert lines[-2] == "ER  - "


def test_experience_citation_of_a_draft_or_unknown_format_is_404(client, porto_garden):
    draft = make_experience()

    assert client.get(f"/en/experiences/{draft.slug}/cite.bib").status_code == 404
    assert client.get(f"/en/experiences/{porto_garden.slug}/cite.docx").status_code == 404


def _grow(experience: Experience, count: int, *, first_principle: int) -> None:
    """``count`` partners, links, themes, principles and files more on ``experience``."""
    for number in range(count):
        experience.partners.create(name=f"Partner {number}", kind="school", position=number)
        experience.links.create(url=f"https://example.org/{number}", label=f"Link {number}", position=number)
        experience.tags.create(
            kind="theme", code=["culture", "sport", "health", "digital", "mobility"][number]
        )
        experience.tags.create(kind="sdg", code=str(number + 12))
        experience.principles.add(CharterPrincipleFactory(number=first_principle + number))
        for kind, name in ((AttachmentKind.IMAGE, "i.png"), (AttachmentKind.DOCUMENT, "d.pdf")):
            ExperienceAttachment.objects.create(
                experience=experience,
                kind=kind,
                file=ContentFile(b"x", name=name),
                title=f"File {number}",
                alt_text="Alt",
                content_type="image/png",
                size=1,
            )


def _queries(client, experience) -> int:
    client.get(f"/fr/experiences/{experience.slug}/")  # warm: content types, search snapshot
    with CaptureQueriesContext(connection) as queries:
        response = _page(client, experience, "fr")
    assert response.status_code == 200
    return len(queries)


def test_experience_page_query_count_does_not_grow_with_related_rows(client):
    one = published(title="One", principles=[])
    _grow(one, 1, first_principle=10)
    five = published(title="Five", principles=[])
    _grow(five, 5, first_principle=20)
    machine_translate(one, "fr", {"title": "Un"})
    machine_translate(five, "fr", {"title": "Cinq"})

    assert _queries(client, one) == _queries(client, five)
