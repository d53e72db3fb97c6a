"""The DeepL client against a local server that speaks DeepL's API (v2/translate)."""

import pytest

from educities.core.translation.errors import (
    TranslationQuotaExceeded,
    TranslationRejected,
    TranslationRetryable,
)
from educities.core.translation.providers import DeepLProvider, TranslationResult
from tests.core.translation.conftest import DEEPL_KEY
from tests.core.translation.fake_services import Answer

pytestmark = [pytest.mark.integration]


def _provider(service, *, api_key=DEEPL_KEY, timeout=5.0):
    return DeepLProvider(url=service.url, api_key=api_key, timeout=timeout)


def test_deepl_translate_sends_auth_header_and_the_real_body(deepl):
    results = _provider(deepl).translate(texts=["Educating cities", "Hello"], source="en", target="fr")

    assert results == [
        TranslationResult(text="Villes éducatrices", detected_source="en", engine="deepl", characters=16),
        TranslationResult(text="Bonjour", detected_source="en", engine="deepl", characters=5),
    ]
    [request] = deepl.received
    assert (request.method, request.path) == ("POST", "/v2/translate")
    assert request.headers["authorization"] == f"DeepL-Auth-Key {DEEPL_KEY}"
    assert request.headers["content-type"] == "application/json"
    assert request.json == {
        "text": ["Educating cities", "Hello"],
        "source_lang": "EN",
        "target_lang": "FR",
        "show_billed_characters": True,
    }


@pytest.mark.parametrize(
    ("target", "expected_target_lang", "expected_text"),
    [
        ("en", "EN-GB", "Educating cities"),
        ("pt", "PT-PT", "[pt] Ciudades educadoras"),
        ("ca", "CA", "[ca] Ciudades educadoras"),
    ],
)
def test_deepl_translate_asks_for_british_english_and_european_portuguese(
    deepl, target, expected_target_lang, expected_text
):
    results = _provider(deepl).translate(texts=["Ciudades educadoras"], source="es", target=target)

    assert deepl.received[0].json["target_lang"] == expected_target_lang
    assert deepl.received[0].json["source_lang"] == "ES"
    assert results[0].text == expected_text
    assert results[0].detected_source == "es"


def test_deepl_translate_auto_source_leaves_source_lang_out(deepl):
    results = _provider(deepl).translate(texts=["Hello"], source="auto", target="fr")

    assert "source_lang" not in deepl.received[0].json
    assert results[0].detected_source == "en"


def test_deepl_translate_html_sets_tag_handling(deepl):
    results = _provider(deepl).translate(
        texts=["<p>The library opens at night.</p>"], source="en", target="fr", html=True
    )

    assert results[0].text == "<p>La bibliothèque ouvre la nuit.</p>"
    assert deepl.received[0].json["tag_handling"] == "html"


def test_deepl_translate_counts_billed_characters_from_the_answer(deepl):
    deepl.scripted.append(
        Answer.json(
            200,
            {"translations": [{"detected_source_language": "EN", "text": "Bonjour", "billed_characters": 7}]},
        )
    )

    results = _provider(deepl).translate(texts=["Hello"], source="en", target="fr")

    assert results[0].characters == 7


def test_deepl_translate_without_billed_characters_counts_the_text(deepl):
    deepl.scripted.append(
        Answer.json(200, {"translations": [{"detected_source_language": "EN", "text": "Bonjour"}]})
    )

    results = _provider(deepl).translate(texts=["Hello"], source="en", target="fr")

    assert results[0].characters == 5


def test_deepl_translate_splits_more_than_fifty_texts_into_batches(deepl):
    texts = [f"Sentence {number}" for number in range(120)]

    results = _provider(deepl).translate(texts=texts, source="en", target="es")

    assert [len(request.json["text"]) for request in deepl.received] == [50, 50, 20]
    assert [result.text for result in results] == [f"[es] Sentence {number}" for number in range(120)]


def test_deepl_wrong_key_is_rejected(deepl):
    with pytest.raises(TranslationRejected) as caught:
        _provider(deepl, api_key="not-the-key").translate(texts=["Hello"], source="en", target="fr")

    assert caught.value.message == (
        "DeepL refused the authentication key (check EDUCITIES_DEEPL_API_KEY): "
        "Wrong endpoint or authentication key."
    )


def test_deepl_unsupported_target_is_rejected(deepl):
    with pytest.raises(TranslationRejected) as caught:
        _provider(deepl).translate(texts=["Hello"], source="en", target="xx")

    assert (
        caught.value.message == "DeepL refused the request (HTTP 400): Value for 'target_lang' not supported."
    )


@pytest.mark.parametrize(
    ("answer", "expected_error", "expected_message"),
    [
        (
            Answer.json(413, {"message": "Request Entity Too Large"}),
            TranslationRejected,
            "The text is too long for one DeepL request: Request Entity Too Large",
        ),
        (
            Answer.json(414, {"message": "URI Too Long"}),
            TranslationRejected,
            "The text is too long for one DeepL request: URI Too Long",
        ),
        (
            Answer.json(429, {"message": "Too many requests"}),
            TranslationRetryable,
            "DeepL is receiving too many requests; the translation will be tried again later.",
        ),
        (
            Answer.json(529, {"message": "Too many requests"}),
            TranslationRetryable,
            "DeepL is receiving too many requests; the translation will be tried again later.",
        ),
        (
            Answer.json(456, {"message": "Quota exceeded"}),
            TranslationQuotaExceeded,
            "The DeepL character quota for this billing period is used up: Quota exceeded",
        ),
        (
            Answer.json(500, {"message": "Internal server error"}),
            TranslationRetryable,
            "DeepL failed (HTTP 500): Internal server error",
        ),
        (
            Answer.json(503, {"message": "Service unavailable", "detail": "maintenance"}),
            TranslationRetryable,
            "DeepL failed (HTTP 503): Service unavailable",
        ),
        (
            Answer(status=200, body=b"<html>captive portal</html>", content_type="text/html"),
            TranslationRetryable,
            "DeepL sent an answer that could not be read.",
        ),
        (
            Answer.json(200, {"translations": [{"detected_source_language": "EN"}]}),
            TranslationRetryable,
            "DeepL sent an answer that could not be read.",
        ),
    ],
)
def test_deepl_error_answers_map_to_typed_errors(deepl, answer, expected_error, expected_message):
    deepl.scripted.append(answer)

    with pytest.raises(expected_error) as caught:
        _provider(deepl).translate(texts=["Hello"], source="en", target="fr")

    assert type(caught.value) is expected_error
    assert caught.value.message == expected_message


def test_deepl_slow_answer_times_out_as_retryable(deepl):
    deepl.scripted.append(Answer.json(200, {"translations": []}))
    deepl.scripted[0].delay = 1.0

    with pytest.raises(TranslationRetryable) as caught:
        _provider(deepl, timeout=0.25).translate(texts=["Hello"], source="en", target="fr")

    assert caught.value.message == "DeepL did not answer within 0.25 seconds."


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [("en", "pt", True), ("ca", "es", True), ("auto", "fr", True), ("fr", "fr", False), ("en", "xx", False)],
)
def test_deepl_supported_languages(source, target, expected):
    provider = DeepLProvider(url="https://api.deepl.com", api_key="k", timeout=1)

    assert provider.supported(source, target) is expected
