"""The HTTP permission matrix of a city's award pages: every role × every action, with exact status codes.

Convention (as on the experiences editor pages): an anonymous visitor is sent to the sign-in page (302); a
signed-in user who may not act gets 403 and nothing changes. A city editor acts for their own city only;
a juror assigned to an application in review reads it (and its letter) but changes nothing; a juror from
the application's city (conflicted) sees nothing of it; the Secretariat does everything.
"""

import pytest
from django.db import transaction
from django.urls import reverse

from educities.awards.domain.applications import application_decide
from educities.awards.domain.editions import edition_results_publish
from educities.awards.enums import ApplicationStatus
from educities.awards.models import Application
from educities.experiences.models import Experience
from tests.awards.factories import jury_to_decision, make_application
from tests.awards.views.test_city_support import ROLES, assign_jurors, cast, login, pdf_file, state

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _expected(allowed: set[str], status: int) -> dict[str, int]:
    return {role: 302 if role == "anonymous" else (status if role in allowed else 403) for role in ROLES}


CITY = {"editor_a", "staff"}
# action → expected status per role
MATRIX = {
    "apply_get": _expected({"editor_a", "editor_b", "staff"}, 200),
    # The editor of city B may apply for city B, not for city A: a forged city is refused.
    "apply_post": _expected(CITY, 302),
    "mine": _expected(set(ROLES), 200),
    "application_get": _expected(CITY | {"juror"}, 200),
    "save_post": _expected(CITY, 302),
    "upload_post": _expected(CITY, 302),
    "submit": _expected(CITY, 302),
    "withdraw_get": _expected(CITY, 200),
    "withdraw": _expected(CITY, 302),
    "letter": _expected(CITY | {"juror"}, 200),
    "certificate": _expected(CITY, 200),
}
# Actions that change something when allowed.
CHANGING = frozenset({"apply_post", "save_post", "upload_post", "submit", "withdraw"})
# Actions about an application that the jury reads (in review, both jurors assigned).
IN_REVIEW_ACTIONS = {"application_get", "letter"}


def _arrange(action: str):
    the_cast = cast()
    if action in {"apply_get", "apply_post", "mine"}:
        application = make_application(edition=the_cast.edition, city=the_cast.city_a)
        return the_cast, application
    if action in IN_REVIEW_ACTIONS or action == "certificate":
        application = make_application(
            edition=the_cast.edition, city=the_cast.city_a, status=ApplicationStatus.IN_REVIEW
        )
        assign_jurors(the_cast, application)
        if action == "certificate":
            jury_to_decision(process=the_cast.edition.review_process)
            application_decide(application=application, result=ApplicationStatus.WINNER, actor=None)
            edition_results_publish(edition=the_cast.edition, actor=None)
        return the_cast, application
    application = make_application(edition=the_cast.edition, city=the_cast.city_a)
    return the_cast, application


def _request(client, action: str, the_cast, application):
    pk = application.pk
    if action == "apply_get":
        return client.get(reverse("awards:apply", kwargs={"year": the_cast.edition.year}))
    if action == "apply_post":
        return client.post(
            reverse("awards:apply", kwargs={"year": the_cast.edition.year}),
            {"city": the_cast.city_a.pk, "new_experience_title": "Schools open in summer", "language": "fr"},
        )
    if action == "mine":
        return client.get(reverse("awards:mine"))
    if action == "application_get":
        return client.get(reverse("awards:application", kwargs={"pk": pk}))
    if action == "save_post":
        question = the_cast.edition.questions.get()
        return client.post(
            reverse("awards:application", kwargs={"pk": pk}),
            {"language": "es", "experience": application.experience_id, f"answer_{question.pk}": "Changed."},
        )
    if action == "upload_post":
        return client.post(reverse("awards:letter_upload", kwargs={"pk": pk}), {"letter": pdf_file()})
    if action == "submit":
        return client.post(reverse("awards:submit", kwargs={"pk": pk}))
    if action == "withdraw_get":
        return client.get(reverse("awards:withdraw", kwargs={"pk": pk}))
    if action == "withdraw":
        return client.post(reverse("awards:withdraw", kwargs={"pk": pk}), {"confirm": "on"})
    if action == "letter":
        return client.get(reverse("awards:letter", kwargs={"pk": pk}))
    if action == "certificate":
        return client.get(reverse("awards:certificate", kwargs={"pk": pk}))
    raise AssertionError(action)


