"""The translators' workspace: the queue of published experiences that need a translator in a language
(with the coverage chart and table), and the side-by-side page where texts are translated, reviewed or
sent to the machine."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from educities.core.domain.translations import translation_save_machine, translation_set_original
from educities.core.domain.translations_queries import translated_text
from educities.core.enums import Provenance
from educities.core.models import TextTranslation
from educities.experiences.domain.translations import experience_translation_save
from educities.experiences.enums import TEXT_FIELDS
from tests.experiences.factories import make_experience, make_translator
from tests.experiences.views.moderation_support import messages_of

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def translator():
    return make_translator(email="traductrice@example.org")


@pytest.fixture
def translator_client(client, translator):
    client.force_login(translator)
    return client


def _queue(client, **query):
    return client.get(reverse("experiences:translations"), query)


def _rows(response) -> list[tuple]:
    return [
        (item["experience"].title, item["missing"], item["stale"], item["machine"])
        for item in response.context["items"]
    ]


def _translate_url(experience, language: str) -> str:
    return reverse("experiences:translate", kwargs={"slug": experience.slug, "language": language})


def _translate_everything(experience, language: str, actor) -> None:
    for field in TEXT_FIELDS:
        experience_translation_save(
            experience=experience, field=field, language=language, text=f"{field} ({language})", actor=actor
        )


# --- The queue ----------------------------------------------------------------------------------------


@pytest.fixture
def bank(translator):
    """Published experiences in several situations for French, and some that never show."""
    missing = make_experience(status="published", title="Nothing in French")
    mixed = make_experience(status="published", title="Partly in French")
    _translate_everything(mixed, "fr", translator)
    translation_save_machine(obj=mixed, field="summary", language="fr", text="Résumé", engine="deepl")
    TextTranslation.objects.filter(object_id=str(mixed.pk), field="summary", language="fr").delete()
    translation_save_machine(obj=mixed, field="summary", language="fr", text="Résumé machine", engine="deepl")
    translation_set_original(obj=mixed, field="lessons", language="en", text="<p>New lessons.</p>")
    done = make_experience(status="published", title="All in French")
    _translate_everything(done, "fr", translator)
    make_experience(status="published", title="Written in French", original_language="fr")
    make_experience(status="submitted", title="Not published yet")
    make_experience(status="archived", title="Archived")
    return {"missing": missing, "mixed": mixed, "done": done}


def test_translation_queue_lists_what_needs_a_translator_in_the_language(translator_client, bank):
    response = _queue(translator_client, language="fr")

    assert response.status_code == 200
    assert sorted(_rows(response)) == [
        (
            "Nothing in French",
            [
                "Title",
                "Summary",
                "Context",
                "Objectives",
                "Actions and methodology",
                "Results and evaluation",
                "Lessons and transferability",
            ],
            [],
            [],
        ),
        ("Partly in French", [], ["Lessons and transferability"], ["Summary"]),
    ]


@pytest.mark.parametrize(
    ("need", "titles"),
    [
        ("missing", ["Nothing in French"]),
        ("stale", ["Partly in French"]),
        ("machine", ["Partly in French"]),
        ("", ["Nothing in French", "Partly in French"]),
    ],
)
def test_translation_queue_filters_by_need(translator_client, bank, need, titles):
    response = _queue(translator_client, language="fr", state=need)

    assert sorted(row[0] for row in _rows(response)) == titles


def test_translation_queue_in_the_original_language_lists_only_the_others(translator_client, bank):
    response = _queue(translator_client, language="en")

    assert [row[0] for row in _rows(response)] == ["Written in French"]


def test_translation_queue_defaults_to_the_page_language(translator_client, bank):
    with translation.override("fr"):
        url = reverse("experiences:translations")

    response = translator_client.get(url)

    assert response.context["language"] == "fr"
    assert sorted(row[0] for row in _rows(response)) == ["Nothing in French", "Partly in French"]


def test_translation_queue_links_to_the_translate_page(translator_client, bank):
    response = _queue(translator_client, language="fr")

    assert f'href="{_translate_url(bank["missing"], "fr")}"' in response.content.decode()


@pytest.mark.parametrize("query", [{"language": "de"}, {"language": "<b>"}, {"state": "everything"}])
def test_translation_queue_unknown_filter_is_ignored_with_a_message(translator_client, bank, query):
    response = _queue(translator_client, **query)

    assert response.status_code == 200
    assert messages_of(response) == ["Some filters were not understood and are ignored."]
    assert response.context["language"] in {"en", "fr"}


def test_translation_queue_shows_the_coverage_as_chart_and_table(translator_client, translator):
    one = make_experience(status="published", title="One", original_language="en")
    make_experience(status="published", title="Two", original_language="pt")
    _translate_everything(one, "fr", translator)
    translation_set_original(obj=one, field="title", language="en", text="One, again")

    response = _queue(translator_client, language="fr")

    rows = {row["language"]: row for row in response.context["coverage"]}
    page = response.content.decode()
    assert {code: (row["up_to_date"], row["total"], row["percent_text"]) for code, row in rows.items()} == {
        "en": (7, 14, "50 %"),
        "fr": (6, 14, "43 %"),
        "es": (0, 14, "0 %"),
        "pt": (7, 14, "50 %"),
        "ca": (0, 14, "0 %"),
    }
    assert (rows["fr"]["coverage"].human, rows["fr"]["coverage"].stale, rows["fr"]["coverage"].missing) == (
        7,
        1,
        7,
    )
    assert 'role="img"' in page
    assert "English: 50 %; French: 43 %;" in page
    assert "<caption>Texts of experiences per language</caption>" in page


def _queue_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = _queue(client, language="fr")
    assert response.status_code == 200
    return len(queries)


def test_translation_queue_query_count_does_not_grow_with_items(translator_client, translator):
    first = make_experience(status="published")
    translation_save_machine(obj=first, field="title", language="fr", text="Titre", engine="deepl")
    few = _queue_queries(translator_client)
    for _ in range(3):
        experience = make_experience(status="published")
        translation_save_machine(obj=experience, field="title", language="fr", text="Titre", engine="deepl")
    many = _queue_queries(translator_client)

    assert many == few


# --- The translation page --------------------------------------------------------------------------------


@pytest.fixture
def published():
    return make_experience(
        status="published",
        title="Children's council",
        summary="Children advise the council.",
        original_language="en",
    )


def test_translate_page_shows_each_text_side_by_side_with_its_provenance(
    translator_client, translator, published
):
    experience_translation_save(
        experience=published, field="title", language="fr", text="Conseil des enfants", actor=translator
    )
    translation_save_machine(
        obj=published, field="summary", language="fr", text="Les enfants conseillent.", engine="deepl"
    )
    translation_save_machine(
        obj=published, field="context", language="fr", text="<p>Contexte</p>", engine="deepl"
    )
    translation_set_original(obj=published, field="context", language="en", text="<p>A new context.</p>")

    response = translator_client.get(_translate_url(published, "fr"))

    page = response.content.decode()
    fields = {row["item"].field: row for row in response.context["fields"]}
    assert response.status_code == 200
    assert list(fields) == list(TEXT_FIELDS)
    title, summary, context = fields["title"]["item"], fields["summary"]["item"], fields["context"]["item"]
    assert (title.original.text, title.original.language) == ("Children's council", "en")
    assert (title.translation.text, title.translation.provenance, title.needs_review) == (
        "Conseil des enfants",
        Provenance.HUMAN,
        False,
    )
    assert (summary.translation.is_machine, fields["summary"]["engine_label"], summary.needs_review) == (
        True,
        "DeepL",
        True,
    )
    assert (context.translation.is_stale, context.needs_review) == (True, False)
    assert fields["objectives"]["item"].translation is None
    assert '<div class="translation-text" lang="en">Children&#x27;s council</div>' in page
    assert '<textarea id="text-title" name="text" lang="fr" rows="3">Conseil des enfants</textarea>' in page
    assert "Machine translation (DeepL)" in page
    assert "out of date: the original changed since" in page
    assert page.count('name="action" value="review"') == 1
    assert "no translation provider is configured" in page


def test_translate_page_in_the_original_language_offers_no_form(translator_client, published):
    response = translator_client.get(_translate_url(published, "en"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "This experience was written in English: choose another language to translate it into." in page
    assert 'name="action" value="save"' not in page


def test_translate_save_records_a_human_translation(translator_client, translator, published):
    response = translator_client.post(
        _translate_url(published, "fr"), {"action": "save", "field": "title", "text": "Conseil des enfants"}
    )

    row = TextTranslation.objects.get(object_id=str(published.pk), field="title", language="fr")
    assert (response.status_code, response.url) == (302, _translate_url(published, "fr") + "#field-title")
    assert (row.text, row.provenance, row.translator) == ("Conseil des enfants", Provenance.HUMAN, translator)
    assert messages_of(response) == ["The translation of “Title” into French is saved."]


def test_translate_save_corrects_a_machine_translation(translator_client, published):
    translation_save_machine(
        obj=published, field="summary", language="fr", text="Enfants conseil.", engine="deepl"
    )

    translator_client.post(
        _translate_url(published, "fr"),
        {"action": "save", "field": "summary", "text": "Les enfants conseillent le conseil municipal."},
    )

    value = translated_text(obj=published, field="summary", language="fr")
    assert (value.text, value.provenance, value.engine) == (
        "Les enfants conseillent le conseil municipal.",
        Provenance.HUMAN,
        "",
    )


def test_translate_save_sanitises_rich_text(translator_client, published):
    translator_client.post(
        _translate_url(published, "fr"),
        {
            "action": "save",
            "field": "context",
            "text": '<p onclick="x()">Contexte</p><script>alert(1)</script>',
        },
    )

    assert translated_text(obj=published, field="context", language="fr").text == "<p>Contexte</p>"


def test_translate_review_marks_a_machine_translation_reviewed(translator_client, translator, published):
    translation_save_machine(obj=published, field="summary", language="fr", text="Résumé", engine="deepl")

    response = translator_client.post(
        _translate_url(published, "fr"), {"action": "review", "field": "summary"}
    )

    row = TextTranslation.objects.get(object_id=str(published.pk), field="summary", language="fr")
    assert (row.reviewed, row.translator, row.provenance) == (True, translator, Provenance.MACHINE)
    assert messages_of(response) == [
        "The machine translation of “Summary” into French is marked as reviewed."
    ]


def test_translate_request_without_a_provider_says_so(translator_client, published, settings):
    settings.TRANSLATION_PROVIDER = "none"

    response = translator_client.post(_translate_url(published, "fr"), {"action": "request"})

    assert response.status_code == 302
    assert messages_of(response) == [
        (
            "Machine translation is not available: no translation provider is configured on this site. "
            "Nothing was requested."
        )
    ]


def test_translate_request_with_a_provider_is_queued(translator_client, published, settings):
    settings.TRANSLATION_PROVIDER = "libretranslate"

    response = translator_client.post(_translate_url(published, "fr"), {"action": "request"})
    page = translator_client.get(_translate_url(published, "fr")).content.decode()

    assert messages_of(response) == [
        (
            "Machine translation into French was requested for the missing and out-of-date texts. "
            "It shows here once it is done."
        )
    ]
    assert "Ask the machine translation" in page
