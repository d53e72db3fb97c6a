"""The moderation and translation pages of the bank of experiences pass axe-core (WCAG 2.1 AA), in en and fr.

Helper "moderation". Set ``EDUCITIES_SCREENSHOTS`` to a folder to keep a screenshot of each page.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

from educities.core.domain.translations import translation_save_machine, translation_set_original
from educities.experiences.domain.translations import experience_translation_save
from educities.experiences.domain.workflow import experience_transition
from educities.experiences.models import Experience
from tests.e2e.conftest import axe_serious_violations
from tests.e2e.helpers import verified_user
from tests.experiences.factories import make_experience, make_translator
from tests.experiences.views.moderation_support import open_revision
from tests.factories import CityFactory, CountryFactory

pytestmark = [pytest.mark.django_db(transaction=True)]

LOCALES = {"en": "en-GB", "fr": "fr-FR"}
SCREENS = {
    "moderation-queue": ("/{lang}/experiences/moderation/", "staff"),
    "moderation-queue-filtered": ("/{lang}/experiences/moderation/?state=published&country=ES", "staff"),
    "moderation-resubmission": ("/{lang}/experiences/moderation/walking-bus/", "staff"),
    "moderation-revision": ("/{lang}/experiences/moderation/children-council/", "staff"),
    "translation-queue": ("/{lang}/experiences/translations/?language=fr", "translator"),
    "translate": ("/{lang}/experiences/translations/children-council/fr/", "translator"),
}


def _world() -> dict:
    girona = CityFactory(name="Girona", slug="girona", country=CountryFactory(code="ES"))
    council = make_experience(city=girona, status="published", title="Children's council of Girona")
    Experience.objects.filter(pk=council.pk).update(slug="children-council")
    council.refresh_from_db()
    translator = make_translator(email="translator@example.org")
    translation_save_machine(
        obj=council, field="title", language="fr", text="Conseil des enfants", engine="deepl"
    )
    experience_translation_save(
        experience=council, field="summary", language="fr", text="Les enfants conseillent.", actor=translator
    )
    translation_set_original(obj=council, field="summary", language="en", text="Children advise the council.")
    open_revision(
        council,
        title="Children's council of Girona and Salt",
        themes=["children_participation", "public_space"],
        sdgs=["4"],
    )
    walking = make_experience(city=girona, status="in_review", title="Walking bus", original_language="ca")
    Experience.objects.filter(pk=walking.pk).update(slug="walking-bus")
    walking.refresh_from_db()
    experience_transition(
        experience=walking, action="request_changes", actor=None, comment="Add the results."
    )
    experience_transition(experience=walking, action="submit", actor=None)
    make_experience(status="submitted", title="Gardens in schools", original_language="es")
    translator.emailaddress_set.create(email=translator.email, verified=True, primary=True)
    return {"staff": verified_user(staff=True, email="staff@example.org"), "translator": translator}


def _sign_in_with_cookie(page, base_url: str, user) -> None:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    name = django_settings.SESSION_COOKIE_NAME
    page.context.add_cookies([{"name": name, "value": client.cookies[name].value, "url": base_url}])


@pytest.mark.parametrize("lang", list(LOCALES))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_moderation_page_has_no_serious_accessibility_violation(
    live_server, page_factory, settings, screen, lang
):
    settings.STAFF_MFA_REQUIRED = False
    users = _world()
    path, who = SCREENS[screen]
    page = page_factory(locale=LOCALES[lang])
    _sign_in_with_cookie(page, live_server.url, users[who])

    response = page.goto(live_server.url + path.format(lang=lang))

    assert response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("main h1").first).to_be_visible()
    folder = os.environ.get("EDUCITIES_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{screen}-{lang}.png"), full_page=True)
    assert axe_serious_violations(page) == []
