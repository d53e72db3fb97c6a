import pytest

from tests.core.translation.fake_services import FakeService, deepl_responder, libretranslate_responder

LIBRETRANSLATE_KEY = "lt-key-123"
DEEPL_KEY = "0b6c3f0e-5c2a-4d1e-9a8b-7f6e5d4c3b2a:fx"


@pytest.fixture
def libretranslate(settings):
    """A LibreTranslate server that asks for an API key, and the settings that point at it."""
    service = FakeService(respond=libretranslate_responder(api_key=LIBRETRANSLATE_KEY)).start()
    settings.TRANSLATION_PROVIDER = "libretranslate"
    settings.LIBRETRANSLATE_URL = service.url
    settings.LIBRETRANSLATE_API_KEY = LIBRETRANSLATE_KEY
    settings.TRANSLATION_TIMEOUT = 5
    settings.TRANSLATION_MONTHLY_CHARACTER_LIMIT = 0
    try:
        yield service
    finally:
        service.stop()


@pytest.fixture
def deepl(settings):
    """A DeepL server (free-plan key) and the settings that point at it."""
    service = FakeService(respond=deepl_responder(api_key=DEEPL_KEY)).start()
    settings.TRANSLATION_PROVIDER = "deepl"
    settings.DEEPL_API_KEY = DEEPL_KEY
    settings.DEEPL_URL = service.url
    settings.TRANSLATION_TIMEOUT = 5
    settings.TRANSLATION_MONTHLY_CHARACTER_LIMIT = 0
    try:
        yield service
    finally:
        service.stop()


@pytest.fixture
def sleeps(monkeypatch):
    """The retry waits the translation task asked for (nobody really sleeps)."""
    waits: list[float] = []
    monkeypatch.setattr("educities.core.tasks.translation_retry_sleep", waits.append)
    return waits