def _outcome(client, role: str, action: str, the_cast, application) -> tuple[int, bool]:
    """The status code ``role`` gets, and whether the request left everything as it was. Each role's
    request runs in a savepoint that is rolled back, so every role meets the same arrangement."""
    client.logout()
    login(client, the_cast.users[role])
    with transaction.atomic():
        before = state(application)
        counts = (Application.objects.count(), Experience.objects.count())
        response = _request(client, action, the_cast, application)
        unchanged = state(application) == before and counts == (
            Application.objects.count(),
            Experience.objects.count(),
        )
        if role == "anonymous":
            assert response["Location"].startswith(reverse("account_login"))
        transaction.set_rollback(True)
    return response.status_code, unchanged


@pytest.mark.parametrize("action", list(MATRIX))
def test_city_pages_permission_matrix(client, action):
    the_cast, application = _arrange(action)

    outcomes = {role: _outcome(client, role, action, the_cast, application) for role in ROLES}

    assert {role: status for role, (status, _unchanged) in outcomes.items()} == MATRIX[action]
    # Only the allowed roles changed something, and only with an action that changes something.
    changed = {role for role, (_status, unchanged) in outcomes.items() if not unchanged}
    assert changed == (CITY if action in CHANGING else set())


@pytest.mark.parametrize("role", ["editor_a", "staff"])
def test_city_pages_allowed_actions_change_what_they_say(client, role):
    the_cast = cast()
    login(client, the_cast.users[role])
    year = the_cast.edition.year

    response = client.post(
        reverse("awards:apply", kwargs={"year": year}),
        {"city": the_cast.city_a.pk, "new_experience_title": "Schools open in summer", "language": "fr"},
    )

    application = Application.objects.get()
    assert response["Location"] == reverse("awards:application", kwargs={"pk": application.pk})
    assert (application.city, application.language, application.status) == (
        the_cast.city_a,
        "fr",
        ApplicationStatus.DRAFT,
    )
    assert application.experience.title == "Schools open in summer"


@pytest.mark.parametrize("role", ["editor_b", "user", "juror", "conflicted"])
def test_city_pages_forged_pk_of_another_city_refused(client, role):
    the_cast = cast()
    application = make_application(edition=the_cast.edition, city=the_cast.city_a)
    login(client, the_cast.users[role])
    before = state(application)
    urls = [
        reverse(name, kwargs={"pk": application.pk})
        for name in ("awards:application", "awards:withdraw", "awards:letter", "awards:certificate")
    ]

    statuses = [client.get(url).status_code for url in urls]
    posted = [
        client.post(reverse(name, kwargs={"pk": application.pk}), {"confirm": "on"}).status_code
        for name in ("awards:application", "awards:letter_upload", "awards:submit", "awards:withdraw")
    ]

    assert statuses == [403, 403, 403, 403]
    assert posted == [403, 403, 403, 403]
    assert state(application) == before


def test_city_pages_unknown_application_is_404(client):
    the_cast = cast()
    login(client, the_cast.users["editor_a"])

    statuses = [
        client.get(reverse(name, kwargs={"pk": 999_999})).status_code
        for name in ("awards:application", "awards:withdraw", "awards:letter", "awards:certificate")
    ]

    assert statuses == [404, 404, 404, 404]


def test_city_pages_unknown_or_unannounced_edition_is_404(client):
    the_cast = cast(phase="draft")
    login(client, the_cast.users["editor_a"])

    unannounced = client.get(reverse("awards:apply", kwargs={"year": the_cast.edition.year}))
    unknown = client.get(reverse("awards:apply", kwargs={"year": 1900}))

    assert (unannounced.status_code, unknown.status_code) == (404, 404)
