"""Hostile input to the translation pages: a clear message, nothing changed, never a 500."""

import pytest
from django.urls import reverse

from educities.core.domain.translations import translation_save_machine, translation_set_original
from educities.experiences.enums import ExperienceStatus
from tests.experiences.factories import make_experience, make_translator
from tests.experiences.views.hostile_support import translate_url as _translate_url
from tests.experiences.views.hostile_support import translations_of as _translations
from tests.experiences.views.moderation_support import messages_of
from tests.factories import make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

NOTHING = " Nothing was changed."


# --- Translation ------------------------------------------------------------------------------------------


@pytest.fixture
def translator_client(client):
    client.force_login(make_translator())
    return client


@pytest.fixture
def published():
    return make_experience(status=ExperienceStatus.PUBLISHED, original_language="en")


@pytest.mark.parametrize("language", ["de", "xx", "EN", "fr-ca", "x" * 300, "%3Cscript%3E"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_translate_language_not_on_the_site_changes_nothing(translator_client, published, language, method):
    before = _translations(published)

    response = getattr(translator_client, method)(
        _translate_url(published, language), {"action": "save", "field": "title", "text": "Titel"}
    )

    assert (response.status_code, response.url) == (302, reverse("experiences:translations"))
    assert messages_of(response) == [
        f"“{language[:20]}” is not one of the site’s languages (en, fr, es, pt, ca)."
    ]
    assert _translations(published) == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"action": "save", "field": "city", "text": "Lisbonne"},
            "Only the texts of an experience are translated.",
        ),
        ({"action": "save", "field": "slug", "text": "x"}, "Only the texts of an experience are translated."),
        (
            {"action": "save", "field": "__class__", "text": "x"},
            "Only the texts of an experience are translated.",
        ),
        ({"action": "save", "field": "", "text": "x"}, "Only the texts of an experience are translated."),
        ({"action": "review", "field": "status"}, "Only the texts of an experience are translated."),
        ({"action": "save", "field": "title", "text": ""}, "Write the translation before saving it."),
        ({"action": "save", "field": "title", "text": "   "}, "Write the translation before saving it."),
        (
            {"action": "save", "field": "context", "text": "<script>alert(1)</script>"},
            "Write the translation before saving it.",
        ),
        (
            {"action": "save", "field": "title", "text": "t" * 6000},
            "This text is too long or has control characters.",
        ),
        (
            {"action": "save", "field": "context", "text": "t" * 100_000},
            "Ensure this value has at most 60000 characters (it has 100000).",
        ),
        ({"action": "save", "field": "title", "text": "Titre\x00"}, "Null characters are not allowed."),
        ({"action": "publish", "field": "title"}, "This step does not exist."),
        ({"field": "title", "text": "Titre"}, "This field is required."),
        (
            {"action": "review", "field": "title"},
            "There is no machine translation in this language to review.",
        ),
    ],
)
def test_translate_hostile_post_changes_nothing(translator_client, published, data, message):
    before = _translations(published)

    response = translator_client.post(_translate_url(published, "fr"), data)

    assert (response.status_code, response.url) == (302, _translate_url(published, "fr"))
    assert messages_of(response) == [message + NOTHING]
    assert _translations(published) == before


def test_translate_in_the_original_language_changes_nothing(translator_client, published):
    before = _translations(published)

    response = translator_client.post(
        _translate_url(published, "en"), {"action": "save", "field": "title", "text": "Another title"}
    )

    assert messages_of(response) == [
        "This text was written in this language: edit the original instead of translating it." + NOTHING
    ]
    assert _translations(published) == before


def test_translate_review_of_a_stale_machine_translation_changes_nothing(translator_client, published):
    translation_save_machine(obj=published, field="summary", language="fr", text="Résumé", engine="deepl")
    translation_set_original(obj=published, field="summary", language="en", text="A new summary.")
    before = _translations(published)

    response = translator_client.post(
        _translate_url(published, "fr"), {"action": "review", "field": "summary"}
    )

    assert messages_of(response) == [
        "This translation is out of date: update it before marking it as reviewed." + NOTHING
    ]
    assert _translations(published) == before


@pytest.mark.parametrize("action", ["save", "request"])
def test_translate_a_draft_changes_nothing(client, action):
    experience = make_experience(status=ExperienceStatus.DRAFT)
    client.force_login(make_city_editor(experience.city))

    page = client.get(_translate_url(experience, "fr"))
    response = client.post(
        _translate_url(experience, "fr"), {"action": action, "field": "title", "text": "Titre"}
    )

    assert page.status_code == 200
    assert "it is translated once it is published." in page.content.decode()
    assert 'name="action" value="save"' not in page.content.decode()
    assert messages_of(response) == ["An experience is translated once it is published." + NOTHING]
    assert _translations(experience) == []


def test_translate_unknown_experience_is_404(translator_client):
    assert (
        translator_client.get(reverse("experiences:translate", args=["no-such-thing", "fr"])).status_code
        == 404
    )
