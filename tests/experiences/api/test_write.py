"""City editors write through the API with a token: create a draft, save values, submit; once published,
their changes go to a revision that staff review."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from educities.experiences.domain.workflow import experience_request_changes, revision_publish
from educities.experiences.enums import ExperienceStatus, RevisionStatus
from educities.experiences.models import Experience, ExperienceRevision
from tests.experiences.api.helpers import bearer, patch_json, post_json
from tests.experiences.factories import experience_values_complete, make_experience
from tests.factories import CityFactory, ContactFactory, StaffFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LIST_URL = "/api/v1/experiences/"


@pytest.fixture
def city():
    return CityFactory(name="Granollers", slug="granollers")


@pytest.fixture
def editor(city):
    return make_city_editor(city)


def test_create_makes_a_draft_of_the_city(client, city, editor):
    response = post_json(
        client,
        LIST_URL,
        {"city": city.pk, "title": "Walking bus", "original_language": "ca", "themes": ["mobility"]},
        bearer(editor),
    )

    assert response.status_code == 201
    experience = Experience.objects.get()
    body = response.json()
    assert response["Location"] == f"http://testserver/api/v1/experiences/{experience.slug}/"
    assert experience.slug == "walking-bus-granollers"
    assert experience.city == city
    assert experience.status == ExperienceStatus.DRAFT
    assert experience.created_by == editor
    assert body["slug"] == "walking-bus-granollers"
    assert body["status"] == {"code": "draft", "label": "draft"}
    assert body["open_revision"] is None
    assert body["values"]["title"] == "Walking bus"
    assert body["values"]["original_language"] == "ca"
    assert body["values"]["themes"] == ["mobility"]
    assert body["city"]["slug"] == "granollers"


def test_create_by_staff_for_any_city(client, city):
    response = post_json(
        client,
        LIST_URL,
        {"city": city.pk, "title": "Walking bus", "original_language": "en"},
        bearer(StaffFactory()),
    )

    assert response.status_code == 201
    assert Experience.objects.get().city == city


def test_patch_saves_values_of_a_draft(client, city, editor):
    experience = make_experience(city=city)
    contact = ContactFactory(city=city)

    response = patch_json(
        client,
        f"{LIST_URL}{experience.slug}/",
        {
            "summary": "Children walk to school together.",
            "sdgs": ["3", "11"],
            "contact": contact.pk,
            "actions": "<p onclick='x()'>Volunteers <script>alert(1)</script>walk</p>",
            "start_date": "2022-02-01",
            "partners": [{"name": "AMPA", "kind": "civil_society"}],
        },
        bearer(editor),
    )

    assert response.status_code == 200
    experience.refresh_from_db()
    assert experience.summary == "Children walk to school together."
    assert experience.contact == contact
    assert experience.actions == "<p>Volunteers walk</p>"
    assert str(experience.start_date) == "2022-02-01"
    assert list(experience.partners.values_list("name", "kind")) == [("AMPA", "civil_society")]
    values = response.json()["values"]
    assert values["sdgs"] == ["3", "11"]
    assert values["actions"] == "<p>Volunteers walk</p>"
    assert values["title"] == experience.title  # unchanged values stay


def test_submit_sends_a_complete_draft_to_review(client, city, editor):
    experience = make_experience(city=city)

    response = post_json(client, f"{LIST_URL}{experience.slug}/submit/", {}, bearer(editor))

    assert response.status_code == 200
    assert response.json()["status"] == {"code": "submitted", "label": "submitted"}
    experience.refresh_from_db()
    assert experience.status == ExperienceStatus.SUBMITTED


def test_submit_refuses_an_incomplete_draft_and_says_what_is_missing(client, city, editor):
    experience = make_experience(city=city, summary="", themes=[])

    response = post_json(client, f"{LIST_URL}{experience.slug}/submit/", None, bearer(editor))

    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["Before submitting, complete: summary, at least one theme."]
    }
    experience.refresh_from_db()
    assert experience.status == ExperienceStatus.DRAFT


def test_patch_of_a_submitted_experience_is_refused_until_withdrawn(client, city, editor):
    experience = make_experience(city=city, status="submitted")

    response = patch_json(client, f"{LIST_URL}{experience.slug}/", {"title": "New"}, bearer(editor))

    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["This experience is being reviewed: withdraw it from review before changing it."]
    }
    experience.refresh_from_db()
    assert experience.title != "New"


def test_changes_requested_can_be_fixed_and_submitted_again(client, city, editor):
    experience = make_experience(city=city, status="submitted")
    experience_request_changes(experience=experience, actor=None, comment="Add the results.")
    headers = bearer(editor)

    saved = patch_json(client, f"{LIST_URL}{experience.slug}/", {"results": "<p>Done.</p>"}, headers)
    submitted = post_json(client, f"{LIST_URL}{experience.slug}/submit/", {}, headers)

    assert saved.status_code == 200
    assert submitted.status_code == 200
    experience.refresh_from_db()
    assert experience.status == ExperienceStatus.SUBMITTED
    assert experience.results == "<p>Done.</p>"


def test_patch_of_a_published_experience_goes_to_a_revision(client, city, editor):
    experience = make_experience(city=city, status="published", title="Walking bus")
    headers = bearer(editor)

    response = patch_json(client, f"{LIST_URL}{experience.slug}/", {"title": "Walking bus 2.0"}, headers)

    assert response.status_code == 200
    body = response.json()
    assert body["status"]["code"] == "published"
    assert body["open_revision"]["number"] == 1
    assert body["open_revision"]["status"] == {"code": "draft", "label": "draft"}
    assert body["values"]["title"] == "Walking bus 2.0"
    experience.refresh_from_db()
    assert experience.title == "Walking bus"  # the public still reads the published text
    public = client.get(f"{LIST_URL}{experience.slug}/").json()
    assert public["title"]["text"] == "Walking bus"


def test_submit_of_a_published_experience_submits_its_revision(client, city, editor):
    experience = make_experience(city=city, status="published", title="Walking bus")
    headers = bearer(editor)
    patch_json(client, f"{LIST_URL}{experience.slug}/", {"title": "Walking bus 2.0"}, headers)

    response = post_json(client, f"{LIST_URL}{experience.slug}/submit/", {}, headers)

    assert response.status_code == 200
    revision = ExperienceRevision.objects.get()
    assert revision.status == RevisionStatus.SUBMITTED
    assert response.json()["open_revision"]["status"]["code"] == "submitted"
    revision_publish(revision=revision, actor=None)
    assert client.get(f"{LIST_URL}{experience.slug}/").json()["title"]["text"] == "Walking bus 2.0"


def test_submit_of_a_published_experience_without_changes_is_refused(client, city, editor):
    experience = make_experience(city=city, status="published")

    response = post_json(client, f"{LIST_URL}{experience.slug}/submit/", {}, bearer(editor))

    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["There are no changes to submit: save some values first."]
    }
    assert ExperienceRevision.objects.count() == 0


def test_my_experiences_lists_every_state_of_my_cities_only(client, city, editor):
    draft = make_experience(city=city, title="Draft one")
    published = make_experience(city=city, status="published", title="Published one")
    patch_json(client, f"{LIST_URL}{published.slug}/", {"summary": "Changed."}, bearer(editor))
    make_experience(title="Another city's")

    response = client.get("/api/v1/me/experiences/", **bearer(editor))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    by_slug = {item["slug"]: item for item in body["results"]}
    assert set(by_slug) == {draft.slug, published.slug}
    assert by_slug[draft.slug]["status"] == {"code": "draft", "label": "draft"}
    assert by_slug[draft.slug]["open_revision"] is None
    assert by_slug[published.slug]["open_revision"]["status"]["code"] == "draft"
    assert by_slug[published.slug]["city"]["slug"] == "granollers"


def test_my_experiences_query_count_does_not_grow(client, city, editor):
    headers = bearer(editor)
    for _ in range(2):
        make_experience(city=city)
    make_experience(city=city, status="published")
    client.get("/api/v1/me/experiences/", **headers)  # the token's first use is noted (one write)
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v1/me/experiences/", **headers)
    for _ in range(10):
        make_experience(city=city, status="published")
    with CaptureQueriesContext(connection) as many:
        response = client.get("/api/v1/me/experiences/", **headers)

    assert response.json()["count"] == 13
    assert len(few.captured_queries) == len(many.captured_queries)


def test_create_complete_then_submit_through_the_api_only(client, city, editor):
    headers = bearer(editor)
    values = experience_values_complete()
    values.pop("principles")

    created = post_json(client, LIST_URL, {"city": city.pk, **values}, headers)
    slug = created.json()["slug"]
    submitted = post_json(client, f"{LIST_URL}{slug}/submit/", {}, headers)

    assert created.status_code == 201
    assert submitted.status_code == 200
    assert Experience.objects.get().status == ExperienceStatus.SUBMITTED
