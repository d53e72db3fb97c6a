"""The LibreTranslate client against a local server that speaks LibreTranslate's API."""

import socket

import pytest

from educities.core.translation.errors import (
    TranslationRejected,
    TranslationRetryable,
    TranslationUnavailable,
)
from educities.core.translation.providers import LibreTranslateProvider, TranslationResult
from tests.core.translation.conftest import LIBRETRANSLATE_KEY
from tests.core.translation.fake_services import Answer, FakeService, libretranslate_responder

pytestmark = [pytest.mark.integration]


def _provider(service, *, api_key=LIBRETRANSLATE_KEY, timeout=5.0):
    return LibreTranslateProvider(url=service.url, api_key=api_key, timeout=timeout)


def test_libretranslate_translate_sends_one_request_with_the_real_body(libretranslate):
    results = _provider(libretranslate).translate(
        texts=["Educating cities", "Hello"], source="en", target="fr"
    )

    assert results == [
        TranslationResult(
            text="Villes éducatrices", detected_source=None, engine="libretranslate", characters=16
        ),
        TranslationResult(text="Bonjour", detected_source=None, engine="libretranslate", characters=5),
    ]
    [request] = libretranslate.received
    assert (request.method, request.path) == ("POST", "/translate")
    assert request.headers["content-type"] == "application/json"
    assert request.json == {
        "q": ["Educating cities", "Hello"],
        "source": "en",
        "target": "fr",
        "format": "text",
        "api_key": LIBRETRANSLATE_KEY,
    }


def test_libretranslate_translate_without_api_key_leaves_it_out():
    service = FakeService(respond=libretranslate_responder()).start()
    try:
        results = _provider(service, api_key="").translate(texts=["Hello"], source="en", target="fr")
    finally:
        service.stop()

    assert [result.text for result in results] == ["Bonjour"]
    assert service.received[0].json == {"q": ["Hello"], "source": "en", "target": "fr", "format": "text"}


def test_libretranslate_translate_html_keeps_the_markup(libretranslate):
    results = _provider(libretranslate).translate(
        texts=['<p class="lead">Educating cities</p>'], source="en", target="ca", html=True
    )

    assert results[0].text == '<p class="lead">Ciutats educadores</p>'
    assert libretranslate.received[0].json["format"] == "html"


def test_libretranslate_translate_auto_source_reports_detected_language(libretranslate):
    results = _provider(libretranslate).translate(
        texts=["Hello", "Educating cities"], source="auto", target="fr"
    )

    assert [result.detected_source for result in results] == ["en", "en"]


def test_libretranslate_translate_single_string_answer_is_accepted(libretranslate):
    libretranslate.scripted.append(Answer.json(200, {"translatedText": "Bonjour"}))

    results = _provider(libretranslate).translate(texts=["Hello"], source="en", target="fr")

    assert [result.text for result in results] == ["Bonjour"]


def test_libretranslate_translate_empty_list_sends_nothing(libretranslate):
    assert _provider(libretranslate).translate(texts=[], source="en", target="fr") == []
    assert libretranslate.received == []


def test_libretranslate_wrong_api_key_is_rejected(libretranslate):
    with pytest.raises(TranslationRejected) as caught:
        _provider(libretranslate, api_key="wrong").translate(texts=["Hello"], source="en", target="fr")

    assert caught.value.message == (
        "LibreTranslate refused the request (HTTP 403): "
        "Invalid API key. Please contact the server operator to obtain an API key."
    )


def test_libretranslate_unsupported_language_is_rejected(libretranslate):
    with pytest.raises(TranslationRejected) as caught:
        _provider(libretranslate).translate(texts=["Hello"], source="en", target="de")

    assert caught.value.message == "LibreTranslate refused the request (HTTP 400): de is not supported"


@pytest.mark.parametrize(
    ("answer", "expected_error", "expected_message"),
    [
        (
            Answer.json(429, {"error": "Too many request limits violations"}),
            TranslationRetryable,
            "LibreTranslate is receiving too many requests; the translation will be tried again later.",
        ),
        (
            Answer.json(500, {"error": "Cannot translate text: model failed"}),
            TranslationRetryable,
            "LibreTranslate failed (HTTP 500): Cannot translate text: model failed",
        ),
        (
            Answer(status=502, body=b"<html>Bad Gateway</html>", content_type="text/html"),
            TranslationRetryable,
            "LibreTranslate failed (HTTP 502): <html>Bad Gateway</html>",
        ),
        (
            Answer(status=200, body=b"{not json"),
            TranslationRetryable,
            "LibreTranslate sent an answer that could not be read.",
        ),
        (
            Answer.json(200, {"translatedText": ["only one"]}),
            TranslationRetryable,
            "LibreTranslate sent an answer that could not be read.",
        ),
        (
            Answer.json(200, ["translatedText"]),
            TranslationRetryable,
            "LibreTranslate sent an answer that could not be read.",
        ),
        (
            Answer.json(404, {"error": "Not Found"}),
            TranslationRejected,
            "LibreTranslate refused the request (HTTP 404): Not Found",
        ),
    ],
)
def test_libretranslate_error_answers_map_to_typed_errors(
    libretranslate, answer, expected_error, expected_message
):
    libretranslate.scripted.append(answer)

    with pytest.raises(expected_error) as caught:
        _provider(libretranslate).translate(texts=["Hello", "Educating cities"], source="en", target="fr")

    assert type(caught.value) is expected_error
    assert caught.value.message == expected_message


def test_libretranslate_slow_answer_times_out_as_retryable(libretranslate):
    libretranslate.scripted.append(Answer(status=200, body=b'{"translatedText": ["Bonjour"]}', delay=1.0))

    with pytest.raises(TranslationRetryable) as caught:
        _provider(libretranslate, timeout=0.2).translate(texts=["Hello"], source="en", target="fr")

    assert caught.value.message == "LibreTranslate did not answer within 0.2 seconds."


def test_libretranslate_unreachable_server_is_retryable():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again below: nobody listens there
    provider = LibreTranslateProvider(url=f"http://127.0.0.1:{port}", api_key="", timeout=2)

    with pytest.raises(TranslationRetryable) as caught:
        provider.translate(texts=["Hello"], source="en", target="fr")

    assert caught.value.message.startswith("LibreTranslate could not be reached: ")


@pytest.mark.parametrize("url", ["ftp://translate.example.org", "translate.example.org", "http://"])
def test_libretranslate_non_http_url_is_unavailable(url):
    with pytest.raises(TranslationUnavailable) as caught:
        LibreTranslateProvider(url=url, api_key="", timeout=2)

    assert caught.value.message == f"The LibreTranslate address “{url}” is not an http(s) URL."


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [("en", "fr", True), ("auto", "ca", True), ("ca", "pt", True), ("en", "en", False), ("en", "xx", False)],
)
def test_libretranslate_supported_languages(source, target, expected):
    provider = LibreTranslateProvider(url="http://127.0.0.1:1", timeout=1)

    assert provider.supported(source, target) is expected
