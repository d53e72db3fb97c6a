"""The bank of experiences on other pages: the focus experience of the home page, the city page list,
the main navigation and footer."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from educities.experiences.domain.queries import experience_featured_for_home
from educities.experiences.enums import AttachmentKind
from educities.experiences.models import Experience, ExperienceAttachment
from tests.experiences.factories import make_experience
from tests.experiences.public_support import city, fresh_search_snapshots, machine_translate, published

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.integration,
    pytest.mark.usefixtures(fresh_search_snapshots.__name__),
]


def _feature(*experiences: Experience) -> None:
    Experience.objects.filter(pk__in=[experience.pk for experience in experiences]).update(is_featured=True)


def test_focus_experience_takes_turns_one_a_day_in_a_fixed_order():
    first, second, third = (published(title=f"Focus {number}") for number in range(3))
    published(title="Not featured")
    _feature(first, second, third)
    day = date(2026, 3, 2)  # toordinal() % 3 == 0
    assert day.toordinal() % 3 == 0

    chosen = [
        experience_featured_for_home(day=date.fromordinal(day.toordinal() + offset)) for offset in range(4)
    ]

    assert chosen == [first, second, third, first]
    assert experience_featured_for_home(day=day) == first  # the same all day, for everyone


def test_focus_experience_is_none_without_featured_published_experience():
    archived = make_experience(status="archived")
    _feature(archived)

    assert experience_featured_for_home(day=date(2026, 3, 2)) is None


def test_home_page_shows_the_focus_experience_in_the_reader_language(client):
    experience = published(
        city=city("Porto", "PT"), original_language="pt", title="Hortas escolares", summary="Hortas."
    )
    _feature(experience)
    machine_translate(experience, "fr", {"title": "Jardins scolaires", "summary": "Des jardins."})
    ExperienceAttachment.objects.create(
        experience=experience,
        kind=AttachmentKind.IMAGE,
        file=ContentFile(b"x", name="garden.png"),
        title="Garden",
        alt_text="A school garden",
        content_type="image/png",
        size=1,
    )

    response = client.get("/fr/")

    content = response.content.decode()
    assert f'<a href="/fr/experiences/{experience.slug}/">Jardins scolaires</a>' in content
    assert "Des jardins." in content
    assert f'<a href="/fr/cities/{experience.city.slug}/">Porto</a>' in content
    assert 'alt="A school garden"' in content


def test_home_page_without_focus_experience_has_no_focus_section(client, db):
    response = client.get("/en/")

    assert response.status_code == 200
    assert response.context["focus"] is None
    assert "focus-experience" not in response.content.decode()


def test_city_page_lists_its_published_experiences_only(client):
    girona = city("Girona", "ES")
    older = published(city=girona, title="Older experience")
    newer = published(city=girona, title="Newer experience")
    make_experience(city=girona, title="Hidden draft")
    make_experience(city=girona, status="archived", title="Archived one")
    published(title="Another city's experience")

    response = client.get(f"/en/cities/{girona.slug}/")

    content = response.content.decode()
    assert content.index(newer.get_absolute_url()) < content.index(older.get_absolute_url())
    for hidden in ("Hidden draft", "Archived one", "Another city"):
        assert hidden not in content
    assert '<a href="/en/experiences/?country=ES">More experiences from Spain</a>' in content


def test_city_page_without_experience_says_so(client):
    girona = city("Girona", "ES")

    response = client.get(f"/en/cities/{girona.slug}/")

    assert "This city has not published an experience yet." in response.content.decode()


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_city_page_query_count_does_not_grow_with_experiences(client):
    girona = city("Girona", "ES")
    published(city=girona, title="Only one")
    one = _queries(client, f"/fr/cities/{girona.slug}/")
    for number in range(4):
        experience = published(city=girona, title=f"More {number}")
        machine_translate(experience, "fr", {"title": f"Plus {number}"})

    assert _queries(client, f"/fr/cities/{girona.slug}/") == one


def test_main_navigation_and_footer_link_the_bank_of_experiences(client, db):
    content = client.get("/en/").content.decode()

    assert '<li><a href="/en/experiences/">Experiences</a></li>' in content
    assert '<a href="/en/experiences/export.csv">Download the experiences</a>' in content
    assert '<a href="/en/experiences/feed.atom" type="application/atom+xml">' in content
