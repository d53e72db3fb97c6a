"""A Portuguese city editor writes an experience; the Secretariat asks for a change, then publishes it;
machine translation (a local LibreTranslate speaking the real protocol) makes its French version; a
French visitor finds it with a French query, sees the machine-translation notice and switches to the
original. Three browser contexts: the editor (in Portuguese), the Secretariat (English), the visitor.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from educities.core.models import AuditEntry
from educities.experiences.enums import ExperienceStatus
from educities.experiences.models import Experience
from educities.members.domain.roles import role_grant_city_editor
from educities.members.enums import MembershipStatus
from tests.core.translation import fake_services
from tests.core.translation.fake_services import FakeService, libretranslate_responder
from tests.e2e.conftest import axe_serious_violations
from tests.e2e.helpers import sign_in, verified_user
from tests.factories import CityFactory, CountryFactory

pytestmark = [pytest.mark.django_db(transaction=True)]

TITLE = "Conselho Municipal das Crianças"
SUMMARY = "As crianças das escolas do concelho aconselham a câmara sobre o espaço público."
ACTIONS = "Cada escola elege dois representantes; o conselho reúne-se todos os meses."
LESSONS = "Ouvir as crianças muda a maneira de desenhar a cidade."
# What the fake engine answers for these texts (anything else comes back as "[fr] text").
FRENCH = {
    TITLE: "Conseil municipal des enfants",
    SUMMARY: "Les enfants des écoles de la commune conseillent la mairie sur l’espace public.",
    ACTIONS: "Chaque école élit deux représentants ; le conseil se réunit tous les mois.",
    LESSONS: "Écouter les enfants change la manière de dessiner la ville.",
}


@pytest.fixture
def libretranslate(settings, monkeypatch):
    for text, french in FRENCH.items():
        monkeypatch.setitem(fake_services.PHRASE_BOOK, (text, "fr"), french)
    service = FakeService(respond=libretranslate_responder(api_key="")).start()
    settings.TRANSLATION_PROVIDER = "libretranslate"
    settings.LIBRETRANSLATE_URL = service.url
    settings.LIBRETRANSLATE_API_KEY = ""
    settings.TRANSLATION_TIMEOUT = 5
    settings.TRANSLATION_MONTHLY_CHARACTER_LIMIT = 0
    try:
        yield service
    finally:
        service.stop()


def test_portuguese_experience_is_moderated_translated_and_found_in_french(
    live_server, page_factory, settings, libretranslate
):
    settings.STAFF_MFA_REQUIRED = False
    city = CityFactory(
        name="Porto", country=CountryFactory(code="PT"), membership_status=MembershipStatus.MEMBER
    )
    editor = verified_user(email="educacao@cm-porto.example.org", language="pt")
    role_grant_city_editor(user=editor, city=city)
    staff = verified_user(staff=True, email="secretariat.staff@example.org")
    base = live_server.url

    # --- The editor (in Portuguese) writes the experience step by step and submits it. ---
    editor_page = page_factory(locale="pt-PT")
    sign_in(editor_page, base, editor, language="pt")
    editor_page.goto(f"{base}/pt/experiences/new/")
    form = editor_page.locator("main form").last
    form.locator("select[name=original_language]").select_option("pt")
    form.locator("input[name=title]").fill(TITLE)
    form.locator("button[type=submit]").click()
    expect(editor_page).to_have_url(re.compile(r"/pt/experiences/[\w-]+/edit/basics/$"))
    editor_page.locator("textarea[name=summary]").fill(SUMMARY)
    editor_page.locator("input[name=start_date]").fill("2019-09-01")
    editor_page.locator("input[name=is_ongoing]").check()
    editor_page.locator("button[name=then][value=continue]").click()
    expect(editor_page).to_have_url(re.compile(r"/edit/description/$"))
    editor_page.locator("textarea[name=context]").fill("<p>O Porto quis ouvir as crianças.</p>")
    editor_page.locator("textarea[name=actions]").fill(f"<p>{ACTIONS}</p>")
    editor_page.locator("button[name=then][value=continue]").click()
    expect(editor_page).to_have_url(re.compile(r"/edit/classification/$"))
    editor_page.locator("input[name=themes][value=children_participation]").check()
    editor_page.locator("input[name=sdgs][value='4']").check()
    editor_page.locator("input[name=target_groups][value=children]").check()
    editor_page.locator("button[name=then][value=continue]").click()
    experience = Experience.objects.get(city=city)
    editor_page.goto(f"{base}/pt/experiences/{experience.slug}/edit/review/")
    assert axe_serious_violations(editor_page) == []
    editor_page.locator("form[action$='/step/submit/'] button[type=submit]").click()
    experience.refresh_from_db()
    assert experience.status == ExperienceStatus.SUBMITTED

    # --- The Secretariat asks for the lessons learnt. ---
    staff_page = page_factory()
    sign_in(staff_page, base, staff)
    staff_page.goto(f"{base}/en/experiences/moderation/")
    staff_page.get_by_role("link", name=TITLE).first.click()
    expect(staff_page).to_have_url(f"{base}/en/experiences/moderation/{experience.slug}/")
    assert axe_serious_violations(staff_page) == []
    request_form = staff_page.locator("form", has=staff_page.get_by_role("button", name="Request changes"))
    request_form.locator("textarea").fill("Please add the lessons learnt for other cities.")
    request_form.get_by_role("button", name="Request changes").click()
    expect(staff_page.locator(".messages")).to_contain_text("changes requested")
    experience.refresh_from_db()
    assert experience.status == ExperienceStatus.CHANGES_REQUESTED
    assert any("Please add the lessons learnt" in message.body for message in mail.outbox)

    # --- The editor sees the comment, writes the lessons and submits again. ---
    editor_page.goto(f"{base}/pt/experiences/{experience.slug}/manage/")
    expect(editor_page.locator("main")).to_contain_text("Please add the lessons learnt for other cities.")
    editor_page.goto(f"{base}/pt/experiences/{experience.slug}/edit/description/")
    editor_page.locator("textarea[name=lessons]").fill(f"<p>{LESSONS}</p>")
    editor_page.locator("button[name=then][value=continue]").click()
    editor_page.goto(f"{base}/pt/experiences/{experience.slug}/edit/review/")
    editor_page.locator("form[action$='/step/submit/'] button[type=submit]").click()
    experience.refresh_from_db()
    assert experience.status == ExperienceStatus.SUBMITTED

    # --- The Secretariat publishes it; the French machine translation is made after commit. ---
    staff_page.goto(f"{base}/en/experiences/moderation/{experience.slug}/")
    expect(staff_page.locator("main")).to_contain_text(LESSONS)
    staff_page.get_by_role("button", name="Publish", exact=True).click()
    expect(staff_page.locator(".messages")).to_contain_text("published")
    experience.refresh_from_db()
    assert experience.status == ExperienceStatus.PUBLISHED
    assert [entry.action for entry in AuditEntry.objects.filter(object_id=str(experience.pk)).order_by("id")][
        :5
    ] == ["create", "submit", "request_changes", "submit", "publish"]
    assert any(request.path == "/translate" for request in libretranslate.received)

    # --- A French visitor searches in French and finds it through its French translation. ---
    visitor = page_factory(locale="fr-FR")
    visitor.goto(f"{base}/fr/experiences/?q=conseil+enfants")
    result = visitor.get_by_role("link", name=FRENCH[TITLE])
    expect(result).to_be_visible()
    assert axe_serious_violations(visitor) == []
    result.click()
    expect(visitor).to_have_url(f"{base}/fr/experiences/{experience.slug}/")
    expect(visitor.locator("h1")).to_have_text(FRENCH[TITLE])
    notice = visitor.locator(".translation-notice").first
    expect(notice).to_contain_text("Traduction automatique")
    assert axe_serious_violations(visitor) == []

    # --- ... and switches to the original, in Portuguese. ---
    notice.get_by_role("link").click()
    expect(visitor).to_have_url(f"{base}/fr/experiences/{experience.slug}/?original=1")
    expect(visitor.locator("h1")).to_have_text(TITLE)
    expect(visitor.locator("h1")).to_have_attribute("lang", "pt")
    expect(visitor.locator("main")).to_contain_text(LESSONS)
