import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _isolated_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    settings.MAP_TILE_URL = ""  # tests never reach the internet
    # Staff powers without an authenticator app by default; the MFA tests turn the requirement on.
    settings.STAFF_MFA_REQUIRED = False
    # A request in another language leaves it active in this thread: every test starts in English.
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def pdf_bytes() -> bytes:
    from tests.factories import make_pdf_bytes

    return make_pdf_bytes()
