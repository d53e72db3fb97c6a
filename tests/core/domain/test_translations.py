"""Multilingual content: originals, human and machine translations, staleness, and the machine task."""

import datetime as dt
import logging

import pytest
import time_machine

from educities.core.domain.errors import DomainError
from educities.core.domain.translations import (
    translation_digest,
    translation_mark_reviewed,
    translation_save_human,
    translation_save_machine,
    translation_set_original,
    translations_delete_for,
    translations_request_machine,
)
from educities.core.enums import Provenance
from educities.core.models import AuditEntry, MachineTranslationUsage, TextTranslation
from educities.core.tasks import task_translate_object
from tests.core.translation.fake_services import Answer
from tests.factories import NetworkFactory, StaffFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

MARCH = dt.datetime(2026, 3, 3, 10, 0, tzinfo=dt.UTC)
APRIL = dt.datetime(2026, 4, 1, 10, 0, tzinfo=dt.UTC)


def _rows(network):
    return list(
        TextTranslation.objects.filter(object_id=str(network.pk))
        .order_by("field", "language")
        .values_list("field", "language", "text", "provenance", "engine", "reviewed")
    )


def _row(network, language, field="description"):
    return TextTranslation.objects.get(object_id=str(network.pk), field=field, language=language)


@pytest.fixture
def network():
    return NetworkFactory(description="Educating cities")


@pytest.fixture
def translator():
    return StaffFactory(email="translator@example.org")


def test_translation_digest_ignores_outer_whitespace_and_line_endings():
    assert translation_digest("a\r\nb \n") == translation_digest("a\nb")
    assert translation_digest("a b") != translation_digest("a  b")
    assert len(translation_digest("")) == 64


def test_translation_set_original_creates_the_original_row(network, translator):
    with time_machine.travel(MARCH, tick=False):
        row = translation_set_original(
            obj=network, field="description", language="en", text="Educating cities", actor=translator
        )

    assert _rows(network) == [("description", "en", "Educating cities", "original", "", False)]
    assert (row.source_digest, row.translated_at, row.translator) == (
        translation_digest("Educating cities"),
        MARCH,
        translator,
    )


def test_translation_set_original_same_text_changes_nothing(network):
    with time_machine.travel(MARCH, tick=False):
        translation_set_original(obj=network, field="description", language="en", text="Educating cities")
    with time_machine.travel(APRIL, tick=False):
        row = translation_set_original(
            obj=network, field="description", language="en", text="Educating cities"
        )

    assert row.translated_at == MARCH
    assert TextTranslation.objects.count() == 1


def test_translation_save_human_records_provenance_digest_and_audit(network, translator):
    translation_set_original(obj=network, field="description", language="en", text="Educating cities")
    with time_machine.travel(MARCH, tick=False):
        row = translation_save_human(
            obj=network, field="description", language="fr", text="Villes éducatrices", actor=translator
        )

    assert _rows(network) == [
        ("description", "en", "Educating cities", "original", "", False),
        ("description", "fr", "Villes éducatrices", "human", "", False),
    ]
    assert (row.source_digest, row.translator, row.translated_at) == (
        translation_digest("Educating cities"),
        translator,
        MARCH,
    )
    assert list(AuditEntry.objects.values_list("action", "to_state", "comment", "actor")) == [
        ("translation_save", "fr", "description", translator.pk)
    ]


def test_translation_save_machine_records_engine_and_writes_no_audit(network):
    translation_set_original(obj=network, field="description", language="en", text="Educating cities")

    row = translation_save_machine(
        obj=network, field="description", language="es", text="Ciudades educadoras", engine="deepl"
    )

    assert _rows(network)[1] == ("description", "es", "Ciudades educadoras", "machine", "deepl", False)
    assert (row.translator, row.source_digest) == (None, translation_digest("Educating cities"))
    assert AuditEntry.objects.count() == 0


def test_translation_save_human_in_the_original_language_is_refused(network, translator):
    translation_set_original(obj=network, field="description", language="en", text="Educating cities")

    with pytest.raises(DomainError) as caught:
        translation_save_human(
            obj=network, field="description", language="en", text="Other", actor=translator
        )

    assert caught.value.message == (
        "This text was written in this language: edit the original instead of translating it."
    )
    assert _rows(network) == [("description", "en", "Educating cities", "original", "", False)]


