"""The 404 and 403 pages keep the site's layout and speak the reader's language."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_page_not_found_has_the_layout_in_the_readers_language(client):
    response = client.get("/es/experiences/no-such-experience/")

    assert response.status_code == 404
    with translation.override("es"):
        assert gettext("Page not found") in response.content.decode()
    assert 'lang="es"' in response.content.decode()
    assert 'id="main"' in response.content.decode()


def test_forbidden_page_has_the_layout(client):
    client.force_login(UserFactory())

    response = client.get("/en/backoffice/award/")

    assert response.status_code == 403
    assert "Not allowed" in response.content.decode()
    assert 'id="main"' in response.content.decode()
