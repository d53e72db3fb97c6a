"""The award's and the jury's pages pass axe-core (WCAG 2.1 A/AA: no serious or critical violation).

Every page is checked in Spanish; the public pages, the application form and the juror's item page in
English too. The world (``_world``) has three editions: 2024 with its results published, 2026 whose jury
is at work (two applications in review, four jurors, one of them conflicted) and 2028 whose call is open
(Rosario has a draft). The 2026 jury is moved to the phase each page is about: setting up, blind
scoring, deliberation (every score and a threaded discussion) or decision.

Helper "awards-e2e". Set ``EDUCITIES_SCREENSHOTS`` to a folder to keep a screenshot of each page.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

from educities.accounts.models import User
from educities.awards.enums import ApplicationStatus, EditionPhase
from educities.members.domain.roles import role_grant_city_editor
from educities.members.enums import FeeStatus
from educities.reviews.domain.jury import assignments_bulk
from educities.reviews.domain.scoring import note_add
from educities.reviews.enums import ReviewPhase
from educities.reviews.models import ReviewItem
from tests.awards.factories import edition_close_call, make_application, make_edition, make_juror
from tests.e2e.conftest import axe_serious_violations
from tests.experiences.factories import make_experience
from tests.factories import CityFactory, CountryFactory, FeeRecordFactory, UserFactory
from tests.reviews.factories import make_review, process_walk

pytestmark = [pytest.mark.django_db(transaction=True)]

LOCALES = {"en": "en-GB", "es": "es-ES"}
BOTH = ("en", "es")
SPANISH = ("es",)
# name: (path, who signs in (None: nobody), the phase of the 2026 jury, languages)
SCREENS = {
    "public-editions": ("/{lang}/award/", None, ReviewPhase.BLIND, BOTH),
    "public-edition-results": ("/{lang}/award/2024/", None, ReviewPhase.BLIND, BOTH),
    "public-edition-open": ("/{lang}/award/2028/", None, ReviewPhase.BLIND, SPANISH),
    "city-apply": ("/{lang}/award/2028/apply/", "editor", ReviewPhase.BLIND, SPANISH),
    "city-application-draft": ("/{lang}/award/applications/{draft}/", "editor", ReviewPhase.BLIND, BOTH),
    "city-application-in-review": (
        "/{lang}/award/applications/{application}/",
        "editor",
        ReviewPhase.BLIND,
        SPANISH,
    ),
    "city-application-winner": ("/{lang}/award/applications/{winner}/", "winner", ReviewPhase.BLIND, SPANISH),
    "staff-editions": ("/{lang}/backoffice/award/", "staff", ReviewPhase.BLIND, SPANISH),
    "staff-edition": ("/{lang}/backoffice/award/2026/", "staff", ReviewPhase.BLIND, SPANISH),
    "staff-applications": (
        "/{lang}/backoffice/award/2026/applications/",
        "staff",
        ReviewPhase.BLIND,
        SPANISH,
    ),
    "staff-decision": ("/{lang}/backoffice/award/2026/decision/", "staff", ReviewPhase.DECISION, SPANISH),
    "staff-decision-results": (
        "/{lang}/backoffice/award/2024/decision/",
        "staff",
        ReviewPhase.BLIND,
        SPANISH,
    ),
    "jury-manage-setup": ("/{lang}/jury/{process}/manage/", "staff", ReviewPhase.SETUP, SPANISH),
    "jury-manage-deliberation": (
        "/{lang}/jury/{process}/manage/",
        "staff",
        ReviewPhase.DELIBERATION,
        SPANISH,
    ),
    "jury-ranking": ("/{lang}/jury/{process}/ranking/", "staff", ReviewPhase.DECISION, SPANISH),
    "juror-dashboard-blind": ("/{lang}/jury/{process}/", "juror", ReviewPhase.BLIND, SPANISH),
    "juror-item-blind": ("/{lang}/jury/items/{item}/", "juror", ReviewPhase.BLIND, BOTH),
    "juror-dashboard-deliberation": ("/{lang}/jury/{process}/", "juror", ReviewPhase.DELIBERATION, SPANISH),
    "juror-item-deliberation": ("/{lang}/jury/items/{item}/", "juror", ReviewPhase.DELIBERATION, BOTH),
}
CASES = [(screen, lang) for screen, (_path, _who, _phase, languages) in SCREENS.items() for lang in languages]
PHASE_ORDER = [ReviewPhase.SETUP, ReviewPhase.BLIND, ReviewPhase.DELIBERATION, ReviewPhase.DECISION]


def _user(email: str, **kwargs) -> User:
    user = UserFactory(email=email, **kwargs)
    user.emailaddress_set.create(email=email, verified=True, primary=True)
    return user


def _world(jury_phase: str) -> tuple[dict, dict]:
    """(users by role, the ids the paths need), the 2026 jury in ``jury_phase``."""
    staff = _user("secretaria@example.org", is_staff=True, language="es")

    # 2024: results published (a winner, and its city's editor).
    past = make_edition(phase=EditionPhase.RESULTS, number=5, year=2024, theme="Values-based education")
    winner = past.applications.get(status=ApplicationStatus.WINNER)
    winner_editor = _user("educacion@ganadora.example.org", language="es")
    role_grant_city_editor(user=winner_editor, city=winner.city)

    # 2026: the jury at work on Rosario's and Medellín's applications; Tunis has just submitted, with
    # its fees unpaid (a rule not met: the Secretariat must write a reason to confirm it).
    edition = make_edition(phase=EditionPhase.OPEN, number=6, year=2026, questions=2)
    rosario = CityFactory(name="Rosario", slug="rosario", country=CountryFactory(code="AR"))
    FeeRecordFactory(city=rosario, year=2026, status=FeeStatus.PAID)
    editor = _user("educacion@rosario.example.org", first_name="Lucía", last_name="Gómez", language="es")
    role_grant_city_editor(user=editor, city=rosario)
    jurors = {}
    for key, code, city_name in (
        ("ana", "ES", "Barcelona"),
        ("bernard", "FR", "Lyon"),
        ("carla", "PT", "Lisboa"),
        ("diego", "AR", "Córdoba"),  # same country as Rosario: conflicted with its application
    ):
        user = _user(
            f"{key}@jury.example.org", first_name=key.capitalize(), last_name="Jurado", language="es"
        )
        jurors[key] = make_juror(
            edition=edition, user=user, city=CityFactory(name=city_name, country=CountryFactory(code=code))
        )
    experience = make_experience(
        city=rosario, status="published", original_language="es", title="Consejo de niñas y niños"
    )
    application = make_application(
        edition=edition,
        city=rosario,
        experience=experience,
        language="es",
        status=ApplicationStatus.IN_REVIEW,
    )
    medellin = make_application(
        edition=edition,
        city=CityFactory(name="Medellín", country=CountryFactory(code="CO")),
        status=ApplicationStatus.IN_REVIEW,
    )
    tunis = CityFactory(name="Tunis", country=CountryFactory(code="TN"))
    FeeRecordFactory(city=tunis, year=2025, status=FeeStatus.UNPAID)
    make_application(edition=edition, city=tunis, status=ApplicationStatus.SUBMITTED)
    edition_close_call(edition=edition)

    process = edition.review_process
    item_ids = {"rosario": application.review_item_id, "medellin": medellin.review_item_id}

    def fresh_items() -> dict[str, ReviewItem]:  # the rules read the phase from ``item.process``
        return {key: ReviewItem.objects.select_related("process").get(pk=pk) for key, pk in item_ids.items()}

    items = fresh_items()
    trio = [jurors["ana"], jurors["bernard"], jurors["carla"]]
    assignments_bulk(process=process, reviewers=trio, items=list(items.values()), actor=None)
    assignments_bulk(process=process, reviewers=[jurors["diego"]], items=[items["medellin"]], actor=None)
    reached = PHASE_ORDER.index(jury_phase)
    if reached >= PHASE_ORDER.index(ReviewPhase.BLIND):
        process = process_walk(process, ReviewPhase.BLIND)
        items = fresh_items()
        make_review(items["rosario"], jurors["ana"], values=[8, 7, 9, 6, 8, None], comment="Muy pertinente.")
        make_review(items["rosario"], jurors["bernard"], values=[7, 7, 7, 7, 7, 7])
        make_review(items["medellin"], jurors["ana"], values=[6, 6, None, None, None, None], complete=False)
    if reached >= PHASE_ORDER.index(ReviewPhase.DELIBERATION):
        make_review(items["rosario"], jurors["carla"], values=[9, 9, 9, 9, 9, 2])
        make_review(items["medellin"], jurors["diego"], values=[5, 6, 7, 5, 6, 7])
        process = process_walk(process, ReviewPhase.DELIBERATION)
        items = fresh_items()
        note = note_add(
            item=items["rosario"],
            actor=User.objects.get(pk=jurors["ana"].user_id),
            body="Propongo esta experiencia como ganadora.",
        )
        note_add(
            item=items["rosario"],
            actor=User.objects.get(pk=jurors["bernard"].user_id),
            body="De acuerdo: el impacto en los barrios es claro.",
            parent=note,
        )
    if reached >= PHASE_ORDER.index(ReviewPhase.DECISION):
        process_walk(process, ReviewPhase.DECISION)

    # 2028: the call is open; Rosario has started a draft.
    future = make_edition(phase=EditionPhase.OPEN, number=7, year=2028, questions=2)
    draft = make_application(edition=future, city=rosario, language="es", letter=False)

    users = {
        "staff": staff,
        "editor": editor,
        "winner": winner_editor,
        "juror": User.objects.get(pk=jurors["ana"].user_id),
    }
    ids = {
        "draft": draft.pk,
        "application": application.pk,
        "winner": winner.pk,
        "process": process.pk,
        "item": items["rosario"].pk,
    }
    return users, ids


def _sign_in_with_cookie(page, base_url: str, user) -> None:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    name = django_settings.SESSION_COOKIE_NAME
    page.context.add_cookies([{"name": name, "value": client.cookies[name].value, "url": base_url}])


@pytest.mark.parametrize(("screen", "lang"), CASES)
def test_award_page_has_no_serious_accessibility_violation(live_server, page_factory, settings, screen, lang):
    settings.STAFF_MFA_REQUIRED = False
    path, who, jury_phase, _languages = SCREENS[screen]
    users, ids = _world(jury_phase)
    page = page_factory(locale=LOCALES[lang])
    if who is not None:
        _sign_in_with_cookie(page, live_server.url, users[who])

    response = page.goto(live_server.url + path.format(lang=lang, **ids))

    assert response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("main h1").first).to_be_visible()
    folder = os.environ.get("EDUCITIES_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"award-{screen}-{lang}.png"), full_page=True)
    assert axe_serious_violations(page) == []
