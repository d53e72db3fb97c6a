"""machine_translate: languages, blank texts, the monthly limit and the usage count."""

import datetime as dt

import pytest
import time_machine

from educities.core.models import MachineTranslationUsage
from educities.core.translation.errors import (
    TranslationQuotaExceeded,
    TranslationRejected,
    TranslationRetryable,
    TranslationUnavailable,
)
from educities.core.translation.providers import TranslationResult
from educities.core.translation.services import machine_translate
from educities.core.translation.usage import (
    translation_usage_for_month,
    translation_usage_record,
)
from tests.core.translation.fake_services import Answer

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

MARCH = dt.datetime(2027, 3, 10, 12, 0, tzinfo=dt.UTC)
APRIL = dt.datetime(2027, 4, 2, 12, 0, tzinfo=dt.UTC)


def _usage_rows():
    return list(
        MachineTranslationUsage.objects.order_by("provider", "month").values_list(
            "provider", "month", "characters", "requests"
        )
    )


def test_machine_translate_returns_texts_in_order_and_records_usage(libretranslate):
    with time_machine.travel(MARCH, tick=False):
        results = machine_translate(texts=["Educating cities", "Hello"], source="en", target="fr")

    assert results == [
        TranslationResult(
            text="Villes éducatrices", detected_source=None, engine="libretranslate", characters=16
        ),
        TranslationResult(text="Bonjour", detected_source=None, engine="libretranslate", characters=5),
    ]
    assert _usage_rows() == [("libretranslate", dt.date(2027, 3, 1), 21, 1)]


def test_machine_translate_counts_per_provider_and_month(libretranslate, deepl, settings):
    with time_machine.travel(MARCH, tick=False):
        settings.TRANSLATION_PROVIDER = "libretranslate"
        machine_translate(texts=["Hello"], source="en", target="fr")
        machine_translate(texts=["Educating cities"], source="en", target="es")
        settings.TRANSLATION_PROVIDER = "deepl"
        machine_translate(texts=["Hello"], source="en", target="fr")
    with time_machine.travel(APRIL, tick=False):
        machine_translate(texts=["Hello"], source="en", target="ca")

    assert _usage_rows() == [
        ("deepl", dt.date(2027, 3, 1), 5, 1),
        ("deepl", dt.date(2027, 4, 1), 5, 1),
        ("libretranslate", dt.date(2027, 3, 1), 21, 2),
    ]
    with time_machine.travel(APRIL, tick=False):
        assert translation_usage_for_month(provider="deepl") == 5
        assert translation_usage_for_month(provider="deepl", month=dt.date(2027, 3, 31)) == 5
        assert translation_usage_for_month(provider="libretranslate") == 0


def test_machine_translate_month_follows_the_site_time_zone(libretranslate):
    # 23:30 UTC on 31 March is already 1 April in Madrid.
    with time_machine.travel(dt.datetime(2027, 3, 31, 23, 30, tzinfo=dt.UTC), tick=False):
        machine_translate(texts=["Hello"], source="en", target="fr")

    assert _usage_rows() == [("libretranslate", dt.date(2027, 4, 1), 5, 1)]


def test_machine_translate_skips_blank_texts(libretranslate):
    results = machine_translate(texts=["", "Hello", "   ", "Educating cities"], source="en", target="fr")

    assert [result.text for result in results] == ["", "Bonjour", "   ", "Villes éducatrices"]
    assert [result.characters for result in results] == [0, 5, 0, 16]
    assert libretranslate.received[0].json["q"] == ["Hello", "Educating cities"]


def test_machine_translate_only_blank_texts_sends_nothing(libretranslate):
    results = machine_translate(texts=["", " \n"], source="en", target="fr")

    assert [result.text for result in results] == ["", " \n"]
    assert libretranslate.received == []
    assert _usage_rows() == []


def test_machine_translate_html_mode_reaches_the_provider(deepl):
    results = machine_translate(texts=["<p>Hello</p>"], source="en", target="fr", html=True)

    assert results[0].text == "<p>Bonjour</p>"
    assert deepl.received[0].json["tag_handling"] == "html"


