"""task_machine_translate: JSON results, and retries of temporary failures only."""

import pytest
from django_tasks import TaskResultStatus

from educities.core.models import MachineTranslationUsage
from educities.core.tasks import task_machine_translate
from educities.core.translation.errors import (
    TranslationQuotaExceeded,
    TranslationRejected,
    TranslationRetryable,
    TranslationUnavailable,
)
from tests.core.translation.fake_services import Answer

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _retry_settings(settings):
    settings.TRANSLATION_MAX_ATTEMPTS = 3
    settings.TRANSLATION_RETRY_DELAY = 2.0


def test_task_machine_translate_returns_json_results(deepl, sleeps):
    result = task_machine_translate.enqueue(texts=["Hello", ""], source="en", target="fr")

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == [
        {"text": "Bonjour", "detected_source": "en", "engine": "deepl", "characters": 5},
        {"text": "", "detected_source": None, "engine": "deepl", "characters": 0},
    ]
    assert len(deepl.received) == 1
    assert sleeps == []


@pytest.mark.parametrize(
    "failure",
    [
        Answer.json(429, {"message": "Too many requests"}),
        Answer.json(503, {"message": "Service unavailable"}),
        Answer(status=200, body=b"not json"),
    ],
)
def test_task_machine_translate_retries_temporary_failures_with_backoff(deepl, sleeps, failure):
    deepl.scripted.extend([failure, failure])

    result = task_machine_translate.enqueue(texts=["Hello"], source="en", target="fr", html=False)

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value[0]["text"] == "Bonjour"
    assert len(deepl.received) == 3
    assert sleeps == [2.0, 4.0]
    assert MachineTranslationUsage.objects.get().requests == 1


def test_task_machine_translate_gives_up_after_max_attempts(libretranslate, sleeps, settings):
    settings.TRANSLATION_MAX_ATTEMPTS = 4
    libretranslate.scripted.extend([Answer.json(500, {"error": "Cannot translate text"})] * 4)

    result = task_machine_translate.enqueue(texts=["Hello"], source="en", target="fr")

    assert result.status == TaskResultStatus.FAILED
    assert result.errors[0].exception_class is TranslationRetryable
    assert len(libretranslate.received) == 4
    assert sleeps == [2.0, 4.0, 8.0]
    assert MachineTranslationUsage.objects.count() == 0


def test_task_machine_translate_timeout_is_retried(libretranslate, sleeps, settings):
    settings.TRANSLATION_TIMEOUT = 0.2
    libretranslate.scripted.append(Answer(status=200, body=b'{"translatedText": ["late"]}', delay=1.0))

    result = task_machine_translate.enqueue(texts=["Hello"], source="en", target="fr")

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value[0]["text"] == "Bonjour"
    assert sleeps == [2.0]


@pytest.mark.parametrize(
    ("failure", "expected_error"),
    [
        (Answer.json(456, {"message": "Quota exceeded"}), TranslationQuotaExceeded),
        (Answer.json(403, {"message": "Wrong endpoint or authentication key."}), TranslationRejected),
        (Answer.json(400, {"message": "Value for 'target_lang' not supported."}), TranslationRejected),
    ],
)
def test_task_machine_translate_does_not_retry_final_failures(deepl, sleeps, failure, expected_error):
    deepl.scripted.append(failure)

    result = task_machine_translate.enqueue(texts=["Hello"], source="en", target="fr")

    assert result.status == TaskResultStatus.FAILED
    assert result.errors[0].exception_class is expected_error
    assert len(deepl.received) == 1
    assert sleeps == []


def test_task_machine_translate_when_off_fails_once(settings, sleeps):
    settings.TRANSLATION_PROVIDER = "none"

    result = task_machine_translate.enqueue(texts=["Hello"], source="en", target="fr")

    assert result.status == TaskResultStatus.FAILED
    assert result.errors[0].exception_class is TranslationUnavailable
    assert sleeps == []


def test_task_machine_translate_with_one_attempt_never_sleeps(deepl, sleeps, settings):
    settings.TRANSLATION_MAX_ATTEMPTS = 1
    deepl.scripted.append(Answer.json(429, {"message": "Too many requests"}))

    result = task_machine_translate.enqueue(texts=["Hello"], source="en", target="fr")

    assert result.status == TaskResultStatus.FAILED
    assert len(deepl.received) == 1
    assert sleeps == []
