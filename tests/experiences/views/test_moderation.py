"""The Secretariat's moderation pages: the queue (filters, counts, pages, query count) and the review
page (the experience as it would be published, the diff of a proposed change, what was asked before,
and each step posted to the domain)."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from educities.experiences.domain.workflow import experience_feature, experience_transition
from educities.experiences.enums import ExperienceStatus, RevisionStatus
from educities.experiences.views import moderation as moderation_views
from tests.experiences.factories import make_experience
from tests.experiences.views.moderation_support import messages_of, open_revision, staff_user, waiting_since
from tests.factories import CityFactory, ContactFactory, CountryFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

QUEUE = reverse("experiences:moderation")


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def staff_client(client):
    client.force_login(staff_user(email="moderator@secretariat.example.org"))
    return client


def _review_url(experience) -> str:
    return reverse("experiences:moderation_review", kwargs={"slug": experience.slug})


def _titles(response) -> list[str]:
    return [item.title for item in response.context["items"]]


def _counts(response) -> dict[tuple[str, str], int]:
    return {
        (group["kind"], state["state"]): state["count"]
        for group in response.context["count_groups"]
        for state in group["states"]
    }


# --- The queue ------------------------------------------------------------------------------------


@pytest.fixture
def queue_world():
    """One item in each state, submitted on different days, in two countries and two languages."""
    spain, france = CountryFactory(code="ES"), CountryFactory(code="FR")
    # Everything else in one fixed third country, so that a country filter counts exactly.
    italy = CountryFactory(code="IT")
    items = {
        "submitted": make_experience(
            city=CityFactory(country=spain),
            status="submitted",
            title="Submitted in Spain",
            original_language="es",
        ),
        "in_review": make_experience(
            city=CityFactory(country=france),
            status="in_review",
            title="In review in France",
            original_language="fr",
        ),
        "changes": make_experience(
            city=CityFactory(country=spain), status="changes_requested", title="Changes requested in Spain"
        ),
        "draft": make_experience(city=CityFactory(country=italy), status="draft", title="A draft"),
        "published": make_experience(
            city=CityFactory(country=france), status="published", title="Published in France"
        ),
        "rejected": make_experience(city=CityFactory(country=italy), status="rejected", title="Rejected"),
        "archived": make_experience(city=CityFactory(country=italy), status="archived", title="Archived"),
    }
    revised = make_experience(city=CityFactory(country=spain), status="published", title="Revised in Spain")
    in_review_revised = make_experience(
        city=CityFactory(country=italy),
        status="published",
        title="Revision in review",
        original_language="fr",
    )
    draft_revised = make_experience(
        city=CityFactory(country=italy), status="published", title="Revision being written"
    )
    items["revision"] = open_revision(revised, title="Revised in Spain, version 2")
    items["revision_in_review"] = open_revision(
        in_review_revised, steps=("submit", "review_start"), title="Revision in review, version 2"
    )
    items["revision_draft"] = open_revision(draft_revised, steps=(), title="Draft revision")
    for days, key in enumerate(["changes", "revision", "in_review", "submitted", "revision_in_review"]):
        waiting_since(items[key], days)
    return items


def test_moderation_queue_lists_what_waits_oldest_first(staff_client, queue_world):
    response = staff_client.get(QUEUE)

    assert response.status_code == 200
    assert _titles(response) == [
        "Changes requested in Spain",
        "Revised in Spain, version 2",
        "In review in France",
        "Submitted in Spain",
        "Revision in review, version 2",
    ]
    assert response.context["total"] == 5


def test_moderation_queue_counts_each_state(staff_client, queue_world):
    response = staff_client.get(QUEUE)

    assert _counts(response) == {
        ("experience", "submitted"): 1,
        ("experience", "in_review"): 1,
        ("experience", "changes_requested"): 1,
        ("revision", "submitted"): 1,
        ("revision", "in_review"): 1,
    }


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ({"state": "submitted"}, ["Revised in Spain, version 2", "Submitted in Spain"]),
        ({"state": "in_review"}, ["In review in France", "Revision in review, version 2"]),
        ({"state": "changes_requested"}, ["Changes requested in Spain"]),
        (
            {"kind": "experience"},
            ["Changes requested in Spain", "In review in France", "Submitted in Spain"],
        ),
        ({"kind": "revision"}, ["Revised in Spain, version 2", "Revision in review, version 2"]),
        (
            {"country": "ES"},
            ["Changes requested in Spain", "Revised in Spain, version 2", "Submitted in Spain"],
        ),
        ({"language": "fr"}, ["In review in France", "Revision in review, version 2"]),
        ({"country": "ES", "kind": "revision"}, ["Revised in Spain, version 2"]),
        ({"country": "FR", "state": "submitted"}, []),
    ],
)
def test_moderation_queue_filters_combine(staff_client, queue_world, query, titles):
    response = staff_client.get(QUEUE, query)

    assert (response.status_code, _titles(response)) == (200, titles)


def test_moderation_queue_counts_follow_country_and_language(staff_client, queue_world):
    response = staff_client.get(QUEUE, {"country": "ES", "state": "submitted"})

    assert _counts(response) == {
        ("experience", "submitted"): 1,
        ("experience", "in_review"): 0,
        ("experience", "changes_requested"): 1,
        ("revision", "submitted"): 1,
        ("revision", "in_review"): 0,
    }


def test_moderation_queue_country_choices_are_the_countries_waiting(staff_client, queue_world):
    response = staff_client.get(QUEUE)

    choices = [value for value, _label in response.context["form"].fields["country"].choices]
    assert sorted(choices[1:]) == sorted(
        {"ES", "FR", str(queue_world["revision_in_review"].experience.city.country.code)}
    )


@pytest.mark.parametrize(
    "query",
    [
        {"state": "published"},
        {"country": "ZZ"},
        {"language": "xx"},
        {"kind": "everything"},
        {"state": "x" * 5000},
    ],
)
def test_moderation_queue_unknown_filter_is_ignored_with_a_message(staff_client, queue_world, query):
    response = staff_client.get(QUEUE, query)

    assert (response.status_code, len(_titles(response))) == (200, 5)
    assert messages_of(response) == ["Some filters were not understood and are ignored."]


def test_moderation_queue_nul_in_the_query_is_a_bad_request(staff_client, queue_world):
    assert staff_client.get(QUEUE, {"state": "\x00"}).status_code == 400


def test_moderation_queue_pages(staff_client, monkeypatch):
    monkeypatch.setattr(moderation_views, "PER_PAGE", 2)
    experiences = [make_experience(status="submitted", title=f"Experience {n}") for n in range(5)]
    for days, experience in enumerate(experiences):
        waiting_since(experience, days)

    pages = [_titles(staff_client.get(QUEUE, {"page": page})) for page in (1, 2, 3, 99, "x")]

    assert pages == [
        ["Experience 0", "Experience 1"],
        ["Experience 2", "Experience 3"],
        ["Experience 4"],
        ["Experience 4"],
        ["Experience 0", "Experience 1"],
    ]


def test_moderation_queue_empty_says_so(staff_client):
    response = staff_client.get(QUEUE)

    assert "Nothing waits for moderation with these filters." in response.content.decode()


def _queue_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(QUEUE)
    assert response.status_code == 200
    return len(queries)


def test_moderation_queue_query_count_does_not_grow_with_items(staff_client):
    make_experience(status="submitted")
    open_revision(make_experience(status="published"))
    few = _queue_queries(staff_client)
    for _ in range(3):
        make_experience(status="in_review")
        open_revision(make_experience(status="published"), steps=("submit", "review_start"))
    many = _queue_queries(staff_client)

    assert many == few


# --- The review page: the experience as it would be published ---------------------------------------


def test_moderation_review_shows_every_value_with_labels(staff_client):
    city = CityFactory(name="Braga")
    contact = ContactFactory(city=city, full_name="Ana Sousa", position="Head of education", is_public=True)
    experience = make_experience(
        city=city,
        status="submitted",
        title="Children's council of Braga",
        contact=contact.pk,
        budget_range="10k-50k",
    )

    response = staff_client.get(_review_url(experience))

    page = response.content.decode()
    rows = {row.key: row for row in response.context["values"]}
    assert response.status_code == 200
    assert rows["themes"].items == ["Children’s and young people’s participation"]
    assert rows["target_groups"].items == ["Children (6–12)"]
    assert rows["sdgs"].items == ["4. Quality education", "11. Sustainable cities and communities"]
    assert rows["departments"].items == ["Education", "Urban planning"]
    assert rows["partners"].items == ["Escola Básica (School)"]
    assert rows["links"].items == [{"url": "https://example.org/council", "label": "The council"}]
    assert (rows["budget_range"].text, rows["contact"].text, rows["original_language"].text) == (
        "10,000 to 50,000 EUR",
        "Ana Sousa, Head of education",
        "English",
    )
    assert "<p>Twenty schools elect two delegates each; the council meets monthly.</p>" in page
    assert 'lang="en"' in page
    assert [item["step"].name for item in response.context["experience_steps"]] == [
        "review_start",
        "request_changes",
        "publish",
        "reject",
    ]


def test_moderation_review_of_a_resubmission_shows_what_was_asked(staff_client):
    experience = make_experience(status="in_review")
    experience_transition(
        experience=experience, action="request_changes", actor=None, comment="Add the results of 2024."
    )
    experience_transition(experience=experience, action="submit", actor=None)

    response = staff_client.get(_review_url(experience))

    assert [entry.comment for entry in response.context["requests"]] == ["Add the results of 2024."]
    assert "What the Secretariat asked to change" in response.content.decode()
    assert "Add the results of 2024." in response.content.decode()


def test_moderation_review_of_a_first_submission_shows_no_request(staff_client):
    experience = make_experience(status="submitted")

    response = staff_client.get(_review_url(experience))

    assert response.context["requests"] == []
    assert "What the Secretariat asked" not in response.content.decode()


def test_moderation_review_of_a_published_experience_offers_archive_and_feature(staff_client):
    experience = make_experience(status="published")

    response = staff_client.get(_review_url(experience))

    assert [item["step"].name for item in response.context["experience_steps"]] == ["archive"]
    assert [item["step"].name for item in response.context["feature_steps"]] == ["feature"]


def test_moderation_review_of_a_focus_experience_offers_unfeature(staff_client):
    experience = make_experience(status="published")
    experience_feature(experience=experience, actor=None, featured=True)

    response = staff_client.get(_review_url(experience))

    assert [item["step"].name for item in response.context["feature_steps"]] == ["unfeature"]


def test_moderation_review_of_an_archived_experience_offers_restore(staff_client):
    experience = make_experience(status="archived")

    response = staff_client.get(_review_url(experience))

    assert [item["step"].name for item in response.context["experience_steps"]] == ["restore"]
    assert response.context["feature_steps"] == []


def test_moderation_review_of_a_draft_offers_no_step(staff_client):
    experience = make_experience(status="draft")

    response = staff_client.get(_review_url(experience))

    assert (response.context["experience_steps"], response.context["feature_steps"]) == ([], [])
    assert "No moderation step is possible while the experience is “draft”." in response.content.decode()


def test_moderation_review_unknown_slug_is_404(staff_client):
    assert (
        staff_client.get(reverse("experiences:moderation_review", args=["no-such-experience"])).status_code
        == 404
    )


# --- The review page: a proposed change --------------------------------------------------------------


def test_moderation_review_of_a_revision_shows_the_diff_with_labels(staff_client):
    experience = make_experience(status="published", title="Children's council")
    revision = open_revision(
        experience,
        title="Children's council of the city",
        summary="Children aged 8 to 12 advise the city council on parks.",
        themes=["children_participation", "public_space"],
        sdgs=["4"],
        budget_range="lt10k",
        partners=[
            {"name": "Escola Básica", "kind": "school"},
            {"name": "Universidade", "kind": "university"},
        ],
    )

    response = staff_client.get(_review_url(experience))

    changes = {change.key: change for change in response.context["changes"]}
    page = response.content.decode()
    assert response.context["revision"] == revision
    assert list(changes) == ["title", "summary", "budget_range", "themes", "sdgs", "partners"]
    assert changes["title"].html == "Children&#x27;s council<ins> of the city</ins>"
    assert changes["summary"].html == (
        "Children aged 8 to 12 advise the city council on <del>public space.</del><ins>parks.</ins>"
    )
    assert (changes["themes"].added, changes["themes"].removed) == (["Public space and urban planning"], [])
    assert (changes["sdgs"].added, changes["sdgs"].removed) == (
        [],
        ["11. Sustainable cities and communities"],
    )
    assert (changes["partners"].added, changes["partners"].removed) == (
        ["Universidade (University or research centre)"],
        [],
    )
    assert (changes["budget_range"].before, changes["budget_range"].after) == ("", "Under 10,000 EUR")
    assert "<del>public space.</del><ins>parks.</ins>" in page
    assert [item["step"].name for item in response.context["revision_steps"]] == [
        "review_start",
        "request_changes",
        "publish",
        "reject",
    ]
    assert [item["revision"] for item in response.context["revision_steps"]] == [revision.pk] * 4


def test_moderation_review_of_a_revision_still_being_written_offers_no_revision_step(staff_client):
    experience = make_experience(status="published")
    open_revision(experience, steps=(), title="Being written")

    response = staff_client.get(_review_url(experience))

    assert response.context["revision_steps"] == []
    assert "The city is still writing these changes" in response.content.decode()


def test_moderation_review_of_a_resubmitted_revision_shows_only_its_own_requests(staff_client):
    experience = make_experience(status="published")
    open_revision(experience, steps=("submit", "request_changes", "discard"), title="First try")
    revision = open_revision(experience, steps=("submit", "request_changes", "submit"), title="Second try")

    response = staff_client.get(_review_url(experience))

    assert response.context["revision"] == revision
    assert [entry.action for entry in response.context["requests"]] == ["revision_request_changes"]


# --- Steps posted to the review page ---------------------------------------------------------------------


def _post(client, experience, **data):
    return client.post(_review_url(experience), data)


@pytest.mark.parametrize(
    ("state", "action", "comment", "expected"),
    [
        ("submitted", "review_start", "", ExperienceStatus.IN_REVIEW),
        ("in_review", "request_changes", "Add the budget.", ExperienceStatus.CHANGES_REQUESTED),
        ("in_review", "publish", "", ExperienceStatus.PUBLISHED),
        ("submitted", "reject", "Not an educating city practice.", ExperienceStatus.REJECTED),
        ("published", "archive", "", ExperienceStatus.ARCHIVED),
        ("archived", "restore", "", ExperienceStatus.PUBLISHED),
    ],
)
def test_moderation_step_changes_the_state(staff_client, state, action, comment, expected):
    experience = make_experience(status=state, title="Walking to school")

    response = _post(staff_client, experience, action=action, comment=comment)

    experience.refresh_from_db()
    assert (response.status_code, response.url) == (302, _review_url(experience))
    assert experience.status == expected
    assert messages_of(response) == [f"“Walking to school”: {ExperienceStatus(expected).label}."]


def test_moderation_request_changes_e_mails_the_comment_to_the_city(
    staff_client, django_capture_on_commit_callbacks
):
    city = CityFactory(name="Lleida")
    make_city_editor(city, email="educacio@lleida.example.org", language="en")
    experience = make_experience(city=city, status="in_review", title="Camins escolars")

    with django_capture_on_commit_callbacks(execute=True):
        _post(staff_client, experience, action="request_changes", comment="Please add the evaluation.")

    assert [(message.to, message.subject) for message in mail.outbox] == [
        (["educacio@lleida.example.org"], "Experience “Camins escolars”: changes requested")
    ]
    assert "Please add the evaluation." in mail.outbox[0].body


@pytest.mark.parametrize("action", ["request_changes", "reject"])
def test_moderation_step_needing_a_comment_without_one_changes_nothing(staff_client, action):
    experience = make_experience(status="in_review")

    response = _post(staff_client, experience, action=action, comment="  ")

    experience.refresh_from_db()
    assert experience.status == ExperienceStatus.IN_REVIEW
    assert messages_of(response) == [
        "Tell the city why: a comment is required for this step. Nothing was changed."
    ]
    assert mail.outbox == []


def test_moderation_step_not_allowed_in_the_state_changes_nothing(staff_client):
    experience = make_experience(status="draft", title="Walking to school")

    response = _post(staff_client, experience, action="publish")

    experience.refresh_from_db()
    assert experience.status == ExperienceStatus.DRAFT
    assert messages_of(response) == [
        "“Walking to school” cannot go from “draft” to “published”. Nothing was changed."
    ]


def test_moderation_feature_and_unfeature(staff_client):
    experience = make_experience(status="published", title="Walking to school")

    first = _post(staff_client, experience, action="feature")
    experience.refresh_from_db()
    featured = experience.is_featured
    staff_client.get(_review_url(experience))  # shows (and so clears) the first message
    second = _post(staff_client, experience, action="unfeature")
    experience.refresh_from_db()

    assert (featured, experience.is_featured) == (True, False)
    assert messages_of(first) == ["“Walking to school” is now a focus experience."]
    assert messages_of(second) == ["“Walking to school” is no longer a focus experience."]


def test_moderation_feature_of_an_unpublished_experience_changes_nothing(staff_client):
    experience = make_experience(status="submitted")

    response = _post(staff_client, experience, action="feature")

    experience.refresh_from_db()
    assert experience.is_featured is False
    assert messages_of(response) == [
        "Only a published experience can be a focus experience. Nothing was changed."
    ]


@pytest.mark.parametrize(
    ("steps", "action", "comment", "expected"),
    [
        (("submit",), "review_start", "", RevisionStatus.IN_REVIEW),
        (
            ("submit", "review_start"),
            "request_changes",
            "Keep the old title.",
            RevisionStatus.CHANGES_REQUESTED,
        ),
        (("submit",), "publish", "", RevisionStatus.PUBLISHED),
        (
            ("submit", "review_start"),
            "reject",
            "The new text is not about the city.",
            RevisionStatus.REJECTED,
        ),
    ],
)
def test_moderation_step_on_a_revision(staff_client, steps, action, comment, expected):
    experience = make_experience(status="published", title="Walking to school")
    revision = open_revision(experience, steps=steps, title="Walking to school together")

    response = _post(staff_client, experience, action=action, comment=comment, revision=revision.pk)

    revision.refresh_from_db()
    experience.refresh_from_db()
    assert revision.status == expected
    assert experience.title == ("Walking to school together" if action == "publish" else "Walking to school")
    assert experience.status == ExperienceStatus.PUBLISHED
    assert messages_of(response) == [
        f"Proposed changes #1 of “Walking to school”: {RevisionStatus(expected).label}."
    ]