def test_translation_save_human_without_original_is_refused(network, translator):
    with pytest.raises(DomainError) as caught:
        translation_save_human(
            obj=network, field="description", language="fr", text="Bonjour", actor=translator
        )

    assert caught.value.message == "This text has no original yet: write it before translating it."
    assert TextTranslation.objects.count() == 0


def test_translation_refusal_messages_are_translated(network, translator):
    from django.utils import translation

    translation_set_original(obj=network, field="description", language="en", text="Educating cities")
    with translation.override("fr"), pytest.raises(DomainError) as caught:
        translation_save_human(obj=network, field="description", language="en", text="x", actor=translator)

    assert caught.value.message == (
        "Ce texte a été écrit dans cette langue\u00a0: modifiez l’original au lieu de le traduire."
    )


@pytest.mark.parametrize(
    ("field", "language", "text", "expected"),
    [
        ("description", "de", "Hallo", "“de” is not one of the site’s languages (en, fr, es, pt, ca)."),
        ("description", "", "Salut", "“” is not one of the site’s languages (en, fr, es, pt, ca)."),
        ("description", "fr", "   ", "Write the translation before saving it."),
        ("", "fr", "Salut", "“” is not the name of a field."),
        ("description; DROP TABLE", "fr", "Salut", "“description; DROP TABLE” is not the name of a field."),
        ("x" * 65, "fr", "Salut", f"“{'x' * 65}” is not the name of a field."),
    ],
)
def test_translation_save_human_hostile_input_is_refused(
    network, translator, field, language, text, expected
):
    translation_set_original(obj=network, field="description", language="en", text="Educating cities")

    with pytest.raises(DomainError) as caught:
        translation_save_human(obj=network, field=field, language=language, text=text, actor=translator)

    assert caught.value.message == expected
    assert TextTranslation.objects.count() == 1


def test_translation_set_original_unsaved_object_is_refused():
    with pytest.raises(DomainError) as caught:
        translation_set_original(obj=NetworkFactory.build(), field="description", language="en", text="x")

    assert caught.value.message == "Save the item before adding texts in other languages."


def test_translation_changing_the_original_makes_translations_stale_until_retranslated(network, translator):
    translation_set_original(obj=network, field="description", language="en", text="Educating cities")
    translation_save_human(obj=network, field="description", language="fr", text="Villes", actor=translator)
    translation_save_machine(obj=network, field="description", language="es", text="Ciudades", engine="deepl")
    fresh = translation_digest("Educating cities")

    translation_set_original(obj=network, field="description", language="en", text="Hello")

    assert _row(network, "en").source_digest == translation_digest("Hello")
    assert (_row(network, "fr").source_digest, _row(network, "es").source_digest) == (fresh, fresh)
    translation_save_human(obj=network, field="description", language="fr", text="Bonjour", actor=translator)
    assert _row(network, "fr").source_digest == translation_digest("Hello")


def test_translation_set_original_in_another_language_moves_the_original_flag(network, translator):
    translation_set_original(obj=network, field="description", language="en", text="Educating cities")
    translation_save_machine(
        obj=network, field="description", language="es", text="Ciudades educadoras", engine="deepl"
    )

    translation_set_original(
        obj=network, field="description", language="es", text="Ciudades educadoras", actor=translator
    )

    assert _rows(network) == [
        ("description", "en", "Educating cities", "human", "", False),
        ("description", "es", "Ciudades educadoras", "original", "", False),
    ]
    # The former original was the text it was, not a translation of the new one: it is stale.
    assert _row(network, "en").source_digest == translation_digest("Educating cities")
    assert _row(network, "es").source_digest == translation_digest("Ciudades educadoras")
    assert TextTranslation.objects.filter(provenance=Provenance.ORIGINAL).count() == 1


def test_translation_save_machine_never_overwrites_a_fresh_human_translation(network, translator):
    translation_set_original(obj=network, field="description", language="en", text="Educating cities")
    human = translation_save_human(
        obj=network, field="description", language="fr", text="Villes éducatrices", actor=translator
    )

    row = translation_save_machine(
        obj=network, field="description", language="fr", text="Robot", engine="deepl"
    )

    assert row.pk == human.pk
    assert _row(network, "fr").text == "Villes éducatrices"
    assert _row(network, "fr").provenance == Provenance.HUMAN


def test_translation_save_machine_replaces_a_stale_human_translation(network, translator):
    translation_set_original(obj=network, field="description", language="en", text="Educating cities")
    translation_save_human(obj=network, field="description", language="fr", text="Villes", actor=translator)
    translation_set_original(obj=network, field="description", language="en", text="Hello")

    translation_save_machine(obj=network, field="description", language="fr", text="Bonjour", engine="deepl")

    row = _row(network, "fr")
    assert (row.text, row.provenance, row.engine, row.translator, row.source_digest) == (
        "Bonjour",
        "machine",
        "deepl",
        None,
        translation_digest("Hello"),
    )


