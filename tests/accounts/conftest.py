import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _fresh_cache_and_language():
    # allauth keeps rate limits and used TOTP codes in the cache; ids repeat between tests on SQLite.
    cache.clear()
    with translation.override("en"):
        yield
    cache.clear()
