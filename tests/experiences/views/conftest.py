import pytest
from django.utils import translation

from tests.experiences.views.moderation_support import staff_user


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def staff_client(client):
    client.force_login(staff_user())
    return client
