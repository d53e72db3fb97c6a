"""Which provider the settings choose."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from educities.core.translation.errors import TranslationUnavailable
from educities.core.translation.providers import DeepLProvider, LibreTranslateProvider, NoneProvider
from educities.core.translation.registry import translation_provider

pytestmark = [pytest.mark.unit]


@pytest.fixture(autouse=True)
def _no_translation_settings(settings):
    settings.TRANSLATION_PROVIDER = "none"
    settings.LIBRETRANSLATE_URL = ""
    settings.LIBRETRANSLATE_API_KEY = ""
    settings.DEEPL_API_KEY = ""
    settings.DEEPL_URL = ""
    settings.TRANSLATION_TIMEOUT = 20.0


@pytest.mark.parametrize("name", ["none", "", "None "])
def test_translation_provider_none_is_the_default(settings, name):
    settings.TRANSLATION_PROVIDER = name

    provider = translation_provider()

    assert isinstance(provider, NoneProvider)
    assert (provider.name, provider.enabled) == ("none", False)


def test_translation_provider_none_translate_says_translation_is_off():
    with pytest.raises(TranslationUnavailable) as caught:
        translation_provider().translate(texts=["Hello"], source="en", target="fr")

    assert caught.value.message == (
        "Machine translation is turned off. Set EDUCITIES_TRANSLATION_PROVIDER to "
        "“libretranslate” or “deepl” to turn it on."
    )
    assert translation_provider().supported("en", "fr") is False


def test_translation_provider_libretranslate_reads_url_key_and_timeout(settings):
    settings.TRANSLATION_PROVIDER = "LibreTranslate"
    settings.LIBRETRANSLATE_URL = "https://translate.example.org/"
    settings.LIBRETRANSLATE_API_KEY = "secret"
    settings.TRANSLATION_TIMEOUT = 7.5

    provider = translation_provider()

    assert isinstance(provider, LibreTranslateProvider)
    assert (provider.url, provider.api_key, provider.timeout) == (
        "https://translate.example.org",
        "secret",
        7.5,
    )


def test_translation_provider_libretranslate_without_url_is_unavailable(settings):
    settings.TRANSLATION_PROVIDER = "libretranslate"

    with pytest.raises(TranslationUnavailable) as caught:
        translation_provider()

    assert caught.value.message == "LibreTranslate is chosen but EDUCITIES_LIBRETRANSLATE_URL is not set."


@pytest.mark.parametrize(
    ("api_key", "url", "expected_url"),
    [
        ("abc:fx", "", "https://api-free.deepl.com"),
        ("abc", "", "https://api.deepl.com"),
        ("abc:fx", "https://deepl-proxy.example.org/", "https://deepl-proxy.example.org"),
    ],
)
def test_translation_provider_deepl_url_follows_the_key(settings, api_key, url, expected_url):
    settings.TRANSLATION_PROVIDER = "deepl"
    settings.DEEPL_API_KEY = api_key
    settings.DEEPL_URL = url

    provider = translation_provider()

    assert isinstance(provider, DeepLProvider)
    assert (provider.url, provider.api_key, provider.timeout) == (expected_url, api_key, 20.0)


def test_translation_provider_deepl_without_key_is_unavailable(settings):
    settings.TRANSLATION_PROVIDER = "deepl"

    with pytest.raises(TranslationUnavailable) as caught:
        translation_provider()

    assert caught.value.message == "DeepL is chosen but EDUCITIES_DEEPL_API_KEY is not set."


def test_translation_provider_unknown_name_is_improperly_configured(settings):
    settings.TRANSLATION_PROVIDER = "google"

    with pytest.raises(ImproperlyConfigured) as caught:
        translation_provider()

    assert str(caught.value) == (
        "EDUCITIES_TRANSLATION_PROVIDER='google' is not a translation provider; "
        "choose one of: none, libretranslate, deepl."
    )