def test_translation_save_machine_never_overwrites_the_original(network):
    translation_set_original(obj=network, field="description", language="en", text="Educating cities")

    translation_save_machine(obj=network, field="description", language="en", text="Robot", engine="deepl")

    assert _rows(network) == [("description", "en", "Educating cities", "original", "", False)]


def test_translation_mark_reviewed_sets_the_flag_and_audits(network, translator):
    translation_set_original(obj=network, field="description", language="en", text="Educating cities")
    translation_save_machine(obj=network, field="description", language="fr", text="Villes", engine="deepl")

    row = translation_mark_reviewed(obj=network, field="description", language="fr", actor=translator)

    assert (row.reviewed, row.translator, row.provenance) == (True, translator, "machine")
    assert list(AuditEntry.objects.values_list("action", "to_state", "comment")) == [
        ("translation_review", "fr", "description")
    ]
    # A new machine translation (after the original changed) must be checked again.
    translation_set_original(obj=network, field="description", language="en", text="Hello")
    translation_save_machine(obj=network, field="description", language="fr", text="Bonjour", engine="deepl")
    assert _row(network, "fr").reviewed is False


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("none", "There is no machine translation in this language to review."),
        ("human", "There is no machine translation in this language to review."),
        ("stale", "This translation is out of date: update it before marking it as reviewed."),
    ],
)
def test_translation_mark_reviewed_refuses_what_is_not_a_fresh_machine_translation(
    network, translator, setup, expected
):
    translation_set_original(obj=network, field="description", language="en", text="Educating cities")
    if setup == "human":
        translation_save_human(obj=network, field="description", language="fr", text="V", actor=translator)
    if setup == "stale":
        translation_save_machine(obj=network, field="description", language="fr", text="V", engine="deepl")
        translation_set_original(obj=network, field="description", language="en", text="Hello")

    with pytest.raises(DomainError) as caught:
        translation_mark_reviewed(obj=network, field="description", language="fr", actor=translator)

    assert caught.value.message == expected
    assert AuditEntry.objects.filter(action="translation_review").count() == 0


def test_translations_delete_for_removes_every_row_of_the_object(network):
    other = NetworkFactory()
    translation_set_original(obj=network, field="description", language="en", text="A")
    translation_set_original(obj=network, field="name", language="en", text="B")
    translation_set_original(obj=other, field="description", language="en", text="C")

    assert translations_delete_for(obj=network) == 2
    assert TextTranslation.objects.count() == 1


# --- machine translation task ------------------------------------------------------------------


def test_task_translate_object_with_provider_none_does_nothing(network, settings, caplog):
    settings.TRANSLATION_PROVIDER = "none"
    translation_set_original(obj=network, field="description", language="en", text="Educating cities")

    with caplog.at_level(logging.INFO, logger="educities.core.tasks"):
        result = task_translate_object.enqueue(
            content_type_id=_row(network, "en").content_type_id,
            object_id=str(network.pk),
            fields=["description"],
            targets=["fr", "es"],
        )

    assert result.return_value == {"saved": 0, "failed": 0}
    assert TextTranslation.objects.count() == 1
    assert [record.getMessage() for record in caplog.records] == [
        (
            f"Machine translation is off: object {_row(network, 'en').content_type_id}:{network.pk} "
            "left untranslated."
        )
    ]


def test_translations_request_machine_with_provider_none_schedules_nothing(
    network, settings, django_capture_on_commit_callbacks
):
    settings.TRANSLATION_PROVIDER = "none"
    translation_set_original(obj=network, field="description", language="en", text="Educating cities")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        scheduled = translations_request_machine(obj=network, fields=["description"], targets=["fr"])

    assert (scheduled, callbacks) == (False, [])
    assert TextTranslation.objects.count() == 1


