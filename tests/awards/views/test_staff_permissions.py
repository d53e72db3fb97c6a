"""THE permission matrix of the Secretariat's award pages: every role × every page and step, with the
exact status code, and for the steps that change something, whether it changed.

Roles: anonymous; an editor of the applying city; a juror of the edition; an Executive Committee member;
Secretariat staff. "login" is a redirect to the sign-in page; D is the redirect after a step was done.

The world also serves the other tests of these pages (``staff_world``, ``messages_of``).
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from educities.awards import urls_staff
from educities.awards.enums import ApplicationStatus, EditionPhase
from educities.awards.models import Application, Edition
from educities.core.models import TextTranslation
from educities.reviews.domain.processes import CriterionSpec
from tests.awards.factories import (
    edition_close_call,
    jury_to_decision,
    make_application,
    make_edition,
    make_juror,
)
from tests.factories import CityFactory, StaffFactory, make_city_editor, make_executive

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ROLES = ("anonymous", "editor", "juror", "executive", "staff")
LOGIN = "login"


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@dataclass
class StaffWorld:
    """``setup``: an edition not announced yet (settings, texts, questions, criteria);
    ``call``: an open call with two submitted applications and an eligible one;
    ``deciding``: its jury in the decision phase with one application in review;
    ``decided``: decision phase, every application decided, one winner (ready to publish)."""

    city: Any
    users: dict
    setup: Edition
    call: Edition
    deciding: Edition
    decided: Edition
    submitted: Application
    submitted_other: Application
    eligible: Application
    in_review: Application
    winner: Application


# Two plain criteria: the six default ones (with their translations) make every edition slow to create.
CRITERIA = [
    CriterionSpec(name="Relevance", description="Answers the theme.", weight=Decimal(1)),
    CriterionSpec(name="Impact", description="Changed lives.", weight=Decimal(1)),
]


def quick_edition(phase: str = EditionPhase.OPEN, **overrides) -> Edition:
    return make_edition(phase=phase, questions=1, criteria=CRITERIA, **overrides)


def staff_world() -> StaffWorld:
    city = CityFactory(name="Rosario")
    setup = quick_edition(EditionPhase.DRAFT)
    call = quick_edition()
    submitted = make_application(edition=call, city=city, status=ApplicationStatus.SUBMITTED)
    submitted_other = make_application(edition=call, status=ApplicationStatus.SUBMITTED)
    eligible = make_application(edition=call, status=ApplicationStatus.ELIGIBLE)
    deciding = quick_edition()
    in_review = make_application(edition=deciding, city=city, status=ApplicationStatus.IN_REVIEW)
    juror = make_juror(edition=deciding)
    edition_close_call(edition=deciding)
    jury_to_decision(process=deciding.review_process)
    decided = quick_edition()
    winner = make_application(edition=decided, status=ApplicationStatus.WINNER)
    edition_close_call(edition=decided)
    users = {
        "anonymous": None,
        "editor": make_city_editor(city),
        "juror": juror.user,
        "executive": make_executive(),
        "staff": StaffFactory(),
    }
    return StaffWorld(
        city=city,
        users=users,
        setup=setup,
        call=call,
        deciding=deciding,
        decided=decided,
        submitted=submitted,
        submitted_other=submitted_other,
        eligible=eligible,
        in_review=in_review,
        winner=winner,
    )


@pytest.fixture
def world() -> StaffWorld:
    return staff_world()


def url(name: str, edition: Edition | None = None, **kwargs) -> str:
    if edition is not None:
        kwargs["year"] = edition.year
    return reverse(f"awards_staff:{name}", kwargs=kwargs)


# --- What each step may change ---------------------------------------------------------------------


def _edition_state(edition: Edition) -> tuple:
    edition.refresh_from_db()
    return (
        edition.theme,
        edition.max_applications_per_city,
        edition.is_published,
        edition.jury_statement,
        edition.results_published_at,
        edition.is_void,
    )


def _questions(edition: Edition) -> list:
    return list(edition.questions.order_by("pk").values_list("text", "max_chars"))


def _criteria(edition: Edition) -> list:
    return list(edition.review_process.criteria.order_by("pk").values_list("name", "weight"))


def _translations(edition: Edition, model: str) -> list:
    return list(
        TextTranslation.objects.filter(language="fr", content_type__model=model)
        .order_by("pk")
        .values_list("field", "text")
    )


def _status(application: Application) -> str:
    application.refresh_from_db()
    return application.status


def _all_statuses(edition: Edition) -> list:
    return list(edition.applications.order_by("pk").values_list("status", flat=True))


def _edition_page(data):
    def request(client, world):
        return client.post(url("edition", world.setup), data(world) if callable(data) else data)

    return request


def _settings_data(world) -> dict:
    edition = world.setup
    return {
        "action": "settings",
        "settings-number": edition.number,
        "settings-year": edition.year,
        "settings-theme": "Care in the city",
        "settings-original_language": "en",
        "settings-axes": edition.axes,
        "settings-rules": edition.rules,
        "settings-time_zone": "Europe/Madrid",
        "settings-call_opens_at": "2030-01-10T09:00",
        "settings-deadline": "2030-03-31T23:59",
        "settings-max_applications_per_city": 3,
        "settings-scale_min": 0,
        "settings-scale_max": 10,
        "settings-jurors_per_application": 3,
    }


def _question_pk(world) -> int:
    return world.setup.questions.get().pk


def _criterion_pk(world) -> int:
    return world.setup.review_process.criteria.order_by("position").first().pk


def _new_edition_data(world) -> dict:
    return {
        "edition-number": 77,
        "edition-year": 2077,
        "edition-theme": "Education as a source of inclusion",
        "edition-original_language": "en",
        "edition-time_zone": "Europe/Madrid",
        "edition-max_applications_per_city": 2,
        "edition-scale_min": 0,
        "edition-scale_max": 10,
        "edition-jurors_per_application": 3,
        "criteria-TOTAL_FORMS": 1,
        "criteria-INITIAL_FORMS": 0,
        "criteria-0-name": "Relevance",
        "criteria-0-weight": "1",
    }


def _get(name: str, edition: str | None = None, **kwargs):
    def request(client, world):
        extra = {key: value(world) if callable(value) else value for key, value in kwargs.items()}
        return client.get(url(name, getattr(world, edition) if edition else None, **extra))

    return request


def _post(name: str, edition: str, data, **kwargs):
    def request(client, world):
        extra = {key: value(world) if callable(value) else value for key, value in kwargs.items()}
        payload = data(world) if callable(data) else data
        return client.post(url(name, getattr(world, edition), **extra), payload)

    return request


# action: (make the request, read what it may change or None, where a done step redirects or None)
ACTIONS: dict[str, tuple] = {
    "editions": (_get("editions"), None, None),
    "edition_new_page": (_get("edition_new"), None, None),
    "edition_page": (_get("edition", "setup"), None, None),
    "applications_page": (_get("applications", "call"), None, None),
    "decision_page": (_get("decision", "deciding"), None, None),
    "letter": (_get("letter", "call", pk=lambda w: w.submitted.pk), None, None),
    "export_applications_csv": (_get("export", "call", dataset="applications", fmt="csv"), None, None),
    "export_scores_xlsx": (_get("export", "deciding", dataset="scores", fmt="xlsx"), None, None),
    "export_ranking_csv": (_get("export", "deciding", dataset="ranking", fmt="csv"), None, None),
    "edition_create": (
        lambda c, w: c.post(url("edition_new"), _new_edition_data(w)),
        lambda w: Edition.objects.count(),
        lambda w: url("edition", Edition.objects.get(year=2077)),
    ),
    "settings": (
        _edition_page(_settings_data),
        lambda w: _edition_state(w.setup),
        lambda w: url("edition", w.setup) + "#settings",
    ),
    "texts": (
        _edition_page({"action": "texts", "language": "fr", "text-fr-theme": "L'éducation inclusive"}),
        lambda w: _translations(w.setup, "edition"),
        lambda w: url("edition", w.setup) + "#texts-fr",
    ),
    "question_add": (
        _edition_page(
            {"action": "question_add", "question-new-text": "Who took part?", "question-new-max_chars": 900}
        ),
        lambda w: _questions(w.setup),
        lambda w: url("edition", w.setup) + "#questions",
    ),
    "question_edit": (
        _edition_page(
            lambda w: {
                "action": "question_edit",
                "question": _question_pk(w),
                f"question-{_question_pk(w)}-text": "What changed for children?",
                f"question-{_question_pk(w)}-max_chars": 1500,
            },
        ),
        lambda w: _questions(w.setup),
        lambda w: url("edition", w.setup) + f"#question-{_question_pk(w)}",
    ),
    "question_delete": (
        _edition_page(lambda w: {"action": "question_delete", "question": _question_pk(w)}),
        lambda w: _questions(w.setup),
        lambda w: url("edition", w.setup) + "#questions",
    ),
    "question_translate": (
        _edition_page(
            lambda w: {
                "action": "question_translate",
                "question": _question_pk(w),
                f"question-{_question_pk(w)}-tr-language": "fr",
                f"question-{_question_pk(w)}-tr-text": "Qu'est-ce qui a changé ?",
            },
        ),
        lambda w: _translations(w.setup, "editionquestion"),
        lambda w: url("edition", w.setup) + f"#question-{_question_pk(w)}",
    ),
    "criterion_add": (
        _edition_page(
            {
                "action": "criterion_add",
                "criterion-new-name": "Gender equality",
                "criterion-new-weight": "0.5",
            }
        ),
        lambda w: _criteria(w.setup),
        lambda w: url("edition", w.setup) + "#criteria",
    ),
    "criterion_edit": (
        _edition_page(
            lambda w: {
                "action": "criterion_edit",
                "criterion": _criterion_pk(w),
                f"criterion-{_criterion_pk(w)}-name": "Relevance to the theme",
                f"criterion-{_criterion_pk(w)}-weight": "2",
            },
        ),
        lambda w: _criteria(w.setup),
        lambda w: url("edition", w.setup) + "#criteria",
    ),
    "criterion_delete": (
        _edition_page(lambda w: {"action": "criterion_delete", "criterion": _criterion_pk(w)}),
        lambda w: _criteria(w.setup),
        lambda w: url("edition", w.setup) + "#criteria",
    ),
    "announce": (
        _edition_page({"action": "announce"}),
        lambda w: _edition_state(w.setup),
        lambda w: url("edition", w.setup),
    ),
    "confirm_eligible": (
        _post("application_eligible", "call", {}, pk=lambda w: w.submitted.pk),
        lambda w: _status(w.submitted),
        lambda w: url("applications", w.call),
    ),
    "declare_ineligible": (
        _post(
            "application_ineligible",
            "call",
            lambda w: {f"ineligible-{w.submitted_other.pk}-reason": "The fees of 2025 are unpaid."},
            pk=lambda w: w.submitted_other.pk,
        ),
        lambda w: _status(w.submitted_other),
        lambda w: url("applications", w.call),
    ),
    "send_to_jury": (
        _post("send_to_jury", "call", {}),
        lambda w: _all_statuses(w.call),
        lambda w: url("applications", w.call),
    ),
    "decide": (
        _post(
            "application_decide",
            "deciding",
            lambda w: {
                f"decide-{w.in_review.pk}-result": "finalist",
                f"decide-{w.in_review.pk}-statement": "Bold.",
            },
            pk=lambda w: w.in_review.pk,
        ),
        lambda w: _status(w.in_review),
        lambda w: url("decision", w.deciding) + f"#application-{w.in_review.pk}",
    ),
    "jury_statement": (
        _post("jury_statement", "deciding", {"jury-statement": "A hard choice among excellent experiences."}),
        lambda w: _edition_state(w.deciding),
        lambda w: url("decision", w.deciding) + "#statement",
    ),
    "results_publish": (
        _post("results_publish", "decided", {}),
        lambda w: _edition_state(w.decided),
        lambda w: url("decision", w.decided),
    ),
    "declare_void": (
        _post("declare_void", "deciding", {"void-statement": "No experience answered the theme."}),
        lambda w: _edition_state(w.deciding),
        lambda w: url("decision", w.deciding),
    ),
}

D = 302
STAFF_ONLY_PAGE = (LOGIN, 403, 403, 403, 200)
STAFF_ONLY_STEP = (LOGIN, 403, 403, 403, D)
# action: expected for (anonymous, editor, juror, executive, staff)
MATRIX: dict[str, tuple] = {
    **dict.fromkeys(
        (
            "editions",
            "edition_new_page",
            "edition_page",
            "applications_page",
            "decision_page",
            "letter",
            "export_applications_csv",
            "export_scores_xlsx",
            "export_ranking_csv",
        ),
        STAFF_ONLY_PAGE,
    ),
    **dict.fromkeys(
        (
            "edition_create",
            "settings",
            "texts",
            "question_add",
            "question_edit",
            "question_delete",
            "question_translate",
            "criterion_add",
            "criterion_edit",
            "criterion_delete",
            "announce",
            "confirm_eligible",
            "declare_ineligible",
            "send_to_jury",
            "decide",
            "jury_statement",
            "results_publish",
            "declare_void",
        ),
        STAFF_ONLY_STEP,
    ),
}


@pytest.mark.parametrize("action", list(MATRIX))
def test_permission_matrix(world, action):
    """Each role in turn (staff last: the others must change nothing), on one world per action."""
    make_request, read_effect, done_url = ACTIONS[action]
    for role, expected in zip(ROLES, MATRIX[action], strict=True):
        client = Client()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        before = read_effect(world) if read_effect else None

        response = make_request(client, world)

        if expected == LOGIN:
            assert response.status_code == 302, role
            assert response.url.startswith(reverse("account_login") + "?next="), role
        else:
            assert response.status_code == expected, role
        if expected == D:
            assert response.url == done_url(world), role
            assert [m for m in messages_of(response) if "Nothing was changed" in m] == [], role
        if read_effect is not None:
            changed = read_effect(world) != before
            assert changed is (expected == D), role


def test_matrix_covers_every_page_and_step():
    assert set(MATRIX) == set(ACTIONS)
    assert all(len(row) == len(ROLES) for row in MATRIX.values())
    names = {pattern.name for pattern in urls_staff.urlpatterns}
    assert names == {
        "editions",
        "edition_new",
        "edition",
        "applications",
        "send_to_jury",
        "application_eligible",
        "application_ineligible",
        "letter",
        "decision",
        "jury_statement",
        "results_publish",
        "declare_void",
        "application_decide",
        "export",
    }