@pytest.mark.parametrize(
    ("source", "target", "expected_message"),
    [
        ("de", "fr", "“de” is not one of the site’s languages (ca, en, es, fr, pt)."),
        ("en", "EN", "“EN” is not one of the site’s languages (ca, en, es, fr, pt)."),
        ("en", "", "“” is not one of the site’s languages (ca, en, es, fr, pt)."),
        ("auto", "fr", "“auto” is not one of the site’s languages (ca, en, es, fr, pt)."),
        ("fr", "fr", "The source and target languages are the same."),
    ],
)
def test_machine_translate_bad_languages_are_rejected_before_any_request(
    libretranslate, source, target, expected_message
):
    with pytest.raises(TranslationRejected) as caught:
        machine_translate(texts=["Hello"], source=source, target=target)

    assert caught.value.message == expected_message
    assert libretranslate.received == []


@pytest.mark.parametrize("texts", ["Hello", ["Hello", None], ("Hello",)])
def test_machine_translate_texts_must_be_a_list_of_strings(libretranslate, texts):
    with pytest.raises(TranslationRejected) as caught:
        machine_translate(texts=texts, source="en", target="fr")

    assert caught.value.message == "Only a list of texts can be translated."
    assert libretranslate.received == []


def test_machine_translate_off_by_default_says_so(settings):
    settings.TRANSLATION_PROVIDER = "none"

    with pytest.raises(TranslationUnavailable) as caught:
        machine_translate(texts=["Hello"], source="en", target="fr")

    assert caught.value.message.startswith("Machine translation is turned off.")
    assert _usage_rows() == []


def test_machine_translate_monthly_limit_refuses_before_calling_the_provider(libretranslate, settings):
    settings.TRANSLATION_MONTHLY_CHARACTER_LIMIT = 20
    with time_machine.travel(MARCH, tick=False):
        translation_usage_record(provider="libretranslate", characters=15)

        with pytest.raises(TranslationQuotaExceeded) as caught:
            machine_translate(texts=["Educating cities"], source="en", target="fr")

    assert caught.value.message == (
        "This month’s machine-translation allowance is used up: 15 of 20 characters sent, "
        "and this text needs 16 more. Translation resumes next month."
    )
    assert libretranslate.received == []
    assert _usage_rows() == [("libretranslate", dt.date(2027, 3, 1), 15, 1)]


def test_machine_translate_monthly_limit_allows_up_to_the_limit_and_resets_next_month(
    libretranslate, settings
):
    settings.TRANSLATION_MONTHLY_CHARACTER_LIMIT = 20
    with time_machine.travel(MARCH, tick=False):
        translation_usage_record(provider="libretranslate", characters=15)
        assert [r.text for r in machine_translate(texts=["Hello"], source="en", target="fr")] == ["Bonjour"]
        with pytest.raises(TranslationQuotaExceeded):
            machine_translate(texts=["H"], source="en", target="fr")
    with time_machine.travel(APRIL, tick=False):
        machine_translate(texts=["Educating cities"], source="en", target="fr")

    assert _usage_rows() == [
        ("libretranslate", dt.date(2027, 3, 1), 20, 2),
        ("libretranslate", dt.date(2027, 4, 1), 16, 1),
    ]


def test_machine_translate_monthly_limit_counts_only_the_configured_provider(deepl, settings):
    settings.TRANSLATION_MONTHLY_CHARACTER_LIMIT = 10
    translation_usage_record(provider="libretranslate", characters=500)

    results = machine_translate(texts=["Hello"], source="en", target="fr")

    assert [result.text for result in results] == ["Bonjour"]


def test_machine_translate_failed_request_records_no_usage(deepl):
    deepl.scripted.append(Answer.json(500, {"message": "Internal error"}))

    with pytest.raises(TranslationRetryable):
        machine_translate(texts=["Hello"], source="en", target="fr")

    assert _usage_rows() == []


def test_translation_usage_record_adds_to_the_same_row():
    with time_machine.travel(MARCH, tick=False):
        translation_usage_record(provider="deepl", characters=100)
        usage = translation_usage_record(provider="deepl", characters=23)

    assert (usage.provider, usage.month, usage.characters, usage.requests) == (
        "deepl",
        dt.date(2027, 3, 1),
        123,
        2,
    )
    assert MachineTranslationUsage.objects.count() == 1