def test_task_translate_object_fills_missing_and_stale_languages_only(network, translator, libretranslate):
    translation_set_original(obj=network, field="description", language="en", text="Educating cities")
    translation_set_original(obj=network, field="name", language="en", text="Hello")
    translation_save_human(obj=network, field="description", language="fr", text="Villes", actor=translator)
    translation_save_machine(obj=network, field="description", language="es", text="Viejo", engine="deepl")
    translation_save_human(obj=network, field="name", language="pt", text="Olá antigo", actor=translator)
    translation_set_original(obj=network, field="name", language="en", text="Hello")  # unchanged: fresh
    # The description's Spanish translation is of an older text: stale.
    TextTranslation.objects.filter(object_id=str(network.pk), language="es").update(source_digest="old")

    result = task_translate_object.enqueue(
        content_type_id=_row(network, "en").content_type_id,
        object_id=str(network.pk),
        fields=["description", "name"],
        targets=["en", "fr", "es", "pt"],
    )

    assert result.return_value == {"saved": 4, "failed": 0}
    assert _rows(network) == [
        ("description", "en", "Educating cities", "original", "", False),
        ("description", "es", "Ciudades educadoras", "machine", "libretranslate", False),
        ("description", "fr", "Villes", "human", "", False),
        ("description", "pt", "Cidades educadoras", "machine", "libretranslate", False),
        ("name", "en", "Hello", "original", "", False),
        ("name", "es", "[es] Hello", "machine", "libretranslate", False),
        ("name", "fr", "Bonjour", "machine", "libretranslate", False),
        ("name", "pt", "Olá antigo", "human", "", False),
    ]
    sent = sorted((request.json["target"], tuple(request.json["q"])) for request in libretranslate.received)
    assert sent == [
        ("es", ("Educating cities", "Hello")),
        ("fr", ("Hello",)),
        ("pt", ("Educating cities",)),
    ]
    usage = MachineTranslationUsage.objects.get()
    assert (usage.provider, usage.characters, usage.requests) == ("libretranslate", 42, 3)


def test_task_translate_object_sends_rich_fields_as_html(network, libretranslate):
    translation_set_original(obj=network, field="description", language="en", text="<p>Hello</p>")

    task_translate_object.enqueue(
        content_type_id=_row(network, "en").content_type_id,
        object_id=str(network.pk),
        fields=["description"],
        targets=["fr"],
        rich_fields=["description"],
    )

    assert libretranslate.received[0].json["format"] == "html"
    assert _row(network, "fr").text == "<p>Bonjour</p>"


def test_task_translate_object_skips_blank_originals_and_deleted_objects(network, libretranslate):
    translation_set_original(obj=network, field="description", language="en", text="  ")
    content_type_id = _row(network, "en").content_type_id

    blank = task_translate_object.enqueue(
        content_type_id=content_type_id, object_id=str(network.pk), fields=["description"], targets=["fr"]
    )
    gone = task_translate_object.enqueue(
        content_type_id=content_type_id, object_id="999999", fields=["description"], targets=["fr"]
    )

    assert (blank.return_value, gone.return_value) == ({"saved": 0, "failed": 0}, {"saved": 0, "failed": 0})
    assert libretranslate.received == []


def test_task_translate_object_failed_language_is_logged_and_others_go_on(network, libretranslate):
    translation_set_original(obj=network, field="description", language="en", text="Educating cities")
    libretranslate.scripted.append(Answer.json(400, {"error": "fr is not supported"}))

    result = task_translate_object.enqueue(
        content_type_id=_row(network, "en").content_type_id,
        object_id=str(network.pk),
        fields=["description"],
        targets=["fr", "es"],
    )

    assert result.return_value == {"saved": 1, "failed": 1}
    assert [row[1] for row in _rows(network)] == ["en", "es"]


def test_translations_request_machine_enqueues_after_commit(
    network, translator, libretranslate, django_capture_on_commit_callbacks
):
    translation_set_original(obj=network, field="description", language="en", text="Educating cities")
    translation_save_human(obj=network, field="description", language="fr", text="Villes", actor=translator)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        scheduled = translations_request_machine(obj=network, fields=["description"], targets=["fr", "ca"])

    assert (scheduled, len(callbacks)) == (True, 1)
    assert TextTranslation.objects.count() == 2  # nothing happens before the commit
    callbacks[0]()
    assert _rows(network) == [
        ("description", "ca", "Ciutats educadores", "machine", "libretranslate", False),
        ("description", "en", "Educating cities", "original", "", False),
        ("description", "fr", "Villes", "human", "", False),
    ]


def test_translations_request_machine_refuses_bad_targets_before_scheduling(
    network, libretranslate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(DomainError) as caught:
        translations_request_machine(obj=network, fields=["description"], targets=["fr", "xx"])

    assert caught.value.message == "“xx” is not one of the site’s languages (en, fr, es, pt, ca)."
    assert callbacks == []
