import pytest

from tests.core.translation.fake_services import FakeService, libretranslate_responder


@pytest.fixture
def libretranslate(settings):
    """A local LibreTranslate fake and the settings that point at it."""
    service = FakeService(respond=libretranslate_responder()).start()
    settings.TRANSLATION_PROVIDER = "libretranslate"
    settings.LIBRETRANSLATE_URL = service.url
    settings.LIBRETRANSLATE_API_KEY = ""
    settings.TRANSLATION_TIMEOUT = 5
    settings.TRANSLATION_MONTHLY_CHARACTER_LIMIT = 0
    settings.TRANSLATION_MAX_ATTEMPTS = 1
    try:
        yield service
    finally:
        service.stop()
